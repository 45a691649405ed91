import { z } from 'zod';
import { Id, IsoDateInput, Version } from './common.js';
import { FormKind } from '../checklist/edition-schema.js';
import { answerValues } from '../checklist/answer-values.js';
import { Bundle } from '../checklist/bundle.js';
import { problemCodes } from '../checklist/evaluate.js';
import { vendorFormExemptions } from '../vendors/form-need.js';

export const AssessmentSummary = z.object({
  id: Id,
  facilityId: Id,
  fiscalYear: z.int(),
  fiscalYearLabel: z.string(),
  edition: z.string(),
  form: FormKind,
  vendorName: z.string().nullable(),
  hasVendorContract: z.boolean(),
  excludedItems: z.array(z.string()),
  carriedOver: z.boolean(),
  version: Version,
  createdAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const RoundView = z.object({
  round: z.int().min(1),
  value: z.enum(answerValues),
  date: z.string().nullable(),
  targetDate: z.string().nullable(),
  note: z.string(),
  riskAcceptance: z.string(),
  draft: z.boolean(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string(),
  version: Version,
});
export type RoundView = z.infer<typeof RoundView>;

export const EvidenceView = z.object({
  id: Id,
  itemId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

const Problem = z.object({ code: z.enum(problemCodes), severity: z.enum(['blocking', 'warning']) });
const ItemResultView = z.object({
  id: z.string(),
  requirement: z.enum(['required', 'reference', 'not-needed']),
  latest: z.enum(answerValues).nullable(),
  targetDate: z.string().nullable(),
  problems: z.array(Problem),
});
export const EvaluationView = z.object({
  edition: z.string(),
  fiscalYear: z.int(),
  asOf: z.string(),
  institution: z.object({ form: FormKind, gate: z.enum(answerValues).nullable(), items: z.array(ItemResultView) }),
  vendors: z.array(z.object({ name: z.string(), submitted: z.boolean(), exemption: z.enum(vendorFormExemptions).nullable(), items: z.array(ItemResultView) })),
  inspection: z.object({
    ready: z.boolean(),
    problems: z.array(z.object({ form: z.string(), item: z.string().nullable(), code: z.enum(problemCodes), severity: z.enum(['blocking', 'warning']) })),
  }),
});

export const AssessmentDetail = z.object({
  assessment: AssessmentSummary,
  answers: z.record(z.string(), z.array(RoundView)),
  evidence: z.array(EvidenceView),
  evaluation: EvaluationView,
  /**
   * What the evaluation was computed from (the facility-year's saved answers, vendor forms with their review and
   * exemptions, the contact chart): the web app evaluates it again with the screen's unsaved edits on top.
   */
  bundle: Bundle,
});
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;

export const CreateAssessmentRequest = z.strictObject({
  fiscalYear: z.int().min(2023).max(2100),
  hasVendorContract: z.boolean(),
  /** Start from last year's answers: values kept as drafts, dates cleared. */
  carryOver: z.boolean().default(false),
});

export const UpdateAssessmentRequest = z.strictObject({ version: Version, hasVendorContract: z.boolean() });

export const SaveRoundRequest = z.strictObject({
  /** not_applicable (該当なし) only on a device row (server / terminal PC / network), with the reason in the note. */
  value: z.enum(answerValues),
  date: IsoDateInput,
  targetDate: IsoDateInput.nullable().default(null),
  note: z.string().max(4000).default(''),
  riskAcceptance: z.string().max(4000).default(''),
  /** The version last read; null when the round is new. A stale one answers 409. */
  version: Version.nullable().default(null),
});

/** One round as the server stores it (after defaults). */
export type SaveRound = z.output<typeof SaveRoundRequest>;

/** What evidence may be: scans and photos, PDFs, Office files, plain text and CSV. Checked by content on the server. */
export const evidenceContentTypes = {
  detected: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'image/webp',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  /** Text has no signature to detect: accepted as declared when the bytes have none. */
  text: ['text/plain', 'text/csv'],
  extensions: ['.pdf', '.png', '.jpg', '.jpeg', '.webp', '.xlsx', '.docx', '.txt', '.csv'],
} as const;

export const AssessmentItemParams = z.object({ assessmentId: Id, itemId: z.string().max(40), round: z.coerce.number().int().min(1).max(20) });

/** A vendor's form for the same fiscal year, entered by the facility from what the vendor returned. */
export const CreateVendorFormRequest = z.strictObject({
  vendorName: z.string().trim().min(1).max(200),
  /** Items the contract leaves out (e.g. a server-only vendor and the network items). */
  excludedItems: z.array(z.string().max(40)).max(50).default([]),
});
