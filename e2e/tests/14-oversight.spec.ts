import { expect, request as newRequest, test } from '@playwright/test';
import { addColleague, answerChecklist, currentFiscalYear, noMailBaseURL, seedClinic, shot, signIn, type Clinic } from './seed.js';

/**
 * Issue 16, the corporation's dashboard: the administrator of a corporation with three clinics sees on one page
 * which is ready for an inspection, which has a いいえ past its target date and which has not started; a count
 * narrows the list, the list downloads as Excel, and a clinic's name opens its checklist. At desk and phone width.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: noMailBaseURL });

const corporationAdmin = { name: '港 理事', email: 'riji@minato-iryo.example.jp', password: 'minato-admin-2026' };
let first: Clinic;
let second: Clinic;

const tokyoDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000));

test.beforeAll(async () => {
  // One corporation: the first clinic made by the seed, two more added to its organization.
  first = await seedClinic(noMailBaseURL, 'みなと第一クリニック', { hasVendorContract: false });
  const addClinic = async (name: string) => {
    const facility = await first.api.post(`/api/v1/organizations/${first.organizationId}/facilities`, {
      name,
      kind: 'clinic',
      prefecture: '14',
      healthCenter: '横浜市保健所',
    });
    return facility.id;
  };
  const secondId = await addClinic('みなと第二クリニック');
  await addClinic('みなと歯科分院');
  const secondAssessment = await first.api.post(`/api/v1/facilities/${secondId}/assessments`, { fiscalYear: currentFiscalYear(), hasVendorContract: false });
  second = { ...first, facilityId: secondId, facilityName: 'みなと第二クリニック', assessmentId: secondAssessment.id };

  await answerChecklist(first);
  await answerChecklist(second);
  // The second clinic's 2(1) is いいえ with a target date that has passed: an overdue item.
  const fiscalYearStart = `${currentFiscalYear()}-04-01`;
  await first.api.put(`/api/v1/assessments/${second.assessmentId}/items/2(1)/rounds/2`, {
    value: 'no',
    date: fiscalYearStart,
    targetDate: tokyoDay(-1) > fiscalYearStart ? tokyoDay(-1) : fiscalYearStart,
  });

  const invitation = await first.api.post<{ token: string }>(`/api/v1/organizations/${first.organizationId}/invitations`, {
    email: corporationAdmin.email,
    organizationRole: 'admin',
  });
  const invitee = await newRequest.newContext({ baseURL: noMailBaseURL });
  const accepted = await invitee.post(`/api/v1/invitations/by-token/${invitation.token}/accept`, {
    data: { name: corporationAdmin.name, password: corporationAdmin.password },
  });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await invitee.dispose();
});

test("the corporation's administrator sees its three clinics on one page and narrows them", async ({ page }) => {
  await signIn(page, corporationAdmin);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '施設の状況一覧' }).click();
  await expect(page.getByRole('heading', { name: '施設の状況一覧' })).toBeVisible();

  const tile = (label: string) => page.getByRole('button', { name: new RegExp(`^${label}`) });
  await expect(tile('全施設')).toContainText('3施設');
  await expect(tile('未着手')).toContainText('1施設');
  await expect(tile('立入検査の準備完了')).toContainText('1施設');
  await expect(tile('目標日を過ぎた項目あり')).toContainText('1施設');

  const list = page.getByRole('table', { name: '施設の一覧' });
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list.getByRole('row').filter({ hasText: 'みなと第一クリニック' })).toContainText('準備完了');
  await expect(list.getByRole('row').filter({ hasText: 'みなと歯科分院' })).toContainText('未着手');
  await expect(list.getByRole('row').filter({ hasText: 'みなと第二クリニック' })).toContainText('1項目が目標日超過');
  await shot(page, 'o1-corporation-overview');

  await tile('目標日を過ぎた項目あり').click();
  await expect(page).toHaveURL(/filter=overdue/);
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('1施設が該当します。')).toBeVisible();

  await page.getByRole('button', { name: 'ダウンロード' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel（.xlsx）' }).click();
  expect((await download).suggestedFilename()).toMatch(/^施設一覧_\d{4}年度_\d{4}-\d{2}-\d{2}\.xlsx$/);

  // Drill-down: the clinic's name opens its checklist; Back returns to the narrowed list.
  await list.getByRole('link', { name: 'みなと第二クリニック' }).click();
  await expect(page).toHaveURL(new RegExp(`/facilities/${second.facilityId}/checklist/${second.assessmentId}`));
  await page.goBack();
  await expect(page).toHaveURL(/filter=overdue/);
  await expect(list.getByRole('row')).toHaveCount(2);
});

test('at phone width each clinic is a card', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, corporationAdmin);
  await page.goto('/oversight');
  await expect(page.getByRole('link', { name: 'みなと第一クリニック' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByText('準備完了').first()).toBeVisible();
  await shot(page, 'o2-corporation-overview-phone');
});

test('facility staff have no such page', async ({ page }) => {
  const planner = { name: '港 企画', email: 'kikaku@minato-iryo.example.jp', password: 'minato-planner-2026' };
  await addColleague(first, planner, 'planner');
  await signIn(page, planner);
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '施設の状況一覧' })).toHaveCount(0);
  await page.goto('/oversight');
  await expect(page.getByText('この操作を行う権限がありません。')).toBeVisible();
});
