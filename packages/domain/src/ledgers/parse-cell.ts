import { booleanWords, type ColumnDefinition } from './columns.js';
import type { ImportReason, Label } from './import-messages.js';
import { sourceRestrictions, type SourceRestriction } from './model.js';
import { cellText, foldWidth, isBlankCell, normalizeHeading } from './normalize.js';
import { daysInMonth, eraDate, makeDate, parseDate } from './parse-date.js';
import { withoutFormulaGuard } from './formula-guard.js';

/** A cell as spreadsheet readers give it (exceljs: numbers, Dates, booleans; CSV: strings). */
export type RawCell = string | number | Date | boolean | null | undefined;
/** What a cell becomes: text, a YYYY-MM-DD date, a boolean, an enum key, a restriction list, or null. */
export type CellValue = string | boolean | null | SourceRestriction[];

export type ParsedCell =
  | {
      ok: true;
      value: CellValue;
      /** The cell was empty: the value is the field's empty value ('' or null). */
      empty: boolean;
      /** 利用者ID台帳 status cells like 「使用可 (23年3月まで)」 also say when the account ends (YYYY-MM-DD). */
      impliedValidTo?: string;
    }
  | { ok: false; reason: ImportReason };

interface CompiledEnum {
  words: Map<string, string>;
  /** Cells as written → key; ledgers repeat the same few words on every row. */
  seen: Map<string, string>;
  choices: Label[];
  /** The enum's keys are 'true' and 'false': the value is a boolean (the account's 有効/無効). */
  boolean: boolean;
}

const compiledEnums = new WeakMap<ColumnDefinition, CompiledEnum>();

function isAsciiWord(word: string): boolean {
  return /^[\x20-\x7e]+$/.test(word);
}

function compileEnum(column: ColumnDefinition, values: Record<string, readonly string[]>): CompiledEnum {
  let compiled = compiledEnums.get(column);
  if (compiled) return compiled;
  const words = new Map<string, string>();
  const choices: Label[] = [];
  for (const [key, list] of Object.entries(values)) {
    for (const word of list) {
      const normal = normalizeHeading(word);
      if (!words.has(normal)) words.set(normal, key);
    }
    const normalKey = normalizeHeading(key);
    if (!words.has(normalKey)) words.set(normalKey, key);
    const ja = list.find((w) => !isAsciiWord(w)) ?? list[0] ?? key;
    const en = list.find((w) => /^[a-z][a-z ]*$/.test(w)) ?? list.find(isAsciiWord) ?? key;
    choices.push({ ja, en });
  }
  const keys = Object.keys(values);
  compiled = { words, seen: new Map(), choices, boolean: keys.length === 2 && keys.includes('true') && keys.includes('false') };
  compiledEnums.set(column, compiled);
  return compiled;
}

const booleanLookup = new Map<string, boolean>();
for (const word of booleanWords.true) booleanLookup.set(normalizeHeading(word), true);
for (const word of booleanWords.false) booleanLookup.set(normalizeHeading(word), false);

const restrictionWords = new Map<string, SourceRestriction>([
  ['mac', 'mac'],
  ['ip', 'ip'],
  ['地域', 'region'],
  ['国', 'region'],
  ['region', 'region'],
  ['country', 'region'],
  ['geo', 'region'],
  ['geoip', 'region'],
]);
const noRestrictionWords = new Set(['なし', '無', '無し', 'none', 'no', '-', 'なし。', '制限なし']);
/** Words around the kind that say nothing: MACアドレス制限 → mac, 接続元IP → ip. */
const RESTRICTION_NOISE =
  /アドレス|addresses|address|による|での|制限|restrictions|restriction|フィルタリング|フィルタ|filtering|filter|接続元|送信元|source|based|の/g;
const RESTRICTION_SEPARATORS = /[\s,、・/;&+]+|\band\b|および|及び|と/;

const IP_SEPARATORS = /[,、;\s]+/;
const IP_NONE = new Set(['-', 'なし', '無', '無し', 'none', 'n/a', 'na']);
const IP_DYNAMIC = /^(dhcp|自動|自動取得|動的|dynamic)/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** One address already in canonical form: the common case, checked without allocating. */
const CANONICAL_IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/;
const DIGITS = /^\d+$/;

/** 192.168.001.010 → 192.168.1.10; null when not an IPv4 address. CIDR suffixes are kept. */
function canonicalIpv4(text: string): string | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  const parts: number[] = [];
  for (let i = 1; i <= 4; i++) {
    const n = Number(m[i]);
    if (n > 255) return null;
    parts.push(n);
  }
  if (m[5] !== undefined && Number(m[5]) > 32) return null;
  return parts.join('.') + (m[5] !== undefined ? `/${Number(m[5])}` : '');
}

/** Standard IPv6 text forms: full, '::'-compressed, IPv4-embedded, with an optional /prefix or %zone. */
function isIpv6(text: string): boolean {
  let s = text.toLowerCase();
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const prefix = s.slice(slash + 1);
    if (!DIGITS.test(prefix) || Number(prefix) > 128) return false;
    s = s.slice(0, slash);
  }
  const percent = s.indexOf('%');
  if (percent >= 0) {
    if (!/^[0-9a-z._-]+$/.test(s.slice(percent + 1))) return false;
    s = s.slice(0, percent);
  }
  if (s.length < 2 || !s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  let groups = 0;
  for (let h = 0; h < halves.length; h++) {
    const half = halves[h]!;
    if (half === '') continue;
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const last = h === halves.length - 1 && i === parts.length - 1;
      if (last && part.includes('.')) {
        const v4 = canonicalIpv4(part);
        if (v4 === null || v4.includes('/')) return false;
        groups += 2;
      } else if (HEX_GROUP.test(part)) {
        groups += 1;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}

function fail(reason: ImportReason): ParsedCell {
  return { ok: false, reason };
}

function emptyCell(column: ColumnDefinition): ParsedCell {
  if (column.link) return fail({ code: 'required', label: column.header });
  const kind = column.type.kind;
  return { ok: true, value: kind === 'text' || kind === 'ip' ? '' : null, empty: true };
}

function parseIp(text: string): ParsedCell {
  const trimmed = text.trim();
  if (CANONICAL_IPV4.test(trimmed)) return { ok: true, value: trimmed, empty: false };
  const folded = foldWidth(trimmed);
  const normal = folded.toLowerCase();
  if (IP_NONE.has(normal)) return { ok: true, value: '', empty: false };
  if (IP_DYNAMIC.test(normal)) return textValue(trimmed, 200);
  const parts = folded.split(IP_SEPARATORS);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const v4 = canonicalIpv4(part);
    if (v4 !== null) out.push(v4);
    else if (isIpv6(part)) out.push(part.toLowerCase());
    else return fail({ code: 'ip_invalid', value: part });
  }
  return textValue(out.join(', '), 200);
}

function textValue(text: string, maxLength: number): ParsedCell {
  if (text.length > maxLength) return fail({ code: 'text_too_long', max: maxLength, length: text.length });
  return { ok: true, value: text, empty: false };
}

function parseRestrictions(text: string): ParsedCell {
  const normal = normalizeHeading(text);
  if (noRestrictionWords.has(normal)) return { ok: true, value: [], empty: false };
  const found = new Set<SourceRestriction>();
  const words = text.normalize('NFKC').toLowerCase().replace(RESTRICTION_NOISE, '').split(RESTRICTION_SEPARATORS);
  for (const raw of words) {
    if (raw === '') continue;
    const kind = restrictionWords.get(raw);
    if (kind) found.add(kind);
    else if (!noRestrictionWords.has(raw)) return fail({ code: 'restriction_unknown', value: raw });
  }
  if (found.size === 0) return { ok: true, value: [], empty: false };
  return { ok: true, value: sourceRestrictions.filter((k) => found.has(k)), empty: false };
}

// 「使用可 (23年3月まで)」: a word followed by a note in brackets (full-width brackets are ASCII after NFKC).
const TRAILING_NOTE = /^(.+?)[([](.*)[)\]]$/;
const UNTIL = /まで|迄|until|till|^[~〜]|[~〜]$/g;
const SHORT_DATE = /^(\d{2})[年/.-](\d{1,2})[月/.-](\d{1,2})日?$/;
const MONTH = /^(\d{2}|\d{4})[年/.-](\d{1,2})月?$/;
const ERA_MONTH = /^(令和|平成|昭和|大正|明治|[令平昭大明rhstm])(元|\d{1,2})[年/.-](\d{1,2})月?$/;

/** The end date in a note like 23年3月まで (last day of March 2023), 2023/3/31まで, 令和5年3月まで. */
function parseUntilNote(note: string): { ok: true; date: string } | { ok: false; reason: ImportReason } | null {
  if (!/\d/.test(note)) return null;
  const s = note.replace(UNTIL, '');
  let m = SHORT_DATE.exec(s);
  if (m) {
    const parsed = makeDate(2000 + Number(m[1]), Number(m[2]), Number(m[3]));
    return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
  }
  m = MONTH.exec(s);
  if (m) {
    const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, reason: { code: 'date_impossible', year, month, day: 1 } };
    const parsed = makeDate(year, month, daysInMonth(year, month));
    return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
  }
  m = ERA_MONTH.exec(s);
  if (m) {
    const month = Number(m[3]);
    const first = eraDate(m[1]!, m[2]!, month, 1);
    if (!first.ok) return first;
    const year = Number(first.date.slice(0, 4));
    const parsed = makeDate(year, month, daysInMonth(year, month));
    return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
  }
  const parsed = parseDate(s);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
}

function parseEnum(column: ColumnDefinition, values: Record<string, readonly string[]>, raw: RawCell): ParsedCell {
  const compiled = compileEnum(column, values);
  if (compiled.boolean && typeof raw === 'boolean') return { ok: true, value: raw, empty: false };
  const text = cellText(raw).trim();
  const known = compiled.seen.get(text);
  if (known !== undefined) return { ok: true, value: compiled.boolean ? known === 'true' : known, empty: false };
  const normal = normalizeHeading(text);
  let key = compiled.words.get(normal);
  if (key !== undefined && compiled.seen.size < 1000) compiled.seen.set(text, key);
  let impliedValidTo: string | undefined;
  if (key === undefined) {
    const m = TRAILING_NOTE.exec(normal);
    if (m) {
      key = compiled.words.get(m[1]!);
      if (key !== undefined && compiled.boolean && key === 'true') {
        const until = parseUntilNote(m[2]!);
        if (until && !until.ok) return fail(until.reason);
        if (until) impliedValidTo = until.date;
      }
    }
  }
  if (key === undefined && compiled.boolean) {
    const yes = booleanLookup.get(normal);
    if (yes !== undefined) key = String(yes);
  }
  if (key === undefined) return fail({ code: 'enum_unknown', value: text, choices: compiled.choices });
  const value: CellValue = compiled.boolean ? key === 'true' : key;
  return impliedValidTo === undefined ? { ok: true, value, empty: false } : { ok: true, value, empty: false, impliedValidTo };
}

/** Reads one cell for one column. Empty cells are "not given" (empty: true), except in the link column. */

export function parseCell(column: ColumnDefinition, raw: RawCell): ParsedCell {
  if (isBlankCell(raw)) return emptyCell(column);
  const type = column.type;
  switch (type.kind) {
    case 'text':
      return textValue(withoutFormulaGuard(cellText(raw).trim()), type.maxLength);
    case 'date': {
      if (typeof raw === 'boolean') return fail({ code: 'date_format' });
      const parsed = parseDate(raw as string | number | Date);
      return parsed.ok ? { ok: true, value: parsed.date, empty: false } : fail(parsed.reason);
    }
    case 'ip':
      return parseIp(cellText(raw));
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw, empty: false };
      const text = cellText(raw).trim();
      const value = booleanLookup.get(normalizeHeading(text));
      return value === undefined ? fail({ code: 'boolean_unknown', value: text }) : { ok: true, value, empty: false };
    }
    case 'enum':
      return parseEnum(column, type.values, raw);
    case 'restrictions':
      return parseRestrictions(cellText(raw));
  }
}
