import type { ImportReason } from './import-messages.js';
import { MAX_DATE_YEAR, MIN_DATE_YEAR } from '../checklist/fiscal-year.js';
import { foldWidth } from './normalize.js';

export type ParsedDate = { ok: true; date: string } | { ok: false; reason: ImportReason };

/** The Japanese eras with their first day; a year past an era's end is accepted (平成32年 = 2020). */
const eras = [
  { name: '令和', letter: 'r', start: [2019, 5, 1] },
  { name: '平成', letter: 'h', start: [1989, 1, 8] },
  { name: '昭和', letter: 's', start: [1926, 12, 25] },
  { name: '大正', letter: 't', start: [1912, 7, 30] },
  { name: '明治', letter: 'm', start: [1868, 1, 25] },
] as const;
type Era = (typeof eras)[number];

const eraByToken = new Map<string, Era>();
for (const era of eras) {
  eraByToken.set(era.name, era);
  eraByToken.set(era.name[0]!, era);
  eraByToken.set(era.letter, era);
}

/** Excel's largest date, 9999-12-31. */
const MAX_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;
/** 1899-12-30: Excel serial 0 once its 1900 leap-year bug is accounted for (serial 61 = 1900-03-01). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

// 2020/12/1, 2020-12-01, 2020.12.1, optionally followed by a time (Excel's CSV of a date-time cell).
const WESTERN = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:(?:\s+|t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:z|[+-]\d{2}:?\d{2}|am|pm))?)?$/;
// 2020年12月1日
const WESTERN_KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
// 令和2年12月1日, 令和元年5月1日, R2.12.1, H31/4/30, 令2.12.1
const ERA = /^(令和|平成|昭和|大正|明治|[令平昭大明rhstm])\s*(元|\d{1,2})\s*[年/\-.]\s*(\d{1,2})\s*[月/\-.]\s*(\d{1,2})\s*日?$/;
// 20201201
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Excel serial as text: 44166 or 44166.5
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
// 2020年12月, 2020/12, 令和2年12月: a month without a day
const MONTH_ONLY = /^(?:\d{4}|(?:令和|平成|昭和|大正|明治|[令平昭大明rhstm])\s*(?:元|\d{1,2}))\s*[年/\-.]\s*\d{1,2}\s*月?$/;
const ASCII = /^[\x20-\x7e]*$/;
// 2020/12/1(火), 2020年12月1日（火曜日）: the weekday is dropped, not checked.
const WEEKDAY = /\s*\((?:[日月火水木金土](?:曜日?)?|sun|mon|tue|wed|thu|fri|sat)\.?\)$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Checks a calendar date and formats it as YYYY-MM-DD. */
export function makeDate(year: number, month: number, day: number): ParsedDate {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: { code: 'date_impossible', year, month, day } };
  }
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR) return { ok: false, reason: { code: 'date_year_range', year } };
  return { ok: true, date: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** The western year of an era year (元 = 1); checks the date is not before the era began. */
export function eraDate(token: string, eraYear: string, month: number, day: number): ParsedDate {
  const era = eraByToken.get(token);
  if (!era) return { ok: false, reason: { code: 'date_format' } };
  const n = eraYear === '元' ? 1 : Number(eraYear);
  if (n < 1) return { ok: false, reason: { code: 'date_impossible_era', era: era.name, eraYear: n, month, day } };
  const year = era.start[0] + n - 1;
  const parsed = makeDate(year, month, day);
  if (!parsed.ok) {
    if (parsed.reason.code === 'date_impossible') {
      return { ok: false, reason: { code: 'date_impossible_era', era: era.name, eraYear: n, month, day } };
    }
    return parsed;
  }
  const [sy, sm, sd] = era.start;
  if (n === 1 && (month < sm || (month === sm && day < sd))) {
    return { ok: false, reason: { code: 'date_before_era', era: era.name, start: `${sy}-${pad2(sm)}-${pad2(sd)}` } };
  }
  return parsed;
}

function fromSerial(serial: number): ParsedDate {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return { ok: false, reason: { code: 'date_serial_range' } };
  const whole = Math.floor(serial);
  // Excel counts 1900-02-29, which never existed: serials before it are one day later than the epoch suggests.
  if (whole === 60) return { ok: false, reason: { code: 'date_impossible', year: 1900, month: 2, day: 29 } };
  const days = whole < 60 ? whole + 1 : whole;
  const date = new Date(EXCEL_EPOCH_MS + days * DAY_MS);
  return makeDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A spreadsheet date as YYYY-MM-DD: 2020/12/1, 2020-12-01, 2020.12.1, 2020年12月1日, 20201201,
 * 令和2年12月1日, 令和元年5月1日, R2.12.1, H31/4/30, Excel serials (44166 = 2020-12-01), Date objects
 * (UTC components, as exceljs gives date cells) and '2020/12/01 0:00:00'.
 */
export function parseDate(value: string | number | Date): ParsedDate {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 18_680_101 && value <= 29_991_231) return compact(String(value));
    if (isYearOnly(value)) return { ok: false, reason: { code: 'date_month_only' } };
    return fromSerial(value);
  }
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { ok: false, reason: { code: 'date_format' } };
    // Spreadsheet times are fractions of a day: 23:59:59.9995 is the next midnight.
    const date = new Date(Math.round(time / 1000) * 1000);
    return makeDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof value !== 'string') return { ok: false, reason: { code: 'date_format' } };
  let s = value.trim();
  if (s.length === 0) return { ok: false, reason: { code: 'date_format' } };
  s = ASCII.test(s) ? s.toLowerCase() : foldWidth(s).trim().toLowerCase();

  if (s.endsWith(')')) s = s.replace(WEEKDAY, '');
  let m = WESTERN.exec(s);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ERA.exec(s);
  if (m) return eraDate(m[1]!, m[2]!, Number(m[3]), Number(m[4]));
  m = WESTERN_KANJI.exec(s);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (COMPACT.test(s)) return compact(s);
  if (SERIAL.test(s)) {
    const n = Number(s);
    return isYearOnly(n) ? { ok: false, reason: { code: 'date_month_only' } } : fromSerial(n);
  }
  if (MONTH_ONLY.test(s)) return { ok: false, reason: { code: 'date_month_only' } };
  return { ok: false, reason: { code: 'date_format' } };
}

/** 2020 in a date cell is a year, not the Excel serial for 1905-07-12. */
function isYearOnly(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

function compact(s: string): ParsedDate {
  return makeDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
}
