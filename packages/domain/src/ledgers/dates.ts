/*
 * Date arithmetic on 'YYYY-MM-DD' strings for the finding rules: UTC only, never the local time zone.
 * Comparing the results as text orders them by date. 'a is older than N days (months)' ⇔ a < the shifted date:
 * a date exactly N days (or months) back is still within the limit.
 */

/** `date` plus `days` (negative: back). */
export function shiftDays(date: string, days: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Calendar months forward (negative: back), clamped to the month's last day (2024-03-31 minus 1 month = 2024-02-29). */
export function shiftMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
