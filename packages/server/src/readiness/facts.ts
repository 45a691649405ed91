import { BcpEssentials, groupBy, fiscalYearOf, todayInTokyo, type ContactChartContent, type IncidentFacts } from '@mamori/domain';
import { and, desc, eq, isNull, max } from 'drizzle-orm';
import { anyOf } from '../db/any-of.js';
import type { Db } from '../db/connect.js';
import { assessments, backupPlans, bcpDocuments, bcpPlans, bcpRecords, contactChartVersions, vendorContracts } from '../db/schema.js';
import { plansWithTests } from '../backup-plans/queries.js';
import { thresholdsOf } from '../findings/facts.js';
import type { FacilityRow } from '../tenancy/scope.js';

/** What the 3(1)–3(3) rules read of one facility: the newest contact chart, the backup plans and tests, the BCP. */
export async function loadIncidentFacts(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<IncidentFacts> {
  return (await loadIncidentFactsOf(db, [facility], asOf)).get(facility.id)!;
}

/** The same for many facilities, one query per table whatever their number (the daily reminder scan reads a thousand). */
export async function loadIncidentFactsOf(db: Db, facilityRows: readonly FacilityRow[], asOf = todayInTokyo()): Promise<Map<string, IncidentFacts>> {
  const ids = facilityRows.map((f) => f.id);
  if (ids.length === 0) return new Map();
  const [charts, planRows, bcp, documents, reviews, contracts, checklists] = await Promise.all([
    db
      .selectDistinctOn([contactChartVersions.facilityId], {
        facilityId: contactChartVersions.facilityId,
        entries: contactChartVersions.entries,
        edges: contactChartVersions.edges,
        note: contactChartVersions.note,
      })
      .from(contactChartVersions)
      .where(anyOf(contactChartVersions.facilityId, ids))
      .orderBy(contactChartVersions.facilityId, desc(contactChartVersions.chartVersion)),
    db
      .select()
      .from(backupPlans)
      .where(anyOf(backupPlans.facilityId, ids))
      .orderBy(backupPlans.system, backupPlans.id),
    db.select().from(bcpPlans).where(anyOf(bcpPlans.facilityId, ids)),
    db.selectDistinct({ facilityId: bcpDocuments.facilityId }).from(bcpDocuments).where(anyOf(bcpDocuments.facilityId, ids)),
    db
      .select({ facilityId: bcpRecords.facilityId, on: max(bcpRecords.heldOn) })
      .from(bcpRecords)
      .where(anyOf(bcpRecords.facilityId, ids))
      .groupBy(bcpRecords.facilityId),
    db.selectDistinct({ facilityId: vendorContracts.facilityId }).from(vendorContracts).where(anyOf(vendorContracts.facilityId, ids)),
    db
      .select({ facilityId: assessments.facilityId, hasVendorContract: assessments.hasVendorContract })
      .from(assessments)
      .where(and(anyOf(assessments.facilityId, ids), eq(assessments.fiscalYear, fiscalYearOf(asOf)), isNull(assessments.vendorName))),
  ]);
  const chartOf = new Map(charts.map((c) => [c.facilityId, c]));
  const bcpOf = new Map(bcp.map((p) => [p.facilityId, p]));
  const withDocument = new Set(documents.map((d) => d.facilityId));
  const reviewedOn = new Map(reviews.map((r) => [r.facilityId, r.on]));
  const withContract = new Set(contracts.map((c) => c.facilityId));
  const checklistOf = new Map(checklists.map((c) => [c.facilityId, c]));
  const plans = await plansWithTests(db, planRows);
  const facilityOfPlan = new Map(planRows.map((row) => [row.id, row.facilityId]));
  const plansOf = groupBy(plans, (plan) => facilityOfPlan.get(plan.id) ?? null);

  return new Map(
    facilityRows.map((facility): [string, IncidentFacts] => {
      const chart = chartOf.get(facility.id);
      const plan = bcpOf.get(facility.id);
      const thresholds = thresholdsOf(facility);
      return [
        facility.id,
        {
          asOf,
          contactChart: chart ? ({ entries: chart.entries, edges: chart.edges, note: chart.note } as ContactChartContent) : null,
          backups: (plansOf.get(facility.id) ?? []).map(({ restoreTests, version: _version, updatedAt: _updatedAt, ...plan }) => ({
            plan,
            tests: restoreTests,
          })),
          bcp: {
            hasDocument: withDocument.has(facility.id),
            essentials: plan ? BcpEssentials.parse(plan.essentials) : null,
            lastReviewedOn: reviewedOn.get(facility.id) ?? null,
            plannedOn: plan?.plannedOn ?? null,
          },
          // What the year's checklist says about vendor contracts, else whether any is registered (3(1) then needs a vendor entry).
          hasVendorContract: checklistOf.get(facility.id)?.hasVendorContract ?? withContract.has(facility.id),
          thresholds: { restoreTestMonths: thresholds.restoreTestMonths, bcpReviewMonths: thresholds.bcpReviewMonths },
        },
      ];
    }),
  );
}
