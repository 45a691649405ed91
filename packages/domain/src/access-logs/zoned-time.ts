/** Wall-clock times of a log written in some time zone, turned into instants (Intl, no date library needed). */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const asUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Every zone's offset changes on a quarter hour, so one lookup serves a whole quarter (a log holds millions of lines). */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, Map<number, number>>();

/** How far `zone`'s wall clock is ahead of UTC at an instant, in ms (formatToParts is slow: remembered per quarter hour). */
function offsetAt(instant: number, zone: string): number {
  let zoneOffsets = offsets.get(zone);
  if (!zoneOffsets) offsets.set(zone, (zoneOffsets = new Map()));
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  let offset = zoneOffsets.get(quarter);
  if (offset === undefined) {
    const parts = Object.fromEntries(
      formatterFor(zone)
        .formatToParts(new Date(instant))
        .map((p) => [p.type, Number(p.value)]),
    );
    const wall = { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
    offset = asUtc(wall) - Math.floor(instant / 1000) * 1000;
    if (zoneOffsets.size > 100_000) zoneOffsets.clear();
    zoneOffsets.set(quarter, offset);
  }
  return offset;
}

/** The wall time in `zone` at an instant (seconds; milliseconds dropped). */
export function wallTimeAt(instant: Date, zone: string): WallTime {
  const ms = instant.getTime();
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetAt(ms, zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant a wall time in `zone` names. In a daylight-saving gap or overlap it takes the offset in force
 * just before (Japan has none; servers abroad may).
 */
export function zonedToInstant(wall: WallTime, zone: string): Date {
  const guess = asUtc(wall);
  const offset = offsetAt(guess, zone);
  const instant = guess - offset;
  const corrected = offsetAt(instant, zone);
  return new Date(corrected === offset ? instant : guess - corrected);
}

/** A line may be stamped a little ahead by a host's clock; more than this ahead of its arrival means last year. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * Syslog's classic stamp has no year and no zone ("May 16 08:30:00"): it is read in the source's zone, in the
 * year that puts it at or before its arrival, since a line cannot come from the future (a December line
 * arriving in January is last year's).
 */
export function instantWithoutYear(wall: Omit<WallTime, 'year'>, zone: string, receivedAt: Date): Date {
  const year = wallTimeAt(receivedAt, zone).year;
  const thisYear = zonedToInstant({ ...wall, year }, zone);
  return thisYear.getTime() - receivedAt.getTime() > CLOCK_SKEW_MS ? zonedToInstant({ ...wall, year: year - 1 }, zone) : thisYear;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const YEAR_FIRST = /^(?<year>\d{4})[/-](?<month>\d{1,2})[/-](?<day>\d{1,2})[ T](?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\.\d+)?$/;
const MONTH_FIRST = /^(?<month>\d{1,2})\/(?<day>\d{1,2})\/(?<year>\d{4}) (?<hour>\d{1,2}):(?<minute>\d{2}):(?<second>\d{2}) ?(?<half>AM|PM)?$/i;

/**
 * The time a log line or row was written: an ISO instant with its offset as written; otherwise a wall time in the
 * source's zone, year first (2023/5/16 8:30:00, as Japanese systems write it) or, with `monthFirst`, as English
 * Windows writes it (5/16/2024 11:05:07 PM). null when it is neither or names no real date.
 */
export function readLogTime(text: string, zone: string, { monthFirst = false } = {}): Date | null {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) return new Date(value);
  const g = (YEAR_FIRST.exec(value) ?? (monthFirst ? MONTH_FIRST.exec(value) : null))?.groups;
  if (!g) return null;
  let hour = Number(g.hour);
  if (g.half) hour = (hour % 12) + (g.half.toUpperCase() === 'PM' ? 12 : 0);
  const wall: WallTime = { year: Number(g.year), month: Number(g.month), day: Number(g.day), hour, minute: Number(g.minute), second: Number(g.second ?? 0) };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23) return null;
  return zonedToInstant(wall, zone);
}
