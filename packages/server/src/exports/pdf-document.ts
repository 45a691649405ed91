import PDFDocument from 'pdfkit';
import { japaneseFont } from './font.js';

export interface PdfSetup {
  layout: 'portrait' | 'landscape';
  margin: number;
  locale: 'ja' | 'en';
  info: { Title: string; Author: string };
}

/**
 * An A4 document with the embedded Japanese fonts registered as 'regular' and 'bold'; `draw` writes the
 * pages and the finished file comes back as one buffer.
 */
export function renderJapanesePdf(setup: PdfSetup, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.layout,
    margins: { top: setup.margin, bottom: setup.margin, left: setup.margin, right: setup.margin },
    bufferPages: true,
    lang: setup.locale === 'ja' ? 'ja-JP' : 'en-GB',
    info: { ...setup.info, Creator: 'Mamori' },
  });
  // @types/pdfkit predates pdfkit 0.20, which accepts a parsed fontkit font.
  doc.registerFont('regular', japaneseFont('regular') as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', japaneseFont('bold') as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
