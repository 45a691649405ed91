import { BcpEssentials, fiscalYearOf, groupBy, todayInTokyo, type ContactChartContent, type IncidentFacts } from '@mamori/domain';
import { and, eq, isNull, max } from 'drizzle-orm';
import { type FacilityRange, ofFacilities } from '../db/facility-range.js';
import type { Db } from '../db/connect.js';
import { assessments, backupPlans, bcpDocuments, bcpPlans, bcpRecords, vendorContracts } from '../db/schema.js';
import { plansWithTests } from '../backup-plans/queries.js';
import { chartVersion } from '../contact-chart/queries.js';
import { thresholdsOf } from '../findings/facts.js';
import type { FacilityRow } from '../tenancy/scope.js';

export type BackupAndBcpFacts = Pick<IncidentFacts, 'backups' | 'bcp'>;

/** What the 3(1)–3(3) rules read of one facility: the newest contact chart, the backup plans and tests, the BCP. */
export async function loadIncidentFacts(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<IncidentFacts> {
  const [chart, backupAndBcp, [contract], [checklist]] = await Promise.all([
    chartVersion(db, facility.id),
    loadBackupAndBcpFactsOf(db, [facility.id]),
    db.select({ id: vendorContracts.id }).from(vendorContracts).where(eq(vendorContracts.facilityId, facility.id)).limit(1),
    db
      .select({ hasVendorContract: assessments.hasVendorContract })
      .from(assessments)
      .where(and(eq(assessments.facilityId, facility.id), eq(assessments.fiscalYear, fiscalYearOf(asOf)), isNull(assessments.vendorName))),
  ]);
  const thresholds = thresholdsOf(facility);
  return {
    asOf,
    contactChart: chart ? ({ entries: chart.row.entries, edges: chart.row.edges, note: chart.row.note } as ContactChartContent) : null,
    ...backupAndBcp.get(facility.id)!,
    // What the year's checklist says about vendor contracts, else whether any is registered (3(1) then needs a vendor entry).
    hasVendorContract: checklist?.hasVendorContract ?? Boolean(contract),
    thresholds: { restoreTestMonths: thresholds.restoreTestMonths, bcpReviewMonths: thresholds.bcpReviewMonths },
  };
}

/**
 * The backup plans with their restore tests and the BCP of many facilities, one query per table whatever their
 * number: what the daily reminder scan reads of a thousand facilities at once.
 */
export async function loadBackupAndBcpFactsOf(db: Db, facilityIds: readonly string[], range?: FacilityRange): Promise<Map<string, BackupAndBcpFacts>> {
  if (facilityIds.length === 0) return new Map();
  const [planRows, bcp, documents, reviews] = await Promise.all([
    db
      .select()
      .from(backupPlans)
      .where(ofFacilities(backupPlans.facilityId, facilityIds, range))
      .orderBy(backupPlans.system, backupPlans.id),
    db
      .select()
      .from(bcpPlans)
      .where(ofFacilities(bcpPlans.facilityId, facilityIds, range)),
    db
      .selectDistinct({ facilityId: bcpDocuments.facilityId })
      .from(bcpDocuments)
      .where(ofFacilities(bcpDocuments.facilityId, facilityIds, range)),
    db
      .select({ facilityId: bcpRecords.facilityId, on: max(bcpRecords.heldOn) })
      .from(bcpRecords)
      .where(ofFacilities(bcpRecords.facilityId, facilityIds, range))
      .groupBy(bcpRecords.facilityId),
  ]);
  const plans = await plansWithTests(db, planRows);
  const facilityOfPlan = new Map(planRows.map((row) => [row.id, row.facilityId]));
  const plansOf = groupBy(plans, (plan) => facilityOfPlan.get(plan.id) ?? null);
  const bcpOf = new Map(bcp.map((p) => [p.facilityId, p]));
  const withDocument = new Set(documents.map((d) => d.facilityId));
  const reviewedOn = new Map(reviews.map((r) => [r.facilityId, r.on]));
  return new Map(
    facilityIds.map((id): [string, BackupAndBcpFacts] => {
      const plan = bcpOf.get(id);
      return [
        id,
        {
          backups: (plansOf.get(id) ?? []).map(({ restoreTests, version: _version, updatedAt: _updatedAt, ...plan }) => ({ plan, tests: restoreTests })),
          bcp: {
            hasDocument: withDocument.has(id),
            essentials: plan ? BcpEssentials.parse(plan.essentials) : null,
            lastReviewedOn: reviewedOn.get(id) ?? null,
            plannedOn: plan?.plannedOn ?? null,
          },
        },
      ];
    }),
  );
}
