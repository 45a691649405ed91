import { evaluate, fiscalYearOf, groupBy, type Catalog, type ReminderFacts } from '@mamori/domain';
import { and, isNull, lte, max } from 'drizzle-orm';
import { type FacilityRange, ofFacilities } from '../db/facility-range.js';
import { accessLogSettingsOf } from '../access-logs/settings.js';
import { facilityYearBundles } from '../assessments/bundles.js';
import type { Db } from '../db/connect.js';
import { assessments, logReviews, logSources } from '../db/schema.js';
import { thresholdsOf } from '../findings/facts.js';
import { loadBackupAndBcpFactsOf } from '../readiness/facts.js';
import type { FacilityRow } from '../tenancy/scope.js';

/**
 * What the reminder rules read of these facilities on `asOf`, one query per table for all of them: the checklist as
 * the evaluation sees it (the same latest answers, target dates and blocking problems as the checklist page), the
 * backups and BCP as 3(2)/3(3) read them, each log source's latest signed-off period as 2(6) reads it, and the
 * facility's thresholds.
 */
export async function loadReminderFactsOf(
  db: Db,
  catalog: Catalog,
  facilityRows: readonly FacilityRow[],
  asOf: string,
  range?: FacilityRange,
): Promise<Map<string, ReminderFacts>> {
  const ids = facilityRows.map((f) => f.id);
  if (ids.length === 0) return new Map();
  const fiscalYear = fiscalYearOf(asOf);
  const [ownForms, backupAndBcp, sources, reviews] = await Promise.all([
    db
      .select()
      .from(assessments)
      .where(and(ofFacilities(assessments.facilityId, ids, range), isNull(assessments.vendorName), lte(assessments.fiscalYear, fiscalYear))),
    loadBackupAndBcpFactsOf(db, ids, range),
    db
      .select({ facilityId: logSources.facilityId, id: logSources.id, name: logSources.name })
      .from(logSources)
      .where(ofFacilities(logSources.facilityId, ids, range))
      .orderBy(logSources.name),
    db
      .select({ sourceId: logReviews.sourceId, through: max(logReviews.periodTo) })
      .from(logReviews)
      .where(ofFacilities(logReviews.facilityId, ids, range))
      .groupBy(logReviews.sourceId),
  ]);

  // Each facility's newest own form not after this fiscal year, if this server knows its edition.
  const newestOwn = new Map<string, (typeof ownForms)[number]>();
  for (const form of ownForms) {
    const seen = newestOwn.get(form.facilityId);
    if (!seen || form.fiscalYear > seen.fiscalYear) newestOwn.set(form.facilityId, form);
  }
  const targets = facilityRows.flatMap((facility) => {
    const own = newestOwn.get(facility.id);
    return own && catalog.has(own.edition) ? [{ facility, own }] : [];
  });
  const bundles = await facilityYearBundles(db, catalog, targets, asOf, range);
  const evaluations = new Map(targets.map(({ facility, own }, i) => [facility.id, { own, evaluation: evaluate(catalog, bundles[i]!) }]));
  const reviewed = new Map(reviews.map((r) => [r.sourceId, r.through]));
  const sourcesOf = groupBy(sources, (s) => s.facilityId);

  return new Map(
    facilityRows.map((facility): [string, ReminderFacts] => {
      const incident = backupAndBcp.get(facility.id)!;
      const thresholds = thresholdsOf(facility);
      const evaluated = evaluations.get(facility.id);
      let checklist: ReminderFacts['checklist'] = null;
      let annualCheck: ReminderFacts['annualCheck'] = null;
      if (evaluated) {
        const { own, evaluation } = evaluated;
        const items = evaluation.institution.items.filter((i) => i.requirement !== 'not-needed' && i.id !== 'gate');
        checklist = { assessmentId: own.id, fiscalYear: own.fiscalYear, items: items.map(({ id, latest, targetDate }) => ({ id, latest, targetDate })) };
        if (own.fiscalYear === fiscalYear) {
          annualCheck = { assessmentId: own.id, complete: !evaluation.institution.items.some((i) => i.problems.some((p) => p.severity === 'blocking')) };
        }
      }
      const { bcp } = incident;
      const hasBcp = bcp.hasDocument || Object.values(bcp.essentials ?? {}).some((value) => value.trim() !== '');
      return [
        facility.id,
        {
          asOf,
          checklist,
          annualCheck,
          backups: incident.backups.map(({ plan, tests }) => ({ id: plan.id, system: plan.system, tests })),
          logSources: (sourcesOf.get(facility.id) ?? []).map((s) => ({ id: s.id, name: s.name, reviewedThrough: reviewed.get(s.id) ?? null })),
          bcp: hasBcp ? { lastReviewedOn: bcp.lastReviewedOn } : null,
          thresholds: {
            restoreTestMonths: thresholds.restoreTestMonths,
            bcpReviewMonths: thresholds.bcpReviewMonths,
            unreviewedDays: accessLogSettingsOf(facility).unreviewedDays,
          },
        },
      ];
    }),
  );
}
