import {
  fiscalYearLabel,
  nextReminderAt,
  reminderDue,
  vendorFormExemption,
  type AnswerSetView,
  type ContractView,
  type DisclosureView,
  type VendorCommentView,
  type VendorFormStatus,
  type VendorFormSummary,
  type VendorSide,
} from '@mamori/domain';
import type { answerSets, disclosures, vendorFormComments } from '../db/schema.js';
import type { ContractRow, VendorFormRow } from './access.js';

export interface FormCounts {
  answeredItems: number;
  itemCount: number;
  openQueries: number;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function presentVendorForm(form: VendorFormRow, counts: FormCounts): VendorFormSummary {
  const reminder = reminderOf(form);
  const { status, requestedAt, reminderDays } = reminder;
  return {
    id: form.id,
    contractId: form.contractId,
    fiscalYear: form.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(form.fiscalYear),
    edition: form.edition,
    status,
    excludedItems: form.excludedItems,
    invitedEmail: form.invitedEmail ?? '',
    requestedAt: requestedAt.toISOString(),
    submittedAt: iso(form.submittedAt),
    acceptedAt: iso(form.acceptedAt),
    reminderDays,
    remindedAt: iso(form.remindedAt),
    reminderCount: form.reminderCount,
    nextReminderAt: iso(nextReminderAt(reminder)),
    ...counts,
    version: form.version,
  };
}

/** A form's reminder facts, for the domain's reminder rule (the page shows it, the job applies it). */
function reminderOf(form: VendorFormRow) {
  return {
    status: form.status as VendorFormStatus,
    requestedAt: form.requestedAt ?? form.createdAt,
    remindedAt: form.remindedAt,
    reminderDays: form.reminderDays ?? 14,
  };
}

export function isReminderDue(form: VendorFormRow, now: Date): boolean {
  return reminderDue({ ...reminderOf(form), now });
}

export interface ContractRelations {
  facilityName: string;
  vendorName: string;
  prime: { id: string; title: string; vendorName: string } | null;
  subcontracts: { id: string; title: string; vendorName: string }[];
  forms: VendorFormSummary[];
}

export function presentContract(row: ContractRow, relations: ContractRelations): ContractView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    facilityId: row.facilityId,
    facilityName: relations.facilityName,
    vendor: { id: row.vendorId, name: relations.vendorName },
    title: row.title,
    systems: row.systems,
    maintenanceContract: row.maintenanceContract,
    remoteMaintenance: row.remoteMaintenance,
    handlesPatientData: row.handlesPatientData,
    vendorFormExemption: vendorFormExemption(row),
    primeContract: relations.prime,
    subcontracts: relations.subcontracts,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    notes: row.notes,
    forms: relations.forms,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export const presentComment = (row: typeof vendorFormComments.$inferSelect, authorName: string | null): VendorCommentView => ({
  id: row.id,
  itemId: row.itemId,
  side: row.side as VendorSide,
  authorName,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
});

export const presentAnswerSet = (row: typeof answerSets.$inferSelect, updatedBy: string | null): AnswerSetView => ({
  id: row.id,
  vendorId: row.vendorId,
  product: row.product,
  edition: row.edition,
  excludedItems: row.excludedItems,
  answers: row.answers,
  updatedBy,
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

export const presentDisclosure = (row: typeof disclosures.$inferSelect, uploadedBy: string | null): DisclosureView => ({
  id: row.id,
  contractId: row.contractId,
  system: row.system,
  kind: row.kind as DisclosureView['kind'],
  jahisVersion: row.jahisVersion as DisclosureView['jahisVersion'],
  receivedOn: row.receivedOn,
  fileName: row.fileName,
  size: row.size,
  uploadedBy,
  uploadedSide: row.uploadedSide as VendorSide,
  uploadedAt: row.createdAt.toISOString(),
});
