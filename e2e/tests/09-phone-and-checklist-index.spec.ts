import { expect, test, type Page } from '@playwright/test';
import { addColleague, noMailBaseURL, seedClinic, signIn, type Clinic } from './seed.js';

/**
 * Issue 13, items 4 and 9: on a phone (390×844) the menu holds what the header holds on a wide screen —
 * the facility, account settings, sign-out and the language — and pages fit the width; the checklist has a
 * section index that follows the scroll (a panel on a wide screen, a row in the sticky bar on a phone) and
 * one save for every unsaved answer. Runs on a clinic of its own, seeded through the API.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: noMailBaseURL });

const manager = { name: '東山 さくらこ', email: 'higashiyama@higashiyama-iin.example.jp', password: 'higashiyama-manager-2026' };
const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };
let clinic: Clinic | null = null;

test.beforeAll(async () => {
  // A long facility name: the one that used to be cut off in the header on a phone.
  clinic = await seedClinic(noMailBaseURL, '医療法人社団東山会 ひがしやま内科・小児科クリニック', { hasVendorContract: false });
  await addColleague(clinic, manager, 'manager');
});

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `screenshots/${name}.png`, fullPage });
const menuButton = (page: Page) => page.getByRole('button', { name: 'メニューを開く・閉じる' });
const checklistUrl = () => `/facilities/${clinic!.facilityId}/checklist/${clinic!.assessmentId}`;

/** Nothing on the page is wider than the screen (no sideways scrolling of the whole page). */
async function expectNoPageOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('on a phone the menu holds the facility, account settings and sign-out', async ({ page }) => {
  await page.setViewportSize(phone);
  await signIn(page, manager);
  // The header keeps the menu button and the logo, on one line.
  const logo = page.getByRole('link', { name: 'ダッシュボードへ' });
  await expect(logo).toBeVisible();
  expect((await logo.boundingBox())!.height).toBeLessThan(40);
  await expect(page.getByRole('button', { name: 'アカウントメニュー' })).toBeHidden();
  await expectNoPageOverflow(page);
  await shot(page, '90-phone-dashboard');

  await menuButton(page).click();
  const account = page.getByRole('group', { name: 'アカウントメニュー' });
  await expect(account.getByText(manager.name)).toBeVisible();
  await expect(account.getByText(manager.email)).toBeVisible();
  await expect(page.getByTestId('menu-facility')).toHaveText(clinic!.facilityName);
  await shot(page, '91-phone-menu', false);
  await account.getByRole('link', { name: 'アカウント設定' }).click();
  await expect(page.getByRole('heading', { name: 'アカウント設定' })).toBeVisible();
  await expectNoPageOverflow(page);
  await shot(page, '92-phone-account');

  await menuButton(page).click();
  await account.getByRole('button', { name: 'ログアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('on a phone every main page fits the width', async ({ page }) => {
  await page.setViewportSize(phone);
  await signIn(page, manager);
  const base = `/facilities/${clinic!.facilityId}`;
  const pages: [string, string, RegExp][] = [
    ['93-phone-facility', base, /施設情報/],
    ['94-phone-members', `${base}/members`, /メンバー/],
    ['95-phone-assets', `${base}/ledgers/assets`, /機器台帳/],
    ['96-phone-readiness', `${base}/readiness`, /インシデント対応/],
    ['97-phone-vendors', `${base}/vendors`, /事業者・契約/],
  ];
  for (const [name, url, heading] of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoPageOverflow(page);
    await shot(page, name);
  }
});

test('the checklist index follows the scroll on a wide screen, and one button saves every answer', async ({ page }) => {
  await page.setViewportSize(desktop);
  await signIn(page, manager);
  await page.goto(checklistUrl());
  const index = page.getByRole('navigation', { name: 'チェックリストの目次' });
  await expect(index).toBeVisible();
  await expect(index.getByRole('button', { name: /^医療情報システムの有無$/ })).toHaveAttribute('aria-current', 'true');
  await shot(page, '98-checklist-index-desktop', false);

  // Jumping to section 3 scrolls there; the index marks it and stays on screen.
  await index.getByRole('button', { name: /^3\. / }).click();
  await expect(index.getByRole('button', { name: /^3\. / })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('heading', { level: 2, name: /^3\. / })).toBeInViewport();
  await expect(index).toBeInViewport();

  // Two answers, not saved one by one: the index shows them as unsaved, one button saves both.
  for (const item of ['3-②', '3-③']) {
    await page
      .getByRole('radiogroup', { name: `${item} 1回目の回答` })
      .getByText('はい', { exact: true })
      .click();
    const date = page.getByLabel(`${item} 1回目の確認日`);
    await date.fill(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date()));
    await date.press('Escape');
  }
  await expect(index.getByRole('button', { name: '3-②: 未保存' })).toBeVisible();
  const bar = page.getByRole('region', { name: '未保存の変更' });
  await expect(bar.getByText('未保存の変更が2項目あります')).toBeVisible();
  await expect(bar).toBeInViewport();
  await shot(page, '99-checklist-save-all', false);
  await bar.getByRole('button', { name: 'すべて保存' }).click();
  await expect(bar).toHaveCount(0);
  await expect(index.getByRole('button', { name: '3-②: 回答済み' })).toBeVisible();
  await expect(index.getByRole('button', { name: '3-③: 回答済み' })).toBeVisible();

  // Chips jump to their item.
  await index.getByRole('button', { name: /^1-①: / }).click();
  await expect(page.getByRole('radiogroup', { name: '1-① 1回目の回答' })).toBeInViewport();
  await expect(index.getByRole('button', { name: /^1\. / })).toHaveAttribute('aria-current', 'true');
});

test('on a phone the checklist index is a row in the sticky bar', async ({ page }) => {
  await page.setViewportSize(phone);
  await signIn(page, manager);
  await page.goto(checklistUrl());
  const index = page.getByRole('navigation', { name: 'チェックリストの目次' });
  await expect(index).toBeVisible();
  await index.getByRole('button', { name: /^2\. .*へ移動/ }).click();
  await expect(index.getByRole('button', { name: /^2\. .*へ移動/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('heading', { level: 2, name: /^2\. / })).toBeInViewport();
  await expect(index).toBeInViewport();
  await expectNoPageOverflow(page);
  await shot(page, '9a-checklist-index-phone', false);
  await page.getByRole('radiogroup', { name: '2-① 1回目の回答' }).getByText('いいえ', { exact: true }).click();
  const bar = page.getByRole('region', { name: '未保存の変更' });
  await expect(bar).toBeInViewport();
  await expect(bar.getByRole('button', { name: 'すべて保存' })).toBeVisible();
  await shot(page, '9b-checklist-save-bar-phone', false);
  await bar.getByRole('button', { name: 'すべて取り消す' }).click();
  await expect(bar).toHaveCount(0);
});
