import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/verify.js';
import { accounts, auditEvents } from '../src/db/schema.js';
import { call, json, multipartFile, setupAdmin, startTestApp, upload, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;
const today = todayInTokyo();
const fiscalYear = fiscalYearOf(today);
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/');

beforeAll(async () => {
  t = await startTestApp({ MAMORI_FILE_MAX_BYTES: String(256 * 1024) });
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'L');
});
afterAll(() => t.close());

const accountCsv = (rows: string[]) =>
  Buffer.from(`\uFEFF${['No.,所属部署,性,名,電話番号,ユーザID,説明,権限,状態,最終ログイン日,退職', ...rows].join('\r\n')}\r\n`, 'utf8');
const goodAccounts = accountCsv([
  `001,システム管理,山田,太郎,1001,yamada,安全管理責任者,Admin,使用可,${daysAgo(1)},`,
  `002,内科,佐藤,花子,1002,sato,使用者,User,使用可,${daysAgo(3)},`,
  `003,外科,鈴木,一郎,1003,suzuki,使用者/退職,User,使用可,${daysAgo(200)},退職`,
]);

const importFile = (ledger: string, name: string, content: Buffer, fields: Record<string, string> = {}, who = tenant.manager) =>
  upload(t.app, who, `/api/v1/facilities/${tenant.facilityId}/ledgers/${ledger}/import`, multipartFile(name, 'text/csv', content, fields));

const findingsFor = async (itemId: string) => {
  const view = await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/findings?fiscalYear=${fiscalYear}`));
  return view.findings.find((f: { itemIds: string[] }) => f.itemIds.includes(itemId));
};

describe('ledger import', () => {
  it('previews without writing, then commits all rows with an audit event each', async () => {
    const preview = await json(importFile('accounts', 'accounts.csv', goodAccounts));
    expect(preview).toMatchObject({ committed: false, encoding: 'utf-8-bom', rowCount: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(preview.headers.find((h: { header: string }) => h.header === 'ユーザID')).toMatchObject({ field: 'loginId', source: 'builtin' });
    expect(preview.headers.find((h: { header: string }) => h.header === 'No.')).toMatchObject({ field: null, source: 'unmapped' });
    expect((await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/accounts`))).total).toBe(0);

    const committed = await json(importFile('accounts', 'accounts.csv', goodAccounts, { commit: 'true' }));
    expect(committed).toMatchObject({ committed: true, created: 3 });
    const list = await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/accounts?q=suzuki`));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ loginId: 'suzuki', familyName: '鈴木', role: 'User', enabled: true, retired: true, department: '外科' });
    const events = await t.database.db.select().from(auditEvents);
    expect(events.filter((e) => e.action === 'account.import')).toHaveLength(3);
    expect(events.filter((e) => e.action === 'ledger.import')).toHaveLength(1);
    // The batched append keeps the hash chain intact.
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('re-importing the same file changes nothing; a changed cell updates only that record', async () => {
    expect(await json(importFile('accounts', 'accounts.csv', goodAccounts, { commit: 'true' }))).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const changed = accountCsv([`002,内科,佐藤,花子,1002,sato,使用者,Doctor,使用可,${daysAgo(3)},`]);
    expect(await json(importFile('accounts', 'accounts.csv', changed, { commit: 'true' }))).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const [sato] = (await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/accounts?q=sato`))).items;
    expect(sato).toMatchObject({ role: 'Doctor', version: 2 });
    const history = await json(call(t.app, tenant.manager, 'GET', `/api/v1/accounts/${sato.id}/history`));
    expect(history.map((h: { action: string }) => h.action)).toEqual(['account.import', 'account.import']);
    expect(history[1].changes.role).toEqual({ before: 'User', after: 'Doctor' });
  });

  it('names every bad row and column and writes nothing, even when asked to commit', async () => {
    const before = await t.database.db.select().from(accounts);
    const bad = accountCsv([
      `004,内科,田中,,1004,tanaka,,User,使用可,2023/2/30,`,
      `005,内科,田中,,1005,tanaka,,User,使用可,,`,
      `006,内科,高橋,,1006,,,User,使用可,,`,
    ]);
    const result = await json(importFile('accounts', 'bad.csv', bad, { commit: 'true' }));
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '最終ログイン日', value: '2023/2/30' }),
        expect.objectContaining({ row: 3, column: 'ユーザID', value: 'tanaka' }),
        expect.objectContaining({ row: 4, column: 'ユーザID' }),
      ]),
    );
    for (const e of result.errors) expect(e.reason).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(await t.database.db.select().from(accounts)).toEqual(before);
  });

  it('reads Shift_JIS from Excel on Windows, remembers a heading mapped by hand', async () => {
    const sjis = iconv.encode(
      [
        '管理番号,メーカー,OS,IPアドレス,コンピュータ名,設置場所,登録日,状態,保守窓口',
        '001,A社,Windows 10,192.168.1.10,受付PC,受付,令和2年12月1日,稼働,〇〇システム',
      ].join('\r\n'),
      'cp932',
    );
    const first = await json(importFile('assets', 'assets.csv', sjis));
    expect(first.encoding).toBe('shift_jis');
    expect(first.headers.find((h: { header: string }) => h.header === '保守窓口')).toMatchObject({ source: 'unmapped' });
    const committed = await json(importFile('assets', 'assets.csv', sjis, { commit: 'true', mapping: JSON.stringify({ 保守窓口: 'remoteMaintenanceBy' }) }));
    expect(committed).toMatchObject({ committed: true, created: 1 });
    const again = await json(importFile('assets', 'assets.csv', sjis));
    expect(again.headers.find((h: { header: string }) => h.header === '保守窓口')).toMatchObject({ field: 'remoteMaintenanceBy', source: 'saved' });
    expect(again.unchanged).toBe(1);
    const [asset] = (await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/assets`))).items;
    expect(asset).toMatchObject({
      managementNumber: '001',
      os: 'Windows 10',
      registeredOn: '2020-12-01',
      status: 'active',
      remoteMaintenanceBy: '〇〇システム',
    });
  });

  it('refuses a file over the limit with the limit in Japanese, and an unreadable one by name', async () => {
    const big = await importFile('assets', 'big.csv', Buffer.alloc(300 * 1024, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('MB 以下');
    const garbage = await json(importFile('assets', 'x.csv', Buffer.from([0x00, 0xff, 0xfe, 0x81, 0x00, 0x9f, 0xff])));
    expect(garbage.committed).toBe(false);
    expect(garbage.errors[0]).toMatchObject({ row: null });
    expect(garbage.errors[0].reason).toContain('文字コード');
  });
});

describe('ledger records', () => {
  it('edits with versions: a stale edit answers 409 and changes nothing', async () => {
    const [asset] = (await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/assets`))).items;
    const edited = await json(
      call(t.app, tenant.manager, 'PATCH', `/api/v1/assets/${asset.id}`, { version: asset.version, kind: 'terminal', remoteMaintenance: 'no' }),
    );
    expect(edited).toMatchObject({ kind: 'terminal', scope: 'terminal', version: asset.version + 1 });
    expect((await call(t.app, tenant.manager, 'PATCH', `/api/v1/assets/${asset.id}`, { version: asset.version, kind: 'server' })).statusCode).toBe(409);
    expect((await call(t.app, tenant.viewer, 'PATCH', `/api/v1/assets/${asset.id}`, { version: edited.version, kind: 'server' })).statusCode).toBe(403);
    expect((await call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assets`, { managementNumber: '001' })).statusCode).toBe(409);
  });

  it('exports CSV in Shift_JIS and UTF-8 and .xlsx, neutralising formulas, and re-imports unchanged', async () => {
    await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assets`, {
        managementNumber: '002',
        description: '=HYPERLINK("http://evil")',
        location: '2階〜3階',
      }),
    );
    const sjis = await call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/ledgers/assets/export?format=csv-sjis`);
    expect(sjis.headers['content-type']).toContain('shift_jis');
    const text = iconv.decode(sjis.rawPayload, 'cp932');
    expect(text.split('\r\n')[0]).toMatch(/^管理番号,メーカー,OS/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('2階～3階');
    const utf8 = await call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/ledgers/assets/export?format=csv`);
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const xlsx = await call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/ledgers/assets/export?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const reimport = await json(importFile('assets', 'export.xlsx', xlsx.rawPayload));
    expect(reimport).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 2 });
  });
});

describe('findings', () => {
  let assessmentId: string;

  it('suggests 2(5) いいえ for a retired account that is still enabled, with the account listed', async () => {
    const created = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assessments`, { fiscalYear, hasVendorContract: false }),
    );
    assessmentId = created.id;
    const finding = await findingsFor('2(5)@server');
    expect(finding).toMatchObject({ topic: 'unused-accounts', suggestion: 'no' });
    expect(finding.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['accounts-retired-enabled', 'accounts-unused']));
    expect(finding.records.map((r: { label: string }) => r.label)).toEqual([expect.stringContaining('suzuki')]);
  });

  it('accepting fills the answer with today’s date, the reasons and the records as evidence', async () => {
    const noTarget = await call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${assessmentId}/accept-finding`, {
      itemId: '2(5)@server',
      expectedRounds: 0,
    });
    expect(noTarget.statusCode).toBe(400);
    const targetDate = `${fiscalYear + 1}-03-01`;
    const detail = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${assessmentId}/accept-finding`, { itemId: '2(5)@server', targetDate, expectedRounds: 0 }),
    );
    expect(detail.answers['2(5)@server'][0]).toMatchObject({ round: 1, value: 'no', date: today, targetDate });
    expect(detail.answers['2(5)@server'][0].note).toContain('退職者の利用者ID 1件が有効のままです');
    const evidence = detail.evidence.find((e: { itemId: string }) => e.itemId === '2(5)@server');
    expect(evidence.fileName).toMatch(/^台帳の根拠_2\(5\)_server_/);
    const file = await call(t.app, tenant.manager, 'GET', `/api/v1/assessments/${assessmentId}/evidence/${evidence.id}`);
    expect(file.body).toContain('suzuki');
    expect(
      (
        await call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${assessmentId}/accept-finding`, {
          itemId: '2(5)@server',
          targetDate,
          expectedRounds: 0,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a signed account review disables the account; 2(5) turns はい and is accepted as the 2nd round', async () => {
    const list = await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/accounts`));
    const decisions = list.items.map((a: { id: string; loginId: string }) => ({
      accountId: a.id,
      decision: a.loginId === 'suzuki' ? 'disable' : 'keep',
      reason: a.loginId === 'suzuki' ? '2024年3月退職' : '在籍',
    }));
    expect((await call(t.app, tenant.viewer, 'POST', `/api/v1/facilities/${tenant.facilityId}/account-reviews`, { decisions })).statusCode).toBe(403);
    const review = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/account-reviews`, { decisions, note: '年次棚卸し' }),
    );
    expect(review).toMatchObject({ ledger: 'accounts', reviewedOn: today, kept: 2, disabled: 1, deleted: 0, reviewedBy: 'manager-L' });
    const [suzuki] = (await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/accounts?q=suzuki`))).items;
    expect(suzuki.enabled).toBe(false);

    const finding = await findingsFor('2(5)@server');
    expect(finding.suggestion).toBe('yes');
    expect(finding.reasons.map((r: { code: string }) => r.code)).toContain('account-review-done');
    const detail = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${assessmentId}/accept-finding`, { itemId: '2(5)@server', targetDate: null, expectedRounds: 1 }),
    );
    expect(detail.answers['2(5)@server'].map((r: { value: string }) => r.value)).toEqual(['no', 'yes']);
  });

  it('thresholds are per facility and versioned; the end-of-life table takes the facility’s own rows', async () => {
    const settings = await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/finding-settings`));
    expect(settings).toMatchObject({ patchMaxAgeDays: 90, unusedAccountDays: 90, ledgerReviewMonths: 12, servicesReviewMonths: 12 });
    const updated = await json(
      call(t.app, tenant.manager, 'PUT', `/api/v1/facilities/${tenant.facilityId}/finding-settings`, { ...settings, unusedAccountDays: 2 }),
    );
    expect(updated.unusedAccountDays).toBe(2);
    expect(
      (await call(t.app, tenant.manager, 'PUT', `/api/v1/facilities/${tenant.facilityId}/finding-settings`, { ...settings, unusedAccountDays: 30 })).statusCode,
    ).toBe(409);
    // sato last logged in 3 days ago: unused under a 2-day threshold.
    expect((await findingsFor('2(5)@server')).records.map((r: { label: string }) => r.label)).toEqual([expect.stringContaining('sato')]);

    const entry = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/end-of-life`, {
        product: '院内カルテOS 1',
        match: ['karteos1'],
        endOfLifeOn: '2020-01-01',
      }),
    );
    const table = await json(call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/end-of-life`));
    expect(table[0]).toMatchObject({ id: entry.id, builtIn: false });
    expect(table.some((e: { builtIn: boolean; product: string }) => e.builtIn && /Windows 10/.test(e.product))).toBe(true);
    expect((await call(t.app, tenant.manager, 'DELETE', `/api/v1/end-of-life/${entry.id}`)).statusCode).toBe(204);
  });
});
