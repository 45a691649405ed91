/**
 * Text normalisation for reading spreadsheets: headings and words are compared after NFKC (full-width
 * letters and digits become ASCII, ㍻ becomes 平成), lower case, and without any whitespace
 * (including the ideographic space and line breaks inside a cell).
 */

const WHITESPACE = /[\s\u200b\ufeff]+/gu;
/** Printable ASCII without spaces or upper case: NFKC and lower-casing would not change it. */
const PLAIN_ASCII = /^[\x21-\x40\x5b-\x7e]*$/;

/** 'ユーザＩＤ' → 'ユーザid', 'IP アドレス' → 'ipアドレス'. Enum, boolean and restriction words are compared the same way. */
export function normalizeHeading(s: string): string {
  if (PLAIN_ASCII.test(s)) return s;
  return s.normalize('NFKC').toLowerCase().replace(WHITESPACE, '');
}

/** The value a link column (管理番号, ユーザID) is matched on: trimmed, NFKC, case kept. */
export function normalizeLinkValue(s: string): string {
  return PRINTABLE_ASCII.test(s) ? s.trim() : s.normalize('NFKC').trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Characters NFKC changes in dates and numbers: full-width forms, the ideographic space, ㍻ and ㋿. */
const NFKC_RELEVANT = /[\u3000\u32ff\u3300-\u33ff\uff00-\uffef]/;

/** NFKC only when the text holds characters it would change in dates, numbers and addresses. */
export function foldWidth(s: string): string {
  return NFKC_RELEVANT.test(s) ? s.normalize('NFKC') : s;
}

/** A cell as the text the user sees; dates print as YYYY-MM-DD (UTC, as spreadsheet readers give them). */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  return String(raw);
}

/** Empty or whitespace only (null, '', '　'). */
export function isBlankCell(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return raw.length === 0 || raw.trim().length === 0;
  if (typeof raw === 'number') return !Number.isFinite(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime());
  return false;
}
