import { renderJapanesePdf } from '../exports/pdf-document.js';
import {
  callingOrder,
  formatJapaneseDate,
  layoutContactChart,
  todayInTokyo,
  type ChartLayout,
  type ChartLayoutNode,
  type ChartPoint,
  type ContactChartContent,
  type ContactEntry,
  type ContactSide,
} from '@mamori/domain';

export interface ContactChartPdfInput {
  facilityName: string;
  chart: ContactChartContent;
  chartVersion: number | null;
  /** When the version was saved (ISO date-time); null for a chart never saved. */
  savedAt: string | null;
  /** YYYY-MM-DD */
  printedAt: string;
  locale: 'ja' | 'en';
}

const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const texts = {
  ja: {
    title: 'インシデント発生時の連絡体制図',
    colon: '：',
    version: (n: number | null) => (n === null ? '未保存' : `第${n}版`),
    savedAt: '作成日',
    printedAt: '出力日',
    internal: '院内',
    external: '院外（事業者・関係機関）',
    ministry: '厚生労働省（必ず連絡）',
    callout: 'サイバー攻撃が疑われるときは厚生労働省へ',
    table: { order: '順番', contact: '連絡先', phone: '電話', email: 'メール', hours: '対応時間', notes: '備考' },
    from: (order: number) => `${order}から`,
    listTitle: '連絡先一覧（連絡する順）',
    note: '補足',
    empty: '連絡先が登録されていません。',
    page: (n: number, of: number) => `${n} / ${of}`,
    date: formatJapaneseDate,
  },
  en: {
    title: 'Incident contact chart',
    colon: ': ',
    version: (n: number | null) => (n === null ? 'Not saved' : `Version ${n}`),
    savedAt: 'Created',
    printedAt: 'Printed',
    internal: 'Our facility',
    external: 'Outside (vendors, authorities)',
    ministry: 'Ministry (must be called)',
    callout: 'Suspected cyber attack: call the Ministry of Health, Labour and Welfare',
    table: { order: 'Order', contact: 'Contact', phone: 'Phone', email: 'Email', hours: 'Hours', notes: 'Notes' },
    from: (order: number) => `from ${order}`,
    listTitle: 'Contacts (in calling order)',
    note: 'Note',
    empty: 'No contacts have been entered.',
    page: (n: number, of: number) => `${n} / ${of}`,
    date: (iso: string) => englishDate.format(new Date(`${iso}T00:00:00Z`)),
  },
} as const;
type Texts = (typeof texts)['ja' | 'en'];

/** A4 landscape, in points. */
const page = { width: 841.89, height: 595.28, margin: 28 };
const contentWidth = page.width - 2 * page.margin;
const footerTop = page.height - page.margin + 6;
const contentBottom = page.height - page.margin - 4;

const colour = {
  text: '#1a1a1a',
  grey: '#666666',
  rule: '#333333',
  arrow: '#4a4a4a',
  ministry: { fill: '#fdecec', line: '#c62828', text: '#b71c1c' },
  side: {
    internal: { fill: '#e7f0fa', line: '#2f6aa8' },
    external: { fill: '#fdf3e3', line: '#b26a00' },
  } satisfies Record<ContactSide, Record<string, string>>,
  tableHeader: '#e9e9e9',
  tableLine: '#9a9a9a',
};

/** The box text at scale 1 (pt); the diagram is scaled to the page afterwards, text with it. */
const box = { fontSize: 10, lineHeight: 13.5, paddingX: 8, paddingTop: 6, hoursSize: 7.5, hoursLine: 11 };

const minScaleWithTable = 0.78;
const maxScale = 1.35;

interface TableRow {
  order: string;
  /** Who calls this contact, by their order ("2から"). */
  from: string;
  name: string;
  detail: string;
  phone: string;
  email: string;
  hours: string;
  notes: string;
  ministry: boolean;
}

const fullWidthSpace = '　';

class ChartPdf {
  private readonly t: Texts;
  private readonly entries: Map<string, ContactEntry>;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly input: ContactChartPdfInput,
  ) {
    this.t = texts[input.locale];
    this.entries = new Map(input.chart.entries.map((e) => [e.key, e]));
  }

  draw(): void {
    const top = this.header();
    const layout = this.layout();
    const rows = this.rows();
    const noteHeight = this.noteHeight();
    const tableHeight = this.tableHeight(rows) + noteHeight;
    const area = { x: page.margin, y: top, width: contentWidth, height: contentBottom - top };
    if (layout.nodes.length === 0) {
      this.doc
        .font('regular')
        .fontSize(11)
        .fillColor(colour.grey)
        .text(this.t.empty, page.margin, top + 20, { width: contentWidth, align: 'center' });
    } else {
      const fullScale = this.scaleFor(layout, area.width, area.height);
      const shared = { ...area, height: area.height - tableHeight - 16 };
      const sharedScale = shared.height > 0 ? this.scaleFor(layout, shared.width, shared.height) : 0;
      // The whole list goes under the diagram when the diagram stays readable (or as large as it would be alone);
      // else the diagram takes the size it needs and the list starts below it if its first rows fit, or on page 2.
      if (sharedScale >= Math.min(minScaleWithTable, fullScale)) {
        this.table(rows, this.diagram(layout, shared, sharedScale) + 14);
      } else {
        const below = this.diagram(layout, area, fullScale) + 14;
        const start = 18 + this.headerHeight() + rows.slice(0, 3).reduce((sum, row) => sum + this.rowHeight(row), 0);
        if (below + start <= contentBottom) {
          this.table(rows, below);
        } else {
          this.doc.addPage();
          this.table(rows, this.continuationHeader());
        }
      }
    }
    this.footers();
  }

  private date(iso: string): string {
    return this.t.date(iso);
  }

  /** Title, facility, version and date; the ministry's number when the chart has it. Returns where the diagram starts. */
  private header(): number {
    const { doc, t, input } = this;
    const top = page.margin;
    const ministry = input.chart.entries.find((e) => e.kind === 'ministry' && e.phone.trim() !== '');
    const calloutWidth = ministry ? this.callout(ministry, top) : 0;
    const leftWidth = contentWidth - calloutWidth - 16;
    doc.font('bold').fontSize(18).fillColor(colour.text).text(t.title, page.margin, top, { width: leftWidth, lineBreak: false, ellipsis: true });
    const meta = [t.version(input.chartVersion), ...(input.savedAt ? [`${t.savedAt}${t.colon}${this.date(todayInTokyo(new Date(input.savedAt)))}`] : [])].join(
      fullWidthSpace,
    );
    doc.font('regular').fontSize(10);
    const metaWidth = doc.widthOfString(meta);
    doc.font('bold').fontSize(13);
    const nameWidth = Math.min(doc.widthOfString(input.facilityName), leftWidth - metaWidth - 16);
    doc.text(input.facilityName, page.margin, top + 26, { width: nameWidth + 1, lineBreak: false, ellipsis: true });
    doc
      .font('regular')
      .fontSize(10)
      .fillColor(colour.grey)
      .text(meta, page.margin + nameWidth + 16, top + 29, { lineBreak: false });

    const ruleY = top + 50;
    doc
      .lineWidth(1)
      .moveTo(page.margin, ruleY)
      .lineTo(page.margin + contentWidth, ruleY)
      .stroke(colour.rule);
    this.legend(page.margin + contentWidth, ruleY + 5);
    return ruleY + 20;
  }

  /** The number everyone must know, framed in red at the top right. Returns its width. */
  private callout(ministry: ContactEntry, top: number): number {
    const { doc, t } = this;
    const phone = ministry.phone.trim();
    const leadWidth = doc.font('regular').fontSize(8).widthOfString(t.callout);
    const nameWidth = doc.font('bold').fontSize(11).widthOfString(ministry.name);
    const phoneWidth = doc.font('bold').fontSize(17).widthOfString(phone);
    const width = Math.max(leadWidth, nameWidth + 10 + phoneWidth) + 24;
    const x = page.margin + contentWidth - width;
    doc.lineWidth(1.8).roundedRect(x, top, width, 44, 5).fillAndStroke(colour.ministry.fill, colour.ministry.line);
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(colour.ministry.text)
      .text(t.callout, x + 12, top + 4, { lineBreak: false });
    doc
      .font('bold')
      .fontSize(11)
      .text(ministry.name, x + 12, top + 22, { lineBreak: false });
    doc
      .font('bold')
      .fontSize(17)
      .text(phone, x + 12 + nameWidth + 10, top + 15, { lineBreak: false });
    return width;
  }

  private legend(right: number, y: number): void {
    const { doc, t } = this;
    const items = [
      { label: t.internal, fill: colour.side.internal.fill, line: colour.side.internal.line },
      { label: t.external, fill: colour.side.external.fill, line: colour.side.external.line },
      ...(this.input.chart.entries.some((e) => e.kind === 'ministry') ? [{ label: t.ministry, fill: colour.ministry.fill, line: colour.ministry.line }] : []),
    ];
    doc.font('regular').fontSize(8);
    const widths = items.map((i) => 16 + doc.widthOfString(i.label));
    let x = right - widths.reduce((a, b) => a + b, 0) - 12 * (items.length - 1);
    items.forEach((item, index) => {
      doc
        .lineWidth(0.9)
        .roundedRect(x, y + 1, 11, 9, 2)
        .fillAndStroke(item.fill, item.line);
      doc.fillColor(colour.text).text(item.label, x + 15, y, { lineBreak: false });
      x += widths[index]! + 12;
    });
  }

  /** The header of page 2 and later: the title and facility in one line. */
  private continuationHeader(): number {
    const { doc, t, input } = this;
    doc
      .font('bold')
      .fontSize(12)
      .fillColor(colour.text)
      .text(`${t.title}${fullWidthSpace}${input.facilityName}`, page.margin, page.margin, { width: contentWidth * 0.7, lineBreak: false, ellipsis: true });
    doc
      .font('regular')
      .fontSize(9)
      .text(t.version(input.chartVersion), page.margin, page.margin + 2, { width: contentWidth, align: 'right', lineBreak: false });
    const ruleY = page.margin + 20;
    doc
      .lineWidth(0.8)
      .moveTo(page.margin, ruleY)
      .lineTo(page.margin + contentWidth, ruleY)
      .stroke(colour.rule);
    return ruleY + 10;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Diagram

  private hasHours(): boolean {
    return this.input.chart.entries.some((e) => e.hours.trim() !== '');
  }

  private layout(): ChartLayout {
    // The layout pads top and bottom alike; the hours line takes the bottom half of the extra padding, drawn smaller.
    const hoursRoom = this.hasHours() ? box.hoursLine : 0;
    return layoutContactChart(this.input.chart, {
      fontSize: box.fontSize,
      lineHeight: box.lineHeight,
      paddingX: box.paddingX,
      paddingY: box.paddingTop + hoursRoom / 2,
      minWidth: 112,
      maxWidth: 190,
      maxLines: 3,
      nodeSep: 26,
      rankSep: 24,
      margin: 8,
      // dagre routes arrows through the frames of its clusters, past other boxes; the tints tell the sides apart.
      groupBySide: false,
    });
  }

  private scaleFor(layout: ChartLayout, width: number, height: number): number {
    return Math.min(maxScale, width / layout.width, height / layout.height);
  }

  /** Draws the diagram centred horizontally at the top of `area`; returns the y below it. */
  private diagram(layout: ChartLayout, area: { x: number; y: number; width: number; height: number }, scale: number): number {
    const { doc } = this;
    const ox = area.x + (area.width - layout.width * scale) / 2;
    const oy = area.y;
    const X = (x: number) => ox + x * scale;
    const Y = (y: number) => oy + y * scale;

    const radius = 7.5 * Math.max(scale, 0.75);
    const routes = this.routes(layout, radius / scale);
    for (const route of routes) {
      const points = route.points.map((p) => ({ x: X(p.x), y: Y(p.y) }));
      if (points.length < 2) continue;
      const end = points[points.length - 1]!;
      const before = points[points.length - 2]!;
      const angle = Math.atan2(end.y - before.y, end.x - before.x);
      const head = 7 * Math.max(scale, 0.7);
      // The line stops at the arrow head's base, so the head stays sharp.
      const base = { x: end.x - head * 0.8 * Math.cos(angle), y: end.y - head * 0.8 * Math.sin(angle) };
      doc
        .lineWidth(1.1 * Math.max(scale, 0.7))
        .lineJoin('round')
        .lineCap('round');
      doc.moveTo(points[0]!.x, points[0]!.y);
      for (const p of points.slice(1, -1)) doc.lineTo(p.x, p.y);
      doc.lineTo(base.x, base.y).stroke(colour.arrow);
      const spread = 0.42;
      doc
        .moveTo(end.x, end.y)
        .lineTo(end.x - head * Math.cos(angle - spread), end.y - head * Math.sin(angle - spread))
        .lineTo(end.x - head * Math.cos(angle + spread), end.y - head * Math.sin(angle + spread))
        .closePath()
        .fill(colour.arrow);
    }
    // Order numbers after every line, so no line crosses one.
    for (const route of routes) {
      const c = { x: X(route.label.x), y: Y(route.label.y) };
      doc.lineWidth(0.8).circle(c.x, c.y, radius).fillAndStroke('#ffffff', colour.arrow);
      const label = String(route.order);
      doc
        .font('bold')
        .fontSize(radius * (label.length > 1 ? 1.05 : 1.25))
        .fillColor(colour.text);
      const w = doc.widthOfString(label);
      doc.text(label, c.x - w / 2, c.y - doc.currentLineHeight() / 2 - radius * 0.02, { lineBreak: false });
    }

    for (const node of layout.nodes) this.node(node, X(node.x), Y(node.y), scale);
    return oy + layout.height * scale;
  }

  /**
   * The arrows in the layout's units. A call to the next row down is drawn as an org chart draws it: down from the
   * caller's box to a bar, along the bar, down into the callee, with the order number on the last stretch. dagre's own
   * straight lines cut across neighbouring boxes when rows are close; they are kept only for the arrows that skip a
   * row or go back up (a chart with a loop).
   */
  private routes(layout: ChartLayout, radius: number): { order: number; points: ChartPoint[]; label: ChartPoint }[] {
    const byKey = new Map(layout.nodes.map((n) => [n.key, n]));
    const centre = (n: ChartLayoutNode) => n.y + n.height / 2;
    // dagre centres every box of a row on one line (give or take the layout's rounding).
    const rows: number[] = [];
    for (const y of layout.nodes.map(centre).sort((a, b) => a - b)) if (rows.length === 0 || y - rows[rows.length - 1]! > 1) rows.push(y);
    const rowOf = (n: ChartLayoutNode) => rows.findIndex((y) => Math.abs(centre(n) - y) <= 1);
    const rowBottom = rows.map((_, r) => Math.max(...layout.nodes.filter((n) => rowOf(n) === r).map((n) => n.y + n.height)));
    const rowTop = rows.map((_, r) => Math.min(...layout.nodes.filter((n) => rowOf(n) === r).map((n) => n.y)));

    const elbow = (edge: ChartLayout['edges'][number]) => {
      const from = byKey.get(edge.from);
      const to = byKey.get(edge.to);
      return from && to && rowOf(to) === rowOf(from) + 1 ? { from, to } : null;
    };
    // Each caller in a row gets its own bar height, so two callers' bars never run along one line.
    const barOf = new Map<string, number>();
    rows.forEach((_, r) => {
      if (r === rows.length - 1) return;
      const callers = [...new Set(layout.edges.flatMap((e) => (elbow(e)?.from && rowOf(elbow(e)!.from) === r ? [elbow(e)!.from] : [])))].sort(
        (a, b) => a.x - b.x,
      );
      const top = rowBottom[r]! + 6;
      const bottom = rowTop[r + 1]! - 2 * radius - 8;
      callers.forEach((caller, i) => {
        const y = bottom <= top ? (top + bottom) / 2 : callers.length === 1 ? (top + bottom) / 2 : top + ((bottom - top) * i) / (callers.length - 1);
        barOf.set(caller.key, y);
      });
    });

    return layout.edges.map((edge) => {
      const pair = elbow(edge);
      if (!pair) return { order: edge.order, points: edge.points, label: edge.labelPosition };
      const { from, to } = pair;
      const sx = from.x + from.width / 2;
      const tx = to.x + to.width / 2;
      const bar = barOf.get(from.key)!;
      const start = { x: sx, y: from.y + from.height };
      const end = { x: tx, y: to.y };
      const points = Math.abs(sx - tx) < 0.5 ? [start, end] : [start, { x: sx, y: bar }, { x: tx, y: bar }, end];
      // The number sits on the last stretch, between the bar and the arrow head.
      return { order: edge.order, points, label: { x: tx, y: Math.max(bar + radius + 1, (bar + end.y) / 2 - 2) } };
    });
  }

  private node(node: ChartLayoutNode, x: number, y: number, scale: number): void {
    const { doc } = this;
    const entry = this.entries.get(node.key);
    const ministry = node.kind === 'ministry';
    const tint = ministry ? colour.ministry : colour.side[node.side];
    const width = node.width * scale;
    const height = node.height * scale;
    doc
      .lineWidth((ministry ? 2.2 : 1) * Math.max(scale, 0.7))
      .roundedRect(x, y, width, height, 6 * scale)
      .fillAndStroke(tint.fill, tint.line);

    const phone = entry?.phone.trim() ?? '';
    const nameLines = this.nameLineCount(node, entry);
    const hours = entry?.hours.trim() ?? '';
    const textHeight = node.lines.length * box.lineHeight + (hours ? box.hoursLine : 0);
    // Centred vertically in the box (the box may have room for an hours line this entry has not).
    let ty = y + ((node.height - textHeight) / 2) * scale;
    const innerX = x + (box.paddingX - 1) * scale;
    const innerWidth = width - 2 * (box.paddingX - 1) * scale;
    node.lines.forEach((line, index) => {
      const isPhone = phone !== '' && index === node.lines.length - 1 && index >= nameLines;
      const isName = index < nameLines;
      doc.font(isName || isPhone ? 'bold' : 'regular').fillColor(isPhone && ministry ? colour.ministry.text : isName || isPhone ? colour.text : '#404040');
      this.centredLine(line, innerX, ty + ((box.lineHeight - box.fontSize * 1.45) / 2) * scale, innerWidth, box.fontSize * scale);
      ty += box.lineHeight * scale;
    });
    if (hours) {
      doc.font('regular').fillColor(colour.grey);
      this.centredLine(hours, innerX, ty + 1 * scale, innerWidth, box.hoursSize * scale);
    }
  }

  /**
   * One line of box text, centred. The layout's widths are estimates: a line that would not fit is drawn smaller,
   * down to four fifths of its size, and then shortened with an ellipsis; it never wraps or spills out of its box.
   */
  private centredLine(text: string, x: number, y: number, width: number, fontSize: number): void {
    const { doc } = this;
    const fit = width - 1;
    doc.fontSize(fontSize);
    let line = text;
    const measured = doc.widthOfString(line);
    if (measured > fit) {
      doc.fontSize(Math.max(fontSize * 0.8, (fontSize * fit) / measured));
      const chars = Array.from(text);
      while (chars.length > 1 && doc.widthOfString(line) > fit) {
        chars.pop();
        line = `${chars.join('').trimEnd()}…`;
      }
    }
    // Drawn without a width: pdfkit's wrapper would break a line that fits only just.
    doc.text(line, x + (width - doc.widthOfString(line)) / 2, y, { lineBreak: false });
  }

  /** How many of the box's lines are the name (the layout wraps a long name onto two). */
  private nameLineCount(node: ChartLayoutNode, entry: ContactEntry | undefined): number {
    if (!entry) return 1;
    const name = entry.name.replace(/\s+/g, '');
    let taken = '';
    for (let i = 0; i < node.lines.length; i++) {
      const line = node.lines[i]!;
      taken += line.replace(/\s+/g, '');
      if (line.endsWith('…') || taken.length >= name.length) return i + 1;
    }
    return 1;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Table

  private rows(): TableRow[] {
    const steps = callingOrder(this.input.chart);
    const orderOf = new Map(steps.map((step) => [step.entry.key, step.order]));
    return steps.map((step) => {
      const e = step.entry;
      const callerOrder = step.calledByKey ? (orderOf.get(step.calledByKey) ?? null) : null;
      const edgeNote = step.calledByKey ? (this.input.chart.edges.find((edge) => edge.from === step.calledByKey && edge.to === e.key)?.note.trim() ?? '') : '';
      const notes = [e.notes.trim(), edgeNote && callerOrder !== null ? `${this.t.from(callerOrder)}${this.t.colon}${edgeNote}` : '']
        .filter(Boolean)
        .join('\n');
      return {
        order: String(step.order),
        from: callerOrder === null ? '' : this.t.from(callerOrder),
        name: e.name.trim(),
        detail: [e.organization.trim(), e.role.trim()].filter(Boolean).join(' / '),
        phone: e.phone.trim(),
        email: e.email.trim(),
        hours: e.hours.trim(),
        notes,
        ministry: e.kind === 'ministry',
      };
    });
  }

  private readonly columns = (() => {
    const widths = { order: 52, contact: 220, phone: 100, email: 140, hours: 100 };
    const fixed = Object.values(widths).reduce((a, b) => a + b, 0);
    return { ...widths, notes: contentWidth - fixed };
  })();

  private readonly cell = { pad: 4, size: 8.5, small: 7.5, lineGap: 1 };

  private columnStarts(): { key: keyof ChartPdf['columns']; x: number; width: number }[] {
    let x = page.margin;
    return (['order', 'contact', 'phone', 'email', 'hours', 'notes'] as const).map((key) => {
      const start = { key, x, width: this.columns[key] };
      x += this.columns[key];
      return start;
    });
  }

  /** The organization and role follow the name on its line when they fit, else go under it. */
  private contactOnOneLine(row: TableRow): boolean {
    const { doc, cell } = this;
    if (!row.detail) return true;
    const width = doc.font('bold').fontSize(cell.size).widthOfString(`${row.name}　`) + doc.font('regular').fontSize(cell.small).widthOfString(row.detail);
    return width <= this.columns.contact - 2 * cell.pad - 2;
  }

  private textHeight(text: string, width: number, size: number, bold = false): number {
    if (!text) return 0;
    return this.doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .heightOfString(text, { width: width - 2 * this.cell.pad, lineGap: this.cell.lineGap });
  }

  private rowHeight(row: TableRow): number {
    const { columns, cell } = this;
    const contact = this.contactOnOneLine(row)
      ? this.textHeight(row.name, columns.contact, cell.size, true)
      : this.textHeight(row.name, columns.contact, cell.size, true) + this.textHeight(row.detail, columns.contact, cell.small);
    const tallest = Math.max(
      contact,
      this.textHeight(row.phone, columns.phone, cell.size + 0.5, true),
      this.textHeight(row.email, columns.email, cell.size),
      this.textHeight(row.hours, columns.hours, cell.size),
      this.textHeight(row.notes, columns.notes, cell.small),
      this.textHeight('0', columns.order, cell.size + 0.5, true),
    );
    return tallest + 2 * cell.pad;
  }

  private headerHeight(): number {
    return this.textHeight('0', 100, this.cell.size, true) + 2 * this.cell.pad;
  }

  private tableHeight(rows: TableRow[]): number {
    return 18 + this.headerHeight() + rows.reduce((sum, row) => sum + this.rowHeight(row), 0);
  }

  private noteHeight(): number {
    const note = this.input.chart.note.trim();
    if (!note) return 0;
    return 8 + this.doc.font('regular').fontSize(8.5).heightOfString(`${this.t.note}${this.t.colon}${note}`, { width: contentWidth, lineGap: 1 });
  }

  private table(rows: TableRow[], top: number): void {
    const { doc, t } = this;
    let y = top;
    doc.font('bold').fontSize(10).fillColor(colour.text).text(t.listTitle, page.margin, y, { lineBreak: false });
    y += 18;
    y = this.tableHeader(y);
    for (const row of rows) {
      const height = this.rowHeight(row);
      if (y + height > contentBottom) {
        doc.addPage();
        y = this.tableHeader(this.continuationHeader());
      }
      this.row(row, y, height);
      y += height;
    }
    const note = this.input.chart.note.trim();
    if (note) {
      const text = `${t.note}${t.colon}${note}`;
      const height = doc.font('regular').fontSize(8.5).heightOfString(text, { width: contentWidth, lineGap: 1 });
      if (y + 8 + height > contentBottom) {
        doc.addPage();
        y = this.continuationHeader() - 8;
      }
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(colour.text)
        .text(text, page.margin, y + 8, { width: contentWidth, lineGap: 1 });
    }
  }

  private tableHeader(y: number): number {
    const { doc, t, cell } = this;
    const height = this.headerHeight();
    for (const column of this.columnStarts()) {
      doc.lineWidth(0.5).rect(column.x, y, column.width, height).fillAndStroke(colour.tableHeader, colour.tableLine);
      doc
        .font('bold')
        .fontSize(cell.size)
        .fillColor(colour.text)
        .text(t.table[column.key], column.x + cell.pad, y + cell.pad, { width: column.width - 2 * cell.pad, align: 'center', lineBreak: false });
    }
    return y + height;
  }

  private row(row: TableRow, y: number, height: number): void {
    const { doc, cell } = this;
    const strong = row.ministry ? colour.ministry.text : colour.text;
    const options = (width: number) => ({ width: width - 2 * cell.pad, lineGap: cell.lineGap });
    for (const column of this.columnStarts()) {
      doc.lineWidth(0.5).rect(column.x, y, column.width, height);
      if (row.ministry) doc.fillAndStroke(colour.ministry.fill, colour.tableLine);
      else doc.stroke(colour.tableLine);
      const x = column.x + cell.pad;
      const top = y + cell.pad;
      switch (column.key) {
        case 'order': {
          doc
            .font('bold')
            .fontSize(cell.size + 0.5)
            .fillColor(strong);
          const orderWidth = doc.widthOfString(row.order);
          doc.text(row.order, x + 2, top, { lineBreak: false });
          if (row.from)
            doc
              .font('regular')
              .fontSize(cell.small - 0.5)
              .fillColor(colour.grey)
              .text(row.from, x + 2 + orderWidth + 4, top + 1.5, { lineBreak: false });
          break;
        }
        case 'contact':
          if (this.contactOnOneLine(row)) {
            doc
              .font('bold')
              .fontSize(cell.size)
              .fillColor(strong)
              .text(`${row.name}${row.detail ? '　' : ''}`, x, top, { ...options(column.width), continued: row.detail !== '' });
            if (row.detail) doc.font('regular').fontSize(cell.small).fillColor(colour.grey).text(row.detail, { continued: false });
          } else {
            doc.font('bold').fontSize(cell.size).fillColor(strong).text(row.name, x, top, options(column.width));
            doc.font('regular').fontSize(cell.small).fillColor(colour.grey).text(row.detail, x, doc.y, options(column.width));
          }
          break;
        case 'phone':
          doc
            .font('bold')
            .fontSize(cell.size + 0.5)
            .fillColor(strong)
            .text(row.phone, x, top, options(column.width));
          break;
        case 'email':
          doc.font('regular').fontSize(cell.size).fillColor(colour.text).text(row.email, x, top, options(column.width));
          break;
        case 'hours':
          doc.font('regular').fontSize(cell.size).fillColor(colour.text).text(row.hours, x, top, options(column.width));
          break;
        case 'notes':
          doc.font('regular').fontSize(cell.small).fillColor(strong).text(row.notes, x, top, options(column.width));
          break;
      }
    }
  }

  private footers(): void {
    const { doc, t, input } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Writing below the bottom margin would make pdfkit open a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(7.5).fillColor(colour.grey);
      doc.text(`${t.printedAt}${t.colon}${this.date(input.printedAt)}`, page.margin, footerTop, { width: contentWidth / 2, lineBreak: false });
      doc.text(t.page(index + 1, range.count), page.margin + contentWidth / 2, footerTop, { width: contentWidth / 2, align: 'right', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
  }
}

/**
 * The contact chart as an A4 landscape PDF to pin on the wall: the diagram scaled to the page, then every contact in
 * calling order (on page 2 when the diagram needs the whole first page). Text is real text in the embedded Japanese font.
 */
export function renderContactChartPdf(input: ContactChartPdfInput): Promise<Buffer> {
  const t = texts[input.locale];
  return renderJapanesePdf(
    {
      layout: 'landscape',
      margin: page.margin,
      locale: input.locale,
      info: { Title: `${t.title} ${input.facilityName} ${t.version(input.chartVersion)}`, Author: input.facilityName },
    },
    (doc) => new ChartPdf(doc, input).draw(),
  );
}
