import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { addColleague, appBaseURL, currentFiscalYear, seedClinic, shot, signIn } from './seed.js';

/**
 * The planner builds the incident contact chart (連絡体制図) on its page — the ministry's number one click
 * away, the police, the EHR vendor, the director — draws who calls whom, saves it as version 1, checks
 * the diagram and the A4 PDF to pin on the wall (read back with pdftotext), and sees 3(1) suggested はい.
 * Runs on a clinic of its own with this year's checklist, seeded through the API.
 */
test.describe.configure({ mode: 'serial' });

const facilityName = 'ひまわり歯科クリニック';
const planner = { name: '田村 恵子', email: 'tamura@himawari-shika.example.jp', password: 'himawari-planner-2026' };

test.beforeAll(async () => {
  await addColleague(await seedClinic(appBaseURL, facilityName, { hasVendorContract: false }), planner, 'planner');
});

async function addEntry(page: Page, button: string, fields: Record<string, string>, kind?: string) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  if (kind) {
    await dialog.getByRole('combobox', { name: '種類' }).click();
    await page.getByRole('option', { name: kind, exact: true }).click();
  }
  for (const [label, value] of Object.entries(fields)) await dialog.getByRole('textbox', { name: label, exact: true }).fill(value);
  await dialog.getByRole('button', { name: '追加する' }).click();
  await expect(dialog).toHaveCount(0);
}

async function addCall(page: Page, from: string, to: string | RegExp) {
  await page.getByRole('combobox', { name: '連絡する人' }).click();
  await page.getByRole('option', { name: from, exact: true }).click();
  await page.getByRole('combobox', { name: '連絡を受ける人' }).click();
  await page.getByRole('option', { name: to, exact: typeof to === 'string' }).click();
  await page.getByRole('button', { name: '連絡の流れを追加' }).click();
  await expect(page.getByLabel(new RegExp(`^${from}から.*への連絡の順番$`)).last()).toBeVisible();
}

test('the planner builds the contact chart and saves it as version 1', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '連絡体制図' }).click();
  await expect(page.getByText('連絡体制図はまだありません')).toBeVisible();

  await addEntry(page, '連絡先を追加', { 名前: '院長 佐藤一郎', 電話番号: '090-1111-2222' }, '院長・管理者');
  await addEntry(page, '連絡先を追加', { 名前: 'システム担当 佐藤花子', 電話番号: '内線 200' }, 'システム担当');
  await addEntry(page, '事業者を追加', { 名前: 'さくらITサービス株式会社', 電話番号: '0120-111-222', 連絡できる時間帯: '24時間365日' });
  await addEntry(page, '警察（サイバー犯罪相談窓口）を追加', { 電話番号: '03-3431-8109' });
  await page.getByRole('button', { name: '厚生労働省の連絡先を追加' }).click();
  await expect(page.getByRole('button', { name: '厚生労働省の連絡先を追加' })).toBeDisabled();

  await addCall(page, 'システム担当 佐藤花子', '院長 佐藤一郎');
  await addCall(page, 'システム担当 佐藤花子', 'さくらITサービス株式会社');
  await addCall(page, '院長 佐藤一郎', /^厚生労働省/);

  const diagram = page.getByTestId('contact-chart-diagram');
  await expect(diagram).toContainText('03-6812-7837');
  await expect(diagram).toContainText('さくらITサービス株式会社');
  await page.getByRole('button', { name: '連絡体制図を保存' }).click();
  await expect(page.getByText('連絡体制図を第1版として保存しました。')).toBeVisible();
  await expect(page.getByTestId('chart-status')).toContainText('第1版');
  await expect(page.getByLabel(/への連絡の順番$/)).toHaveCount(3);
  // Centre the diagram so the sticky save bar does not cover its lower edge.
  await diagram.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await diagram.screenshot({ path: 'screenshots/50-contact-chart-diagram.png' });
  await shot(page, '51-contact-chart-page');
});

test('the chart prints as an A4 PDF with every name and number', async ({ page }, testInfo) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '連絡体制図' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '第1版をPDFで印刷' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/連絡体制図_第1版\.pdf$/);
  const file = testInfo.outputPath('contact-chart.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const expected of [
    'インシデント発生時の連絡体制図',
    facilityName,
    '第1版',
    '院長 佐藤一郎',
    '090-1111-2222',
    'さくらITサービス株式会社',
    '03-3431-8109',
    '03-6812-7837',
  ]) {
    expect(text, expected).toContain(expected);
  }
});

test('3(1) is suggested はい from the chart', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チェックリスト' }).click();
  await page
    .getByRole('link', { name: new RegExp(`令和${currentFiscalYear() - 2018}年度`) })
    .first()
    .click();
  const finding = page.getByTestId('finding-3(1)');
  await expect(finding).toHaveAttribute('data-suggestion', 'yes');
  await page.getByRole('region', { name: /^3-①/ }).screenshot({ path: 'screenshots/52-finding-3-1.png' });
});
