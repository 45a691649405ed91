import {
  fiscalYearLabel,
  formatJapaneseDate,
  inspectionReportWords,
  type InspectionProblem,
  type InspectionReport,
  type InspectionReportWords,
  type Locale,
  type ReportPoint,
} from '@mamori/domain';
import { renderJapanesePdf } from './pdf-document.js';

export interface InspectionReportModel {
  report: InspectionReport;
  facilityName: string;
  locale: Locale;
  /** YYYY-MM-DD, also the day the evaluation was made for. */
  printedAt: string;
  inspections: {
    inspectedOn: string;
    inspector: string;
    healthCenter: string;
    notes: string;
    findings: { itemId: string | null; text: string; followUpRequested: boolean; answer: string | null }[];
  }[];
}

const page = { width: 595.28, height: 841.89, margin: 40 };
const width = page.width - 2 * page.margin;
const size = { title: 15, heading: 11, body: 9, small: 7.5 };
const colour = { text: '#1a1a1a', grey: '#666666', line: '#999999', status: { met: '#1e6b1e', 'not-met': '#b3261e', 'not-applicable': '#666666' } };

/**
 * The readiness report on A4 portrait as flowing text (pdfkit breaks pages itself): the facility and year, the
 * verdict, each guide point with its status and what concerns it, the reference-item note, recorded inspections.
 */
class InspectionReportPdf {
  private readonly words: InspectionReportWords;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: InspectionReportModel,
  ) {
    this.words = inspectionReportWords[model.locale];
  }

  draw(): void {
    const { doc, words, model } = this;
    const { report } = model;
    doc.font('bold').fontSize(size.title).fillColor(colour.text).text(words.title, page.margin, page.margin, { width, align: 'center' });
    doc.moveDown(0.6);
    const gate = words.labels.answers[report.gate ?? 'none'];
    for (const [label, value] of [
      [words.labels.facility, model.facilityName],
      [words.labels.fiscalYear, this.year(report.fiscalYear)],
      [words.labels.asOf, this.date(report.asOf)],
      [words.labels.gate, gate],
    ] as const)
      this.line(`${label}${words.labels.colon}${value}`, { size: size.body + 0.5 });
    doc.moveDown(0.5);
    this.verdict(report.ready);

    let part: ReportPoint['part'] | null = null;
    let vendor: string | null = null;
    for (const point of report.points) {
      if (point.part !== part) {
        part = point.part;
        this.heading(words.parts[part]);
      }
      if (point.vendor && point.vendor.name !== vendor) {
        vendor = point.vendor.name;
        const exemption = point.vendor.exemption ? words.labels.aside(words.exemptions[point.vendor.exemption]) : '';
        this.line(`${words.labels.vendor}${words.labels.colon}${vendor}${exemption}`, { bold: true, gap: 0.4 });
      }
      this.point(point);
    }
    this.reference();
    this.inspections();
    this.footers();
  }

  private verdict(ready: boolean): void {
    const { doc, words } = this;
    const text = `${words.verdict.heading}${words.labels.colon}${ready ? words.verdict.ready : words.verdict.notReady}`;
    const top = doc.y;
    doc.font('bold').fontSize(size.heading);
    const height = doc.heightOfString(text, { width: width - 16 }) + 12;
    doc
      .lineWidth(1.2)
      .rect(page.margin, top, width, height)
      .stroke(ready ? colour.status.met : colour.status['not-met']);
    doc.fillColor(ready ? colour.status.met : colour.status['not-met']).text(text, page.margin + 8, top + 6, { width: width - 16 });
    doc.y = top + height;
  }

  private point(point: ReportPoint): void {
    const { words } = this;
    const indent = 12;
    this.doc.moveDown(0.5);
    this.line(`${words.labels.tag(point.citation.point)}${words.points[point.id].check}`, { bold: true });
    this.line(`${words.status[point.status]}${point.notApplicable ? words.labels.aside(words.notApplicable[point.notApplicable]) : ''}`, {
      bold: true,
      color: colour.status[point.status],
      indent,
    });
    for (const [code, items] of grouped(point.problems)) this.line(`${words.labels.bullet}${words.problems[code]}${this.items(items)}`, { indent });
    if (point.items.length > 0) {
      const label = point.id === 'first-round' ? words.labels.notNeeded : words.labels.excluded;
      this.line(`${label}${words.labels.colon}${words.labels.list(point.items.map(words.item))}`, { indent, color: colour.grey });
    }
    for (const [code, items] of grouped(point.notes))
      this.line(`${words.labels.note}${words.labels.colon}${words.problems[code]}${this.items(items)}`, { indent, color: colour.grey });
    this.line(`${words.citation(point.citation.point)}${words.labels.colon}${this.quote(words.points[point.id].guide)}`, {
      indent,
      size: size.small,
      color: colour.grey,
    });
  }

  private reference(): void {
    const { words, model } = this;
    const { reference } = model.report;
    this.heading(words.reference.heading);
    this.line(words.reference.rule);
    this.line(`${words.citation(reference.citation.point)}${words.labels.colon}${this.quote(words.reference.guide)}`, { size: size.small, color: colour.grey });
    if (reference.items.length === 0) this.line(words.reference.none, { color: colour.grey });
    for (const [form, ids] of byForm(reference.items.map((r) => ({ form: r.form, item: r.item })))) {
      this.line(`${this.formName(form)}${words.labels.colon}${words.labels.list(ids.map(words.item))}`, { color: colour.grey });
    }
    for (const [code, items] of grouped(reference.notes))
      this.line(`${words.labels.note}${words.labels.colon}${words.problems[code]}${this.items(items)}`, { color: colour.grey });
  }

  private inspections(): void {
    const { words, model } = this;
    this.heading(words.labels.inspections);
    if (model.inspections.length === 0) this.line(words.labels.noInspections, { color: colour.grey });
    for (const inspection of model.inspections) {
      this.doc.moveDown(0.3);
      this.line(
        `${words.labels.inspectedOn}${words.labels.colon}${this.date(inspection.inspectedOn)}${words.labels.gap}${words.labels.inspector}${words.labels.colon}${inspection.inspector}${words.labels.aside(inspection.healthCenter)}`,
        { bold: true },
      );
      if (inspection.notes) this.line(inspection.notes, { indent: 12 });
      if (inspection.findings.length === 0) this.line(words.labels.noFindings, { indent: 12, color: colour.grey });
      inspection.findings.forEach((finding, index) => {
        const item = finding.itemId ? words.labels.tag(words.item(finding.itemId)) : '';
        const followUp = finding.followUpRequested ? words.labels.aside(words.labels.followUp) : '';
        this.line(`${words.labels.findings} ${index + 1}${words.labels.colon}${item}${finding.text}${followUp}`, { indent: 12 });
        this.line(`${words.labels.answer}${words.labels.colon}${finding.answer ?? words.labels.noAnswer}`, {
          indent: 24,
          color: finding.answer ? colour.text : colour.grey,
        });
      });
    }
  }

  private heading(text: string): void {
    const { doc } = this;
    doc.moveDown(0.8);
    if (doc.y > page.height - page.margin - 60) doc.addPage();
    this.line(text, { bold: true, size: size.heading });
    doc
      .lineWidth(0.6)
      .moveTo(page.margin, doc.y + 1)
      .lineTo(page.margin + width, doc.y + 1)
      .stroke(colour.line);
    doc.y += 3;
  }

  private line(text: string, options: { bold?: boolean; size?: number; color?: string; indent?: number; gap?: number } = {}): void {
    const indent = options.indent ?? 0;
    if (options.gap) this.doc.moveDown(options.gap);
    this.doc
      .font(options.bold ? 'bold' : 'regular')
      .fontSize(options.size ?? size.body)
      .fillColor(options.color ?? colour.text)
      .text(text, page.margin + indent, this.doc.y, { width: width - indent, lineGap: 1 });
  }

  private items(ids: (string | null)[]): string {
    const named = ids.filter((id): id is string => id !== null);
    return named.length ? `${this.words.labels.colon}${this.words.labels.list(named.map(this.words.item))}` : '';
  }

  private formName(form: InspectionProblem['form']): string {
    return form === 'institution' ? this.words.labels.institutionForm : `${this.words.labels.vendor}${this.words.labels.colon}${form.slice('vendor:'.length)}`;
  }

  private quote(text: string): string {
    return this.words.labels.quote(text);
  }

  private year(fiscalYear: number): string {
    return this.words.labels.year(fiscalYearLabel(fiscalYear), fiscalYear);
  }

  private date(iso: string): string {
    return this.words.labels.date(formatJapaneseDate(iso), iso);
  }

  private footers(): void {
    const { doc, words, model } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Writing below the bottom margin would make pdfkit open a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = page.height - page.margin + 12;
      doc.font('regular').fontSize(size.small).fillColor(colour.grey);
      doc.text([words.title, model.facilityName, model.printedAt].join(words.labels.gap), page.margin, y, { width: (width * 3) / 4, lineBreak: false });
      doc.text(words.labels.page(index + 1, range.count), page.margin + (width * 3) / 4, y, { width: width / 4, align: 'right', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
  }
}

/** Problems of one code together, their items in order: 「1回目の確認結果がない：1(1)、2(1)」 reads better than one line each. */
function grouped(problems: InspectionProblem[]): [InspectionProblem['code'], (string | null)[]][] {
  const groups = new Map<InspectionProblem['code'], (string | null)[]>();
  for (const p of problems) (groups.get(p.code) ?? groups.set(p.code, []).get(p.code)!).push(p.item);
  return [...groups];
}

function byForm(items: { form: InspectionProblem['form']; item: string }[]): [InspectionProblem['form'], string[]][] {
  const groups = new Map<InspectionProblem['form'], string[]>();
  for (const { form, item } of items) (groups.get(form) ?? groups.set(form, []).get(form)!).push(item);
  return [...groups];
}

/** The readiness report as an A4 PDF with the Japanese font embedded, so its text can be searched and copied. */
export function renderInspectionReportPdf(model: InspectionReportModel): Promise<Buffer> {
  const words = inspectionReportWords[model.locale];
  return renderJapanesePdf(
    { layout: 'portrait', margin: page.margin, locale: model.locale, info: { Title: `${words.title} ${model.facilityName}`, Author: model.facilityName } },
    (doc) => new InspectionReportPdf(doc, model).draw(),
  );
}
