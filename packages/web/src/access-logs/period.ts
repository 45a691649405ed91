/**
 * The period a reviewer looks at: whole days in Japan (YYYY-MM-DD, both ends included), and the instants the API
 * takes for them. Japan keeps no daylight saving, so a Tokyo day is always 00:00+09:00 to 23:59:59.999+09:00.
 */
export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = 'pastMonth' | 'thisMonth' | 'previousMonth' | 'pastWeek';
export const periodPresets: readonly PeriodPreset[] = ['pastMonth', 'thisMonth', 'previousMonth', 'pastWeek'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** A calendar day moved by days (and months: the 31st one month back is the last day of the shorter month). */
export function shiftDay(day: string, { days = 0, months = 0 }: { days?: number; months?: number }): string {
  const [year, month, date] = parts(day);
  const lastOfTarget = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month - 1 + months, Math.min(date, lastOfTarget) + days)));
}

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/** The preset's days up to `today` (Tokyo): a past month is the same day a month ago to today. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  switch (preset) {
    case 'pastMonth':
      return { from: shiftDay(today, { months: -1, days: 1 }), to: today };
    case 'thisMonth':
      return { from: firstOfMonth(today), to: today };
    case 'previousMonth': {
      const from = shiftDay(firstOfMonth(today), { months: -1 });
      return { from, to: shiftDay(firstOfMonth(today), { days: -1 }) };
    }
    case 'pastWeek':
      return { from: shiftDay(today, { days: -6 }), to: today };
  }
}

/** The period with a new first day; a first day after the last moves the last day along. */
export function startingOn(period: Period, from: string): Period {
  if (from > period.to) return { from, to: from };
  return { from, to: period.to };
}

/** Which preset a period is, if any (to light its button). */
export function presetOf(period: Period, today: string): PeriodPreset | null {
  return (
    periodPresets.find((p) => {
      const candidate = presetPeriod(p, today);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}

/** The instants the API's from/to take: the first day's start and the last day's end, in Japan. */
export function periodInstants(period: Period): { from: string; to: string } {
  return { from: `${period.from}T00:00:00+09:00`, to: `${period.to}T23:59:59.999+09:00` };
}

/** Every day of the period, oldest first (for a chart with no gaps). */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to && days.length < 800; day = shiftDay(day, { days: 1 })) days.push(day);
  return days;
}
