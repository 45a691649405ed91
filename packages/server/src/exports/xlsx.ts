import ExcelJS from 'exceljs';
import { buildLayout, type FormLayout, type ItemRow, type ResultCell } from './layout.js';
import type { ExportModel } from './model.js';
import { safeCell } from '@mamori/domain';

/**
 * The sheet's columns: section | check item | round 1 | target | round 2 | rounds 3+ | notes, with a 確認日 column
 * after each round on forms that print one (2025).
 */
function sheetColumns(checkDateColumn: boolean) {
  const names = checkDateColumn
    ? (['section', 'item', 'first', 'firstDate', 'target', 'second', 'secondDate', 'extra', 'notes'] as const)
    : (['section', 'item', 'first', 'target', 'second', 'extra', 'notes'] as const);
  const width = { section: 16, item: 58, first: 15, firstDate: 13, target: 15, second: 15, secondDate: 13, extra: 18, notes: 30 };
  const index = Object.fromEntries(names.map((name, i) => [name, i + 1])) as Record<(typeof names)[number], number> &
    Partial<Record<'firstDate' | 'secondDate', number>>;
  return { index, widths: names.map((name) => width[name]), last: names.length };
}
type SheetColumns = ReturnType<typeof sheetColumns>;
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const greyFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E4E4' } };
const font = 'Yu Gothic';

type Style = { bold?: boolean; size?: number; fill?: ExcelJS.Fill; align?: 'left' | 'center' | 'right'; boxed?: boolean; color?: string };

/** Writes the form top to bottom; `row` is the next free row. Everything is a string, so nothing is computed. */
class FormSheet {
  private row = 1;
  /** Lines each row needs; Excel does not grow rows for wrapped text in merged cells, so heights are set. */
  private readonly lines = new Map<number, number>();
  private readonly col: SheetColumns['index'];
  private readonly last: number;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly layout: FormLayout,
    private readonly columns: SheetColumns,
  ) {
    this.col = columns.index;
    this.last = columns.last;
  }

  draw(): void {
    const { layout, col, last } = this;
    this.put(this.row, 1, col.second, layout.title, { bold: true, size: 14, align: 'center' });
    this.put(this.row, col.extra, last, layout.formName, { bold: true, align: 'center', boxed: true });
    this.row++;
    for (const line of layout.banner) this.put(this.row++, 1, col.second, line, { bold: true, align: 'center' });
    this.put(this.row, 1, 1, layout.fiscalYear, { bold: true });
    layout.parties.forEach(
      (party, i) => void this.put(this.row, i === 0 ? 2 : 3, i === 0 ? 2 : col.second, `${party.label}${layout.labels.colon}${safeCell(party.value)}`, {}),
    );
    this.put(this.row, col.extra, last, layout.printedAt, { align: 'right', color: 'FF777777' });
    this.row++;
    if (layout.editionNotice) this.put(this.row++, 1, last, layout.editionNotice, { size: 9, color: 'FF777777' });
    this.row++;
    if (layout.gate) {
      const { labels } = layout;
      this.put(this.row, 1, 2, labels.checkItem, { bold: true, fill: headerFill, align: 'center', boxed: true });
      this.put(this.row, col.first, col.extra - 1, labels.result, { bold: true, fill: headerFill, align: 'center', boxed: true });
      this.put(this.row, col.notes, col.notes, labels.notesHeading, { bold: true, fill: headerFill, align: 'center', boxed: true });
      this.row++;
      this.put(this.row, 1, 1, layout.gate.section, { bold: true, boxed: true });
      this.put(this.row, 2, 2, itemText(layout.gate.row), { boxed: true });
      this.put(this.row, col.first, col.extra - 1, result(layout.gate.row.first), { align: 'center', boxed: true });
      this.put(this.row, col.notes, col.notes, this.notes(layout.gate.row), { boxed: true });
      this.row += 2;
    }
    layout.parts.forEach((part, index) => {
      if (index > 0) this.sheet.getRow(this.row - 1).addPageBreak();
      this.put(this.row++, 1, last, part.heading, { bold: true, size: 12 });
      for (const line of part.intro) this.put(this.row++, 1, last, line, {});
      this.tableHeader();
      for (const section of part.sections) {
        const top = this.row;
        for (const row of section.rows) {
          if (row.kind === 'scope') {
            this.put(this.row, 2, 2, row.text, { boxed: true });
            this.put(this.row, col.first, last, '', { fill: greyFill, boxed: true });
          } else this.item(row);
          this.row++;
        }
        this.put(top, 1, 1, section.title, { bold: true, boxed: true }, this.row - 1);
      }
      this.row++;
      for (const note of part.ministryNotes) this.put(this.row++, 1, last, `● ${note}`, { size: 9 });
      this.row++;
    });
    for (const [row, lines] of this.lines) this.sheet.getRow(row).height = Math.max(15, Math.ceil(lines * 13 + 4));
  }

  private tableHeader(): void {
    const { labels } = this.layout;
    const { col } = this;
    const style: Style = { bold: true, fill: headerFill, align: 'center', boxed: true };
    this.put(this.row, 1, 2, labels.checkItem, style, this.row + 1);
    this.put(this.row, col.first, col.extra - 1, labels.result, style);
    this.put(this.row, col.extra, col.extra, labels.extraRounds, style, this.row + 1);
    this.put(this.row, col.notes, col.notes, labels.notesHeading, style, this.row + 1);
    this.put(this.row + 1, col.first, col.first, labels.round(1), style);
    if (col.firstDate) this.put(this.row + 1, col.firstDate, col.firstDate, labels.checkDate, style);
    this.put(this.row + 1, col.target, col.target, labels.target, style);
    this.put(this.row + 1, col.second, col.second, labels.round(2), style);
    if (col.secondDate) this.put(this.row + 1, col.secondDate, col.secondDate, labels.checkDate, style);
    this.row += 2;
  }

  private item(row: ItemRow): void {
    const { col } = this;
    this.put(this.row, 2, 2, itemText(row), { boxed: true });
    if (row.notNeeded && row.first.value === null && row.second.value === null) {
      this.put(this.row, col.first, col.extra, this.layout.labels.notNeeded, { align: 'center', fill: greyFill, boxed: true, color: 'FF777777' });
    } else {
      this.round(row.first, col.first, col.firstDate);
      if (row.singleRound) this.put(this.row, col.target, col.extra - 1, '', { fill: greyFill, boxed: true });
      else {
        this.put(this.row, col.target, col.target, row.target, { align: 'center', boxed: true });
        this.round(row.second, col.second, col.secondDate);
      }
      this.put(this.row, col.extra, col.extra, row.extra.join('\n'), { boxed: true });
    }
    this.put(this.row, col.notes, col.notes, this.notes(row), { boxed: true });
  }

  /** A round's answer with its date under it, or beside it in the 確認日 column. */
  private round(cell: ResultCell, column: number, dateColumn: number | undefined): void {
    this.put(this.row, column, column, dateColumn ? cell.mark : result(cell), { align: 'center', boxed: true });
    if (dateColumn) this.put(this.row, dateColumn, dateColumn, cell.date, { align: 'center', boxed: true });
  }

  /** Notes are typed by users: each one is neutralized on its own, since a cell may be copied line by line. */
  private notes(row: ItemRow): string {
    return row.notes.map((n) => `${this.layout.labels.round(n.round)}: ${safeCell(n.text)}`).join('\n');
  }

  /** Writes text into a cell, merging `from`…`to` columns (and down to `toRow`), styled like the paper form. */
  private put(row: number, from: number, to: number, text: string, style: Style, toRow = row): void {
    if (to > from || toRow > row) this.sheet.mergeCells(row, from, toRow, to);
    const cell = this.sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: font, bold: style.bold ?? false, size: style.size ?? 10, ...(style.color ? { color: { argb: style.color } } : {}) };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: style.align ?? 'left' };
    if (toRow === row) {
      const width = this.columns.widths.slice(from - 1, to).reduce((sum, w) => sum + w, 0);
      const needed = ((style.size ?? 10) / 10) * linesFor(text, width);
      this.lines.set(row, Math.max(this.lines.get(row) ?? 1, needed));
    }
    for (let r = row; r <= toRow; r++) {
      for (let c = from; c <= to; c++) {
        const target = this.sheet.getCell(r, c);
        if (style.boxed) target.border = border;
        if (style.fill) target.fill = style.fill;
      }
    }
  }
}

/** Rough wrapped line count: a kanji or kana is about two character widths of Excel's column unit. */
function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => {
    const units = [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1.1), 0);
    return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}

const itemText = (row: ItemRow) => row.display;
const result = (cell: ResultCell) => `${cell.mark}\n${cell.date}`;

/** The form as an Excel workbook, one sheet, laid out like the paper form and set to print on A4 portrait. */
export async function renderFormXlsx(model: ExportModel): Promise<Buffer> {
  const layout = buildLayout(model);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mamori';
  workbook.created = new Date(`${model.printedAt}T00:00:00Z`);
  const sheet = workbook.addWorksheet(layout.formName.slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8${layout.printedAt.replace(/&/g, '&&')}&R&8&P / &N` },
  });
  const columns = sheetColumns(layout.checkDateColumn);
  sheet.columns = columns.widths.map((width) => ({ width }));
  new FormSheet(sheet, layout, columns).draw();
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
