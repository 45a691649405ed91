import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { renderFormPdf, renderFormXlsx, type ExportModel } from '../src/exports/index.js';

/* Issue 11: what the printed form says, against the ministry's forms. */
const catalog = loadCatalog();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-exports-fidelity-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function xlsxText(buffer: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
  return cells.join('\n');
}

const fy2026: ExportModel = {
  form: catalog.form('2025', 'institution')!,
  facilityName: 'さくら歯科',
  vendorName: null,
  fiscalYear: 2026,
  answers: {
    gate: [{ round: 1, value: 'yes', date: '2026-06-01', targetDate: null, note: '' }],
    '2(6)': [{ round: 1, value: 'no', date: '2026-06-01', targetDate: '2027-01-31', note: '' }],
    '2(13)@network': [{ round: 1, value: 'not_applicable', date: '2026-06-01', targetDate: null, note: 'インターネット回線がなく院内のみで運用' }],
  },
  locale: 'ja',
  printedAt: '2026-12-02',
};

describe('a FY2026 checklist on the 2025 edition', () => {
  it('prints 令和8年度 in every year-bearing text and says which edition it uses (PDF)', async () => {
    const text = pdfText(await renderFormPdf(fy2026), 'fy2026');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('令和8年度中にすべての項目で「はい」にマルが付くよう取り組んでください。');
    expect(flat).toContain('*もし「いいえ」の場合は、令和8年度中の対応目標日を記入してください。');
    expect(flat).toContain('令和8年度版の様式がMamoriにまだ登録されていないため、令和7年度版の項目で確認しています。');
    // 令和9年度 in 2-⑩ is the ministry's own deadline for two-factor authentication, not the form's year.
    expect(flat.replace(/令和7年度版の項目/g, '')).not.toContain('令和7年度');
  });

  it('prints 該当なし in the answer cell with the reason as a footnote, and the 確認日 column', async () => {
    const text = pdfText(await renderFormPdf(fy2026), 'fy2026-na');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toMatch(/⑬接続元制限を実施している。（ネットワー\S{0,3}該当なし令和8年6月1日/);
    expect(flat).toContain('器）※1');
    expect(flat).toContain('※1⑬1回目:インターネット回線がなく院内のみで運用');
    expect(flat).toContain('確認日');
    expect(flat).toContain('⑥セキュリティパッチ');
  });

  it('Excel says the same', async () => {
    const text = await xlsxText(await renderFormXlsx(fy2026));
    expect(text).toContain('*以下項目は令和8年度中にすべての項目で「はい」にマルが付くよう取り組んでください。');
    expect(text).toContain('令和8年度版の様式が Mamori にまだ登録されていないため、令和7年度版の項目で確認しています。');
    expect(text).toContain('該当なし');
    expect(text).toContain('確認日');
    expect(text).not.toContain('令和7年度中');
  });
});

describe('the 2024 form', () => {
  it('prints 「立入検査時、本チェックリストを確認します」 under the title', async () => {
    const model: ExportModel = {
      form: catalog.form('2024', 'institution')!,
      facilityName: 'A病院',
      vendorName: null,
      fiscalYear: 2024,
      answers: {},
      locale: 'ja',
      printedAt: '2024-06-01',
    };
    const flat = pdfText(await renderFormPdf(model), 'fy2024').replace(/\s+/g, '');
    expect(flat).toContain('～立入検査時、本チェックリストを確認します～');
    expect(flat).toContain('サーバについて、以下を実施している。');
  });
});
