import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { ImportEncoding } from '@mamori/domain';
import { SPREADSHEET_LIMITS, type SpreadsheetError, spreadsheetErrors as errors } from './spreadsheet-error.js';
import { checkXlsxBounds } from './xlsx-bounds.js';

/**
 * Turns an uploaded ledger file into rows of cells for `readLedgerRows`: .xlsx (first visible worksheet) or
 * CSV / tab-separated text in UTF-8 (with or without BOM) or Shift_JIS (CP932, what Japanese Excel writes
 * for 「CSV（コンマ区切り）」). rows[0] is spreadsheet row 1, so problems name the row the user sees.
 */

type SpreadsheetCell = string | number | Date | boolean | null;
export interface Spreadsheet {
  encoding: ImportEncoding;
  rows: SpreadsheetCell[][];
}

function startsWith(content: Buffer, bytes: readonly number[]): boolean {
  if (content.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (content[i] !== bytes[i]) return false;
  return true;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Reads an uploaded ledger file; throws SpreadsheetError when it is not a spreadsheet Mamori can read. */
export async function readSpreadsheet(content: Buffer): Promise<Spreadsheet> {
  if (content.length === 0) throw errors.empty();
  if (startsWith(content, ZIP)) return { encoding: 'xlsx', rows: await readXlsx(content) };
  if (startsWith(content, OLE)) throw errors.xls();
  if (startsWith(content, UTF16LE_BOM) || startsWith(content, UTF16BE_BOM)) throw errors.utf16();
  const { encoding, text } = decodeText(content);
  return { encoding, rows: readDelimited(text) };
}

/** UTF-8 (with or without BOM) or Shift_JIS text; throws SpreadsheetError when it is not text. */
export function decodeText(content: Buffer): { encoding: ImportEncoding; text: string } {
  let encoding: ImportEncoding;
  let text: string;
  if (startsWith(content, UTF8_BOM)) {
    encoding = 'utf-8-bom';
    const decoded = decodeOrNull('utf-8', content.subarray(3));
    if (decoded === null) throw errors.encoding();
    text = decoded;
  } else if (content.includes(0)) {
    // UTF-16 without a BOM, or not text at all.
    throw errors.encoding();
  } else {
    const utf8 = decodeOrNull('utf-8', content);
    if (utf8 !== null) {
      encoding = 'utf-8';
      text = utf8;
    } else {
      const sjis = decodeOrNull('shift_jis', content);
      if (sjis === null) throw errors.encoding();
      encoding = 'shift_jis';
      text = sjis;
    }
  }
  // DOS end-of-file marks are harmless; other control characters mean this is not text.
  text = text.replace(/\u001a+$/, '');
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) throw errors.encoding();
  if (text.trim().length === 0) throw errors.empty();
  return { encoding, text };
}

function decodeOrNull(label: 'utf-8' | 'shift_jis', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Tab-separated when the first non-empty line has more tabs than commas (Excel's テキスト (タブ区切り)). */
function detectDelimiter(text: string): ',' | '\t' {
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.trim().length === 0) continue;
    let tabs = 0;
    let commas = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 9) tabs++;
      else if (c === 44) commas++;
    }
    return tabs > commas ? '\t' : ',';
  }
  return ',';
}

/**
 * papaparse rather than csv-parse: on a 50,000-row ledger it parses in about half the time (measured,
 * docs/benchmarks.md). Row by row, so a file of a million tiny cells stops at the limit instead of filling
 * memory. An unclosed quote is the one error that means the file is not what it seems.
 */
function readDelimited(text: string): SpreadsheetCell[][] {
  const rows: string[][] = [];
  let cells = 0;
  let limit: SpreadsheetError | null = null;
  /** Spreadsheet row (1-based) where a quote opens and never closes. */
  let brokenAt: number | null = null;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      if (brokenAt === null && result.errors.some((e) => e.code === 'MissingQuotes')) brokenAt = rows.length + 1;
      cells += result.data.length;
      rows.push(result.data);
      if (rows.length > SPREADSHEET_LIMITS.rows) limit = errors.tooManyRows();
      else if (cells > SPREADSHEET_LIMITS.cells) limit = errors.tooManyCells();
      if (limit) parser.abort();
    },
  });
  if (limit) throw limit;
  if (brokenAt !== null) throw errors.csvSyntax(brokenAt);
  return trimTrailingEmpty(rows);
}

function isEmptyRow(row: readonly SpreadsheetCell[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (cell !== null && cell !== '') return false;
  return true;
}

function trimTrailingEmpty<T extends SpreadsheetCell[]>(rows: T[]): T[] {
  let end = rows.length;
  while (end > 0 && isEmptyRow(rows[end - 1])) end--;
  rows.length = end;
  return rows;
}

async function readXlsx(content: Buffer): Promise<SpreadsheetCell[][]> {
  await checkXlsxBounds(content);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types want the pre-generic Buffer; any Node Buffer works.
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw errors.notSpreadsheet();
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((s) => s.state === undefined || s.state === 'visible') ?? sheets[0];
  if (!sheet) throw errors.notSpreadsheet();
  const rows: SpreadsheetCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SpreadsheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      let value: SpreadsheetCell;
      if (cell.type === ExcelJS.ValueType.Merge) {
        // A merged range counts once across a row (a heading over two columns), but a value merged
        // down several rows (one 設置場所 for three devices) belongs to each of them.
        value = cell.master.row === cell.row ? null : cellValue(cell.master);
      } else {
        value = cellValue(cell);
      }
      cells[colNumber - 1] = value;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return trimTrailingEmpty(rows);
}

/** Zero-padding number formats (000): the user sees 001, so the ledger reads 001. */
const ZERO_PADDED = /^0+$/;

function cellValue(cell: ExcelJS.Cell): SpreadsheetCell {
  const value = plainValue(cell.value);
  if (typeof value === 'number' && typeof cell.numFmt === 'string' && ZERO_PADDED.test(cell.numFmt) && Number.isInteger(value) && value >= 0) {
    return String(value).padStart(cell.numFmt.length, '0');
  }
  return value;
}

/** Rich text → its text, formulas → their cached result, hyperlinks → their text, errors → #N/A etc. */
function plainValue(value: unknown): SpreadsheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if ('hyperlink' in v) return plainValue(v.text);
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return plainValue(v.text);
  }
  return null;
}
