import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { bcpTemplate, ministryContact, type BcpEssentials, type ContactChartContent, type ContactEntry } from '@mamori/domain';
import { renderContactChartPdf } from '../src/contact-chart/chart-pdf.js';
import { renderBcpDocx } from '../src/bcp/template-docx.js';
import { renderBcpPdf } from '../src/bcp/template-pdf.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-incident-documents-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
const count = (text: string, needle: string) => text.split(needle).length - 1;

const entry = (fields: Partial<ContactEntry> & Pick<ContactEntry, 'key' | 'kind' | 'name'>): ContactEntry => ({
  organization: '',
  role: '',
  phone: '',
  email: '',
  hours: '',
  notes: '',
  vendorName: '',
  ...fields,
});

/** A clinic's chart as people fill it in: whoever notices calls IT, IT tells the safety manager and the vendor, … */
const chart: ContactChartContent = {
  entries: [
    entry({
      key: 'it',
      kind: 'it',
      name: 'IT担当 佐藤 健一',
      role: '事務長',
      phone: '090-1234-5678',
      email: 'sato@midori.example.jp',
      hours: '平日 8:30〜17:30',
    }),
    entry({ key: 'manager', kind: 'security_manager', name: '安全管理責任者 鈴木 美和', role: '副院長', phone: '090-2345-6789', hours: '24時間' }),
    entry({ key: 'director', kind: 'director', name: '院長 田中 一郎', phone: '090-3456-7890', notes: 'ネットワーク遮断の判断' }),
    entry({
      key: 'vendor',
      kind: 'vendor',
      name: '電子カルテ事業者',
      organization: '株式会社メディカルシステムズ',
      phone: '0120-123-456',
      email: 'support@medsys.example.jp',
      hours: '24時間365日',
      notes: '保守契約番号 MS-2023-0042',
    }),
    entry({ key: 'police', kind: 'police', name: '警察 サイバー犯罪相談窓口', organization: '警視庁', phone: '03-5805-1731', hours: '平日 8:30〜17:15' }),
    entry({ ...ministryContact, key: 'mhlw' }),
  ],
  edges: [
    { from: 'it', to: 'manager', order: 1, note: '' },
    { from: 'it', to: 'vendor', order: 2, note: '' },
    { from: 'manager', to: 'director', order: 1, note: '' },
    { from: 'manager', to: 'mhlw', order: 2, note: '' },
    { from: 'manager', to: 'police', order: 3, note: '被害届の相談' },
  ],
  note: '夜間・休日は当直医が安全管理責任者に連絡する。',
};

describe('contact chart PDF', () => {
  it('prints the chart and the contact list as searchable text, the ministry number prominently', async () => {
    const pdf = await renderContactChartPdf({
      facilityName: 'みどり記念病院',
      chart,
      chartVersion: 3,
      savedAt: '2024-05-12T23:30:00.000Z',
      printedAt: '2024-06-01',
      locale: 'ja',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf, 'chart');
    for (const expected of [
      'インシデント発生時の連絡体制図',
      'みどり記念病院',
      '第3版',
      // Saved 08:30 on the 13th in Tokyo.
      '作成日：令和6年5月13日',
      '出力日：令和6年6月1日',
      '院長 田中 一郎',
      '安全管理責任者 鈴木 美和',
      'IT担当 佐藤 健一',
      '電子カルテ事業者',
      '株式会社メディカルシステムズ',
      '警察 サイバー犯罪相談窓口',
      '厚生労働省',
      '090-1234-5678',
      '0120-123-456',
      '03-5805-1731',
      'support@medsys.example.jp',
      '24時間365日',
      // The police are called 3rd by the safety manager (2nd in the list): the call's note goes with them.
      '2から：被害届の相談',
      '夜間・休日は当直医が安全管理責任者に連絡する。',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The ministry's note, wrapped in its cell.
    expect(text).toContain('（184発信・');
    expect(text).toContain('公衆電話からは受け付けられません）');
    // In the call-out, on the ministry's box and in the list.
    expect(count(text, '03-6812-7837')).toBeGreaterThanOrEqual(3);
    // The list is in calling order: IT first, then whom IT calls, then whom the safety manager calls.
    const list = text.slice(text.indexOf('連絡先一覧'));
    const order = ['IT担当 佐藤 健一', '安全管理責任者 鈴木 美和', '電子カルテ事業者', '院長 田中 一郎', '厚生労働省', '警察 サイバー犯罪相談窓口'].map(
      (name) => list.indexOf(name),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('continues the list of a large chart on a second page, in English', async () => {
    const many: ContactChartContent = {
      entries: [
        ...chart.entries,
        ...Array.from({ length: 16 }, (_, i) =>
          entry({ key: `dept${i}`, kind: 'department', name: `部署${i + 1} 担当者`, phone: `内線 ${300 + i}`, hours: '平日' }),
        ),
      ],
      edges: [
        ...chart.edges,
        ...Array.from({ length: 16 }, (_, i) => ({ from: i < 8 ? 'director' : `dept${i - 8}`, to: `dept${i}`, order: (i % 8) + 1, note: '' })),
      ],
      note: '',
    };
    const pdf = await renderContactChartPdf({
      facilityName: 'Midori Memorial Hospital',
      chart: many,
      chartVersion: 12,
      savedAt: '2024-05-13T01:00:00.000Z',
      printedAt: '2024-06-01',
      locale: 'en',
    });
    expect(pageCount(pdf)).toBe(2);
    const text = pdfText(pdf, 'chart-large');
    for (const expected of [
      'Incident contact chart',
      'Midori Memorial Hospital',
      'Version 12',
      'Created: 13 May 2024',
      'Contacts (in calling order)',
      '部署16 担当者',
      '内線 315',
      '03-6812-7837',
      'from 14',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/2\s*\/\s*2/);
  });

  it('draws a chart with a loop and text too long for its box, and still lists everyone in full', async () => {
    const long = '東日本医療セキュリティコンサルティング株式会社';
    const looped: ContactChartContent = {
      entries: [
        entry({ key: 'it', kind: 'it', name: 'IT担当', phone: '内線 210' }),
        entry({ key: 'manager', kind: 'security_manager', name: '安全管理責任者', phone: '内線 100' }),
        entry({ key: 'director', kind: 'director', name: '院長', phone: '内線 101' }),
        entry({
          key: 'expert',
          kind: 'expert',
          name: '外部専門家',
          organization: long,
          phone: '03-0000-0000',
          hours: '平日9時から18時まで、土日祝は休み、夜間は留守番電話',
        }),
      ],
      edges: [
        { from: 'it', to: 'manager', order: 1, note: '' },
        { from: 'manager', to: 'director', order: 1, note: '' },
        { from: 'director', to: 'it', order: 1, note: '' },
        { from: 'manager', to: 'expert', order: 12, note: '' },
      ],
      note: '',
    };
    const pdf = await renderContactChartPdf({
      facilityName: 'みどり記念病院',
      chart: looped,
      chartVersion: 1,
      savedAt: null,
      printedAt: '2024-06-01',
      locale: 'ja',
    });
    const text = pdfText(pdf, 'chart-loop');
    for (const expected of ['IT担当', '安全管理責任者', '院長', '外部専門家', long, '03-0000-0000']) expect(text, expected).toContain(expected);
    // The box shortens the organization; the list prints it in full.
    expect(text).toContain('…');
  });

  it('prints an empty, never saved chart without failing', async () => {
    const pdf = await renderContactChartPdf({
      facilityName: 'みどり記念病院',
      chart: { entries: [], edges: [], note: '' },
      chartVersion: null,
      savedAt: null,
      printedAt: '2024-06-01',
      locale: 'ja',
    });
    const text = pdfText(pdf, 'chart-empty');
    expect(text).toContain('未保存');
    expect(text).toContain('連絡先が登録されていません。');
  });
});

const essentials: BcpEssentials = {
  networkStopCriteria: '電子カルテの画面に身代金を要求する表示が出たら、すぐにLANケーブルを抜く。',
  decisionMaker: '院長（不在時は副院長）',
  paperOperations: '',
  recoverySteps: '',
  reentryProcedure: '',
  communication: '連絡体制図の順に電話する。',
};

describe('BCP template', () => {
  it("prints every section: the facility's own text where written, the example and lines to write on elsewhere", async () => {
    const pdf = await renderBcpPdf({ facilityName: 'みどり記念病院', essentials, locale: 'ja', printedAt: '2024-06-01' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf, 'bcp');
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('サイバー攻撃を想定した事業継続計画（BCP）');
    expect(text).toContain('みどり記念病院');
    expect(text).toContain('作成日：令和6年6月1日');
    for (const section of bcpTemplate) expect(text, section.heading).toContain(section.heading);
    expect(flat).toContain(essentials.networkStopCriteria.replace(/\s+/g, ''));
    expect(text).toContain('院長（不在時は副院長）');
    // The sections the facility left empty, and the ones that are no form field, show the example (the intro names it once).
    const unfilled = bcpTemplate.filter((s) => !(s.key in essentials) || !essentials[s.key as keyof BcpEssentials]);
    expect(unfilled.length).toBeLessThan(bcpTemplate.length);
    expect(count(text, '記入例')).toBe(unfilled.length + 1);
  });

  it('prints the bare template in English when nothing is saved', async () => {
    const pdf = await renderBcpPdf({ facilityName: 'Midori Memorial Hospital', essentials: null, locale: 'en', printedAt: '2024-06-01' });
    const text = pdfText(pdf, 'bcp-en');
    expect(text).toContain('Business continuity plan for cyber attacks (BCP)');
    for (const section of bcpTemplate) expect(text, section.en.heading).toContain(section.en.heading);
    expect(count(text, 'Example')).toBe(bcpTemplate.length);
  });

  it("writes a Word document with the headings, the facility's text and a Japanese font", async () => {
    const docx = await renderBcpDocx({ facilityName: 'みどり記念病院', essentials, locale: 'ja', printedAt: '2024-06-01' });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const zip = await JSZip.loadAsync(docx);
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('サイバー攻撃を想定した事業継続計画（BCP）');
    expect(text).toContain('みどり記念病院');
    for (const section of bcpTemplate) expect(text, section.heading).toContain(section.heading);
    expect(text).toContain(essentials.networkStopCriteria);
    expect(text).toContain('記入例');
    expect(styles).toMatch(/w:eastAsia="游ゴシック"/);
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
  });
});
