import { accessLogFinding, todayInTokyo, type Finding } from '@mamori/domain';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { logReviews, logSources } from '../db/schema.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { accessLogSettingsOf } from './settings.js';

/** What the 2(6) suggestion reads: each source's newest arrival and latest signed-off period. */
export async function loadAccessLogFinding(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<Finding> {
  const [sources, reviews] = await Promise.all([
    db
      .select({ id: logSources.id, name: logSources.name, lastReceivedAt: logSources.lastReceivedAt })
      .from(logSources)
      .where(eq(logSources.facilityId, facility.id)),
    db
      .select({ sourceId: logReviews.sourceId, through: max(logReviews.periodTo) })
      .from(logReviews)
      .where(eq(logReviews.facilityId, facility.id))
      .groupBy(logReviews.sourceId),
  ]);
  const reviewed = new Map(reviews.map((r) => [r.sourceId, r.through]));
  const states = sources.map((s) => ({
    id: s.id,
    name: s.name,
    lastEventAt: s.lastReceivedAt?.toISOString() ?? null,
    reviewedThrough: reviewed.get(s.id) ?? null,
  }));
  return accessLogFinding(states, asOf, accessLogSettingsOf(facility));
}
