import { evaluate, summarizeEvaluation, type Catalog } from '@mamori/domain';
import { and, isNull, sql } from 'drizzle-orm';
import { type FacilityRange, ofFacilities } from '../db/facility-range.js';
import { facilityYearBundles } from '../assessments/bundles.js';
import type { Tx } from '../db/connect.js';
import { assessments, facilities, facilityYearSummaries } from '../db/schema.js';

/**
 * Recomputes the dashboard summary of every institution checklist of these facilities, as the checklist page
 * evaluates it on `asOf`. A checklist of an edition this server does not know is left as it was.
 */
export async function summarizeFacilities(tx: Tx, catalog: Catalog, facilityIds: readonly string[], asOf: string, range?: FacilityRange): Promise<number> {
  if (facilityIds.length === 0) return 0;
  // One after the other: a transaction is one connection.
  const facilityRows = await tx
    .select()
    .from(facilities)
    .where(ofFacilities(facilities.id, facilityIds, range));
  const own = await tx
    .select()
    .from(assessments)
    .where(and(ofFacilities(assessments.facilityId, facilityIds, range), isNull(assessments.vendorName)));
  const facilityById = new Map(facilityRows.map((f) => [f.id, f]));
  const targets = own.flatMap((assessment) => {
    const facility = facilityById.get(assessment.facilityId);
    return facility && catalog.has(assessment.edition) ? [{ facility, own: assessment }] : [];
  });
  const bundles = await facilityYearBundles(tx, catalog, targets, asOf, range);
  const summarizedAt = new Date();
  const rows = targets.map(({ facility, own: assessment }, i): typeof facilityYearSummaries.$inferInsert => {
    const summary = summarizeEvaluation(evaluate(catalog, bundles[i]!));
    return {
      facilityId: facility.id,
      fiscalYear: assessment.fiscalYear,
      assessmentId: assessment.id,
      ...summary,
      nextTargetDate: summary.openTargets[0] ?? null,
      summarizedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(facilityYearSummaries)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [facilityYearSummaries.facilityId, facilityYearSummaries.fiscalYear],
        set: {
          assessmentId: sql`excluded.assessment_id`,
          requiredItems: sql`excluded.required_items`,
          answeredItems: sql`excluded.answered_items`,
          blockingProblems: sql`excluded.blocking_problems`,
          ready: sql`excluded.ready`,
          openTargets: sql`excluded.open_targets`,
          nextTargetDate: sql`excluded.next_target_date`,
          vendorFormsExpected: sql`excluded.vendor_forms_expected`,
          vendorsNotAnswering: sql`excluded.vendors_not_answering`,
          summarizedAt: sql`excluded.summarized_at`,
        },
      });
  }
  return rows.length;
}
