import { z } from 'zod';
import { FacilityKind, PrefectureCode } from '../facility.js';
import { Id, Locale } from './common.js';

/** Where a facility stands on a fiscal year's checklist, as a dashboard shows it. */
export const facilityProgress = ['not-started', 'in-progress', 'ready'] as const;
export const FacilityProgress = z.enum(facilityProgress);
export type FacilityProgress = z.infer<typeof FacilityProgress>;

/** The dashboard's one-click filters: a progress, or a problem that needs chasing. */
export const oversightFilters = ['all', ...facilityProgress, 'overdue', 'vendors-not-answering'] as const;
export const OversightFilter = z.enum(oversightFilters);
export type OversightFilter = z.infer<typeof OversightFilter>;

const OversightFilterFields = {
  /** Defaults to the fiscal year of today in Tokyo. */
  fiscalYear: z.coerce.number().int().min(2023).max(2100).optional(),
  filter: OversightFilter.default('all'),
  kind: FacilityKind.optional(),
  prefecture: PrefectureCode.optional(),
  healthCenter: z.string().trim().max(200).optional(),
  /** One corporation's facilities (a corporation's dashboard). */
  organizationId: Id.optional(),
  /** Part of a facility's name. */
  q: z.string().trim().max(200).optional(),
};

export const OversightQuery = z.strictObject({
  ...OversightFilterFields,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OversightQuery = z.infer<typeof OversightQuery>;

export const OversightExportQuery = z.strictObject({
  ...OversightFilterFields,
  /** As the ledgers export: .xlsx, CSV in UTF-8 with a BOM, or CSV in Shift_JIS for older Excel. */
  format: z.enum(['xlsx', 'csv', 'csv-sjis']).default('xlsx'),
  locale: Locale.default('ja'),
});
export type OversightExportQuery = z.infer<typeof OversightExportQuery>;

export const OversightFacility = z.object({
  facilityId: Id,
  organizationId: Id,
  name: z.string(),
  kind: FacilityKind,
  prefecture: z.string().nullable(),
  healthCenter: z.string(),
  progress: FacilityProgress,
  /** Null until the year's checklist exists. */
  assessmentId: Id.nullable(),
  requiredItems: z.int(),
  answeredItems: z.int(),
  blockingProblems: z.int(),
  overdueItems: z.int(),
  /** The earliest target date of a いいえ still open. */
  nextTargetDate: z.string().nullable(),
  vendorFormsExpected: z.int(),
  vendorsNotAnswering: z.array(z.string()),
  /** When the summary was last computed from the checklist (null: no checklist yet). */
  summarizedAt: z.string().nullable(),
});
export type OversightFacility = z.infer<typeof OversightFacility>;

export const OversightTotals = z.object({
  facilities: z.int(),
  notStarted: z.int(),
  inProgress: z.int(),
  ready: z.int(),
  /** Facilities with at least one いいえ past its target date. */
  overdue: z.int(),
  /** Facilities with at least one vendor whose form has not come back. */
  vendorsNotAnswering: z.int(),
});
export type OversightTotals = z.infer<typeof OversightTotals>;

export const OversightDashboard = z.object({
  fiscalYear: z.int(),
  asOf: z.string(),
  /** Totals over every facility in scope that the kind/area/name filters keep (not narrowed by `filter`). */
  totals: OversightTotals,
  /** How many facilities `filter` keeps: what the pages page through. */
  matching: z.int(),
  page: z.int(),
  pageSize: z.int(),
  facilities: z.array(OversightFacility),
});
export type OversightDashboard = z.infer<typeof OversightDashboard>;
