import { renderJapanesePdf } from '../exports/pdf-document.js';
import { bcpContent, type BcpContent, type BcpSectionContent, type BcpTemplateInput } from './template-docx.js';

const page = { width: 595.28, height: 841.89, margin: 54 };
const width = page.width - 2 * page.margin;
/** Lowest y the body may reach; the footer sits below. */
const bottom = page.height - page.margin;
const size = { title: 16, facility: 11, heading: 12, body: 10.5, guidance: 8.5, mark: 7.5, footer: 7.5 };
const colour = { text: '#000000', grey: '#666666', rule: '#333333', line: '#9a9a9a', markFill: '#ececec', markLine: '#888888' };
const writingLineGap = 24;

class BcpPdf {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly content: BcpContent,
  ) {}

  draw(): void {
    const { doc, content } = this;
    doc.font('bold').fontSize(size.title).fillColor(colour.text).text(content.title, page.margin, page.margin, { width, align: 'center' });
    doc.moveDown(1.2);
    const y = doc.y;
    doc.font('regular').fontSize(size.facility);
    const label = `${content.facility.label}${content.colon}`;
    doc.text(label, page.margin, y, { lineBreak: false });
    const nameX = page.margin + doc.widthOfString(label);
    const dateText = `${content.date.label}${content.colon}${content.date.value}`;
    const dateWidth = doc.widthOfString(dateText);
    doc.font('bold').text(content.facility.value, nameX, y, { width: width - dateWidth - (nameX - page.margin) - 24, lineBreak: false, ellipsis: true });
    doc.font('regular').text(dateText, page.margin + width - dateWidth, y, { lineBreak: false });
    const ruleY = y + size.facility + 6;
    doc
      .lineWidth(0.6)
      .moveTo(page.margin, ruleY)
      .lineTo(page.margin + width - dateWidth - 24, ruleY)
      .stroke(colour.rule);
    doc
      .moveTo(page.margin + width - dateWidth, ruleY)
      .lineTo(page.margin + width, ruleY)
      .stroke(colour.rule);
    doc
      .font('regular')
      .fontSize(size.guidance)
      .fillColor(colour.grey)
      .text(content.intro, page.margin, ruleY + 10, { width });
    for (const section of content.sections) this.section(section);
    this.footers();
  }

  private section(s: BcpSectionContent): void {
    const { doc } = this;
    const heading = `${s.number}. ${s.heading}`;
    const headingHeight = doc.font('bold').fontSize(size.heading).heightOfString(heading, { width });
    const guidanceHeight = doc.font('regular').fontSize(size.guidance).heightOfString(s.guidance, { width });
    // A heading stays with its guidance and the first lines under it.
    if (doc.y + 18 + headingHeight + guidanceHeight + 3 * writingLineGap > bottom) doc.addPage();
    else doc.y += 18;
    const top = doc.y;
    doc.font('bold').fontSize(size.heading).fillColor(colour.text).text(heading, page.margin, top, { width });
    doc
      .lineWidth(0.8)
      .moveTo(page.margin, doc.y + 1)
      .lineTo(page.margin + width, doc.y + 1)
      .stroke(colour.rule);
    doc
      .font('regular')
      .fontSize(size.guidance)
      .fillColor(colour.grey)
      .text(s.guidance, page.margin, doc.y + 5, { width, lineGap: 1 });
    doc.y += 6;
    if (s.own !== null) {
      doc
        .font('regular')
        .fontSize(size.body)
        .fillColor(colour.text)
        .text(s.own, page.margin + 6, doc.y, { width: width - 6, lineGap: 2.5 });
      return;
    }
    this.exampleMark();
    doc
      .font('regular')
      .fontSize(size.guidance)
      .fillColor(colour.grey)
      .text(s.example, page.margin + 10, doc.y + 3, { width: width - 10, lineGap: 1 });
    this.writingLines(s.blankLines);
  }

  /** The 「記入例」 tag: a small grey box, so the example cannot be mistaken for the facility's own text. */
  private exampleMark(): void {
    const { doc, content } = this;
    doc.font('bold').fontSize(size.mark);
    const textWidth = doc.widthOfString(content.exampleMark);
    const height = size.mark + 6;
    const y = doc.y + 2;
    doc
      .lineWidth(0.5)
      .roundedRect(page.margin, y, textWidth + 10, height, 2)
      .fillAndStroke(colour.markFill, colour.markLine);
    doc.fillColor('#333333').text(content.exampleMark, page.margin + 5, y + 1.5, { lineBreak: false });
    doc.y = y + height;
  }

  /** Dotted lines to write on; the ones that do not fit the page are left off, unless fewer than three would be left. */
  private writingLines(count: number): void {
    const { doc } = this;
    let y = doc.y + 4;
    const fit = Math.floor((bottom - y) / writingLineGap);
    if (fit < Math.min(count, 3)) {
      doc.addPage();
      y = page.margin;
    } else {
      count = Math.min(count, fit);
    }
    doc.lineWidth(0.5).dash(1.2, { space: 1.8 });
    for (let i = 0; i < count; i++) {
      y += writingLineGap;
      doc
        .moveTo(page.margin, y)
        .lineTo(page.margin + width, y)
        .stroke(colour.line);
    }
    doc.undash();
    doc.x = page.margin;
    doc.y = y;
  }

  private footers(): void {
    const { doc, content } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Writing below the bottom margin would make pdfkit open a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = page.height - page.margin + 18;
      doc.font('regular').fontSize(size.footer).fillColor(colour.grey);
      doc.text(`${content.title}　${content.facility.value}`, page.margin, y, { width: width * 0.8, lineBreak: false, ellipsis: true });
      doc.text(content.page(index + 1, range.count), page.margin + width * 0.8, y, { width: width * 0.2, align: 'right', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
  }
}

/** The BCP template as a printable A4 PDF with the Japanese font embedded (subset), so its text can be searched. */
export function renderBcpPdf(input: BcpTemplateInput): Promise<Buffer> {
  const content = bcpContent(input);
  return renderJapanesePdf(
    { layout: 'portrait', margin: page.margin, locale: input.locale, info: { Title: content.title, Author: input.facilityName } },
    (doc) => new BcpPdf(doc, content).draw(),
  );
}
