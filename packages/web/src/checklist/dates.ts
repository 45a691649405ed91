import { formatJapaneseDate, isIsoDate } from '@mamori/domain';
import i18n from '../i18n';

/** A calendar date (YYYY-MM-DD) as the user reads it: 令和7年5月13日 in Japanese, 2025-05-13 in English. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '—';
  if (!isIsoDate(date)) return date;
  return i18n.language === 'en' ? date : formatJapaneseDate(date);
}

const eras: Record<string, number> = { 令和: 2018, r: 2018, 平成: 1988, h: 1988 };
const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | null {
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDate(value) ? value : null;
}

/**
 * Reads what people type into a date field: 2025-05-13, 2025/5/13, 2025年5月13日, 令和7年5月13日,
 * R7.5.13 or 20250513 (full-width digits too). Returns null for anything else, so a half-typed date
 * does not change the value.
 */
export function parseDay(text: string): string | null {
  const value = text.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(令和|平成|r|h)(元|\d{1,2})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(value);
  if (m) {
    const year = eras[m[1]!]! + (m[2] === '元' ? 1 : Number(m[2]));
    return iso(year, Number(m[3]), Number(m[4]));
  }
  return null;
}
