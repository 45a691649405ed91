import { safeCell } from '@mamori/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { encodeShiftJis, safeShiftJisCell } from './shift-jis.js';

export type TableFormat = 'xlsx' | 'csv' | 'csv-sjis';

/** A column of a plain table export: its heading, and cells as text, whole numbers or dates (YYYY-MM-DD). */
export interface TableColumn<R> {
  header: string;
  width?: number;
  value: (row: R) => string | number | null;
  date?: boolean;
}

export const tableContentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  'csv-sjis': 'text/csv; charset=shift_jis',
} as const satisfies Record<TableFormat, string>;

/**
 * A list as a spreadsheet people sort and filter: CSV in UTF-8 with a BOM, CSV in Shift_JIS for older Excel, or .xlsx
 * with real dates and numbers. Text that would start a formula is neutralised in every format.
 */
export async function renderTable<R>(sheetName: string, columns: readonly TableColumn<R>[], rows: readonly R[], format: TableFormat): Promise<Buffer> {
  if (format !== 'xlsx') {
    const guard = format === 'csv-sjis' ? safeShiftJisCell : safeCell;
    const cell = (c: TableColumn<R>, row: R) => {
      const value = c.value(row);
      if (value === null) return '';
      if (typeof value === 'number') return String(value);
      return guard(c.date ? value.replaceAll('-', '/') : value);
    };
    const text = stringify([columns.map((c) => guard(c.header)), ...rows.map((row) => columns.map((c) => cell(c, row)))], { record_delimiter: '\r\n' });
    return format === 'csv-sjis' ? encodeShiftJis(text) : Buffer.from(`\uFEFF${text}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        if (value === null || typeof value === 'number') return value;
        // Dates stay real dates, so Excel sorts and filters them.
        return c.date ? new Date(`${value}T00:00:00Z`) : safeCell(value);
      }),
    );
  }
  columns.forEach((c, i) => {
    if (c.date) sheet.getColumn(i + 1).numFmt = 'yyyy/mm/dd';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
