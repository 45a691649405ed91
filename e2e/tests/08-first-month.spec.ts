import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addColleague, noMailBaseURL, seedClinic, shot, signIn, type Clinic } from './seed.js';

/**
 * What stopped a clinic in its first month (issue 13), on a clinic of its own: unsaved answers are guarded
 * and counted apart (2); the account ledger keeps 氏名 and 職種 (3) and terminal accounts can be set as such
 * (7); the audit trail speaks Japanese (5); the checklist CSV is Japanese (6); accepting 3(1) attaches the
 * contact chart as printed (8).
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: noMailBaseURL });

const manager = { name: '南 花子', email: 'minami@minami-naika.example.jp', password: 'minami-manager-2026' };
let clinic: Clinic | null = null;

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
const accountLedger = Buffer.from(
  `\uFEFF${[
    '氏名,職種,ユーザID,システム,権限,状態,最終ログイン日',
    `山田 一郎,医師,yamada,電子カルテ,Doctor,使用可,${today.replaceAll('-', '/')}`,
    `鈴木 花子,看護師,suzuki,電子カルテ,Nurse,使用可,${today.replaceAll('-', '/')}`,
    `受付 共用,事務,pc-uketsuke,端末ログイン,User,使用可,${today.replaceAll('-', '/')}`,
  ].join('\r\n')}\r\n`,
  'utf8',
);

test.beforeAll(async () => {
  clinic = await seedClinic(noMailBaseURL, 'みなみ内科クリニック', { hasVendorContract: false });
  await addColleague(clinic, manager, 'manager');
});

const checklistUrl = () => `/facilities/${clinic!.facilityId}/checklist/${clinic!.assessmentId}`;
const readiness = (page: Page) => page.getByRole('complementary', { name: '立入検査で指摘されること' });
const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

test('leaving the checklist with an unsaved answer asks first; readiness counts it apart', async ({ page }) => {
  await signIn(page, manager);
  await page.goto(checklistUrl());
  const group = page.getByRole('radiogroup', { name: '1-① 1回目の回答' });
  await group.getByText('はい', { exact: true }).click();
  await expect(page.getByText(/未保存の変更が1項目あります/).first()).toBeVisible();
  await expect(readiness(page).getByText(/ほか未保存 1/)).toBeVisible();

  await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
  const guard = page.getByRole('dialog', { name: '保存していない変更があります' });
  await expect(guard.getByText('チェックリストの回答がまだ保存されていません。')).toBeVisible();
  await page.screenshot({ path: 'screenshots/80-leave-guard.png' });
  await guard.getByRole('button', { name: 'このページに残る' }).click();
  await expect(page).toHaveURL(new RegExp(`${checklistUrl()}$`));
  await expect(group.getByRole('radio', { name: 'はい' })).toBeChecked();

  await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
  await guard.getByRole('button', { name: '変更を捨てて移動' }).click();
  await expect(page.getByRole('heading', { name: 'ダッシュボード' })).toBeVisible();
  await page.goto(checklistUrl());
  await expect(page.getByRole('radiogroup', { name: '1-① 1回目の回答' }).getByRole('radio', { name: 'はい' })).not.toBeChecked();
});

test('the account ledger keeps 氏名 and 職種, and terminal accounts are set per system', async ({ page }) => {
  await signIn(page, manager);
  await menu(page).getByRole('link', { name: '利用者ID台帳' }).click();
  await page.getByRole('link', { name: '取り込み', exact: true }).first().click();
  await page.getByTestId('ledger-import-file').setInputFiles({ name: '利用者ID台帳.csv', mimeType: 'text/csv', buffer: accountLedger });
  await page.getByRole('button', { name: '読み込んで確認する' }).click();
  // The first file read of a fresh server starts a worker thread: slow on a loaded 2-core machine.
  await expect(page.getByRole('table', { name: '見出しと台帳の項目の対応' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('見出し「氏名」の取り込み先')).toHaveValue(/氏名/);
  await expect(page.getByLabel('見出し「職種」の取り込み先')).toHaveValue(/職種/);
  await shot(page, '81-import-name-job-type');
  await page.getByRole('button', { name: '次へ（内容の確認）' }).click();
  await expect(page.getByRole('table', { name: '取り込みの問題' })).toHaveCount(0);
  await page.getByRole('button', { name: '取り込む' }).click();
  await page.getByRole('link', { name: '利用者ID台帳を開く' }).click();

  const table = page.getByRole('table', { name: '利用者ID台帳' });
  const yamada = table.locator('tr', { hasText: 'yamada' });
  await expect(yamada).toContainText('山田 一郎');
  await expect(yamada).toContainText('医師');
  await expect(table.locator('tr', { hasText: 'suzuki' })).toContainText('看護師');

  const systems = page.getByRole('region', { name: 'システムごとの対象機器（2(4)・2(5)）' });
  await expect(systems.getByText(/端末PCのIDがまだありません/)).toBeVisible();
  await systems.getByRole('radiogroup', { name: '端末ログイン の対象機器' }).getByText('端末PC', { exact: true }).click();
  await expect(page.getByText('端末ログイン のID 1件の対象機器を変更しました。')).toBeVisible();
  await expect(table.locator('tr', { hasText: 'pc-uketsuke' })).toContainText('端末PC');
  await expect(systems.getByText(/端末PCのIDがまだありません/)).toHaveCount(0);
  await shot(page, '82-accounts-scope');

  await page.goto(checklistUrl());
  await expect(page.getByTestId('finding-2(5)@terminal')).not.toHaveAttribute('data-suggestion', 'undetermined');
});

test('accepting 3(1) attaches the contact chart as printed', async ({ page }) => {
  const entries = [
    { key: 'director', kind: 'director', name: '院長 南一郎', phone: '011-000-0001' },
    { key: 'it', kind: 'it', name: '事務長 南花子', phone: '内線 100' },
    { key: 'police', kind: 'police', name: '北海道警察 サイバー犯罪相談窓口', phone: '011-241-9110' },
    { key: 'mhlw', kind: 'ministry', name: '厚生労働省', phone: '03-6812-7837' },
  ];
  const edges = [
    { from: 'it', to: 'director', order: 1 },
    { from: 'director', to: 'police', order: 1 },
    { from: 'director', to: 'mhlw', order: 2 },
  ];
  await clinic!.api.put(`/api/v1/facilities/${clinic!.facilityId}/contact-chart`, { entries, edges, baseVersion: null });

  await signIn(page, manager);
  await page.goto(checklistUrl());
  const finding = page.getByTestId('finding-3(1)');
  await expect(finding).toHaveAttribute('data-suggestion', 'yes');
  await finding.getByRole('button', { name: '3-①：台帳からの提案を採用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '「はい」で保存する' }).click();
  await expect(finding).toHaveAttribute('data-matches', 'true');
  const item = page.getByRole('region', { name: /^3-①/ });
  const attached = item.getByRole('link', { name: new RegExp(`^連絡体制図_第1版_${today}\\.pdf$`) });
  await expect(attached).toBeVisible();
  await item.screenshot({ path: 'screenshots/83-3-1-chart-attached.png' });

  const downloading = page.waitForEvent('download');
  await attached.click();
  const file = test.info().outputPath('chart.pdf');
  await (await downloading).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('院長 南一郎');
  expect(text).toContain('03-6812-7837');
});

test('the checklist CSV is in Japanese', async ({ page }) => {
  await signIn(page, manager);
  await page.goto(checklistUrl());
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV', exact: true }).click();
  const file = test.info().outputPath('checklist.csv');
  await (await downloading).saveAs(file);
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  expect(lines[0]).toBe('項目ID,番号,対象,チェック項目,回,回答,確認日,目標日,備考');
  expect(lines.find((l) => l.startsWith('3(1),'))).toContain(',はい,');
});

test('the audit trail says what happened in Japanese, in Japan time, filtered by kind', async ({ page }) => {
  await signIn(page, manager);
  await menu(page).getByRole('link', { name: '監査ログ' }).click();
  const events = page.getByRole('table');
  await expect(events.getByText('台帳からの提案を採用').first()).toBeVisible();
  await expect(events.getByText('利用者IDの取り込み').first()).toBeVisible();
  await expect(events.getByText(/vendor_form|vendorForm\.|finding\.accept|account\.import/)).toHaveCount(0);
  await expect(events.getByText(/令和\d+年\d+月\d+日|\d{4}\/\d{2}\/\d{2}/).first()).toBeVisible();
  // What changed is named too: the attached chart by its file name, the answer as はい.
  await expect(events.getByText(`連絡体制図_第1版_${today}.pdf`).first()).toBeVisible();
  await expect(events.getByText(/sha256|→ yes/)).toHaveCount(0);
  await shot(page, '84-audit-trail');

  await page.getByRole('combobox', { name: '操作', exact: true }).click();
  await page.getByRole('option', { name: '台帳のすべての操作' }).click();
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(events.getByText('利用者IDの取り込み').first()).toBeVisible();
  await expect(events.getByText('台帳からの提案を採用')).toHaveCount(0);
  await shot(page, '85-audit-ledger-kind');
});
