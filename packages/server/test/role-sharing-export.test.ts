import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { roleSharingAreas, type RoleSharingView } from '@mamori/domain';
import type { RoleSharingDocument } from '../src/vendors/role-sharing-document.js';
import { renderRoleSharingPdf } from '../src/vendors/role-sharing-pdf.js';
import { renderRoleSharingXlsx } from '../src/vendors/role-sharing-xlsx.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-role-sharing-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
/** pdftotext lays columns out with spaces; compare without them. */
const squash = (text: string) => text.replace(/\s+/g, '');

const confirmed: RoleSharingView = {
  contractId: '00000000-0000-4000-8000-000000000001',
  status: 'confirmed',
  rows: [
    { area: 'vendor-selection', responsible: 'facility', action: 'MDS/SDSの提出を受けて選定する', notes: '' },
    { area: 'safety-management', responsible: 'both', action: '双方の窓口を年1回確認する', notes: '事業者窓口: 保守部 田中' },
    {
      area: 'asset-ledger',
      responsible: 'vendor',
      action: '事業者が台帳を更新し、医療機関へ四半期ごとに送付する',
      notes: '=HYPERLINK("http://evil.example","click")',
    },
    { area: 'access-rights', responsible: 'facility', action: '', notes: '@SUM(1)' },
    // unused-accounts is left out: it prints as 未定.
    { area: 'contact-chart', responsible: 'both', action: '連絡体制図を共有する', notes: '+81 3 0000 0000\n=1+1' },
    { area: 'bcp', responsible: null, action: '', notes: '' },
  ],
  proposed: { side: 'vendor', by: '佐藤 花子', at: '2025-03-20T01:00:00.000Z' },
  // 16:00 UTC on 31 March is 1 April in Tokyo.
  confirmed: { by: '鈴木 一郎', at: '2025-03-31T16:00:00.000Z' },
  version: 3,
};

const document = (view: RoleSharingView = confirmed, fields: Partial<RoleSharingDocument> = {}): RoleSharingDocument => ({
  facilityName: 'みどり記念病院',
  vendorName: 'メディカルシステムズ株式会社',
  contractTitle: '電子カルテ保守',
  systems: ['電子カルテ', 'オーダリング', 'PACS'],
  view,
  printedAt: new Date('2025-04-10T03:00:00.000Z'),
  ...fields,
});

describe('role-sharing table PDF', () => {
  it('prints the title, the parties, the status and one row per area as searchable Japanese text', async () => {
    const pdf = await renderRoleSharingPdf(document(), 'ja');
    if (process.env.ROLE_SHARING_PDF_OUT) fs.writeFileSync(process.env.ROLE_SHARING_PDF_OUT, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The table on one page, the ministry's recommended actions after it (verbatim text, full width).
    expect(pageCount(pdf)).toBe(2);
    const text = pdfText(pdf, 'ja');
    const flat = squash(text);
    for (const expected of [
      '医療情報システムの契約における役割分担表',
      '医療機関：みどり記念病院',
      '事業者：メディカルシステムズ株式会社',
      '契約：電子カルテ保守',
      '対象システム：電子カルテ、オーダリング、PACS',
      '状態：確認済み（確認：鈴木一郎令和7年4月1日）',
      '提案：事業者側（佐藤花子）令和7年3月20日',
      '区分',
      '項目',
      '担当',
      '合意した対応',
      '備考',
      '出力日：令和7年4月10日',
      '1/2',
    ]) {
      expect(flat, expected).toContain(squash(expected));
    }
    for (const area of roleSharingAreas) {
      // A long question wraps in its column, where pdftotext interleaves the neighbouring cells: its start is enough.
      expect(flat, area.id).toContain(squash(`${area.number} ${area.label.ja}`).slice(0, 12));
      expect(flat, area.id).toContain(squash(area.group.ja).slice(0, 6));
    }
    for (const action of ['MDS/SDSの提出を受けて選定する', '双方の窓口を年1回確認する', '連絡体制図を共有する', '事業者窓口: 保守部 田中'])
      expect(flat).toContain(squash(action));
    // The recommendation in small type, with the checklist item it backs.
    expect(flat).toContain(squash('1-①・1-②　事業者からサービス仕様適合開示書等(MDS/SDS、MDS2等)の開示を受けた上で'));
    expect(flat).toContain(squash('▶医療情報システムの安全管理に関するガイドライン第6.0版 経営管理編5.1'));
    expect(flat).toContain('チェックリスト2(3)');

    // Each area's line reads group/area … responsible … action.
    const line = (label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';
    expect(line('1-② 情報セキュリティ')).toMatch(/1-② 情報セキュリティについて十分な対応\s+医療機関\s+MDS\/SDSの提出を受けて選定する/);
    expect(line('2 医療情報システムの安全管理')).toMatch(/安全管理を行うため\s+双方\s+双方の窓口/);
    expect(line('3-① 情報機器等')).toMatch(/ネット\s+事業者\s+事業者が台帳を更新/);
    expect(line('3-③ 退職者')).toMatch(/3-③ 退職者や使用していないアカウント\s+未定/);
    expect(line('4-② サイバー攻撃')).toMatch(/4-② サイバー攻撃を想定した事業継続計\S*\s+未定/);
  });

  it('a draft reads 案, a proposal awaiting confirmation says so; English has its own labels', async () => {
    const draft: RoleSharingView = { contractId: confirmed.contractId, status: 'draft', rows: [], proposed: null, confirmed: null, version: null };
    const draftText = squash(pdfText(await renderRoleSharingPdf(document(draft), 'ja'), 'draft'));
    expect(draftText).toContain('状態：案');
    expect(draftText).toContain('提案：未提案');
    // Nothing saved: every area is 未定.
    expect(draftText.split('未定').length - 1).toBe(roleSharingAreas.length);

    const proposed: RoleSharingView = {
      ...confirmed,
      status: 'proposed',
      confirmed: null,
      proposed: { side: 'facility', by: null, at: '2025-03-20T01:00:00.000Z' },
    };
    const proposedText = squash(pdfText(await renderRoleSharingPdf(document(proposed), 'ja'), 'proposed'));
    expect(proposedText).toContain('状態：案（医療機関の確認待ち）');
    expect(proposedText).toContain('提案：医療機関側令和7年3月20日');

    const en = pdfText(await renderRoleSharingPdf(document(), 'en'), 'en');
    for (const expected of [
      'Role-sharing table for the medical information system contract',
      'Facility: みどり記念病院',
      'Status: Confirmed (by 鈴木 一郎, 1 April 2025)',
      'Proposed: By the vendor (佐藤 花子), 20 March 2025',
      'Agreed action',
      'Preparation for incidents',
      'Undecided',
      'Printed: 10 April 2025',
    ]) {
      expect(squash(en), expected).toContain(squash(expected));
    }
  });

  it('a very long agreed action runs onto further pages with the header repeated, nothing lost', async () => {
    const long = Array.from({ length: 160 }, (_, i) => `手順${i + 1}：事業者は保守作業の前に医療機関の担当者へ連絡し、作業内容を記録する。`).join('');
    const view: RoleSharingView = { ...confirmed, rows: confirmed.rows.map((r) => (r.area === 'asset-ledger' ? { ...r, action: long.slice(0, 2000) } : r)) };
    const pdf = await renderRoleSharingPdf(document(view), 'ja');
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const text = pdfText(pdf, 'long');
    const flat = squash(text);
    // Every character of the action is printed, in order (the columns beside it come on other lines, so look for the
    // last sentence fragments and the count of 手順).
    expect(flat.split('手順').length - 1).toBeGreaterThanOrEqual(long.slice(0, 2000).split('手順').length - 1);
    expect(flat).toContain(squash(long.slice(1960, 2000)).slice(-12));
    // The header is on every page.
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBe(pageCount(pdf));
    // Every page of the table repeats its header; the last page holds the ministry's recommended actions.
    const appendix = pages.findIndex((p) => squash(p).includes(squash('参考：確認表の「推奨される対応例」')));
    expect(appendix).toBeGreaterThan(0);
    for (const p of pages.slice(0, appendix)) expect(squash(p)).toContain('合意した対応');
    // The rows after the long one are still there.
    expect(flat).toContain('連絡体制図を共有する');
  });
});

describe('role-sharing table xlsx', () => {
  async function read(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    return workbook.worksheets[0]!;
  }

  /** Rows as arrays of cell text, columns A–F. */
  function rows(sheet: ExcelJS.Worksheet): string[][] {
    const out: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) out.push([1, 2, 3, 4, 5, 6].map((c) => String(sheet.getCell(r, c).value ?? '')));
    return out;
  }

  it('has the parties, the status and one row per area with who is responsible', async () => {
    const sheet = await read(await renderRoleSharingXlsx(document(), 'ja'));
    expect(sheet.name).toBe('役割分担表');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const all = rows(sheet);
    expect(all[0]![0]).toBe('医療情報システムの契約における役割分担表');
    const field = (label: string) => all.find((r) => r[0] === label)?.[1];
    expect(field('医療機関')).toBe('みどり記念病院');
    expect(field('事業者')).toBe('メディカルシステムズ株式会社');
    expect(field('契約')).toBe('電子カルテ保守');
    expect(field('対象システム')).toBe('電子カルテ、オーダリング、PACS');
    expect(field('状態')).toBe('確認済み（確認：鈴木 一郎　令和7年4月1日）');
    expect(field('提案')).toBe('事業者側（佐藤 花子）　令和7年3月20日');

    const headerIndex = all.findIndex((r) => r[0] === '区分');
    expect(all[headerIndex]).toEqual(['区分', '項目', '担当', '合意した対応', '備考', '推奨される対応例']);
    const table = all.slice(headerIndex + 1, headerIndex + 1 + roleSharingAreas.length);
    // The eight rows of seed 001, 1-① to 4-②, in its order and words.
    expect(table.map((r) => r[1])).toEqual(roleSharingAreas.map((a) => `${a.number} ${a.label.ja}`));
    expect(table.map((r) => r[1]!.split(' ')[0])).toEqual(['1-①', '1-②', '2', '3-①', '3-②', '3-③', '4-①', '4-②']);
    expect(table.map((r) => r[0])).toEqual(roleSharingAreas.map((a) => a.group.ja));
    expect(table.map((r) => r[2])).toEqual(['未定', '医療機関', '双方', '事業者', '医療機関', '未定', '双方', '未定']);
    expect(table[1]![3]).toBe('MDS/SDSの提出を受けて選定する');
    expect(table[1]![5]).toBe(
      `${roleSharingAreas[1]!.recommendation.ja}\nチェックリスト 2(3)\n▶医療機関におけるサイバーセキュリティ対策チェックリスト\n▶医療情報システムの安全管理に関するガイドライン第6.0版 経営管理編5.1\n▶別添小規模医療機関向けガイダンス3.5`,
    );
    expect(table[2]![4]).toBe('事業者窓口: 保守部 田中');
  });

  it('neutralises typed values that would start a formula, line by line, and holds no formula at all', async () => {
    const sheet = await read(
      await renderRoleSharingXlsx(document(confirmed, { facilityName: '=cmd|"/c calc"!A1', contractTitle: '-保守', systems: ['@電子カルテ'] }), 'ja'),
    );
    const all = rows(sheet);
    const field = (label: string) => all.find((r) => r[0] === label)?.[1];
    expect(field('医療機関')).toBe(`'=cmd|"/c calc"!A1`);
    expect(field('契約')).toBe(`'-保守`);
    expect(field('対象システム')).toBe(`'@電子カルテ`);
    const row = (number: string) => all.find((r) => r[1]?.startsWith(`${number} `))!;
    expect(row('3-①')[4]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row('3-②')[4]).toBe(`'@SUM(1)`);
    expect(row('4-①')[4]).toBe(`'+81 3 0000 0000\n'=1+1`);
    sheet.eachRow((r) => r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('English labels', async () => {
    const sheet = await read(await renderRoleSharingXlsx(document(), 'en'));
    const all = rows(sheet);
    expect(all[0]![0]).toBe('Role-sharing table for the medical information system contract');
    expect(all.find((r) => r[0] === 'Status')?.[1]).toBe('Confirmed (by 鈴木 一郎, 1 April 2025)');
    const headerIndex = all.findIndex((r) => r[0] === 'Group');
    expect(all[headerIndex]).toEqual(['Group', 'Area', 'Responsible', 'Agreed action', 'Notes', 'Recommended action']);
    expect(all.slice(headerIndex + 1, headerIndex + 1 + roleSharingAreas.length).map((r) => r[2])).toEqual([
      'Undecided',
      'Facility',
      'Both',
      'Vendor',
      'Facility',
      'Undecided',
      'Both',
      'Undecided',
    ]);
  });
});
