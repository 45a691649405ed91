import { expect, test, type Page } from '@playwright/test';
import { noMailPort } from './ports.js';
import { noMailBaseURL, seedClinic, shot, signIn, systemAdmin, type Clinic } from './seed.js';

/**
 * A clinic on the embedded default has no mail server (issue 13, item 1). Requesting the vendor's form must
 * not claim an e-mail went out: the dialog says none will, and shows the single-use link to pass on; the
 * vendor opens it and sees who is asking. Runs against its own server without MAMORI_SMTP_URL.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: noMailBaseURL });

const vendorName = 'きた歯科システム株式会社';
const contractTitle = 'レセコン保守';
let clinic: Clinic | null = null;
let invitationUrl = '';

async function openRequestDialog(page: Page, facilityId: string) {
  await page.goto(`/facilities/${facilityId}/vendors`);
  await page.getByRole('button', { name: `${vendorName}「${contractTitle}」にチェックリストを依頼` }).click();
  return page.getByRole('dialog', { name: '事業者確認用チェックリストを依頼' });
}

test('the request dialog says no e-mail will be sent, and shows the link to pass on', async ({ page }) => {
  clinic = await seedClinic(noMailBaseURL, 'きた歯科医院', { hasVendorContract: true });
  await clinic.api.post(`/api/v1/facilities/${clinic.facilityId}/contracts`, {
    vendorName,
    title: contractTitle,
    systems: ['レセコン'],
    maintenanceContract: true,
    remoteMaintenance: true,
    contactName: '窓口',
    contactEmail: 'desk@kita-system.example.jp',
  });
  await signIn(page, systemAdmin);
  const dialog = await openRequestDialog(page, clinic.facilityId);
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
  test.skip(!clinic, 'needs the clinic seeded by the first test');
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, systemAdmin);
  await page.goto(`/facilities/${clinic!.facilityId}/vendors`);
  await page
    .getByRole('link', { name: new RegExp(contractTitle) })
    .first()
    .click();
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
