import { expect, test, type Page } from '@playwright/test';
import { addColleague, answerChecklist, appBaseURL, currentFiscalYear, seedClinic, shot, signIn } from './seed.js';

/**
 * The IT person's ledger journey, on a clinic of its own whose planner and this year's checklist are seeded
 * through the API as 02-checklist.spec.ts leaves them: import the account ledger they keep in Excel (UTF-8
 * CSV with a BOM, as Excel saves it), see 2(5) suggested いいえ with the retired account listed, accept it,
 * disable the account from the record link, and see the suggestion turn into はい.
 */
test.describe.configure({ mode: 'serial' });

const planner = { name: '高橋 由美', email: 'takahashi@tsubaki-ganka.example.jp', password: 'tsubaki-planner-2026' };

test.beforeAll(async () => {
  const clinic = await seedClinic(appBaseURL, 'つばき眼科クリニック', { hasVendorContract: false });
  await addColleague(clinic, planner, 'planner');
  await answerChecklist(clinic, { no: ['2(1)'] });
});

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
const fiscalYear = currentFiscalYear();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/');

const accountLedger = Buffer.from(
  `\uFEFF${[
    'No.,所属部署,性,名,電話番号,ユーザID,説明,権限,状態,最終ログイン日,退職',
    `001,システム管理,佐藤,花子,内線101,sato-admin,企画管理者,Admin,使用可,${daysAgo(1)},`,
    `002,内科,山田,一郎,内線201,yamada-dr,医師,Doctor,使用可,${daysAgo(2)},`,
    `003,外科,田中,次郎,内線301,tanaka-dr,医師（2026年3月退職）,Doctor,使用可,${daysAgo(5)},はい`,
  ].join('\r\n')}\r\n`,
  'utf8',
);

async function openThisYearsChecklist(page: Page) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チェックリスト' }).click();
  await page
    .getByRole('link', { name: new RegExp(`令和${fiscalYear - 2018}年度`) })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /医療機関におけるサイバーセキュリティ対策チェックリスト/ })).toBeVisible();
}

test('the account ledger from Excel is imported after a preview', async ({ page }) => {
  await signIn(page, planner);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '利用者ID台帳' }).click();
  await page.getByRole('link', { name: '取り込み', exact: true }).first().click();
  await page.getByTestId('ledger-import-file').setInputFiles({ name: '利用者ID台帳.csv', mimeType: 'text/csv', buffer: accountLedger });
  await page.getByRole('button', { name: '読み込んで確認する' }).click();

  const mapping = page.getByRole('table', { name: '見出しと台帳の項目の対応' });
  await expect(mapping).toBeVisible();
  await expect(page.getByLabel('見出し「ユーザID」の取り込み先')).toHaveValue(/ユーザID/);
  await shot(page, '40-ledger-import-mapping');
  await page.getByRole('button', { name: '次へ（内容の確認）' }).click();

  await expect(page.getByRole('table', { name: '読み込んだ内容の見本' })).toContainText('tanaka-dr');
  await expect(page.getByRole('table', { name: '取り込みの問題' })).toHaveCount(0);
  await shot(page, '41-ledger-import-preview');
  await page.getByRole('button', { name: '取り込む' }).click();
  await page.getByRole('link', { name: '利用者ID台帳を開く' }).click();

  const table = page.getByRole('table', { name: '利用者ID台帳' });
  await expect(table.getByRole('button', { name: /tanaka-dr を開く/ })).toBeVisible();
  await expect(table.locator('[data-record-id]')).toHaveCount(3);
  await shot(page, '42-ledger-accounts');
});

test('2(5) is suggested いいえ with the retired account listed, and the suggestion is accepted', async ({ page }) => {
  await signIn(page, planner);
  await openThisYearsChecklist(page);
  const finding = page.getByTestId('finding-2(5)@server');
  await expect(finding).toHaveAttribute('data-suggestion', 'no');
  await expect(finding).toContainText('退職者の利用者ID 1件が有効のままです');
  await finding.getByRole('button', { name: /対象の記録（1件）を表示/ }).click();
  await expect(finding.getByRole('link', { name: /tanaka-dr/ })).toBeVisible();
  await page.getByRole('region', { name: '2-⑤ サーバ' }).screenshot({ path: 'screenshots/43-finding-2-5-no.png' });

  await finding.getByRole('button', { name: /台帳からの提案を採用/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('目標日', { exact: true }).fill(`${fiscalYear + 1}-03-31`);
  await dialog.getByText('次の内容で回答を保存します').click();
  await dialog.getByRole('button', { name: '「いいえ」で保存する' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(finding).toHaveAttribute('data-matches', 'true');
  await page.getByRole('region', { name: '2-⑤ サーバ' }).screenshot({ path: 'screenshots/44-finding-2-5-accepted.png' });
});

test('disabling the retired account from its record turns the suggestion into はい', async ({ page }) => {
  await signIn(page, planner);
  await openThisYearsChecklist(page);
  const finding = page.getByTestId('finding-2(5)@server');
  // The answer now matches the suggestion, so it sits quietly folded: open it, then its records.
  await finding.getByRole('button', { name: /理由を表示/ }).click();
  await finding.getByRole('button', { name: /対象の記録（1件）を表示/ }).click();
  await finding.getByRole('link', { name: /tanaka-dr/ }).click();

  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('textbox', { name: 'ユーザID', exact: true })).toHaveValue('tanaka-dr');
  await drawer.getByRole('combobox', { name: '状態', exact: true }).click();
  await page.getByRole('option', { name: '使用不可' }).click();
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('保存しました').first()).toBeVisible();
  await shot(page, '45-account-disabled');

  await openThisYearsChecklist(page);
  await expect(finding).toHaveAttribute('data-suggestion', 'yes');
  await expect(finding).toHaveAttribute('data-matches', 'false');
  await expect(finding).toContainText('退職者・期限切れ・長期未使用のものはありません');
  await finding.getByRole('button', { name: /台帳からの提案を採用/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '「はい」で保存する' }).click();
  await expect(finding).toHaveAttribute('data-matches', 'true');
  await page.getByRole('region', { name: '2-⑤ サーバ' }).screenshot({ path: 'screenshots/46-finding-2-5-yes.png' });
});
