import { renderJapanesePdf } from '../exports/pdf-document.js';
import { roleSharingContent, type RoleSharingContent, type RoleSharingDocument, type RoleSharingLocale } from './role-sharing-document.js';

/** A4 landscape, in points: the agreed actions are long text, so the table gets the width. */
const page = { width: 841.89, height: 595.28, margin: 36 };
const contentWidth = page.width - 2 * page.margin;
/** Lowest y the body may reach; the footer sits below. */
const bottom = page.height - page.margin;
const footerTop = page.height - page.margin + 12;
const size = { title: 15, field: 9.5, header: 9, body: 9, small: 7, footer: 7.5 };
/** Noto Sans JP's line box is about 1.45 em. */
const lineHeight = (points: number) => Math.ceil(points * 1.45 * 10) / 10;
const pad = 4;
const colour = { text: '#1a1a1a', grey: '#666666', rule: '#333333', line: '#9a9a9a', header: '#e9e9e9', undecided: '#b26a00' };

/** Column widths of the table, left to right: group, area (with the recommendation), responsible, action, notes. */
const columns = (() => {
  const fixed = [124, 180, 68, 222];
  return [...fixed, contentWidth - fixed.reduce((a, b) => a + b, 0)];
})();

interface Line {
  text: string;
  font: 'regular' | 'bold';
  size: number;
  color: string;
}
type Cell = Line[];
type Style = Omit<Line, 'text'>;

/** Characters that must not start a line (句読点・閉じ括弧): they hang on the line before. */
const noLineStart = /^[、。，．,.)）」』】〕〉》！？!?・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ々]$/u;
/** Runs of ASCII letters and digits stay together (English words, version numbers); everything else breaks anywhere. */
const tokens = /[\x21-\x7e]+|[ \t]+|./gsu;

class RoleSharingPdf {
  private y = page.margin;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly content: RoleSharingContent,
    private readonly facilityName: string,
  ) {}

  draw(): void {
    const { doc, content } = this;
    doc.font('bold').fontSize(size.title).fillColor(colour.text).text(content.title, page.margin, this.y, { width: contentWidth, align: 'center' });
    this.y = doc.y + 12;
    this.fields();
    this.y += 10;
    this.tableHeader();
    let previousGroup = '';
    for (const row of content.rows) {
      const area: Cell = [
        ...this.wrap(row.area, columns[1]!, { font: 'bold', size: size.body, color: colour.text }),
        ...(row.items ? this.wrap(row.items, columns[1]!, { font: 'regular', size: size.small, color: colour.grey }) : []),
      ];
      const body: Style = { font: 'regular', size: size.body, color: colour.text };
      // A group is named on its first row, and again on a row that starts a page.
      const group = this.wrap(row.group, columns[0]!, { font: 'bold', size: size.body, color: colour.text });
      const first = row.group !== previousGroup;
      previousGroup = row.group;
      this.row(
        [
          first ? group : [],
          area,
          this.wrap(row.responsible, columns[2]!, { font: 'bold', size: size.body, color: row.undecided ? colour.undecided : colour.text }),
          this.wrap(row.action, columns[3]!, body),
          this.wrap(row.notes, columns[4]!, body),
        ],
        { group },
      );
    }
    this.recommendations();
    this.footers();
  }

  /**
   * The ministry's recommended actions and guideline references, after the table at full width (long verbatim text
   * would make every row a page tall in the area column); rows sharing one text (1-① and 1-②) print it once.
   */
  private recommendations(): void {
    const { content } = this;
    const width = contentWidth + 2 * pad;
    const blocks: { numbers: string[]; text: string; references: string }[] = [];
    for (const row of content.rows) {
      if (!row.recommendation) continue;
      const last = blocks.at(-1);
      if (last && last.text === row.recommendation && last.references === row.references) last.numbers.push(row.number);
      else blocks.push({ numbers: [row.number], text: row.recommendation, references: row.references });
    }
    if (blocks.length === 0) return;
    const write = (lines: Cell) => {
      for (const line of lines) {
        if (this.y + lineHeight(line.size) > bottom) {
          this.doc.addPage();
          this.y = page.margin;
        }
        this.line(line, page.margin, this.y);
        this.y += lineHeight(line.size);
      }
    };
    this.y += 10;
    write(this.wrap(content.recommendationsHeading, width, { font: 'bold', size: size.body, color: colour.text }));
    for (const block of blocks) {
      this.y += 3;
      write([
        ...this.wrap(`${block.numbers.join('・')}　${block.text}`, width, { font: 'regular', size: size.small, color: colour.text }),
        ...this.wrap(block.references, width, { font: 'regular', size: size.small, color: colour.grey }),
      ]);
    }
  }

  /** Facility, vendor, contract, systems, status and proposal: label on the left, value wrapped beside it. */
  private fields(): void {
    const { doc, content } = this;
    doc.font('bold').fontSize(size.field);
    const labelWidth = Math.max(...content.fields.map((f) => doc.widthOfString(`${f.label}${content.colon}`))) + 6;
    const valueWidth = contentWidth - labelWidth;
    for (const field of content.fields) {
      const lines = this.wrap(field.value, valueWidth, { font: 'regular', size: size.field, color: colour.text });
      doc.font('bold').fontSize(size.field).fillColor(colour.grey).text(`${field.label}${content.colon}`, page.margin, this.y, { lineBreak: false });
      for (const line of lines) {
        this.line(line, page.margin + labelWidth, this.y);
        this.y += lineHeight(line.size);
      }
      if (lines.length === 0) this.y += lineHeight(size.field);
      this.y += 1;
    }
    doc
      .lineWidth(0.6)
      .moveTo(page.margin, this.y + 3)
      .lineTo(page.margin + contentWidth, this.y + 3)
      .stroke(colour.rule);
    this.y += 6;
  }

  private tableHeader(): void {
    const { columns: c } = this.content;
    const style: Style = { font: 'bold', size: size.header, color: colour.text };
    const labels = [c.group, c.area, c.responsible, c.action, c.notes];
    this.row(
      labels.map((label, i) => this.wrap(label, columns[i]!, style)),
      { header: true },
    );
    this.atPageTop = true;
  }

  /** True between a page's table header and its first row. */
  private atPageTop = false;

  /**
   * One table row. A row that does not fit the rest of the page starts a new one; a row taller than a whole page is
   * split line by line across pages, each part boxed, the header repeated on every page.
   */
  private row(cells: Cell[], options: { header?: boolean; group?: Cell }): void {
    const header = options.header ?? false;
    const heights = cells.map((cell) => cell.reduce((h, line) => h + lineHeight(line.size), 0));
    const height = Math.max(lineHeight(size.body), ...heights) + 2 * pad;
    const freshPageRoom = bottom - page.margin - this.headerHeight();
    if (!header && this.y + height > bottom && (height <= freshPageRoom || bottom - this.y < 4 * lineHeight(size.body))) this.newPage();
    if (!header && this.atPageTop && cells[0]!.length === 0 && options.group) cells = [options.group, ...cells.slice(1)];
    if (!header) this.atPageTop = false;

    const next = cells.map(() => 0);
    for (;;) {
      const top = this.y;
      const room = bottom - top - 2 * pad;
      // Which lines of each cell go into this part.
      const until = cells.map((cell, i) => {
        let h = 0;
        let n = next[i]!;
        while (n < cell.length && h + lineHeight(cell[n]!.size) <= room) h += lineHeight(cell[n++]!.size);
        return n;
      });
      if (until.every((n, i) => n === next[i]) && cells.some((cell, i) => next[i]! < cell.length)) {
        this.newPage();
        continue;
      }
      const used = Math.max(lineHeight(size.body), ...cells.map((cell, i) => cell.slice(next[i], until[i]).reduce((h, line) => h + lineHeight(line.size), 0)));
      const partHeight = used + 2 * pad;
      let x = page.margin;
      if (header) this.doc.rect(page.margin, top, contentWidth, partHeight).fill(colour.header);
      cells.forEach((cell, i) => {
        let y = top + pad;
        for (let n = next[i]!; n < until[i]!; n++) {
          this.line(cell[n]!, x + pad, y);
          y += lineHeight(cell[n]!.size);
        }
        this.doc.lineWidth(0.5).rect(x, top, columns[i]!, partHeight).stroke(colour.line);
        x += columns[i]!;
        next[i] = until[i]!;
      });
      this.y = top + partHeight;
      if (cells.every((cell, i) => next[i]! >= cell.length)) return;
      this.newPage();
    }
  }

  private headerHeight(): number {
    return lineHeight(size.header) + 2 * pad;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = page.margin;
    this.tableHeader();
  }

  private line(line: Line, x: number, y: number): void {
    this.doc.font(line.font).fontSize(line.size).fillColor(line.color).text(line.text, x, y, { lineBreak: false });
  }

  /** Breaks text into lines that fit `width` in the style's font: by word for Latin text, by character for Japanese. */
  private wrap(text: string, width: number, style: Style): Cell {
    const { doc } = this;
    doc.font(style.font).fontSize(style.size);
    const max = width - 2 * pad;
    const lines: Cell = [];
    const push = (t: string) => lines.push({ ...style, text: t });
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      let current = '';
      for (const token of paragraph.match(tokens) ?? []) {
        const candidate = current + token;
        if (doc.widthOfString(candidate) <= max || (current !== '' && noLineStart.test(token))) {
          current = candidate;
          continue;
        }
        if (current.trim() !== '') push(current.trimEnd());
        current = token.trimStart();
        // A word wider than the column breaks by character.
        while (current !== '' && doc.widthOfString(current) > max) {
          let n = 1;
          const chars = [...current];
          while (n < chars.length && doc.widthOfString(chars.slice(0, n + 1).join('')) <= max) n++;
          push(chars.slice(0, n).join(''));
          current = chars.slice(n).join('');
        }
      }
      if (current.trim() !== '' || lines.length === 0 || paragraph === '') push(current.trimEnd());
    }
    // An empty cell has no lines at all.
    return lines.length === 1 && lines[0]!.text === '' ? [] : lines;
  }

  private footers(): void {
    const { doc, content } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Writing below the bottom margin would make pdfkit open a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(size.footer).fillColor(colour.grey);
      const left = `${content.printedAtLabel}${content.colon}${content.printedAt}　${content.title}　${this.facilityName}`;
      doc.text(left, page.margin, footerTop, { width: contentWidth * 0.85, lineBreak: false, ellipsis: true });
      doc.text(content.page(index + 1, range.count), page.margin + contentWidth * 0.85, footerTop, {
        width: contentWidth * 0.15,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins.bottom = margin;
    }
  }
}

/**
 * The role-sharing table of one contract as an A4 landscape PDF: the parties, the status, then one row per area with
 * who is responsible and what was agreed, the ministry's recommendation in small type. Text is real text in the
 * embedded Japanese font, so it can be searched and copied.
 */
export function renderRoleSharingPdf(input: RoleSharingDocument, locale: RoleSharingLocale): Promise<Buffer> {
  const content = roleSharingContent(input, locale);
  return renderJapanesePdf(
    {
      layout: 'landscape',
      margin: page.margin,
      locale,
      info: { Title: `${content.title} ${input.facilityName} ${input.vendorName}`, Author: input.facilityName },
    },
    (doc) => new RoleSharingPdf(doc, content, input.facilityName).draw(),
  );
}
