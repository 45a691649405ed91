import { BcpEssentials, todayInTokyo, type ContactChartContent, type IncidentFacts } from '@mamori/domain';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { bcpDocuments, bcpPlans, bcpRecords } from '../db/schema.js';
import { facilityPlans } from '../backup-plans/queries.js';
import { chartVersion } from '../contact-chart/queries.js';
import { thresholdsOf } from '../findings/facts.js';
import type { FacilityRow } from '../tenancy/scope.js';

/** What the 3(1)–3(3) rules read: the newest contact chart, the backup plans and tests, the BCP. */
export async function loadIncidentFacts(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<IncidentFacts> {
  const [chart, plans, [plan], [document], [review]] = await Promise.all([
    chartVersion(db, facility.id),
    facilityPlans(db, facility.id),
    db.select().from(bcpPlans).where(eq(bcpPlans.facilityId, facility.id)),
    db.select({ id: bcpDocuments.id }).from(bcpDocuments).where(eq(bcpDocuments.facilityId, facility.id)).limit(1),
    db.select({ on: max(bcpRecords.heldOn) }).from(bcpRecords).where(eq(bcpRecords.facilityId, facility.id)),
  ]);
  const thresholds = thresholdsOf(facility);
  return {
    asOf,
    contactChart: chart ? ({ entries: chart.row.entries, edges: chart.row.edges, note: chart.row.note } as ContactChartContent) : null,
    backups: plans.map(({ restoreTests, version: _version, updatedAt: _updatedAt, ...plan }) => ({ plan, tests: restoreTests })),
    bcp: { hasDocument: Boolean(document), essentials: plan ? BcpEssentials.parse(plan.essentials) : null, lastReviewedOn: review?.on ?? null },
    thresholds: { restoreTestMonths: thresholds.restoreTestMonths, bcpReviewMonths: thresholds.bcpReviewMonths },
  };
}
