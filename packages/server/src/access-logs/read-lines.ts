import {
  detectAccessLogFormat,
  parseAuthLogLine,
  parseManualCsvRow,
  parseMappedCsvRow,
  parseWindowsSecurityRow,
  type AccessLogFormat,
  type ColumnMapping,
  type ManualCsvRow,
  type ParsedLine,
} from '@mamori/domain';
import Papa from 'papaparse';

export interface ReadOptions {
  /** The source's own format; null: detected from the first line. */
  format: AccessLogFormat | null;
  zone: string;
  /** When Mamori got the lines: the year of a stamp without one, and no event is later than this. */
  receivedAt: Date;
  mapping: ColumnMapping | null;
}

/** PowerShell's Export-Csv writes this line above the headings unless told -NoTypeInformation. */
const POWERSHELL_TYPE_LINE = /^#TYPE [^\r\n]*\r?\n/;

const firstLineOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(POWERSHELL_TYPE_LINE, '')
    .split(/\r?\n/, 1)[0] ?? '';

/** The format the lines will be read as: the source's, else detected; null: none fits, every line is kept raw. */
function formatOf(text: string, options: Pick<ReadOptions, 'format' | 'mapping'>): AccessLogFormat | null {
  return options.format ?? detectAccessLogFormat(firstLineOf(text), options.mapping !== null);
}

const unrecognized = (raw: string): ParsedLine => ({ parsed: false, raw, reason: 'unrecognized' });

/**
 * Every line (or CSV record) of a log text as an event or, when no parser understands it, as a raw line: nothing
 * is dropped but empty lines and a CSV file's heading row.
 */
export function* readLogLines(text: string, options: ReadOptions): Generator<ParsedLine> {
  const body = text.replace(/^\uFEFF/, '');
  const format = formatOf(body, options);
  if (format === 'auth-log' || format === null) {
    for (const line of body.split('\n')) {
      const raw = line.replace(/\r$/, '');
      if (raw.trim() === '') continue;
      yield format ? parseAuthLogLine(raw, options.zone, options.receivedAt) : unrecognized(raw);
    }
    return;
  }
  yield* readCsvRecords(body.replace(POWERSHELL_TYPE_LINE, ''), format, options);
}

function rowParser(format: Exclude<AccessLogFormat, 'auth-log'>, options: ReadOptions): (row: Record<string, string>, raw: string) => ParsedLine {
  switch (format) {
    case 'manual-csv':
      return (row, raw) => parseManualCsvRow(row as ManualCsvRow, raw, options.zone);
    case 'windows-csv':
      return (row, raw) => parseWindowsSecurityRow(row, raw, options.zone);
    case 'mapped-csv':
      return options.mapping ? (row, raw) => parseMappedCsvRow(row, raw, options.mapping!, options.zone) : (_row, raw) => unrecognized(raw);
  }
}

/**
 * CSV records, keyed by the heading row; a record may span lines (Windows puts the whole description, line
 * breaks and all, in one quoted cell), so the raw text is the record's slice of the file.
 */
function* readCsvRecords(text: string, format: Exclude<AccessLogFormat, 'auth-log'>, options: ReadOptions): Generator<ParsedLine> {
  const parse = rowParser(format, options);
  const records: ParsedLine[] = [];
  let headings: string[] | null = null;
  let start = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      const raw = text.slice(start, end).replace(/\r?\n$/, '');
      start = end;
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === '')) return;
      if (!headings) {
        // Event Viewer leaves the description's heading empty; the Windows reader looks for it as `Message`.
        headings = cells.map((cell, i) => cell.trim() || (format === 'windows-csv' ? 'Message' : `column${i + 1}`));
        return;
      }
      const row: Record<string, string> = {};
      headings.forEach((heading, i) => {
        row[heading] = cells[i] ?? '';
      });
      const mismatch = cells.length !== headings.length && result.errors.length > 0;
      records.push(mismatch ? unrecognized(raw) : parse(row, raw));
    },
  });
  yield* records;
}
