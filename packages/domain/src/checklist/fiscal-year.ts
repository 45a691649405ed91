/**
 * Japanese fiscal years run April 1 – March 31 and are named after the year they start in
 * (令和5年度 = FY2023 = 2023-04-01 … 2024-03-31). Dates are ISO strings (YYYY-MM-DD), compared as text.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years Mamori reads and stores: from the Meiji era (the oldest date the ledger importer reads) to 2999.
 * A date outside them is a typo, and year 0000 is not even a date PostgreSQL accepts.
 */
export const MIN_DATE_YEAR = 1868;
export const MAX_DATE_YEAR = 2999;

/** A real calendar date in YYYY-MM-DD form within MIN_DATE_YEAR–MAX_DATE_YEAR (rejects 2023-02-30 and 0000-01-01). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < MIN_DATE_YEAR || y > MAX_DATE_YEAR) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function fiscalYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

export function fiscalYearRange(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

export function isInFiscalYear(date: IsoDate, fiscalYear: number): boolean {
  const { start, end } = fiscalYearRange(fiscalYear);
  return date >= start && date <= end;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in Japan, where the checklist is kept. */
const tokyoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });

export function todayInTokyo(now: Date = new Date()): IsoDate {
  return tokyoDay.format(now);
}

const japaneseDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
const japaneseYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'Asia/Tokyo' });

/** 2024-05-13 → 令和6年5月13日 (the first year of an era prints as 元年, as on the ministry's forms). */
export function formatJapaneseDate(date: IsoDate): string {
  return japaneseDate.format(new Date(`${date}T12:00:00+09:00`)).replace(/(\D)1年/, '$1元年');
}

/** 2023 → 令和5年度 */
export function fiscalYearLabel(fiscalYear: number): string {
  return `${japaneseYear.format(new Date(`${fiscalYear}-04-01T12:00:00+09:00`)).replace(/(\D)1年$/, '$1元年')}度`;
}
