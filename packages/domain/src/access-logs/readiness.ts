import { daysBetween } from '../checklist/fiscal-year.js';

/**
 * What the access logs say about 2(6) 「アクセスログを管理している」. The manual asks that logs are recorded and
 * that the 企画管理者 reviews them regularly (seed 000, 2(6)); Q&A 8-8 that at least the products keep their logs
 * as long as they can and alert. "Regularly" is not given a number in the documents: the 30 and 90 days are
 * Mamori's defaults (`source.status: mamori`), set per facility.
 */
export interface LogSourceState {
  name: string;
  /** The newest event received from this source; null: nothing yet. */
  lastEventAt: string | null;
  /** The end (YYYY-MM-DD) of the latest period someone signed off after reviewing it; null: never. */
  reviewedThrough: string | null;
}

export interface AccessLogReadinessSettings {
  /** A source silent this long is not collecting. */
  silentDays: number;
  /** Logs nobody reviewed for this long are not managed. */
  unreviewedDays: number;
}

export const defaultAccessLogReadiness: AccessLogReadinessSettings = { silentDays: 30, unreviewedDays: 90 };

export interface AccessLogReadiness {
  /** null: no source is registered, so the logs say nothing either way (record one). */
  suggestion: 'yes' | 'no' | null;
  silent: string[];
  unreviewed: string[];
}

/** Days from an instant's or a date's day (UTC, as stored) to `today`. */
const daysSince = (instantOrDate: string, today: string) => daysBetween(instantOrDate.slice(0, 10), today);

/** はい when every source sent something lately and had a period reviewed lately; else いいえ naming the sources. */
export function accessLogReadiness(sources: readonly LogSourceState[], today: string, settings = defaultAccessLogReadiness): AccessLogReadiness {
  if (sources.length === 0) return { suggestion: null, silent: [], unreviewed: [] };
  const silent = sources.filter((s) => !s.lastEventAt || daysSince(s.lastEventAt, today) > settings.silentDays).map((s) => s.name);
  const unreviewed = sources.filter((s) => !s.reviewedThrough || daysSince(s.reviewedThrough, today) > settings.unreviewedDays).map((s) => s.name);
  return { suggestion: silent.length || unreviewed.length ? 'no' : 'yes', silent, unreviewed };
}
