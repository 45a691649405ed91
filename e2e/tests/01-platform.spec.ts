import { expect, test, type Page } from '@playwright/test';
import { firstRunBaseURL } from './seed.js';

/**
 * The newcomer's journey on a fresh data directory: first run creates the administrator, who signs
 * in, creates an organization and a facility, invites a colleague with a role; the colleague accepts
 * in another browser; the UI switches to English. Runs on a server of its own that nothing else sets up.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: firstRunBaseURL });

const admin = { name: '山田 太郎', email: 'yamada@sakura-clinic.jp', password: 'sakura-admin-2026' };
const colleague = { name: '佐藤 花子', email: 'sato@sakura-clinic.jp', password: 'sakura-planner-2026' };
let inviteLink = '';

const shot = (page: Page, name: string) => page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('first run creates the administrator', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: '初期設定' })).toBeVisible();
  await page.getByLabel('氏名').fill(admin.name);
  await page.getByLabel('メールアドレス').fill(admin.email);
  await page.getByLabel('パスワード', { exact: true }).fill('short');
  await page.getByLabel('パスワード(確認)').fill('short');
  await page.getByRole('button', { name: '管理者アカウントを作成' }).click();
  await expect(page.getByText('10文字以上で入力してください。').first()).toBeVisible();
  await shot(page, '01-setup-validation');
  await page.getByLabel('パスワード', { exact: true }).fill(admin.password);
  await page.getByLabel('パスワード(確認)').fill(admin.password);
  await page.getByRole('button', { name: '管理者アカウントを作成' }).click();
  await expect(page.getByText(`ようこそ、${admin.name}さん`)).toBeVisible();
  await shot(page, '02-dashboard-first');
});

test('sign-in refuses a wrong password in Japanese, then signs in', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(admin.email);
  await page.getByLabel('パスワード', { exact: true }).fill('wrong-password-1');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByText('メールアドレスまたはパスワードが正しくありません。')).toBeVisible();
  await shot(page, '03-login-error');
  await page.getByLabel('パスワード', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByText(`ようこそ、${admin.name}さん`)).toBeVisible();
});

test('creates an organization and a facility, and invites a colleague', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(admin.email);
  await page.getByLabel('パスワード', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByText(`ようこそ、${admin.name}さん`)).toBeVisible();

  await page.goto('/organizations');
  await page.getByRole('button', { name: '法人を作成' }).first().click();
  await page.getByLabel('法人名').fill('医療法人さくら会');
  await page.getByRole('dialog').getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { name: '医療法人さくら会' })).toBeVisible();
  await shot(page, '04-organization');

  await page
    .getByRole('link', { name: '施設を追加' })
    .or(page.getByRole('button', { name: '施設を追加' }))
    .first()
    .click();
  await page.getByLabel('施設名').fill('さくら歯科クリニック');
  await choose(page, '施設の種類', '歯科診療所');
  await page.getByLabel('都道府県', { exact: true }).fill('東京');
  await page.getByRole('option', { name: '東京都' }).click();
  await page.getByLabel('管轄保健所').fill('新宿区保健所');
  await expect(page.getByLabel('病床数')).toHaveCount(0);
  await shot(page, '05-facility-form');
  await page.getByRole('button', { name: '施設を登録' }).click();
  await expect(page.getByText('施設を登録しました。')).toBeVisible();

  await page.goto('/');
  const facilityLink = page.getByRole('link', { name: 'メンバー' }).first();
  await facilityLink.click();
  await expect(page.getByRole('heading', { name: 'メンバー' })).toBeVisible();
  await page.getByRole('button', { name: 'メンバーを招待' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('メールアドレス').fill(colleague.email);
  await dialog.getByLabel('この施設での役割').click();
  await page.getByRole('option', { name: '企画管理者' }).click();
  await dialog.getByRole('button', { name: '招待リンクを作成' }).click();
  await expect(dialog.getByText('招待を作成しました')).toBeVisible();
  inviteLink = await dialog.getByLabel('招待リンク').inputValue();
  expect(inviteLink).toMatch(/\/invite\/[\w-]{40,}$/);
  await shot(page, '06-invitation-link');
});

test('the colleague accepts the invitation in another browser and switches to English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(inviteLink);
  await expect(page.getByText('医療法人さくら会 から Mamori に招待されています。')).toBeVisible();
  await expect(page.getByText('さくら歯科クリニック')).toBeVisible();
  await page.getByLabel('氏名').fill(colleague.name);
  await page.getByLabel('パスワード', { exact: true }).fill(colleague.password);
  await page.getByLabel('パスワード(確認)').fill(colleague.password);
  await shot(page, '07-accept-invitation');
  await page.getByRole('button', { name: '登録して参加する' }).click();
  await expect(page.getByRole('heading', { name: 'さくら歯科クリニック' })).toBeVisible();
  await expect(page.getByText('あなたの役割: 企画管理者')).toBeVisible();
  await shot(page, '08-colleague-dashboard');

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, '09-english');
  await context.close();
});
