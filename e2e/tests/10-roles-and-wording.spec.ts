import { expect, request as newRequest, test } from '@playwright/test';
import { currentFiscalYear, noMailBaseURL, seedClinic, signIn, systemAdmin, type Clinic } from './seed.js';

/**
 * Issue 13, items 10 and 9: the administrator who registers a facility is not its member, so 1(1) (a named
 * 安全管理責任者) stays いいえ; the facility page offers to take the role (POST /facilities/:id/members/me) or to
 * invite who holds it. The invitation page says which role is granted. A vendor answering いいえ is asked for
 * its plan, not for why the answer is はい. Runs on clinics of its own, seeded through the API.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: noMailBaseURL });

const vendorName = 'にし医療システム株式会社';
const contractTitle = '電子カルテ保守';
const vendorUser = { name: '西 保守担当', email: 'hoshu@nishi-iryo.example.jp', password: 'nishi-vendor-2026' };
let clinic: Clinic | null = null;

test.beforeAll(async () => {
  clinic = await seedClinic(noMailBaseURL, 'にしの森歯科', { hasVendorContract: true });
});

test('the administrator becomes the facility’s 安全管理責任者 from the facility page', async ({ page }) => {
  await signIn(page, systemAdmin);
  await page.goto(`/facilities/${clinic!.facilityId}`);
  const offer = page.getByRole('alert').filter({ hasText: 'この施設の安全管理責任者がまだいません' });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('button', { name: '安全管理責任者を招待する' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/a0-security-manager-offer.png', fullPage: true });
  await offer.getByRole('button', { name: '自分を安全管理責任者にする' }).click();
  await expect(page.getByText('あなたをこの施設の安全管理責任者にしました。')).toBeVisible();
  await expect(offer).toHaveCount(0);

  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'メンバー' }).click();
  const row = page.getByRole('row').filter({ hasText: systemAdmin.email });
  await expect(row.getByText(systemAdmin.name)).toBeVisible();
  await expect(row.locator('input').first()).toHaveValue('安全管理責任者');
  await page.screenshot({ path: 'screenshots/a1-admin-is-manager.png', fullPage: true });

  // 1(1) now has its 安全管理責任者: the ledger finding names the administrator.
  await page.goto(`/facilities/${clinic!.facilityId}/checklist/${clinic!.assessmentId}`);
  await expect(page.getByText(new RegExp(`安全管理責任者.*${systemAdmin.name}`)).first()).toBeVisible();
});

test('the invitation page says which role is granted', async ({ browser }) => {
  const invitation = await clinic!.api.post<{ token: string }>(`/api/v1/organizations/${clinic!.organizationId}/invitations`, {
    email: 'kikaku@nishinomori.example.jp',
    facilityRoles: [{ facilityId: clinic!.facilityId, role: 'planner' }],
  });
  const page = await browser.newPage();
  await page.goto(`/invite/${invitation.token}`);
  await expect(page.getByText('参加する施設と役割:')).toBeVisible();
  await expect(page.getByText('にしの森歯科 — 企画管理者')).toBeVisible();
  await expect(page.getByText('チェックリストや台帳を作成します。')).toBeVisible();
  await page.screenshot({ path: 'screenshots/a2-invitation-role.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'screenshots/a3-invitation-role-phone.png', fullPage: true });
  await page.close();
});

test('a vendor answering いいえ is asked for its plan, not why the answer is はい', async ({ page }) => {
  const contract = await clinic!.api.post(`/api/v1/facilities/${clinic!.facilityId}/contracts`, {
    vendorName,
    title: contractTitle,
    systems: ['電子カルテ'],
    maintenanceContract: true,
    remoteMaintenance: true,
    contactName: '窓口',
    contactEmail: vendorUser.email,
  });
  const requested = await clinic!.api.post<{ invitationUrl: string | null }>(`/api/v1/contracts/${contract.id}/vendor-forms`, {
    fiscalYear: currentFiscalYear(),
  });
  expect(requested.invitationUrl).toBeTruthy();
  const token = new URL(requested.invitationUrl!).pathname.split('/').pop()!;
  const vendor = await newRequest.newContext({ baseURL: noMailBaseURL });
  const accepted = await vendor.post(`/api/v1/vendor-invitations/${token}/accept`, { data: { name: vendorUser.name, password: vendorUser.password } });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await vendor.dispose();

  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(vendorUser.email);
  await page.getByLabel('パスワード', { exact: true }).fill(vendorUser.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('heading', { name: '事業者ポータル' })).toBeVisible();
  await page
    .getByRole('link', { name: new RegExp(`${contractTitle}.*を開く$`) })
    .first()
    .click();

  const group = page.getByRole('radiogroup', { name: / 1回目の回答$/ }).first();
  const item = ((await group.getAttribute('aria-label')) ?? '').replace(/ 1回目の回答$/, '');
  const row = page.getByRole('region', { name: item, exact: true });
  await expect(row.getByText('根拠・説明', { exact: true })).toBeVisible();
  await group.getByText('はい', { exact: true }).click();
  await expect(row.getByText('根拠（なぜ「はい」と言えるか）')).toBeVisible();
  await group.getByText('いいえ', { exact: true }).click();
  await expect(row.getByText('今後の対応（何を、いつまでに行うか）')).toBeVisible();
  await expect(row.getByText(/なぜ「はい」と言えるか/)).toHaveCount(0);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/a4-vendor-no-wording.png' });
});
