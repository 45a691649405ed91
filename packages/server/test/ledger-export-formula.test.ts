import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readLedgerRows } from '@mamori/domain';
import { renderLedger } from '../src/ledgers/export.js';

/**
 * No exported ledger cell may start a formula in Excel, whatever the encoding does to it: every BMP character
 * is put at the start of a cell, the CSV is exported, and the bytes are decoded the way Excel reads them.
 */
const formulaStart = /^[=+\-@\t\r＝＋－＠]/;

const everyCharacter: string[] = [];
for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) everyCharacter.push(String.fromCharCode(c));
const rows = everyCharacter.map((ch, i) => ({ managementNumber: `PC-${i}`, computerName: `${ch}1+1` }));

function cellsOf(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe('the formula guard of ledger exports', () => {
  it.each([
    ['csv-sjis', (bytes: Buffer) => new TextDecoder('shift_jis').decode(bytes)],
    ['csv', (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes)],
  ] as const)('%s: no decoded cell starts with = + - @ (half or full width), tab or CR', async (format, decode) => {
    const cells = cellsOf(decode(await renderLedger('assets', rows, format, 'ja'))).slice(1);
    expect(cells).toHaveLength(rows.length);
    const offending = cells.flat().filter((cell) => formulaStart.test(cell));
    expect(offending).toEqual([]);
  });

  it('U+2212 (−) becomes the guarded full-width minus in Shift_JIS, and re-imports as the text it was', async () => {
    const bytes = await renderLedger('assets', [{ managementNumber: '−1', computerName: '−1+1' }], 'csv-sjis', 'ja');
    const cells = cellsOf(new TextDecoder('shift_jis').decode(bytes));
    expect(cells[1]!.filter(Boolean)).toEqual(["'－1", "'－1+1"]);
    const read = readLedgerRows({ ledger: 'assets', rows: cells });
    expect(read.problems).toEqual([]);
    expect(read.records[0]!.fields).toMatchObject({ managementNumber: '－1', computerName: '－1+1' });
  });
});
