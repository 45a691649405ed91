import ExcelJS from 'exceljs';
import { safeCell } from '@mamori/domain';
import { roleSharingContent, type RoleSharingDocument, type RoleSharingLocale } from './role-sharing-document.js';

// A group | B area | C responsible | D agreed action | E notes | F recommended action (small print)
const columnWidths = [18, 26, 11, 46, 32, 40];
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E4E4' } };
const font = 'Yu Gothic';

type Style = { bold?: boolean; size?: number; fill?: ExcelJS.Fill; boxed?: boolean; color?: string; align?: 'left' | 'center' };

/** Rough wrapped line count: a kanji or kana is about two character widths of Excel's column unit. */
function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => {
    const units = [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1.1), 0);
    return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}

/**
 * Each line of typed text is neutralised on its own (a cell may be copied line by line), so a value starting with
 * = + - @ can never become a formula.
 */
const safe = (text: string) =>
  text
    .split('\n')
    .map((line) => safeCell(line))
    .join('\n');

/**
 * The role-sharing table as an Excel workbook: one sheet, the parties and status on top, then one row per area (group,
 * area, responsible, agreed action, notes, the ministry's recommendation in small type); A4 landscape. Every value is a
 * string and typed text goes through the formula-injection guard.
 */
export async function renderRoleSharingXlsx(input: RoleSharingDocument, locale: RoleSharingLocale): Promise<Buffer> {
  const content = roleSharingContent(input, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mamori';
  workbook.created = input.printedAt;
  const sheet = workbook.addWorksheet(content.sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8${`${content.printedAtLabel}${content.colon}${content.printedAt}`.replace(/&/g, '&&')}&R&8&P / &N` },
  });
  sheet.columns = columnWidths.map((width) => ({ width }));

  const heights = new Map<number, number>();
  const put = (row: number, from: number, to: number, text: string, style: Style = {}) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: font, bold: style.bold ?? false, size: style.size ?? 10, ...(style.color ? { color: { argb: style.color } } : {}) };
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: style.align ?? 'left' };
    const width = columnWidths.slice(from - 1, to).reduce((sum, w) => sum + w, 0);
    const lines = ((style.size ?? 10) / 10) * linesFor(text, width);
    heights.set(row, Math.max(heights.get(row) ?? 1, lines));
    for (let c = from; c <= to; c++) {
      const target = sheet.getCell(row, c);
      if (style.boxed) target.border = border;
      if (style.fill) target.fill = style.fill;
    }
  };

  let row = 1;
  put(row++, 1, 6, content.title, { bold: true, size: 14, align: 'center' });
  row++;
  for (const field of content.fields) {
    put(row, 1, 1, field.label, { bold: true, color: 'FF555555' });
    put(row, 2, 6, safe(field.value));
    row++;
  }
  row++;

  const { columns } = content;
  const header = [columns.group, columns.area, columns.responsible, columns.action, columns.notes, columns.recommendation];
  const headerRow = row;
  header.forEach((label, i) => void put(row, i + 1, i + 1, label, { bold: true, fill: headerFill, boxed: true, align: 'center' }));
  row++;
  // Rows of one group share one merged group cell, as on the ministry's table.
  let groupStart = row;
  const closeGroup = (end: number) => {
    if (end > groupStart) sheet.mergeCells(groupStart, 1, end, 1);
  };
  content.rows.forEach((r, index) => {
    if (index === 0 || r.group !== content.rows[index - 1]!.group || r.group === '') {
      closeGroup(row - 1);
      groupStart = row;
    }
    put(row, 1, 1, r.group, { bold: true, boxed: true });
    put(row, 2, 2, r.area, { bold: true, boxed: true });
    put(row, 3, 3, r.responsible, { bold: true, boxed: true, align: 'center', ...(r.undecided ? { color: 'FFB26A00' } : {}) });
    put(row, 4, 4, safe(r.action), { boxed: true });
    put(row, 5, 5, safe(r.notes), { boxed: true });
    put(row, 6, 6, [r.recommendation, r.items, r.references].filter(Boolean).join('\n'), { boxed: true, size: 8, color: 'FF666666' });
    row++;
  });
  closeGroup(row - 1);

  for (const [n, lines] of heights) sheet.getRow(n).height = Math.max(15, Math.ceil(lines * 13 + 4));
  // The header row repeats on every printed page.
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
