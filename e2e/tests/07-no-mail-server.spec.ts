import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { currentFiscalYear, shot } from './planner.js';
import { noMailPort } from './ports.js';

/**
 * A clinic on the embedded default has no mail server (issue 13, item 1). Requesting the vendor's form must
 * not claim an e-mail went out: the dialog says none will, and shows the single-use link to pass on; the
 * vendor opens it and sees who is asking. Runs against its own server without MAMORI_SMTP_URL.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${noMailPort}` });

const admin = { name: '北 一郎', email: 'kita@kita-dental.jp', password: 'kita-dental-admin-2026' };
const vendorName = 'きた歯科システム株式会社';
const contractTitle = 'レセコン保守';
let facilityId = '';
let invitationUrl = '';

/** What the first run and the set-up screens would do, by API: this journey is about the request. */
async function seedClinic(request: APIRequestContext) {
  const setup = await request.post('/api/v1/setup', { data: admin });
  expect(setup.ok(), await setup.text()).toBe(true);
  const headers = { 'X-CSRF-Token': ((await setup.json()) as { csrfToken: string }).csrfToken };
  const post = async (url: string, data: object) => {
    const response = await request.post(url, { data, headers });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as { id: string };
  };
  const organization = await post('/api/v1/organizations', { name: '医療法人きた会' });
  const facility = await post(`/api/v1/organizations/${organization.id}/facilities`, { name: 'きた歯科医院', kind: 'dental_clinic', prefecture: '01', healthCenter: '札幌市保健所' });
  facilityId = facility.id;
  await post(`/api/v1/facilities/${facility.id}/assessments`, { fiscalYear: currentFiscalYear(), hasVendorContract: true });
  await post(`/api/v1/facilities/${facility.id}/contracts`, {
    vendorName, title: contractTitle, systems: ['レセコン'], maintenanceContract: true, remoteMaintenance: true, contactName: '窓口', contactEmail: 'desk@kita-system.example.jp',
  });
}

async function openRequestDialog(page: Page) {
  await page.goto(`/facilities/${facilityId}/vendors`);
  await page.getByRole('button', { name: `${vendorName}「${contractTitle}」にチェックリストを依頼` }).click();
  return page.getByRole('dialog', { name: '事業者確認用チェックリストを依頼' });
}

test('the request dialog says no e-mail will be sent, and shows the link to pass on', async ({ page }) => {
  await seedClinic(page.request);
  const dialog = await openRequestDialog(page);
  await expect(dialog.getByText(/メールサーバーが設定されていないため、メールは送られません/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: '依頼メールを送る' })).toHaveCount(0);
  await dialog.getByRole('button', { name: '記入用リンクを作成' }).click();

  await expect(dialog.getByText('メールは送っていません')).toBeVisible();
  await expect(dialog.getByText(/desk@kita-system\.example\.jp 宛てのメールは送られていません/)).toBeVisible();
  await expect(dialog.getByText(/に依頼メールを送りました/)).toHaveCount(0);
  invitationUrl = await dialog.getByLabel('事業者の記入用リンク').inputValue();
  expect(invitationUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${noMailPort}/vendor-invite/[\\w-]+$`));
  await page.screenshot({ path: 'screenshots/70-no-mail-vendor-link.png' });
  await dialog.getByRole('button', { name: '閉じる' }).last().click();
  await expect(page.getByRole('table', { name: '契約の一覧' }).getByText('依頼済み')).toBeVisible();
});

test('the vendor opens the link and sees who asks for what', async ({ browser }) => {
  test.skip(!invitationUrl, 'needs the link made by the previous test');
  const vendor = await browser.newPage();
  await vendor.goto(invitationUrl);
  await expect(vendor.getByRole('heading', { name: '事業者確認用チェックリストの記入依頼' })).toBeVisible();
  await expect(vendor.getByText('きた歯科医院').first()).toBeVisible();
  await expect(vendor.getByText(vendorName).first()).toBeVisible();
  await shot(vendor, '71-no-mail-vendor-invitation');
  await vendor.close();
});

test('on a phone the contract page offers a new link, not a resend of mail', async ({ page }) => {
  test.skip(!facilityId, 'needs the clinic seeded by the first test');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(admin.email);
  await page.getByLabel('パスワード', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'ダッシュボード' })).toBeVisible();
  await page.goto(`/facilities/${facilityId}/vendors`);
  await page.getByRole('link', { name: new RegExp(contractTitle) }).first().click();
  await page.getByRole('tab', { name: 'チェックリスト' }).click();
  const remake = page.getByRole('button', { name: /の記入用リンクを作り直す$/ });
  await expect(remake).toBeVisible();
  await expect(page.getByRole('button', { name: /依頼メールを再送/ })).toHaveCount(0);
  await remake.click();
  const dialog = page.getByRole('dialog', { name: '記入用リンクを作り直す' });
  await dialog.getByRole('button', { name: '新しいリンクを作成' }).click();
  const fresh = await dialog.getByLabel('事業者の記入用リンク').inputValue();
  expect(fresh).not.toBe(invitationUrl);
  await page.screenshot({ path: 'screenshots/72-no-mail-new-link-phone.png' });
});
