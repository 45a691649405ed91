import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { SPREADSHEET_LIMITS, SpreadsheetError, spreadsheetErrors as errors } from './spreadsheet-error.js';

/**
 * Proves an .xlsx stays within SPREADSHEET_LIMITS before exceljs (which inflates and parses everything
 * at once) sees it. A 1.4 MB file can inflate to 450 MB, so: first the central directory (entry count and
 * declared sizes, nothing inflated), then every entry inflated as a stream and thrown away, counting bytes
 * (yauzl also stops an entry the moment it yields more than its declared size, so a lying directory
 * gains nothing) and the rows and cells of the worksheets; the first limit crossed stops it all.
 */
export async function checkXlsxBounds(content: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw errors.notSpreadsheet();
  }
  try {
    if (zip.entryCount > SPREADSHEET_LIMITS.entries) throw errors.tooLargeInflated();
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        declared += entry.uncompressedSize;
        if (declared > SPREADSHEET_LIMITS.inflatedBytes) throw errors.tooLargeInflated();
        entries.push(entry);
      }
    } catch (error) {
      if (error instanceof SpreadsheetError) throw error;
      throw errors.notSpreadsheet();
    }
    const counter = new SheetCounter();
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await openEntry(zip, entry);
      await drain(stream, WORKSHEET.test(entry.fileName) ? counter : null);
    }
  } finally {
    zip.close();
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

async function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch {
    throw errors.notSpreadsheet();
  }
}

/** Reads an inflated entry to its end; the declared sizes already bound the bytes, the counter the cells. */
async function drain(stream: Readable, counter: SheetCounter | null): Promise<void> {
  try {
    for await (const chunk of stream) counter?.push(chunk as Buffer);
  } catch (error) {
    stream.destroy();
    if (error instanceof SpreadsheetError) throw error;
    // Inflating failed, or yielded more than the entry declared.
    throw errors.notSpreadsheet();
  }
}

const LT = 0x3c;
/** Bytes that may follow an element name: whitespace, '>' and '/'. */
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);
const C = 0x63;
const ROW = Buffer.from('row');

/**
 * Counts <row> and <c> start tags in worksheet XML as it streams by: the elements exceljs turns into rows
 * and cells (it matches unprefixed names the same way), without parsing the XML. Tags split across
 * chunks are completed from the next one.
 */
class SheetCounter {
  private rows = 0;
  private cells = 0;
  private carry: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let i = data.indexOf(LT);
    while (i !== -1) {
      // The longest tag start looked at is "<row" plus one byte: keep a shorter tail for the next chunk.
      if (i + 5 > data.length) break;
      if (data[i + 1] === C && NAME_END.has(data[i + 2]!)) {
        if (++this.cells > SPREADSHEET_LIMITS.cells) throw errors.tooManyCells();
      } else if (data.compare(ROW, 0, 3, i + 1, i + 4) === 0 && NAME_END.has(data[i + 4]!)) {
        if (++this.rows > SPREADSHEET_LIMITS.rows) throw errors.tooManyRows();
      }
      i = data.indexOf(LT, i + 1);
    }
    this.carry = i === -1 ? Buffer.alloc(0) : Buffer.from(data.subarray(i));
  }
}
