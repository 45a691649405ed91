import { fiscalYearLabel, type AnswerValue, type AssessmentSummary, type EvidenceView, type FormKind, type RoundView } from '@mamori/domain';
import type { answerEvidence, answerRounds, assessments } from '../db/schema.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type RoundRow = typeof answerRounds.$inferSelect;
export type EvidenceRow = typeof answerEvidence.$inferSelect;

export const presentAssessment = (row: AssessmentRow): AssessmentSummary => ({
  id: row.id,
  facilityId: row.facilityId,
  fiscalYear: row.fiscalYear,
  fiscalYearLabel: fiscalYearLabel(row.fiscalYear),
  edition: row.edition,
  form: row.form as FormKind,
  vendorName: row.vendorName,
  hasVendorContract: row.hasVendorContract,
  excludedItems: row.excludedItems,
  carriedOver: row.carriedOverFrom !== null,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});

export const presentRound = (row: RoundRow, answeredBy: string | null): RoundView => ({
  round: row.round,
  value: row.value as AnswerValue,
  date: row.date,
  targetDate: row.targetDate,
  note: row.note,
  riskAcceptance: row.riskAcceptance,
  draft: row.draft,
  answeredBy,
  answeredAt: row.answeredAt.toISOString(),
  version: row.version,
});

export const presentEvidence = (row: EvidenceRow, uploadedBy: string | null): EvidenceView => ({
  id: row.id,
  itemId: row.itemId,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  uploadedBy,
  uploadedAt: row.uploadedAt.toISOString(),
});
