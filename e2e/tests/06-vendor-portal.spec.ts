import { expect, test, type Page } from '@playwright/test';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../packages/server/test/helpers/smtp.js';
import { smtpPort } from './ports.js';
import { addColleague, answerChecklist, appBaseURL, seedClinic, shot, signIn } from './seed.js';

/**
 * The whole vendor journey in the browser, on the main server (its mail goes to an in-process SMTP server)
 * and a clinic of its own whose checklist is seeded through the API, answered with a vendor contract and
 * waiting only for a vendor form: the planner registers the EHR vendor's contract and requests this year's
 * vendor form; the e-mail carries a single-use link; the vendor's support desk signs up through it, answers
 * every item with a date and a rationale, and submits; the planner asks a question on an item; the vendor
 * replies, revises and resubmits; the planner accepts, and the checklist's inspection readiness is green again.
 */
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: appBaseURL });

const planner = { name: '中村 陽子', email: 'nakamura@midori-seikei.example.jp', password: 'midori-planner-2026' };

const vendorName = 'みなと医療システム株式会社';
const contractTitle = '電子カルテ保守';
const vendorUser = { name: '港 次郎', email: 'support@minato-medical.example.jp', password: 'minato-support-2026' };
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

let smtp: SmtpCapture;
let invitationLink = '';
let queriedItem = '';

test.beforeAll(async () => {
  smtp = await startSmtpCapture({ port: smtpPort });
  const clinic = await seedClinic(appBaseURL, 'みどり整形外科クリニック', { hasVendorContract: true });
  await addColleague(clinic, planner, 'planner');
  const seeded = await answerChecklist(clinic, { no: ['2(1)'] });
  // Only the vendor form is missing; the journey requests it.
  expect(seeded.evaluation.inspection.problems.filter((p) => p.severity === 'blocking')).toEqual([
    { form: 'institution', item: null, code: 'vendor-form-missing', severity: 'blocking' },
  ]);
});
test.afterAll(async () => {
  await smtp.close();
});

const mailTo = (to: string, subject: RegExp): Promise<CapturedMail> => smtp.waitFor((m) => m.to === to && subject.test(m.subject), 30_000);

async function signInAsVendor(page: Page) {
  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(vendorUser.email);
  await page.getByLabel('パスワード', { exact: true }).fill(vendorUser.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('heading', { name: '事業者ポータル' })).toBeVisible();
}

async function openFormFromPortal(page: Page) {
  await page
    .getByRole('link', { name: new RegExp(`${contractTitle}.*を開く$`) })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'チェックリストの状況' })).toBeVisible();
}

const status = (page: Page) => page.getByTestId('vendor-form-status');

test('the planner registers the vendor contract and requests this year’s form by e-mail', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '事業者・契約' }).click();
  await page.getByRole('button', { name: '契約を追加' }).click();
  const dialog = page.getByRole('dialog', { name: '契約を追加' });
  await dialog.getByRole('combobox', { name: /^事業者/ }).fill(vendorName);
  await dialog.getByLabel('契約名').fill(contractTitle);
  const systems = dialog.getByLabel('対象システム');
  await systems.fill('電子カルテ');
  await systems.press('Enter');
  await dialog.getByLabel('事業者の担当者メールアドレス').fill(vendorUser.email);
  await dialog.getByRole('button', { name: '契約を追加' }).click();
  await expect(dialog).toHaveCount(0);
  const contracts = page.getByRole('table', { name: '契約の一覧' });
  await expect(contracts.getByText(contractTitle)).toBeVisible();

  await page.getByRole('button', { name: `${vendorName}「${contractTitle}」にチェックリストを依頼` }).click();
  const request = page.getByRole('dialog', { name: '事業者確認用チェックリストを依頼' });
  await expect(request.getByText(/リンクの有効期限は7日間です/)).toBeVisible();
  await expect(request.getByLabel('依頼メールの宛先')).toHaveValue(vendorUser.email);
  await request.getByRole('button', { name: '依頼メールを送る' }).click();
  await expect(request).toHaveCount(0);
  await expect(contracts.getByText('依頼済み')).toBeVisible();
  await shot(page, '60-contracts-requested');

  const mail = await mailTo(vendorUser.email, /事業者確認用チェックリストのご記入のお願い/);
  expect(mail.text).toContain(contractTitle);
  invitationLink = /(https?:\/\/\S+\/vendor-invite\/[\w-]+)/.exec(mail.text)![1]!;
});

test('the vendor signs up through the link and answers every item with a date and a rationale', async ({ page }) => {
  await page.goto(invitationLink);
  await expect(page.getByRole('heading', { name: '事業者確認用チェックリストの記入依頼' })).toBeVisible();
  await expect(page.getByText(vendorName).first()).toBeVisible();
  await page.getByLabel('氏名').fill(vendorUser.name);
  await page.getByLabel('パスワード', { exact: true }).fill(vendorUser.password);
  await page.getByLabel('パスワード(確認)').fill(vendorUser.password);
  await shot(page, '61-vendor-invitation');
  await page.getByRole('button', { name: '登録して依頼を受ける' }).click();
  await expect(page).toHaveURL(/\/vendor$/);
  await expect(page.getByRole('heading', { name: '事業者ポータル' })).toBeVisible();
  // The vendor sees its own contract, and no facility menu.
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '事業者・契約' })).toHaveCount(0);
  await shot(page, '62-vendor-portal');

  await openFormFromPortal(page);
  const answers = page.getByRole('radiogroup', { name: / 1回目の回答$/ });
  const count = await answers.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const group = answers.nth(i);
    const item = ((await group.getAttribute('aria-label')) ?? '').replace(/ 1回目の回答$/, '');
    await group.getByText('はい', { exact: true }).click();
    const date = page.getByLabel(`${item} 1回目の確認日`);
    await date.fill(today);
    // Close the calendar the way a keyboard user does, so it does not cover the next row.
    await date.press('Escape');
    await page.getByLabel(`${item} 根拠`).fill('保守契約書 別紙2「セキュリティ対策」に基づき実施');
  }
  await page.getByRole('button', { name: 'すべて保存' }).click();
  await expect(page.getByText(/未保存の変更が\d+項目あります/)).toHaveCount(0);
  await page.getByRole('button', { name: '提出する', exact: true }).click();
  await expect(status(page)).toHaveText('提出済み');
  await shot(page, '63-vendor-form-submitted');
});

test('the planner asks a question on an item; the form goes back to the vendor', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '事業者・契約' }).click();
  await page.getByRole('link', { name: new RegExp(`${contractTitle}」の.*のチェックリストを開く$`) }).click();
  await expect(status(page)).toHaveText('提出済み');
  const ask = page.getByRole('button', { name: / について質問する$/ }).first();
  queriedItem = ((await ask.getAttribute('aria-label')) ?? (await ask.textContent()) ?? '').replace(/ について質問する$/, '');
  await ask.click();
  await page.getByRole('textbox', { name: `${queriedItem} についての質問` }).fill('根拠の保守契約書の版（日付）を教えてください');
  await page.getByRole('button', { name: '送信' }).click();
  await expect(status(page)).toHaveText('質問中');
  await shot(page, '64-facility-query');
  const mail = await mailTo(vendorUser.email, /ご質問があります/);
  expect(mail.text).toContain('根拠の保守契約書の版');
});

test('the vendor replies, revises the rationale and submits again', async ({ page }) => {
  await signInAsVendor(page);
  await expect(page.getByText(/質問が届いている依頼が 1 件あります/)).toBeVisible();
  await openFormFromPortal(page);
  await expect(status(page)).toHaveText('質問中');
  await page.getByRole('button', { name: `${queriedItem} に返信する` }).click();
  await page.getByRole('textbox', { name: `${queriedItem} への返信` }).fill('2025年4月1日改定の第3版です。根拠欄を更新しました');
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.getByRole('list', { name: `${queriedItem} についてのやりとり` }).getByText('2025年4月1日改定の第3版です')).toBeVisible();
  await page.getByLabel(`${queriedItem} 根拠`).fill('保守契約書（2025年4月1日改定 第3版）別紙2「セキュリティ対策」に基づき実施');
  await page.getByRole('button', { name: 'すべて保存' }).click();
  await expect(page.getByText(/未保存の変更が\d+項目あります/)).toHaveCount(0);
  await page.getByRole('button', { name: '提出する', exact: true }).click();
  await expect(status(page)).toHaveText('提出済み');
});

test('the planner accepts the form and the checklist is ready for inspection again', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '事業者・契約' }).click();
  await page.getByRole('link', { name: new RegExp(`${contractTitle}」の.*のチェックリストを開く$`) }).click();
  await expect(page.getByRole('list', { name: `${queriedItem} についてのやりとり` }).getByText('第3版です')).toBeVisible();
  await page.getByRole('button', { name: '確認済みにする' }).click();
  await expect(status(page)).toHaveText('確認済み');
  await shot(page, '65-vendor-form-accepted');

  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チェックリスト' }).click();
  const vendors = page.getByRole('region', { name: '事業者確認用チェックリスト' });
  const row = vendors.getByRole('row', { name: new RegExp(vendorName) });
  await expect(row.getByText('確認済み')).toBeVisible();
  await expect(row.getByText('準備完了')).toBeVisible();
  // The year's row: every form counted, ready for the inspection.
  await expect(page.getByRole('row', { name: /令和\d+年度 .*医療機関確認用/ }).getByText('準備完了')).toBeVisible();
  await shot(page, '66-checklist-ready-with-vendor-portal');
});
