import { expect, test } from '@playwright/test';
import { addColleague, appBaseURL, currentFiscalYear, seedFacility, shot, signIn } from './seed.js';

/**
 * The planner's checklist journey, on a clinic of its own with no checklist yet (seeded through the API):
 * start this fiscal year's form with the wizard (no vendor contract), answer every required item (one
 * いいえ with a target date), attach the contact chart to 3(1), watch the readiness panel turn green, and
 * download the printable PDF.
 */
test.describe.configure({ mode: 'serial' });

const planner = { name: '佐藤 花子', email: 'sato@aoba-shika.example.jp', password: 'aoba-planner-2026' };

test.beforeAll(async () => {
  await addColleague(await seedFacility(appBaseURL, 'あおば歯科クリニック'), planner, 'planner');
});

let formUrl = '';

test('the planner starts this fiscal year’s checklist with the wizard', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チェックリスト' }).click();
  await expect(page.getByRole('heading', { name: 'チェックリスト', exact: true })).toBeVisible();
  await expect(page.getByText('まだチェックリストがありません')).toBeVisible();
  await shot(page, '20-checklist-empty');

  await page.getByRole('button', { name: '今年度のチェックリストを始める' }).first().click();
  const wizard = page.getByRole('dialog', { name: 'チェックリストを始める' });
  await expect(wizard.getByText('どの年度のチェックリストですか?')).toBeVisible();
  await wizard.getByRole('button', { name: '次へ' }).click();

  await expect(wizard.getByText('医療情報システムを導入・運用していますか?')).toBeVisible();
  await expect(wizard.getByText(/レセコン/).first()).toBeVisible();
  await wizard.getByRole('radio', { name: 'はい、患者の情報を扱う機器やシステムがある' }).check();
  await shot(page, '21-wizard-system');
  await wizard.getByRole('button', { name: '次へ' }).click();

  await expect(wizard.getByText('事業者(ベンダー)と保守などの契約がありますか?')).toBeVisible();
  await wizard.getByRole('radio', { name: 'いいえ、事業者との契約はない' }).check();
  await wizard.getByRole('button', { name: '次へ' }).click();
  await expect(wizard.getByText('事業者との契約なし: 2(2)・2(3) は記入不要です。')).toBeVisible();
  await wizard.getByRole('button', { name: 'チェックリストを作成' }).click();

  await expect(page).toHaveURL(/\/facilities\/[\w-]+\/checklist\/[\w-]+$/);
  formUrl = page.url();
  await expect(page.getByRole('heading', { name: /医療機関におけるサイバーセキュリティ対策チェックリスト/ })).toBeVisible();
  const panel = page.getByRole('complementary', { name: '立入検査で指摘されること' });
  await expect(panel.getByText('1回目の回答と日付がありません').first()).toBeVisible();
  await expect(panel.getByText('立入検査の準備ができています')).toHaveCount(0);
  // The gate was answered by the wizard, and without a vendor contract 2-② needs no answer (2025 numbering).
  await expect(page.getByRole('radiogroup', { name: '医療情報システムの有無 1回目の回答' }).getByRole('radio', { name: 'はい' })).toBeChecked();
  await expect(page.getByRole('region', { name: '2-②' }).getByText('事業者(ベンダー)との契約がないため、記入不要です。')).toBeVisible();
  await shot(page, '22-checklist-new');
});

test('answers every required item, attaches the contact chart, turns green and prints the PDF', async ({ page }) => {
  test.skip(!formUrl, 'needs the checklist created by the previous test');
  await signIn(page, planner);
  await page.goto(formUrl);
  const panel = page.getByRole('complementary', { name: '立入検査で指摘されること' });
  await expect(panel).toBeVisible();

  const help = page.getByRole('button', { name: '1-① の説明を開く' });
  await help.click();
  const drawer = page.getByRole('dialog', { name: '1-① の説明' });
  await expect(drawer.getByRole('heading', { name: '確認方法' })).toBeVisible();
  await expect(drawer.getByRole('heading', { name: /よくある疑問/ })).toBeVisible();
  await shot(page, '23-help-panel');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // はい for every row, いいえ for 2(1): the readiness panel asks for its target date at once.
  const answers = page.getByRole('radiogroup', { name: /1回目の回答$/ });
  const count = await answers.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const group = answers.nth(i);
    const name = (await group.getAttribute('aria-label')) ?? '';
    if (name.startsWith('医療情報システムの有無')) continue;
    await group.getByText(name.startsWith('2-① ') ? 'いいえ' : 'はい', { exact: true }).click();
  }
  await expect(panel.getByText(/いいえの項目に目標日がありません\(令和\d+年度中の日付\)/)).toBeVisible();
  await expect(panel.getByText('1回目の回答と日付がありません')).toHaveCount(0);

  const fy = currentFiscalYear();
  const target = page.getByLabel('2-① 目標日');
  await target.fill(`${fy + 1}-03-31`);
  await target.press('Tab');
  await expect(target).toHaveValue(/令和\d+年3月31日/);
  await expect(panel.getByText(/いいえの項目に目標日がありません/)).toHaveCount(0);
  await expect(panel.getByText('連絡体制図のファイルを、連絡体制図の項目に添付してください。立入検査では現物を確認します')).toBeVisible();
  await shot(page, '24-answered-unsaved');

  await page.getByRole('button', { name: 'すべて保存' }).click();
  await expect(page.getByText(/未保存の変更が\d+項目あります/)).toHaveCount(0);

  // The contact chart: the inspector looks at the document itself.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '3-① にファイルを添付' }).click();
  await (await chooser).setFiles({
    name: '連絡体制図.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'),
  });
  await expect(page.getByRole('link', { name: '連絡体制図.pdf' })).toBeVisible();
  await expect(panel.getByText('立入検査の準備ができています')).toBeVisible();
  await shot(page, '25-checklist-ready');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '印刷用PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await page.setViewportSize({ width: 820, height: 1180 });
  await expect(page.getByRole('complementary', { name: '立入検査で指摘されること' }).getByText('準備完了')).toBeVisible();
  await page.screenshot({ path: 'screenshots/26-checklist-tablet.png' });
});

test('the dashboard shows this year’s checklist as ready', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ダッシュボード' }).click();
  await expect(page.getByRole('heading', { name: /令和\d+年度のチェックリスト/ })).toBeVisible();
  await expect(page.getByText('必須項目', { exact: true })).toBeVisible();
  await expect(page.getByText(/3月31日まで あと\d+日/)).toBeVisible();
  await expect(page.getByText('準備完了')).toBeVisible();
  await expect(page.getByRole('link', { name: 'チェックリストの続きを入力' })).toBeVisible();
  await shot(page, '27-dashboard-checklist');
});
