import { BcpEssentials, fiscalYearOf, todayInTokyo, type ContactChartContent, type IncidentFacts } from '@mamori/domain';
import { and, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { assessments, bcpDocuments, bcpPlans, bcpRecords, vendorContracts } from '../db/schema.js';
import { facilityPlans } from '../backup-plans/queries.js';
import { chartVersion } from '../contact-chart/queries.js';
import { thresholdsOf } from '../findings/facts.js';
import type { FacilityRow } from '../tenancy/scope.js';

/** What the 3(1)–3(3) rules read: the newest contact chart, the backup plans and tests, the BCP. */
export async function loadIncidentFacts(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<IncidentFacts> {
  const [chart, plans, [plan], [document], [review], [contract], [checklist]] = await Promise.all([
    chartVersion(db, facility.id),
    facilityPlans(db, facility.id),
    db.select().from(bcpPlans).where(eq(bcpPlans.facilityId, facility.id)),
    db.select({ id: bcpDocuments.id }).from(bcpDocuments).where(eq(bcpDocuments.facilityId, facility.id)).limit(1),
    db
      .select({ on: max(bcpRecords.heldOn) })
      .from(bcpRecords)
      .where(eq(bcpRecords.facilityId, facility.id)),
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
    backups: plans.map(({ restoreTests, version: _version, updatedAt: _updatedAt, ...plan }) => ({ plan, tests: restoreTests })),
    bcp: {
      hasDocument: Boolean(document),
      essentials: plan ? BcpEssentials.parse(plan.essentials) : null,
      lastReviewedOn: review?.on ?? null,
      plannedOn: plan?.plannedOn ?? null,
    },
    // What the year's checklist says about vendor contracts, else whether any is registered (3(1) then needs a vendor entry).
    hasVendorContract: checklist?.hasVendorContract ?? Boolean(contract),
    thresholds: { restoreTestMonths: thresholds.restoreTestMonths, bcpReviewMonths: thresholds.bcpReviewMonths },
  };
}
