import { buildLayout, type FormLayout, type ItemRow, type Part, type ResultCell, type SectionBlock } from './layout.js';
import { renderJapanesePdf } from './pdf-document.js';
import type { ExportModel } from './model.js';

const page = { width: 595.28, height: 841.89, margin: 36 };
/** Lowest y a table row may reach; the footer sits below. */
const contentBottom = page.height - 46;
const tableWidth = page.width - 2 * page.margin;

/**
 * The table's columns, left to right. Forms with a 確認日 column (2025) print each round's date beside its answer:
 * 1回目 | 確認日 | 目標日 | 2回目 | 確認日; the others print it under the answer. Both add up to the table width.
 */
function tableColumns(checkDateColumn: boolean) {
  const widths = checkDateColumn
    ? { section: 52, item: 175, first: 58, firstDate: 58, target: 64, second: 58, secondDate: 58 }
    : { section: 70, item: 229, first: 76, firstDate: 0, target: 72, second: 76, secondDate: 0 };
  const left = { section: page.margin, item: 0, first: 0, firstDate: 0, target: 0, second: 0, secondDate: 0 };
  left.item = left.section + widths.section;
  left.first = left.item + widths.item;
  left.firstDate = left.first + widths.first;
  left.target = left.firstDate + widths.firstDate;
  left.second = left.target + widths.target;
  left.secondDate = left.second + widths.second;
  return { widths, left, results: tableWidth - widths.section - widths.item };
}
const pad = 3;
const size = { title: 13, formName: 9.5, heading: 10, body: 8, small: 7 };
const grey = { fill: '#eeeeee', headerFill: '#e4e4e4', text: '#777777', line: '#000000' };

/** Draws one form on A4 portrait the way the ministry prints it, then writes page numbers. */
class FormPdf {
  private y = page.margin;
  private segment: { title: string; top: number } | null = null;
  private readonly widths: ReturnType<typeof tableColumns>['widths'];
  private readonly left: ReturnType<typeof tableColumns>['left'];
  /** The answer columns together (rounds, dates, target). */
  private readonly resultsWidth: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly layout: FormLayout,
  ) {
    ({ widths: this.widths, left: this.left, results: this.resultsWidth } = tableColumns(layout.checkDateColumn));
  }

  draw(): void {
    this.pageHeader(true);
    if (this.layout.gate) this.gateTable(this.layout.gate);
    this.layout.parts.forEach((part, index) => {
      if (index > 0) this.newPage(true);
      this.part(part);
    });
    this.footers();
  }

  private newPage(full: boolean): void {
    this.doc.addPage();
    this.y = page.margin;
    this.pageHeader(full);
  }

  private pageHeader(full: boolean): void {
    const { doc, layout } = this;
    const boxWidth = 96;
    doc.font('bold').fontSize(size.formName);
    const boxHeight = doc.heightOfString(layout.formName, { width: boxWidth }) + 2 * pad;
    doc
      .lineWidth(0.8)
      .rect(page.width - page.margin - boxWidth, this.y, boxWidth, boxHeight)
      .stroke(grey.line);
    doc.text(layout.formName, page.width - page.margin - boxWidth, this.y + pad, { width: boxWidth, align: 'center' });
    this.y += boxHeight + 4;
    doc.font('bold').fontSize(full ? size.title : size.heading);
    doc.text(layout.title, page.margin, this.y, { width: tableWidth, align: 'center' });
    this.y += doc.heightOfString(layout.title, { width: tableWidth }) + 6;
    if (!full) return;
    for (const line of layout.banner) {
      doc.font('bold').fontSize(size.heading).text(line, page.margin, this.y, { width: tableWidth, align: 'center' });
      this.y += this.lineHeight(size.heading) + 4;
    }
    doc.font('bold').fontSize(size.heading).text(layout.fiscalYear, page.margin, this.y, { lineBreak: false });
    let x = page.margin + doc.widthOfString(layout.fiscalYear) + 18;
    doc.font('regular').fontSize(size.heading);
    for (const party of layout.parties) {
      const text = `${party.label}${layout.labels.colon}${party.value}`;
      const width = Math.max(doc.widthOfString(text) + 8, 150);
      doc.text(text, x, this.y, { width, lineBreak: false });
      doc
        .lineWidth(0.5)
        .moveTo(x, this.y + size.heading + 5)
        .lineTo(x + width, this.y + size.heading + 5)
        .stroke(grey.line);
      x += width + 14;
    }
    this.y += size.heading + 14;
    if (layout.editionNotice) {
      doc
        .font('regular')
        .fontSize(size.small)
        .fillColor(grey.text)
        .text(layout.editionNotice, page.margin, this.y - 6, { width: tableWidth });
      doc.fillColor('#000000');
      this.y += this.textHeight(layout.editionNotice, tableWidth, size.small) + 2;
    }
  }

  private gateTable(gate: NonNullable<FormLayout['gate']>): void {
    const { labels } = this.layout;
    const headerHeight = this.lineHeight(size.body) + 2 * pad;
    this.headerCell(labels.checkItem, this.left.item, this.widths.item, headerHeight);
    this.headerCell(labels.result, this.left.first, this.resultsWidth, headerHeight);
    this.box(this.left.section, this.y, this.widths.section, headerHeight, grey.headerFill);
    this.y += headerHeight;
    const height = Math.max(this.rowHeight(gate.row), this.textHeight(gate.section, this.widths.section, size.body) + 2 * pad);
    this.box(this.left.section, this.y, this.widths.section, height);
    this.write(gate.section, this.left.section, this.y, this.widths.section, { bold: true });
    this.itemCell(gate.row, height);
    this.resultCell(gate.row.first, this.left.first, this.resultsWidth, height);
    this.y += height + 12;
  }

  private part(part: Part): void {
    const { doc } = this;
    doc.font('bold').fontSize(size.heading).text(part.heading, page.margin, this.y);
    this.y += this.lineHeight(size.heading) + 2;
    for (const line of part.intro) {
      const text = line;
      doc
        .font('regular')
        .fontSize(size.body)
        .text(text, page.margin + 8, this.y, { width: tableWidth - 8 });
      this.y += this.textHeight(text, tableWidth - 8, size.body) + 1;
    }
    this.y += 5;
    this.tableHeader();
    for (const section of part.sections) this.section(section);
    this.y += 6;
    const notes = [...part.footnotes.map((f) => `※${f.ref} ${f.text}`), ...part.ministryNotes.map((text) => `● ${text}`)];
    for (const note of notes) {
      // Measured at the full width it is written at (the cell helpers subtract padding).
      const height = this.textHeight(note, tableWidth + 2 * pad, size.small) + 2;
      if (this.y + height > contentBottom) this.newPage(false);
      this.write(note, page.margin - pad, this.y - pad, tableWidth + 2 * pad, { size: size.small });
      this.y += height;
    }
  }

  private tableHeader(): void {
    const { labels } = this.layout;
    const line = this.lineHeight(size.body) + 2 * pad;
    this.headerCell(labels.checkItem, this.left.section, this.widths.section + this.widths.item, 2 * line);
    this.headerCell(labels.result, this.left.first, this.resultsWidth, line);
    this.y += line;
    this.headerCell(labels.round(1), this.left.first, this.widths.first, line);
    if (this.layout.checkDateColumn) this.headerCell(labels.checkDate, this.left.firstDate, this.widths.firstDate, line);
    this.headerCell(labels.target, this.left.target, this.widths.target, line);
    this.headerCell(labels.round(2), this.left.second, this.widths.second, line);
    if (this.layout.checkDateColumn) this.headerCell(labels.checkDate, this.left.secondDate, this.widths.secondDate, line);
    this.y += line;
  }

  private section(section: SectionBlock): void {
    this.segment = { title: section.title, top: this.y };
    const titleHeight = this.textHeight(section.title, this.widths.section, size.body) + 2 * pad;
    const sizes = section.rows.map((row) => ({
      height: row.kind === 'scope' ? this.textHeight(row.text, this.widths.item, size.body) + 2 * pad : this.rowHeight(row),
      extraHeight: row.kind === 'item' && row.extra.length > 0 ? this.textHeight(row.extra.join('\n'), this.resultsWidth, size.small) + 2 * pad : 0,
    }));
    section.rows.forEach((row, index) => {
      let { height } = sizes[index]!;
      const { extraHeight } = sizes[index]!;
      // A sub-heading stays on the page of the first row it introduces.
      const next = row.kind === 'scope' ? sizes[index + 1] : undefined;
      if (this.y + height + extraHeight + (next ? next.height + next.extraHeight : 0) > contentBottom) this.breakTable();
      // The section's name must fit beside its rows, so the last row grows when the rows are short.
      if (index === section.rows.length - 1) height = Math.max(height, titleHeight - extraHeight - (this.y - this.segment!.top));
      if (row.kind === 'scope') {
        this.box(this.left.item, this.y, this.widths.item, height);
        this.write(row.text, this.left.item, this.y, this.widths.item, {});
        this.box(this.left.first, this.y, this.resultsWidth, height, grey.fill);
        this.y += height;
        return;
      }
      this.itemCell(row, height);
      if (row.notNeeded && row.first.value === null && row.second.value === null) {
        this.box(this.left.first, this.y, this.resultsWidth, height, grey.fill);
        this.write(this.layout.labels.notNeeded, this.left.first, this.y + (height - this.lineHeight(size.body)) / 2 - pad, this.resultsWidth, {
          align: 'center',
          color: grey.text,
        });
      } else this.results(row, height);
      this.y += height;
      if (extraHeight > 0) {
        const width = this.resultsWidth;
        this.box(this.left.item, this.y, this.widths.item, extraHeight);
        this.write(this.layout.labels.extraRounds, this.left.item, this.y, this.widths.item, { size: size.small, color: grey.text, align: 'right' });
        this.box(this.left.first, this.y, width, extraHeight);
        this.write(row.extra.join('\n'), this.left.first, this.y, width, { size: size.small });
        this.y += extraHeight;
      }
    });
    this.closeSegment();
  }

  /** Ends the table on this page and continues it, headed again, on the next. */
  private breakTable(): void {
    this.closeSegment();
    this.newPage(false);
    this.tableHeader();
    if (this.segment) this.segment.top = this.y;
  }

  private closeSegment(): void {
    if (!this.segment) return;
    const { title, top } = this.segment;
    this.box(this.left.section, top, this.widths.section, this.y - top);
    this.write(title, this.left.section, top, this.widths.section, { bold: true });
  }

  private rowHeight(row: ItemRow): number {
    const text = this.textHeight(this.itemText(row), this.widths.item, size.body);
    const result = this.lineHeight(size.body) + this.lineHeight(size.small) + 1;
    return Math.max(text, result) + 2 * pad;
  }

  private itemText(row: ItemRow): string {
    const text = row.display;
    const tags = [
      ...(row.notNeeded && (row.first.value || row.second.value) ? [`（${this.layout.labels.notNeeded}）`] : []),
      ...row.noteRefs.map((n) => `※${n}`),
    ];
    return tags.length ? `${text} ${tags.join(' ')}` : text;
  }

  private itemCell(row: ItemRow, height: number): void {
    this.box(this.left.item, this.y, this.widths.item, height);
    this.write(this.itemText(row), this.left.item, this.y, this.widths.item, {});
  }

  /** Round 1, its target date and round 2 (each with its date); a single-round row greys out the rest. */
  private results(row: ItemRow, height: number): void {
    const { left, widths } = this;
    const dated = this.layout.checkDateColumn;
    this.resultCell(row.first, left.first, widths.first, height, !dated);
    if (dated) this.dateCell(row.first, left.firstDate, widths.firstDate, height);
    if (row.singleRound) {
      this.box(left.target, this.y, left.first + this.resultsWidth - left.target, height, grey.fill);
      return;
    }
    this.box(left.target, this.y, widths.target, height);
    if (row.target)
      this.write(row.target, left.target, this.y + (height - this.textHeight(row.target, widths.target, size.body)) / 2, widths.target, { align: 'center' });
    this.resultCell(row.second, left.second, widths.second, height, !dated);
    if (dated) this.dateCell(row.second, left.secondDate, widths.secondDate, height);
  }

  /** The chosen answer in bold over its date; an unanswered round shows the blanks of the paper form. */
  private resultCell(cell: ResultCell, x: number, width: number, height: number, withDate = true): void {
    this.box(x, this.y, width, height);
    const content = this.lineHeight(size.body) + (withDate ? this.lineHeight(size.small) + 1 : 0);
    const top = this.y + (height - content) / 2 - pad;
    const color = cell.value ? '#000000' : grey.text;
    this.write(cell.mark, x, top, width, { bold: cell.value !== null, align: 'center', color });
    if (withDate) this.write(cell.date, x, top + this.lineHeight(size.body) + 1, width, { size: size.small, align: 'center', color });
  }

  /** 確認日 in its own column (2025 forms). */
  private dateCell(cell: ResultCell, x: number, width: number, height: number): void {
    this.box(x, this.y, width, height);
    const color = cell.value ? '#000000' : grey.text;
    this.write(cell.date, x, this.y + (height - this.lineHeight(size.small)) / 2 - pad, width, { size: size.small, align: 'center', color });
  }

  private headerCell(text: string, x: number, width: number, height: number): void {
    this.box(x, this.y, width, height, grey.headerFill);
    this.write(text, x, this.y + (height - this.lineHeight(size.body)) / 2 - pad, width, { align: 'center', bold: true });
  }

  private box(x: number, y: number, width: number, height: number, fill?: string): void {
    this.doc.lineWidth(0.6);
    if (fill) this.doc.rect(x, y, width, height).fillAndStroke(fill, grey.line);
    else this.doc.rect(x, y, width, height).stroke(grey.line);
  }

  private write(
    text: string,
    x: number,
    y: number,
    width: number,
    options: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; color?: string },
  ): void {
    this.doc
      .font(options.bold ? 'bold' : 'regular')
      .fontSize(options.size ?? size.body)
      .fillColor(options.color ?? '#000000')
      .text(text, x + pad, y + pad, { width: width - 2 * pad, align: options.align ?? 'left', lineGap: 0.5 });
  }

  private textHeight(text: string, width: number, fontSize: number): number {
    return this.doc
      .font('regular')
      .fontSize(fontSize)
      .heightOfString(text, { width: width - 2 * pad, lineGap: 0.5 });
  }

  private lineHeight(fontSize: number): number {
    return this.doc.font('regular').fontSize(fontSize).currentLineHeight(true) + 0.5;
  }

  private footers(): void {
    const { doc, layout } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Writing below the bottom margin would make pdfkit open a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = page.height - page.margin + 8;
      doc.font('regular').fontSize(size.small).fillColor(grey.text);
      doc.text(layout.printedAt, page.margin, y, { width: tableWidth / 2, lineBreak: false });
      doc.text(layout.labels.page(index + 1, range.count), page.margin + tableWidth / 2, y, { width: tableWidth / 2, align: 'right', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
  }
}

/** The form as an A4 PDF with the Japanese font embedded (subset), so the text can be searched and copied. */
export function renderFormPdf(model: ExportModel): Promise<Buffer> {
  const layout = buildLayout(model);
  return renderJapanesePdf(
    {
      layout: 'portrait',
      margin: page.margin,
      locale: model.locale,
      info: { Title: `${layout.title} ${layout.formName} ${layout.fiscalYear}`, Author: model.facilityName },
    },
    (doc) => new FormPdf(doc, layout).draw(),
  );
}
