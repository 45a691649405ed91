import { z } from 'zod';
import { Email, Id, IsoDateInput, Password, PersonName, Version } from './common.js';
import { RoundView, SaveRoundRequest } from './assessments.js';
import { answerValues } from '../checklist/answer-values.js';
import { problemCodes } from '../checklist/evaluate.js';
import { vendorFormExemptions } from '../vendors/form-need.js';
import { VendorFormStatus } from '../vendors/status.js';
import { responsibleParties, roleSharingStatuses } from '../vendors/role-sharing.js';

const ItemId = z.string().max(40);
const Text = (max: number) => z.string().trim().max(max);

export const VendorSide = z.enum(['facility', 'vendor']);
export type VendorSide = z.infer<typeof VendorSide>;

export const VendorCompany = z.object({ id: Id, name: z.string(), version: Version });
export type VendorCompany = z.infer<typeof VendorCompany>;

// ---------------------------------------------------------------- contracts

const ContractFields = {
  /** 契約名: what the contract is for, e.g. 電子カルテ保守. */
  title: Text(200).min(1),
  /** Systems the contract covers (電子カルテ, レセコン, PACS, ネットワーク, 部門システム…). */
  systems: z.array(Text(200).min(1)).min(1).max(50),
  maintenanceContract: z.boolean(),
  remoteMaintenance: z.boolean(),
  /** Whether a system the contract covers holds patient information (Q&A 12-D-22: if none, no vendor form). */
  handlesPatientData: z.boolean().default(true),
  /** Set when this vendor works as a subcontractor under another contract's vendor (元請). */
  primeContractId: Id.nullable().default(null),
  contactName: Text(100).default(''),
  contactEmail: Email.or(z.literal('')).default(''),
  notes: Text(4000).default(''),
};

/** A new contract names a new vendor company, or one the facility already has a contract with. */
export const CreateContractRequest = z.strictObject({
  vendorId: Id.optional(),
  vendorName: Text(200).min(1).optional(),
  ...ContractFields,
});
export type CreateContractRequest = z.input<typeof CreateContractRequest>;

export const UpdateContractRequest = z.strictObject({ version: Version, ...ContractFields });
export type UpdateContractRequest = z.input<typeof UpdateContractRequest>;

const ContractRef = z.object({ id: Id, title: z.string(), vendorName: z.string() });

export const VendorFormSummary = z.object({
  id: Id,
  contractId: Id,
  fiscalYear: z.int(),
  fiscalYearLabel: z.string(),
  edition: z.string(),
  status: VendorFormStatus,
  excludedItems: z.array(z.string()),
  invitedEmail: z.string(),
  requestedAt: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  reminderDays: z.int(),
  remindedAt: z.string().nullable(),
  reminderCount: z.int(),
  /** The next reminder e-mail, while the vendor has not submitted. */
  nextReminderAt: z.string().nullable(),
  answeredItems: z.int(),
  itemCount: z.int(),
  /** Items whose latest message is the facility's question. */
  openQueries: z.int(),
  version: Version,
});
export type VendorFormSummary = z.infer<typeof VendorFormSummary>;

export const ContractView = z.object({
  id: Id,
  organizationId: Id,
  facilityId: Id,
  facilityName: z.string(),
  vendor: z.object({ id: Id, name: z.string() }),
  title: z.string(),
  systems: z.array(z.string()),
  maintenanceContract: z.boolean(),
  remoteMaintenance: z.boolean(),
  handlesPatientData: z.boolean(),
  /** null: the contract needs its own vendor form each year; otherwise why it needs none. */
  vendorFormExemption: z.enum(vendorFormExemptions).nullable(),
  primeContract: ContractRef.nullable(),
  subcontracts: z.array(ContractRef),
  contactName: z.string(),
  contactEmail: z.string(),
  notes: z.string(),
  forms: z.array(VendorFormSummary),
  version: Version,
  createdAt: z.string(),
});
export type ContractView = z.infer<typeof ContractView>;

// ---------------------------------------------------------------- requests and invitations

export const RequestVendorFormRequest = z.strictObject({
  fiscalYear: z.int().min(2023).max(2100),
  /** Where the invitation goes; defaults to the contract's contact e-mail. */
  email: Email.optional(),
  /** Items the contract leaves out; the vendor may adjust them before submitting. */
  excludedItems: z.array(ItemId).max(50).default([]),
  /** Remind the vendor by e-mail after this many days without an answer, and again every as many days. */
  reminderDays: z.int().min(1).max(90).default(14),
});
export type RequestVendorFormRequest = z.input<typeof RequestVendorFormRequest>;

export const ResendInvitationRequest = z.strictObject({ email: Email.optional() });

/**
 * The answer to a vendor-form request or resend: the form, whether the e-mail goes out, and — only when no mail
 * server is configured (the embedded default) — the single-use link itself, to copy and pass on once.
 */
export const VendorFormRequested = VendorFormSummary.extend({ mailSent: z.boolean(), invitationUrl: z.string().nullable() });
export type VendorFormRequested = z.infer<typeof VendorFormRequested>;

export const VendorInvitationPreview = z.object({
  email: z.string(),
  facilityName: z.string(),
  vendorName: z.string(),
  contractTitle: z.string(),
  fiscalYearLabel: z.string(),
  existingUser: z.boolean(),
  expiresAt: z.string(),
});
export type VendorInvitationPreview = z.infer<typeof VendorInvitationPreview>;

export const AcceptVendorInvitationRequest = z.strictObject({ name: PersonName.optional(), password: Password.optional() });

// ---------------------------------------------------------------- the form itself

export const VendorCommentView = z.object({
  id: Id,
  itemId: z.string().nullable(),
  side: VendorSide,
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type VendorCommentView = z.infer<typeof VendorCommentView>;

export const PostVendorCommentRequest = z.strictObject({ itemId: ItemId.nullable().default(null), body: Text(4000).min(1) });

const FormItemResult = z.object({
  id: z.string(),
  requirement: z.enum(['required', 'reference', 'not-needed']),
  latest: z.enum(answerValues).nullable(),
  targetDate: z.string().nullable(),
  problems: z.array(z.object({ code: z.enum(problemCodes), severity: z.enum(['blocking', 'warning']) })),
});

export const VendorFormDetail = z.object({
  form: VendorFormSummary,
  contract: z.object({ id: Id, title: z.string(), facilityName: z.string(), vendorName: z.string(), systems: z.array(z.string()) }),
  /** Which side the reader is on: the page shows answer fields to the vendor, review actions to the facility. */
  viewerSide: VendorSide,
  answers: z.record(z.string(), z.array(RoundView)),
  comments: z.array(VendorCommentView),
  /** This form only, evaluated with the checklist's own rules; never the facility's other forms. */
  evaluation: z.object({ items: z.array(FormItemResult), complete: z.boolean() }),
});
export type VendorFormDetail = z.infer<typeof VendorFormDetail>;

/** The note is the vendor's rationale (なぜ「はい」か). */
export const SaveVendorRoundRequest = SaveRoundRequest;
export const UpdateVendorFormRequest = z.strictObject({ version: Version, excludedItems: z.array(ItemId).max(50) });
export const VendorFormVersionRequest = z.strictObject({ version: Version });

// ---------------------------------------------------------------- answer sets

const AnswerSetAnswer = z.strictObject({
  value: z.enum(answerValues),
  targetDate: IsoDateInput.nullable().default(null),
  note: Text(4000).default(''),
});
export const AnswerSetInput = z.strictObject({
  product: Text(200).min(1),
  edition: z.string().max(20),
  excludedItems: z.array(ItemId).max(50).default([]),
  answers: z.record(ItemId, AnswerSetAnswer),
});
export const UpdateAnswerSetRequest = AnswerSetInput.extend({ version: Version });
export type AnswerSetInput = z.input<typeof AnswerSetInput>;

export const AnswerSetView = z.object({
  id: Id,
  vendorId: Id,
  product: z.string(),
  edition: z.string(),
  excludedItems: z.array(z.string()),
  answers: z.record(z.string(), z.object({ value: z.enum(answerValues), targetDate: z.string().nullable(), note: z.string() })),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  version: Version,
});
export type AnswerSetView = z.infer<typeof AnswerSetView>;

export const ApplyAnswerSetRequest = z.strictObject({
  formIds: z.array(Id).min(1).max(1000),
  /** The date the vendor checked the items (記入日), written on every answer applied. */
  date: IsoDateInput,
});
export const ApplyAnswerSetResult = z.object({
  applied: z.array(z.object({ formId: Id, answers: z.int() })),
  /** Forms left alone, with why (another edition, already submitted…). */
  skipped: z.array(z.object({ formId: Id, reason: z.string() })),
});
export type ApplyAnswerSetResult = z.infer<typeof ApplyAnswerSetResult>;

// ---------------------------------------------------------------- MDS/SDS register

export const disclosureKinds = ['MDS', 'SDS'] as const;
export const jahisVersions = ['4.0', '4.1', '5.0', 'other'] as const;
export const DisclosureFields = z.strictObject({
  system: Text(200).min(1),
  kind: z.enum(disclosureKinds),
  jahisVersion: z.enum(jahisVersions),
  receivedOn: IsoDateInput,
});
export const DisclosureView = z.object({
  id: Id,
  contractId: Id,
  system: z.string(),
  kind: z.enum(disclosureKinds),
  jahisVersion: z.enum(jahisVersions),
  receivedOn: z.string(),
  fileName: z.string(),
  size: z.int(),
  uploadedBy: z.string().nullable(),
  uploadedSide: VendorSide,
  uploadedAt: z.string(),
});
export type DisclosureView = z.infer<typeof DisclosureView>;

// ---------------------------------------------------------------- role-sharing table

export const RoleSharingRow = z.strictObject({
  area: z.string().max(40),
  responsible: z.enum(responsibleParties).nullable(),
  action: Text(2000).default(''),
  notes: Text(2000).default(''),
});
export type RoleSharingRow = z.output<typeof RoleSharingRow>;

export const SaveRoleSharingRequest = z.strictObject({ version: Version.nullable(), rows: z.array(RoleSharingRow).max(30) });
export const RoleSharingView = z.object({
  contractId: Id,
  status: z.enum(roleSharingStatuses),
  rows: z.array(RoleSharingRow),
  proposed: z.object({ side: VendorSide, by: z.string().nullable(), at: z.string() }).nullable(),
  confirmed: z.object({ by: z.string().nullable(), at: z.string() }).nullable(),
  /** null until someone first saves the table. */
  version: Version.nullable(),
});
export type RoleSharingView = z.infer<typeof RoleSharingView>;
