import { evaluate, fiscalYearOf, type Catalog, type ReminderFacts } from '@mamori/domain';
import { and, desc, eq, isNull, lte, max } from 'drizzle-orm';
import { accessLogSettingsOf } from '../access-logs/settings.js';
import { facilityYearBundle } from '../assessments/queries.js';
import type { Db } from '../db/connect.js';
import { assessments, logReviews, logSources } from '../db/schema.js';
import { loadIncidentFacts } from '../readiness/facts.js';
import type { FacilityRow } from '../tenancy/scope.js';

/**
 * What the reminder rules read of one facility on `asOf`: the checklist as the evaluation sees it (the same
 * latest answers, target dates and blocking problems as the checklist page), the backups and BCP as 3(2)/3(3)
 * read them, each log source's latest signed-off period as 2(6) reads it, and the facility's thresholds.
 */
export async function loadReminderFacts(db: Db, catalog: Catalog, facility: FacilityRow, asOf: string): Promise<ReminderFacts> {
  const fiscalYear = fiscalYearOf(asOf);
  const [[own], incident, sources, reviews] = await Promise.all([
    db
      .select()
      .from(assessments)
      .where(and(eq(assessments.facilityId, facility.id), isNull(assessments.vendorName), lte(assessments.fiscalYear, fiscalYear)))
      .orderBy(desc(assessments.fiscalYear))
      .limit(1),
    loadIncidentFacts(db, facility, asOf),
    db.select({ id: logSources.id, name: logSources.name }).from(logSources).where(eq(logSources.facilityId, facility.id)).orderBy(logSources.name),
    db
      .select({ sourceId: logReviews.sourceId, through: max(logReviews.periodTo) })
      .from(logReviews)
      .where(eq(logReviews.facilityId, facility.id))
      .groupBy(logReviews.sourceId),
  ]);

  let checklist: ReminderFacts['checklist'] = null;
  let annualCheck: ReminderFacts['annualCheck'] = null;
  if (own && catalog.has(own.edition)) {
    const evaluation = evaluate(catalog, await facilityYearBundle(db, catalog, facility, own, asOf));
    const items = evaluation.institution.items.filter((i) => i.requirement !== 'not-needed' && i.id !== 'gate');
    checklist = { assessmentId: own.id, fiscalYear: own.fiscalYear, items: items.map(({ id, latest, targetDate }) => ({ id, latest, targetDate })) };
    if (own.fiscalYear === fiscalYear) {
      annualCheck = { assessmentId: own.id, complete: !evaluation.institution.items.some((i) => i.problems.some((p) => p.severity === 'blocking')) };
    }
  }

  const reviewed = new Map(reviews.map((r) => [r.sourceId, r.through]));
  const { bcp } = incident;
  const hasBcp = bcp.hasDocument || Object.values(bcp.essentials ?? {}).some((value) => value.trim() !== '');
  return {
    asOf,
    checklist,
    annualCheck,
    backups: incident.backups.map(({ plan, tests }) => ({ id: plan.id, system: plan.system, tests })),
    logSources: sources.map((s) => ({ id: s.id, name: s.name, reviewedThrough: reviewed.get(s.id) ?? null })),
    bcp: hasBcp ? { lastReviewedOn: bcp.lastReviewedOn } : null,
    thresholds: { ...incident.thresholds, unreviewedDays: accessLogSettingsOf(facility).unreviewedDays },
  };
}
