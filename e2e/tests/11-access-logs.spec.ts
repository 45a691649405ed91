import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addColleague, appBaseURL, type Clinic, currentFiscalYear, seedClinic, shot, signIn } from './seed.js';

/**
 * Issue 15, 2(6) 「アクセスログを管理している」: the manager of a clinic of its own (seeded through the API, with the EHR
 * server in the asset ledger and its accounts in the account ledger, one of them retired) adds the EHR server as a log
 * source, keeps its token, uploads the server's auth.log (sign-ins, a burst of failures from one address, a retired
 * account signing in, a line nobody can read), reads the result, the timeline and the alerts, finds one user's lines,
 * signs the month off, and sees 2(6) suggested はい on the checklist. Each step is shot on a desk and on a phone.
 */
test.describe.configure({ mode: 'serial' });

const manager = { name: '松本 直子', email: 'matsumoto@kaede-naika.example.jp', password: 'kaede-manager-2026' };
const operator = { name: '小林 健', email: 'kobayashi@kaede-naika.example.jp', password: 'kaede-operator-2026' };
const viewer = { name: '中村 優', email: 'nakamura@kaede-naika.example.jp', password: 'kaede-viewer-2026' };
const phone = { width: 390, height: 844 };
const desk = { width: 1280, height: 800 };

/** The fixture's stamps are the classic syslog form without a year: put them on the 1st of this month in Japan. */
const thisMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'Asia/Tokyo' }).format(new Date());
const authLog = Buffer.from(
  readFileSync(new URL('../fixtures/auth.log', import.meta.url), 'utf8').replace(/^[A-Z][a-z]{2}(?= {1,2}\d{1,2} \d{2}:)/gm, thisMonth),
  'utf8',
);

let clinic: Clinic;

test.beforeAll(async () => {
  clinic = await seedClinic(appBaseURL, 'かえで内科クリニック', { hasVendorContract: false });
  await addColleague(clinic, manager, 'manager');
  await addColleague(clinic, operator, 'operator');
  await addColleague(clinic, viewer, 'viewer');
  const facility = `/api/v1/facilities/${clinic.facilityId}`;
  await clinic.api.post(`${facility}/assets`, { managementNumber: 'SV-001', computerName: 'emr-server', kind: 'server', system: '電子カルテ' });
  for (const account of [
    { loginId: 'sato-admin', role: 'システム管理者' },
    { loginId: 'tanaka', role: '医師' },
    { loginId: 'yamada', role: '看護師' },
    { loginId: 'suzuki', role: '医師', retired: true, enabled: false },
  ]) {
    await clinic.api.post(`${facility}/accounts`, { system: '電子カルテ', ...account });
  }
});

/** A full-page shot on a desk, then on a phone (390 px), back on the desk. */
async function shots(page: Page, name: string) {
  await shot(page, `${name}-desk`);
  await page.setViewportSize(phone);
  // Let the layout settle (the chart measures its width).
  await page.waitForTimeout(400);
  await shot(page, `${name}-phone`);
  await page.setViewportSize(desk);
  await page.waitForTimeout(200);
}

async function openAccessLogs(page: Page) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'アクセスログ' }).click();
  await expect(page.getByRole('heading', { name: 'アクセスログ', level: 1 })).toBeVisible();
}

test('the manager adds the EHR server as a log source and keeps its token', async ({ page }) => {
  await signIn(page, manager);
  await openAccessLogs(page);
  await expect(page.getByText('ログの取得元はまだ登録されていません')).toBeVisible();
  await expect(page.getByText('アクセスログは「いつ、誰が、どの機器で、何をしたか」の記録です')).toBeVisible();
  await shots(page, '110-access-logs-empty');

  await page.getByRole('button', { name: '取得元を追加' }).click();
  const dialog = page.getByRole('dialog', { name: 'ログの取得元を追加' });
  await dialog.getByRole('textbox', { name: '名前' }).fill('電子カルテサーバ');
  await dialog.getByRole('combobox', { name: '機器台帳の機器' }).click();
  await page.getByRole('option', { name: 'SV-001 emr-server' }).click();
  await dialog.getByLabel('利用者ID台帳のシステム（任意）').fill('電子カルテ');
  await page.getByRole('option', { name: '電子カルテ', exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'タイムゾーン' })).toHaveValue('Asia/Tokyo');
  await expect(dialog.getByRole('combobox', { name: 'ログの形式' })).toHaveValue('自動判定');
  await shot(page, '111-access-logs-add-source');
  await dialog.getByRole('button', { name: '追加する' }).click();

  const tokenDialog = page.getByRole('dialog', { name: '「電子カルテサーバ」のログ送信用トークン' });
  await expect(tokenDialog.getByText('このトークンは今だけ表示します')).toBeVisible();
  await expect(tokenDialog.getByRole('textbox', { name: 'トークン' })).toHaveValue(/^mlog_/);
  await expect(tokenDialog.getByTestId('ingest-command')).toContainText(
    /curl -H "Authorization: Bearer mlog_\S+" --data-binary @\/var\/log\/auth\.log http:\/\/127\.0\.0\.1:\d+\/api\/v1\/log-ingest/,
  );
  await shots(page, '112-access-logs-token');
  await tokenDialog.getByRole('button', { name: '保管しました・閉じる' }).click();
  await expect(tokenDialog).toHaveCount(0);

  const sources = page.getByRole('table', { name: 'ログの取得元' });
  await expect(sources.getByRole('link', { name: '電子カルテサーバ' })).toBeVisible();
  await expect(sources).toContainText('SV-001 emr-server');
  await expect(sources).toContainText('まだ受け取っていません');
  await expect(sources).toContainText('改ざんなし');
});

test('the manager uploads auth.log, reads the result, the timeline and the alerts, and finds one user', async ({ page }) => {
  await signIn(page, manager);
  await openAccessLogs(page);
  await page.getByRole('table', { name: 'ログの取得元' }).getByRole('link', { name: '電子カルテサーバ' }).click();
  await expect(page.getByRole('heading', { name: '電子カルテサーバ', level: 1 })).toBeVisible();

  await page.getByTestId('log-upload-file').setInputFiles({ name: 'auth.log', mimeType: 'text/plain', buffer: authLog });
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByTestId('upload-result')).toHaveText('13行を保存しました（解析できた行 12、そのまま保存した行 1）');

  // The timeline of the past month holds the 1st of this month: 6 failures among the 13 lines.
  await expect(page.getByRole('button', { name: '過去1か月' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('timeline-summary')).toHaveText('合計 13件（うち失敗 6件）');
  await expect(page.getByTestId('timeline-chart').locator('.recharts-bar-rectangle path').first()).toBeVisible();

  const alerts = page.getByRole('list', { name: '気になる動き（アラート）' });
  const burst = alerts.getByRole('listitem').filter({ hasText: '同じ接続元からログインの失敗が続いています' });
  await expect(burst).toContainText('203.0.113.50');
  await expect(burst).toContainText('6回');
  const retired = alerts.getByRole('listitem').filter({ hasText: '利用者ID台帳で使えないはずのアカウントがログインしました' });
  await expect(retired).toContainText('suzuki');
  await expect(retired).toContainText('退職済み');

  // The unread line is kept and marked.
  const events = page.getByRole('table', { name: 'ログの検索結果' });
  await expect(events.getByText('未解析')).toBeVisible();
  await expect(events).toContainText('partial line lost when the log was rotated');
  await shots(page, '113-access-log-source');

  await page.getByRole('textbox', { name: 'ユーザ名' }).fill('tanaka');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page.getByTestId('search-count')).toHaveText('3件');
  await expect(events.getByRole('row')).toHaveCount(4);
  await events
    .getByRole('button', { name: /の元の行を表示$/ })
    .first()
    .click();
  await expect(events).toContainText('session closed for user tanaka');
  await page.getByRole('region', { name: 'ログを探す' }).scrollIntoViewIfNeeded();
  await shots(page, '114-access-log-search');
});

test('the manager signs this month off, and 2(6) is suggested はい', async ({ page }) => {
  await signIn(page, manager);
  await openAccessLogs(page);
  await page.getByRole('table', { name: 'ログの取得元' }).getByRole('link', { name: '電子カルテサーバ' }).click();
  await page.getByRole('button', { name: '今月' }).click();
  await expect(page.getByTestId('timeline-summary')).toHaveText('合計 13件（うち失敗 6件）');

  const form = page.getByRole('form', { name: '確認の記録' });
  await form
    .getByRole('textbox', { name: '確認した内容' })
    .fill('203.0.113.50 からの失敗は外部からの総当たり。事業者に接続元の制限を依頼した。退職者 suzuki のログインは事務長に確認し、アカウントを削除した。');
  await form.getByRole('button', { name: 'この期間を確認済みにする' }).click();
  const history = page.getByRole('table', { name: 'これまでの確認' });
  await expect(history).toContainText(manager.name);
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('13');
  await page.getByRole('region', { name: '定期的な確認' }).scrollIntoViewIfNeeded();
  await shots(page, '115-access-log-signed-off');

  await openAccessLogs(page);
  await expect(page.getByRole('table', { name: 'ログの取得元' })).not.toContainText('まだ確認していません');
  await shots(page, '116-access-logs-list');

  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チェックリスト' }).click();
  await page
    .getByRole('link', { name: new RegExp(`令和${currentFiscalYear() - 2018}年度`) })
    .first()
    .click();
  const finding = page.getByTestId('finding-2(11)@server');
  await expect(finding).toHaveAttribute('data-suggestion', 'yes');
  await expect(finding).toContainText('1件の取得元からログが届き');
  await page.getByRole('region', { name: '2-⑪ サーバ' }).screenshot({ path: 'screenshots/117-finding-2-6.png' });
});

test('the manager changes the source and reissues its token, and a stale threshold change shows the conflict', async ({ page }) => {
  await signIn(page, manager);
  await openAccessLogs(page);
  await page.getByRole('table', { name: 'ログの取得元' }).getByRole('link', { name: '電子カルテサーバ' }).click();
  await page.getByRole('button', { name: '取得元の設定' }).click();
  const drawer = page.getByRole('dialog', { name: '「電子カルテサーバ」の設定' });
  await drawer.getByRole('combobox', { name: 'ログの形式' }).click();
  await page.getByRole('option', { name: 'Linux のログイン記録（auth.log・secure）' }).click();
  await shots(page, '118-access-log-source-settings');
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: '形式' })).toHaveValue('Linux のログイン記録（auth.log・secure）');

  await page.getByRole('button', { name: '取得元の設定' }).click();
  await drawer.getByRole('button', { name: 'トークンを再発行' }).click();
  await expect(drawer.getByText('いまのトークンはすぐに使えなくなります')).toBeVisible();
  await drawer.getByRole('button', { name: '再発行する' }).click();
  const tokenDialog = page.getByRole('dialog', { name: '「電子カルテサーバ」のログ送信用トークン' });
  await expect(tokenDialog.getByRole('textbox', { name: 'トークン' })).toHaveValue(/^mlog_/);
  await tokenDialog.getByRole('button', { name: '保管しました・閉じる' }).click();

  // Someone else saves the thresholds while the manager edits them: the manager's save is refused and the newest shown.
  await openAccessLogs(page);
  await page.getByRole('button', { name: '基準を変更' }).click();
  const settingsUrl = `/api/v1/facilities/${clinic.facilityId}/access-log-settings`;
  const current = await clinic.api.get<{ version: number }>(settingsUrl);
  await clinic.api.put(settingsUrl, {
    failures: { count: 8, withinMinutes: 15 },
    adminHours: { from: '07:00', to: '21:00' },
    silentDays: 30,
    unreviewedDays: 90,
    version: current.version,
  });
  await page.getByRole('textbox', { name: '失敗の回数' }).fill('3');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('他の方が先に変更しました')).toBeVisible();
  await expect(page.getByText('15分以内にログインの失敗が8回以上続いたら知らせます')).toBeVisible();

  await page.getByRole('button', { name: '基準を変更' }).click();
  await page.getByRole('textbox', { name: '失敗の回数' }).fill('3');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('15分以内にログインの失敗が3回以上続いたら知らせます')).toBeVisible();
});

test("the manager tells Mamori which columns of the EHR's own CSV are which, and its rows are read", async ({ page }) => {
  await clinic.api.post(`/api/v1/facilities/${clinic.facilityId}/log-sources`, { name: '電子カルテ操作ログ' });
  await signIn(page, manager);
  await openAccessLogs(page);
  await page.getByRole('table', { name: 'ログの取得元' }).getByRole('link', { name: '電子カルテ操作ログ' }).click();
  await page.getByRole('button', { name: '取得元の設定' }).click();
  const drawer = page.getByRole('dialog', { name: '「電子カルテ操作ログ」の設定' });
  await drawer.getByRole('textbox', { name: '時刻の列' }).fill('日時');
  await drawer.getByRole('textbox', { name: '利用者（ユーザID）の列' }).fill('利用者');
  await drawer.getByRole('textbox', { name: '端末・サーバ名の列' }).fill('端末');
  await drawer.getByRole('textbox', { name: '操作内容の列' }).fill('処理');
  await drawer.getByRole('textbox', { name: '区分の列' }).fill('区分');
  await drawer.getByRole('textbox', { name: '「ログイン」とみなす区分の値' }).fill('ログイン、サインイン');
  await shots(page, '119-access-log-column-mapping');
  await drawer.getByRole('button', { name: '列の対応を保存' }).click();
  await expect(page.getByText('保存しました').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()).replaceAll('-', '/');
  const csv = `日時,利用者,端末,処理,区分\r\n${day} 08:31:00,tanaka,PC-03,電子カルテにログイン,ログイン\r\n${day} 08:33:10,tanaka,PC-03,患者000123のカルテを参照,参照\r\n`;
  await page.getByTestId('log-upload-file').setInputFiles({ name: 'emr-access.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByTestId('upload-result')).toHaveText('2行を保存しました（すべて解析できました）');
  await expect(page.getByRole('table', { name: 'ログの検索結果' })).toContainText('患者000123のカルテを参照');
});

test('an operator uploads and reads the logs, but neither adds sources nor signs periods off', async ({ page }) => {
  await signIn(page, operator);
  await openAccessLogs(page);
  await expect(page.getByRole('button', { name: '取得元を追加' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '基準を変更' })).toHaveCount(0);
  await page.getByRole('table', { name: 'ログの取得元' }).getByRole('link', { name: '電子カルテサーバ' }).click();
  await expect(page.getByRole('button', { name: '取り込む', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'ログの検索結果' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'これまでの確認' })).toContainText(manager.name);
  await expect(page.getByRole('button', { name: 'この期間を確認済みにする' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '取得元の設定' })).toHaveCount(0);
});

test('a viewer has no アクセスログ in the menu, and the page says why', async ({ page }) => {
  await signIn(page, viewer);
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'アクセスログ' })).toHaveCount(0);
  await page.goto(`/facilities/${clinic.facilityId}/access-logs`);
  await expect(page.getByText('この施設のアクセスログを見る権限がありません')).toBeVisible();
});
