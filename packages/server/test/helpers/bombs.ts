import { Readable } from 'node:stream';
import yazl from 'yazl';

/**
 * Hostile .xlsx files built at test time (the large ones would be silly to commit): a real workbook whose
 * sheet is generated as a stream, so a sheet of 450 MB never sits in the test's memory either.
 */
const parts: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="機器台帳" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const HEADINGS = '<row r="1"><c r="A1" t="inlineStr"><is><t>管理番号</t></is></c><c r="B1" t="inlineStr"><is><t>機器名</t></is></c></row>';

/** The sheet: the headings, then `chunk` repeated `times` (generated lazily, about 1 MB at a time), then the closing tags. */
function sheetStream(chunk: string, times: number): Readable {
  const perBatch = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(chunk)));
  const batch = Buffer.from(chunk.repeat(perBatch));
  return Readable.from(
    (function* () {
      yield Buffer.from(SHEET_HEAD + HEADINGS);
      for (let left = times; left > 0; left -= perBatch) yield left >= perBatch ? batch : Buffer.from(chunk.repeat(left));
      yield Buffer.from(SHEET_TAIL);
    })(),
  );
}

async function zipOf(sheet: Readable | Buffer): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text), name);
  if (Buffer.isBuffer(sheet)) zip.addBuffer(sheet, 'xl/worksheets/sheet1.xml', { compressionLevel: 9 });
  else zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', { compressionLevel: 9 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A sheet padded with whitespace (legal between XML elements) until it inflates to `mb` megabytes. */
export function inflatingXlsx(mb: number): Promise<Buffer> {
  return zipOf(sheetStream(' '.repeat(1024 * 1024), mb));
}

/** `rows` data rows of `cellsPerRow` empty cells each. */
export function cellsXlsx(rows: number, cellsPerRow: number): Promise<Buffer> {
  return zipOf(sheetStream(`<row>${'<c/>'.repeat(cellsPerRow)}</row>`, rows));
}

/**
 * A sheet that inflates to `mb` megabytes while the zip's directory (central and local) says it is
 * 1 KB: what a reader trusting the declared sizes would be fooled by.
 */
export async function lyingXlsx(mb: number): Promise<Buffer> {
  const zip = await zipOf(sheetStream(' '.repeat(1024 * 1024), mb));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  // Central directory header: signature 0x02014b50, uncompressed size at +24, name at +46.
  for (let i = zip.indexOf(name); i !== -1; i = zip.indexOf(name, i + 1)) {
    if (zip.readUInt32LE(i - 46) === 0x02014b50) zip.writeUInt32LE(1024, i - 46 + 24);
    if (zip.readUInt32LE(i - 30) === 0x04034b50) zip.writeUInt32LE(1024, i - 30 + 22);
  }
  return zip;
}
