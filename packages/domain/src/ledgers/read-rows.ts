import type { z } from 'zod';
import type { HeaderMapping, ImportHeaderView, ImportProblem } from '../api/ledgers.js';
import { columnsOf, fullNameField, type ColumnDefinition } from './columns.js';
import { clipEcho, importReasonText, type ImportLocale, type ImportReason } from './import-messages.js';
import { accountDefaults, assetDefaults, type AccountFields, type AssetFields, type LedgerKind } from './model.js';
import { cellText, isBlankCell, normalizeHeading, normalizeLinkValue } from './normalize.js';
import { parseCell, type CellValue, type RawCell } from './parse-cell.js';

export type ImportHeader = z.infer<typeof ImportHeaderView>;

export interface ReadLedgerRowsInput {
  ledger: LedgerKind;
  /** The sheet top to bottom; rows[0] is spreadsheet row 1. */
  rows: readonly (readonly RawCell[] | null | undefined)[];
  /** The user's choices for this import (win over everything). */
  chosen?: HeaderMapping;
  /** The facility's mapping remembered from earlier imports. */
  saved?: HeaderMapping;
  locale?: ImportLocale;
}

export interface LedgerRecord<F> {
  /** Spreadsheet row number (1-based). */
  row: number;
  /** Only the fields whose column is in the file; defaulted enums are left out when their cell is empty. */
  fields: Partial<F>;
}

export interface ReadLedgerRowsResult<F> {
  /** Spreadsheet row number of the heading row; null when the file has no non-empty row. */
  headerRow: number | null;
  headers: ImportHeader[];
  records: LedgerRecord<F>[];
  problems: ImportProblem[];
}

/** How many rows from the top may hold titles above the headings. */
export const HEADING_SEARCH_ROWS = 10;
/** Problems listed in full; the rest are counted in one closing problem. */
export const MAX_IMPORT_PROBLEMS = 1000;

interface LedgerInfo {
  columns: readonly ColumnDefinition[];
  byHeading: Map<string, ColumnDefinition>;
  byField: Map<string, ColumnDefinition>;
  link: ColumnDefinition;
  defaults: Record<string, unknown>;
}

const ledgerInfos = new Map<LedgerKind, LedgerInfo>();

function infoOf(ledger: LedgerKind): LedgerInfo {
  let info = ledgerInfos.get(ledger);
  if (info) return info;
  const columns = columnsOf(ledger);
  const byHeading = new Map<string, ColumnDefinition>();
  const byField = new Map<string, ColumnDefinition>();
  for (const column of columns) {
    byField.set(column.field, column);
    for (const heading of [column.header.ja, column.header.en, column.field, ...column.synonyms]) {
      const key = normalizeHeading(heading);
      if (!byHeading.has(key)) byHeading.set(key, column);
    }
  }
  const link = columns.find((c) => c.link);
  if (!link) throw new Error(`ledger ${ledger} has no link column`);
  info = { columns, byHeading, byField, link, defaults: ledger === 'assets' ? assetDefaults : accountDefaults };
  ledgerInfos.set(ledger, info);
  return info;
}

/** The built-in heading words of a ledger, normalised, with the field each maps to (for tests and the UI). */
export function builtinHeadings(ledger: LedgerKind): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [heading, column] of infoOf(ledger).byHeading) out.set(heading, column.field);
  return out;
}

function normalizeMapping(mapping: HeaderMapping | undefined): Map<string, { heading: string; target: string }> {
  const out = new Map<string, { heading: string; target: string }>();
  if (!mapping) return out;
  for (const [heading, target] of Object.entries(mapping)) out.set(normalizeHeading(heading), { heading, target });
  return out;
}

interface Resolved {
  column: ColumnDefinition | null;
  source: ImportHeader['source'];
  /** A chosen target this ledger does not have. */
  badChoice?: string;
}

function resolveHeading(normal: string, info: LedgerInfo, chosen: Map<string, { target: string }>, saved: Map<string, { target: string }>): Resolved {
  const choice = chosen.get(normal);
  let badChoice: string | undefined;
  if (choice) {
    if (choice.target === 'ignore') return { column: null, source: 'ignored' };
    const column = info.byField.get(choice.target);
    if (column) return { column, source: 'chosen' };
    badChoice = choice.target;
  }
  const remembered = saved.get(normal);
  if (remembered) {
    if (remembered.target === 'ignore') return { column: null, source: 'ignored', badChoice };
    const column = info.byField.get(remembered.target);
    if (column) return { column, source: 'saved', badChoice };
  }
  const column = info.byHeading.get(normal);
  if (column) return { column, source: 'builtin', badChoice };
  return { column: null, source: 'unmapped', badChoice };
}

interface PlannedColumn {
  index: number;
  heading: string;
  column: ColumnDefinition;
  field: string;
  /** Enum and boolean fields with a default (status, enabled, …): an empty cell leaves the field out. */
  omitWhenEmpty: boolean;
  isLink: boolean;
}

function rowIsBlank(row: readonly RawCell[] | null | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/**
 * Reads a ledger from spreadsheet rows: finds the heading row (title rows above it are skipped), maps each
 * heading to a field (chosen > saved > built-in), parses every cell and collects every problem with its
 * spreadsheet row and the column heading as written in the file.
 */
export function readLedgerRows(input: ReadLedgerRowsInput & { ledger: 'assets' }): ReadLedgerRowsResult<AssetFields>;
export function readLedgerRows(input: ReadLedgerRowsInput & { ledger: 'accounts' }): ReadLedgerRowsResult<AccountFields>;
export function readLedgerRows(input: ReadLedgerRowsInput): ReadLedgerRowsResult<AssetFields> | ReadLedgerRowsResult<AccountFields>;
export function readLedgerRows(input: ReadLedgerRowsInput): ReadLedgerRowsResult<AssetFields & AccountFields> {
  const locale = input.locale ?? 'ja';
  const info = infoOf(input.ledger);
  const chosen = normalizeMapping(input.chosen);
  const saved = normalizeMapping(input.saved);
  const rows = input.rows;

  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const addProblem = (row: number | null, column: string | null, value: string, reason: ImportReason): void => {
    problemCount++;
    if (problems.length < MAX_IMPORT_PROBLEMS) {
      problems.push({ row, column: column === null ? null : clipEcho(column), value: clipEcho(value), reason: importReasonText(reason, locale) });
    }
  };

  // 1. The heading row: the first of the top rows where two headings, or the link heading, are known.
  const searchEnd = Math.min(rows.length, HEADING_SEARCH_ROWS);
  let headerIndex = -1;
  let firstPartial = -1;
  let firstNonBlank = -1;
  for (let r = 0; r < searchEnd; r++) {
    const row = rows[r];
    if (rowIsBlank(row)) continue;
    if (firstNonBlank < 0) firstNonBlank = r;
    const fields = new Set<string>();
    let hasLink = false;
    for (const raw of row!) {
      if (isBlankCell(raw)) continue;
      const { column } = resolveHeading(normalizeHeading(cellText(raw)), info, chosen, saved);
      if (!column) continue;
      fields.add(column.field);
      if (column.link) hasLink = true;
    }
    if (fields.size >= 2 || hasLink) {
      headerIndex = r;
      break;
    }
    if (fields.size === 1 && firstPartial < 0) firstPartial = r;
  }
  if (headerIndex < 0) headerIndex = firstPartial >= 0 ? firstPartial : firstNonBlank;
  if (headerIndex < 0) {
    addProblem(null, null, '', { code: 'no_rows' });
    return { headerRow: null, headers: [], records: [], problems };
  }
  const headerRow = headerIndex + 1;

  // 2. Map the headings.
  const headingCells = rows[headerIndex]!;
  const headers: ImportHeader[] = [];
  const plan: PlannedColumn[] = [];
  const byField = new Map<string, string[]>();
  const found: string[] = [];
  for (let c = 0; c < headingCells.length; c++) {
    const raw = headingCells[c];
    if (isBlankCell(raw)) continue;
    const heading = cellText(raw).trim();
    found.push(heading);
    const resolved = resolveHeading(normalizeHeading(heading), info, chosen, saved);
    if (resolved.badChoice !== undefined) {
      addProblem(headerRow, heading, heading, { code: 'mapping_unknown_field', heading, field: resolved.badChoice });
    }
    const column = resolved.column;
    headers.push({ column: c + 1, header: clipEcho(heading), field: column ? column.field : null, source: resolved.source });
    if (!column) continue;
    const same = byField.get(column.field);
    if (same) {
      same.push(heading);
      continue;
    }
    byField.set(column.field, [heading]);
    const kind = column.type.kind;
    plan.push({
      index: c,
      heading,
      column,
      field: column.field,
      omitWhenEmpty: (kind === 'enum' || kind === 'boolean') && info.defaults[column.field] !== null && info.defaults[column.field] !== undefined,
      isLink: column.link === true,
    });
  }
  for (const headings of byField.values()) {
    if (headings.length < 2) continue;
    const column = info.byField.get(plan.find((p) => p.heading === headings[0])!.field)!;
    addProblem(headerRow, headings[1]!, headings[1]!, { code: 'duplicate_heading', label: column.header, columns: headings });
  }
  if (plan.length === 0) {
    addProblem(headerRow, null, '', { code: 'no_known_headings', found });
    return { headerRow, headers, records: [], problems: finish(problems, problemCount, locale) };
  }
  const linkPlan = plan.find((p) => p.isLink);
  if (!linkPlan) addProblem(headerRow, null, '', { code: 'link_column_missing', label: info.link.header });
  const systemPlan = input.ledger === 'accounts' ? plan.find((p) => p.field === 'system') : undefined;
  const hasValidTo = plan.some((p) => p.field === 'validTo');
  const fullNamePlanned = plan.some((p) => p.field === fullNameField);

  // 3. The data rows.
  const records: LedgerRecord<AssetFields & AccountFields>[] = [];
  const seen = new Map<string, number>();
  const planLength = plan.length;
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let blank = true;
    for (let p = 0; p < planLength; p++) {
      if (!isBlankCell(row[plan[p]!.index])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const rowNumber = r + 1;
    const fields: Record<string, CellValue> = {};
    let implied: string | undefined;
    let validToFailed = false;
    let linkValue: string | null = null;
    for (let p = 0; p < planLength; p++) {
      const planned = plan[p]!;
      const raw = row[planned.index];
      const parsed = parseCell(planned.column, raw);
      if (!parsed.ok) {
        if (planned.field === 'validTo') validToFailed = true;
        addProblem(rowNumber, planned.heading, cellText(raw), parsed.reason);
        continue;
      }
      if (parsed.impliedValidTo !== undefined) implied = parsed.impliedValidTo;
      if (parsed.empty && planned.omitWhenEmpty) continue;
      fields[planned.field] = parsed.value;
      if (planned.isLink) linkValue = parsed.value as string;
    }
    if (fullNamePlanned) splitFullName(fields);
    if (implied !== undefined && !validToFailed && (!hasValidTo || fields.validTo === null || fields.validTo === undefined)) {
      fields.validTo = implied;
    }
    if (linkPlan && linkValue !== null) {
      const system = systemPlan && typeof fields.system === 'string' ? normalizeLinkValue(fields.system) : '';
      const key = systemPlan ? `${system}\u0000${normalizeLinkValue(linkValue)}` : normalizeLinkValue(linkValue);
      const first = seen.get(key);
      if (first !== undefined) {
        addProblem(rowNumber, linkPlan.heading, cellText(row[linkPlan.index]), {
          code: 'duplicate_link',
          label: info.link.header,
          value: linkValue,
          system: system === '' ? null : system,
          firstRow: first,
        });
      } else {
        seen.set(key, rowNumber);
      }
    }
    records.push({ row: rowNumber, fields: fields as Partial<AssetFields & AccountFields> });
  }

  return { headerRow, headers, records, problems: finish(problems, problemCount, locale) };
}

/**
 * 氏名 in one column fills 性 and 名, split on the first (half- or full-width) space — 「山田 太郎」 → 山田 / 太郎 — or
 * kept whole as 性 when it has none; separate 性 / 名 columns in the same file win.
 */
function splitFullName(fields: Record<string, CellValue>): void {
  const full = fields[fullNameField];
  delete fields[fullNameField];
  if (typeof full !== 'string' || full.trim() === '') return;
  const name = full.trim();
  const space = name.search(/[ \u3000]/);
  const [family, given] = space < 0 ? [name, ''] : [name.slice(0, space), name.slice(space + 1).trim()];
  if (fields.familyName === undefined || fields.familyName === '') fields.familyName = family;
  if (fields.givenName === undefined || fields.givenName === '') fields.givenName = given;
}

function finish(problems: ImportProblem[], count: number, locale: ImportLocale): ImportProblem[] {
  if (count > problems.length) {
    const reason: ImportReason = { code: 'too_many_problems', more: count - problems.length };
    problems.push({ row: null, column: null, value: '', reason: importReasonText(reason, locale) });
  }
  return problems;
}
