import { expect, test, type Page } from '@playwright/test';
import { addColleague, answerChecklist, appBaseURL, seedClinic, shot, signIn } from './seed.js';

/**
 * Vendor forms (事業者確認用), on a clinic of its own whose checklist is seeded through the API as
 * 02-checklist.spec.ts leaves it, ready without a vendor contract: the planner turns the contract on,
 * answers 2(2)/2(3), adds a server-only vendor whose contract excludes the network items, sees which
 * findings name the vendor, enters the vendor's form as it came back on paper, and answers the network
 * item on the facility's own form so it is covered.
 */
test.describe.configure({ mode: 'serial' });

const vendor = 'さくらITサービス株式会社';
const planner = { name: '鈴木 美咲', email: 'suzuki@kaede-naika.example.jp', password: 'kaede-planner-2026' };

test.beforeAll(async () => {
  const clinic = await seedClinic(appBaseURL, 'かえで内科クリニック', { hasVendorContract: false });
  await addColleague(clinic, planner, 'planner');
  const seeded = await answerChecklist(clinic, { no: ['2(1)'] });
  expect(seeded.evaluation.inspection.ready).toBe(true);
});

const readiness = (page: Page) => page.getByRole('complementary', { name: '立入検査で指摘されること' });

async function answerYes(page: Page, item: string) {
  await page
    .getByRole('radiogroup', { name: `${item} 1回目の回答` })
    .getByText('はい', { exact: true })
    .click();
}

let formUrl = '';
let vendorUrl = '';

test('turning on the vendor contract asks for 2(2)/2(3) and a vendor form', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チェックリスト' }).click();
  await page
    .getByRole('link', { name: /令和\d+年度のチェックリストを開く/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/facilities\/[\w-]+\/checklist\/[\w-]+$/);
  formUrl = page.url();
  const panel = readiness(page);
  await expect(panel.getByText('立入検査の準備ができています')).toBeVisible();
  await expect(page.getByRole('heading', { name: '事業者確認用チェックリスト' })).toHaveCount(0);

  // The sticky app header can sit over the switch: use the keyboard, as a keyboard user would.
  const contract = page.getByRole('switch', { name: '事業者(ベンダー)と保守などの契約がある' });
  await contract.focus();
  await page.keyboard.press('Space');
  await expect(contract).toBeChecked();
  await expect(page.getByRole('region', { name: '2-②' }).getByText('必須', { exact: true })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: '2-③ 1回目の回答' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^2-②: 1回目の回答と日付がありません/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^2-③: 1回目の回答と日付がありません/ })).toBeVisible();
  await expect(panel.getByText(/事業者確認用チェックリストがまだありません。「事業者を追加」から/)).toBeVisible();
  await expect(panel.getByText('立入検査の準備ができています')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '事業者確認用チェックリスト' })).toBeVisible();
  await expect(page.getByText('まだ事業者が登録されていません。')).toBeVisible();
  await shot(page, '30-vendor-contract-on');

  await answerYes(page, '2-②');
  await answerYes(page, '2-③');
  await expect(panel.getByText('1回目の回答と日付がありません')).toHaveCount(0);
  await page.getByRole('button', { name: 'すべて保存' }).click();
  await expect(page.getByText(/未保存の変更が\d+項目あります/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: '2-③' }).getByText(/1回目まで保存済み/)).toBeVisible();
});

test('adds a server-only vendor; its excluded network item must be covered elsewhere', async ({ page }) => {
  test.skip(!formUrl, 'needs the form opened by the previous test');
  await signIn(page, planner);

  // The facility has not checked its network device yet this year: withdraw the saved 2(13)@network
  // answer (the form has no button for withdrawing a first round), so nothing covers the item.
  const assessmentId = formUrl.split('/').at(-1)!;
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const withdrawn = await page.request.delete(`/api/v1/assessments/${assessmentId}/items/${encodeURIComponent('2(13)@network')}/rounds/1`, {
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  expect(withdrawn.ok()).toBe(true);

  await page.goto(formUrl);
  const panel = readiness(page);
  await expect(panel.getByRole('button', { name: /^2-⑬ ネットワーク機器: 1回目の回答と日付がありません/ })).toBeVisible();

  await page.getByRole('button', { name: '事業者を追加' }).click();
  const dialog = page.getByRole('dialog', { name: '事業者を追加' });
  await expect(
    dialog.getByText('契約上この事業者が担当しない項目を選びます。その項目は医療機関確認用か、他の事業者の確認用で回答されている必要があります。'),
  ).toBeVisible();
  await expect(dialog.getByText(/紙またはExcel/)).toBeVisible();
  await dialog.getByRole('button', { name: '事業者確認用を作成' }).click();
  await expect(dialog.getByText('事業者名を入力してください。')).toBeVisible();
  await dialog.getByLabel('事業者名').fill(vendor);
  const network = dialog.getByRole('checkbox', { name: /ネットワーク機器/ });
  const count = await network.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await network.nth(i).check();
  await expect(dialog.getByRole('checkbox', { name: /^2-④ サーバ/ })).not.toBeChecked();
  // The modal is fixed to the viewport: a full-page picture would show it over the top of the page only.
  await page.screenshot({ path: 'screenshots/31-add-vendor.png' });
  await dialog.getByRole('button', { name: '事業者確認用を作成' }).click();
  await expect(dialog).toHaveCount(0);

  const section = page.getByRole('region', { name: '事業者確認用チェックリスト' });
  await expect(section.getByText(vendor, { exact: true })).toBeVisible();
  await expect(section.getByText('未入力')).toBeVisible();
  await expect(section.getByText('契約の対象外: 2-⑬ ネットワーク機器')).toBeVisible();
  // The institution-wide "no vendor form" finding is gone; the vendor's own findings name it.
  await expect(panel.getByText(/「事業者を追加」から/)).toHaveCount(0);
  await expect(
    panel.getByText(`${vendor}の事業者確認用チェックリストがまだ入力されていません。事業者に記入を依頼し、返ってきた内容を入力してください`),
  ).toBeVisible();
  const notCovered = panel.getByRole('button', {
    name: `${vendor}(事業者確認用) 2-⑬ ネットワーク機器: ${vendor}の契約の対象外です。医療機関確認用か、他の事業者の確認用で回答してください`,
  });
  await expect(notCovered).toBeVisible();
  await shot(page, '32-vendor-added-findings');

  // Adding the same vendor twice is refused next to the name.
  await page.getByRole('button', { name: '事業者を追加' }).click();
  await dialog.getByLabel('事業者名').fill(vendor);
  await dialog.getByRole('button', { name: '事業者確認用を作成' }).click();
  await expect(dialog.getByText(/この事業者の確認用チェックリストはすでにあります/)).toBeVisible();
  await dialog.getByRole('button', { name: 'キャンセル' }).click();

  await panel.getByRole('link', { name: `${vendor}の事業者確認用を開く` }).click();
  await expect(page).toHaveURL(/\/facilities\/[\w-]+\/checklist\/[\w-]+$/);
  vendorUrl = page.url();
  expect(vendorUrl).not.toBe(formUrl);
});

test('enters the vendor form as the vendor returned it', async ({ page }) => {
  test.skip(!vendorUrl, 'needs the vendor form added by the previous test');
  await signIn(page, planner);
  await page.goto(vendorUrl);
  await expect(page.getByRole('heading', { name: /事業者確認用/ }).first()).toBeVisible();
  await expect(page.getByText(`事業者名: ${vendor}`)).toBeVisible();
  await expect(page.getByText('事業者確認用', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('switch', { name: '事業者(ベンダー)と保守などの契約がある' })).toHaveCount(0);
  await expect(page.getByRole('radiogroup', { name: /^医療情報システムの有無/ })).toHaveCount(0);
  const excluded = page.getByRole('region', { name: '2-⑬ ネットワーク機器' });
  await expect(excluded.getByText('契約の対象外', { exact: true })).toBeVisible();
  await expect(excluded.getByRole('radiogroup')).toHaveCount(0);
  await expect(excluded.getByText(`${vendor}の契約の対象外です。医療機関確認用か、他の事業者の確認用で回答してください`)).toBeVisible();
  const panel = readiness(page);
  await expect(panel.getByText(`${vendor}の事業者確認用チェックリストがまだ入力されていません`, { exact: false })).toBeVisible();

  const answers = page.getByRole('radiogroup', { name: /1回目の回答$/ });
  const count = await answers.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) await answers.nth(i).getByText('はい', { exact: true }).click();
  await expect(panel.getByText('1回目の回答と日付がありません')).toHaveCount(0);
  await page.getByRole('button', { name: 'すべて保存' }).click();
  await expect(page.getByText(/未保存の変更が\d+項目あります/)).toHaveCount(0);
  // The form counts as entered once its answers are saved (the panel counts saved answers).
  await expect(panel.getByText(/まだ入力されていません/)).toHaveCount(0);
  // Left: only the excluded network item, which the facility's own form must answer.
  await expect(panel.getByText('指摘 1件')).toBeVisible();
  await expect(panel.getByRole('button', { name: /^2-⑬ ネットワーク機器: / })).toBeVisible();
  await shot(page, '33-vendor-form-entered');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '印刷用PDF' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);

  await page.getByRole('link', { name: '医療機関確認用に戻る' }).click();
  await expect(page).toHaveURL(formUrl);
});

test('answering the network item on the facility’s own form covers it: ready again', async ({ page }) => {
  test.skip(!formUrl || !vendorUrl, 'needs the previous tests');
  await signIn(page, planner);
  await page.goto(formUrl);
  const panel = readiness(page);
  await expect(panel.getByText(`${vendor}の契約の対象外です`, { exact: false })).toBeVisible();
  await panel
    .getByRole('button', {
      name: `${vendor}(事業者確認用) 2-⑬ ネットワーク機器: ${vendor}の契約の対象外です。医療機関確認用か、他の事業者の確認用で回答してください`,
    })
    .click();
  await expect(page.getByRole('radiogroup', { name: '2-⑬ ネットワーク機器 1回目の回答' }).getByRole('radio', { name: 'はい' })).toBeFocused();
  await answerYes(page, '2-⑬ ネットワーク機器');
  // Live: the unsaved answer already covers the vendor's excluded item.
  await expect(panel.getByText('立入検査の準備ができています')).toBeVisible();
  await page.getByRole('button', { name: '2-⑬ ネットワーク機器 を保存' }).click();
  await expect(page.getByText(/未保存の変更が\d+項目あります/)).toHaveCount(0);
  await page.reload();
  await expect(readiness(page).getByText('立入検査の準備ができています')).toBeVisible();
  const section = page.getByRole('region', { name: '事業者確認用チェックリスト' });
  await expect(section.getByText(vendor, { exact: true })).toBeVisible();
  await expect(section.getByText('準備完了')).toBeVisible();
  await shot(page, '34-ready-with-vendor');

  await page.getByRole('link', { name: 'チェックリスト一覧へ' }).click();
  await expect(page.getByRole('heading', { name: 'チェックリスト', exact: true })).toBeVisible();
  const listSection = page.getByRole('region', { name: '事業者確認用チェックリスト' });
  await expect(listSection.getByText(vendor, { exact: true })).toBeVisible();
  await expect(listSection.getByText('必須項目 15 / 15 回答済み')).toBeVisible();
  await expect(page.getByRole('link', { name: `${vendor}の事業者確認用を開く` })).toBeVisible();
  await shot(page, '35-list-with-vendor');
});
