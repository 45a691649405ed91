import fs from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readLedgerRows } from '@mamori/domain';
import { readSpreadsheet } from '../src/ledgers/read-file.js';
import { SpreadsheetError } from '../src/ledgers/spreadsheet-error.js';

/**
 * Property tests of the server's file reader: any bytes, any CSV text in either encoding, and damaged or
 * generated .xlsx files either read as rows (which the domain reader then answers) or are refused with a
 * SpreadsheetError and its Japanese reason — never another exception, never a hang.
 */
const PER_INPUT_MS = 2_000;

async function answer(content: Buffer): Promise<'rows' | 'refused'> {
  const started = performance.now();
  try {
    const sheet = await readSpreadsheet(content);
    readLedgerRows({ ledger: 'assets', rows: sheet.rows });
    return 'rows';
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    expect(error.reason.length).toBeGreaterThan(0);
    return 'refused';
  } finally {
    expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
  }
}

const cellText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 15 }),
  fc.string({ unit: 'binary', maxLength: 15 }),
  fc.constantFrom('管理番号', '機器名', '"', '""', ',', '\r\n', '\t', '令和2年12月1日', '＝1+1', '〜'),
);
const csvText = fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 15 }).map((rows) => rows.map((r) => r.join(',')).join('\r\n'));

describe('readSpreadsheet answers every file', () => {
  it('any bytes at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => void (await answer(Buffer.from(bytes)))),
      { numRuns: 200 },
    );
  });

  it('any CSV text, in UTF-8 with and without BOM and in Shift_JIS', async () => {
    const outcomes = { rows: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(csvText, fc.constantFrom('utf-8', 'utf-8-bom', 'cp932'), async (text, encoding) => {
        const bytes = encoding === 'cp932' ? iconv.encode(text, 'cp932') : Buffer.from(`${encoding === 'utf-8-bom' ? '\uFEFF' : ''}${text}`, 'utf8');
        outcomes[await answer(bytes)]++;
      }),
      { numRuns: 200 },
    );
    expect(outcomes.rows).toBeGreaterThan(20);
  });

  it('a real .xlsx with bytes overwritten anywhere', async () => {
    const xlsx = fs.readFileSync(new URL('./fixtures/ledgers/assets.xlsx', import.meta.url));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(xlsx.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const damaged = Buffer.from(xlsx);
        for (const [at, byte] of edits) damaged[at] = byte;
        await answer(damaged);
      }),
      { numRuns: 60 },
    );
  });

  it('an .xlsx written by exceljs with any cell values', async () => {
    const value = fc.oneof(cellText, fc.double(), fc.date({ noInvalidDate: true }), fc.boolean(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 8 }), async (rows) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('台帳');
        sheet.addRow(['管理番号', '機器名', '登録日']);
        for (const row of rows) sheet.addRow(row);
        expect(await answer(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('rows');
      }),
      { numRuns: 25 },
    );
  });
});
