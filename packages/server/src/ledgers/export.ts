import { columnsOf, type ColumnDefinition, type LedgerKind, type Locale, safeCell } from '@mamori/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { encodeShiftJis, safeShiftJisCell } from '../exports/shift-jis.js';

export type LedgerExportFormat = 'csv' | 'csv-sjis' | 'xlsx';

const restrictionWords = { ja: { mac: 'MAC', ip: 'IP', region: '地域', none: 'なし' }, en: { mac: 'MAC', ip: 'IP', region: 'region', none: 'none' } } as const;
const booleanWords = { ja: { true: 'はい', false: 'いいえ' }, en: { true: 'yes', false: 'no' } } as const;
const isAscii = (s: string) => /^[\x20-\x7e]+$/.test(s);

/** A cell as a person writes it, in words the importer reads back (so an exported ledger re-imports unchanged). */
function cellText(column: ColumnDefinition, value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '';
  switch (column.type.kind) {
    case 'date':
      return String(value).replaceAll('-', '/');
    case 'boolean':
      return booleanWords[locale][value ? 'true' : 'false'];
    case 'enum': {
      const words = column.type.values[String(value)] ?? [];
      return (locale === 'ja' ? words[0] : words.find(isAscii)) ?? String(value);
    }
    case 'restrictions': {
      const list = value as string[];
      if (list.length === 0) return restrictionWords[locale].none;
      return list.map((r) => restrictionWords[locale][r as 'mac']).join(locale === 'ja' ? '、' : ', ');
    }
    default:
      return String(value);
  }
}

/**
 * The ledger as a spreadsheet with the manual's headings: CSV in UTF-8 with a BOM, CSV in Shift_JIS for
 * older Excel, or .xlsx. Text that would start a formula is neutralised in every format.
 */
export async function renderLedger(ledger: LedgerKind, rows: readonly Record<string, unknown>[], format: LedgerExportFormat, locale: Locale): Promise<Buffer> {
  const columns = columnsOf(ledger).filter((c) => !c.importOnly);
  const header = columns.map((c) => c.header[locale]);
  if (format === 'xlsx') return renderXlsx(ledger, columns, header, rows, locale);
  const guard = format === 'csv-sjis' ? safeShiftJisCell : safeCell;
  const records = rows.map((row) => columns.map((c) => guard(cellText(c, row[c.field], locale))));
  const text = stringify([header, ...records], { record_delimiter: '\r\n' });
  return format === 'csv-sjis' ? encodeShiftJis(text) : Buffer.from(`\uFEFF${text}`, 'utf8');
}

async function renderXlsx(
  ledger: LedgerKind,
  columns: readonly ColumnDefinition[],
  header: string[],
  rows: readonly Record<string, unknown>[],
  locale: Locale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(ledger === 'assets' ? (locale === 'ja' ? '機器台帳' : 'Assets') : locale === 'ja' ? '利用者ID台帳' : 'Accounts', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c, i) => ({ header: header[i], key: c.field, width: c.type.kind === 'text' && c.type.maxLength > 500 ? 40 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = row[c.field];
        // Dates stay real dates, so Excel sorts and filters them.
        if (c.type.kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
        return safeCell(cellText(c, value, locale));
      }),
    );
  }
  columns.forEach((c, i) => {
    if (c.type.kind === 'date') sheet.getColumn(i + 1).numFmt = 'yyyy/mm/dd';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
