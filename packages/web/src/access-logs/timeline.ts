import { daysOf, type Period } from './period';

export interface TimelineBucket {
  /** The bucket's start as the server writes it, in the source's zone: YYYY-MM-DDTHH:MI. */
  at: string;
  login: number;
  failure: number;
  other: number;
}

/**
 * The server sends only buckets that hold events; the chart needs every day (or every hour of a short period) of
 * the period, empty ones as zero, so a quiet stretch shows as a gap rather than disappearing.
 */
export function fillTimeline(bucket: 'hour' | 'day', buckets: readonly TimelineBucket[], period: Period): TimelineBucket[] {
  const byAt = new Map(buckets.map((b) => [b.at, b]));
  const slots = daysOf(period).flatMap((day) =>
    bucket === 'day' ? [`${day}T00:00`] : Array.from({ length: 24 }, (_, hour) => `${day}T${String(hour).padStart(2, '0')}:00`),
  );
  const filled = slots.map((at) => byAt.get(at) ?? { at, login: 0, failure: 0, other: 0 });
  // A source in another zone may have buckets just outside Japan's days: keep them rather than lose events.
  const known = new Set(slots);
  const outside = buckets.filter((b) => !known.has(b.at));
  return outside.length ? [...filled, ...outside].sort((a, b) => a.at.localeCompare(b.at)) : filled;
}

/** A bucket's label on the chart's axis: 12/1 for a day, 12/1 9時 (12/1 9:00) for an hour. */
export function bucketLabel(bucket: 'hour' | 'day', at: string, language: 'ja' | 'en'): string {
  const month = Number(at.slice(5, 7));
  const day = Number(at.slice(8, 10));
  if (bucket === 'day') return `${month}/${day}`;
  const hour = Number(at.slice(11, 13));
  return language === 'en' ? `${month}/${day} ${hour}:00` : `${month}/${day} ${hour}時`;
}
