import type { AnswerValue, EditionForm, ItemRequirement } from '@mamori/domain';

export type ExportLocale = 'ja' | 'en';

export interface ExportRound {
  round: number;
  value: AnswerValue;
  date: string | null;
  targetDate: string | null;
  note: string;
}

/** Everything one printed form needs; every renderer (PDF, Excel, CSV) takes the same input. */
export interface ExportModel {
  form: EditionForm;
  facilityName: string;
  /** Set for a vendor form (事業者確認用); the form prints 事業者名. */
  vendorName: string | null;
  fiscalYear: number;
  /** By item id; rounds in any order, numbered from 1. */
  answers: Record<string, ExportRound[]>;
  /** From the evaluation: marks items the facility need not fill in (記入不要). Absent: as the edition says. */
  requirements?: Record<string, ItemRequirement>;
  locale: ExportLocale;
  /** ISO date (YYYY-MM-DD) printed on the form. */
  printedAt: string;
}
