import fs from 'node:fs';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, answerRounds, assessments, auditEvents } from '../src/db/schema.js';
import { call, json, multipartFile, setupAdmin, startTestApp, upload, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/*
 * Issue 11 through the API: which contracts need a vendor form, 該当なし, the gate's one column, suggestions that say
 * 該当なし or what to record, the 2023 BCP plan, account scope per system, and the 2025 renumbering of stored answers.
 */
let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;
const today = todayInTokyo();
const fiscalYear = fiscalYearOf(today);
const api = (path: string) => `/api/v1${path}`;

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'F');
});
afterAll(() => t.close());

const contract = (title: string, extra: Record<string, unknown> = {}) => ({
  vendorName: `${title}株式会社`,
  title,
  systems: [title],
  maintenanceContract: true,
  remoteMaintenance: false,
  contactName: '',
  contactEmail: '',
  ...extra,
});

describe('which contracts need a vendor form (manual I-4, Q&A 12-D-19/22/23)', () => {
  it('asks only for the form of the direct maintenance contract, and lists the others with their reason', async () => {
    const post = (body: object) => json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), body));
    const ehr = await post(contract('電子カルテ保守'));
    const lab = await post(contract('検査システム', { primeContractId: ehr.id }));
    const attendance = await post(contract('勤怠管理', { handlesPatientData: false }));
    const purchase = await post(contract('レセコン購入', { maintenanceContract: false }));
    expect([ehr, lab, attendance, purchase].map((c) => c.vendorFormExemption)).toEqual([null, 'subcontract', 'no-patient-data', 'no-maintenance']);

    const own = await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/assessments`), { fiscalYear, hasVendorContract: true }));
    const detail = await json(call(t.app, tenant.manager, 'GET', api(`/assessments/${own.id}`)));
    const missing = detail.evaluation.inspection.problems.filter((p: { code: string }) => p.code === 'vendor-form-missing');
    expect(missing).toEqual([{ form: 'vendor:電子カルテ保守株式会社（電子カルテ保守）', item: null, code: 'vendor-form-missing', severity: 'blocking' }]);
    expect(detail.evaluation.vendors.map((v: { name: string; exemption: string | null }) => [v.name, v.exemption])).toEqual([
      ['電子カルテ保守株式会社（電子カルテ保守）', null],
      ['検査システム株式会社（検査システム）', 'subcontract'],
      ['勤怠管理株式会社（勤怠管理）', 'no-patient-data'],
      ['レセコン購入株式会社（レセコン購入）', 'no-maintenance'],
    ]);
    // The web app evaluates the same bundle with its unsaved edits on top.
    expect(detail.bundle.vendors.map((v: { exemption?: string }) => v.exemption ?? null)).toEqual([null, 'subcontract', 'no-patient-data', 'no-maintenance']);
  });
});

describe('該当なし and the gate (Q&A 12-B-8)', () => {
  let assessmentId: string;
  beforeAll(async () => {
    const list = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/assessments`)));
    assessmentId = list.find((a: { form: string }) => a.form !== 'vendor').id;
  });
  const put = (item: string, round: number, body: object) =>
    call(t.app, tenant.manager, 'PUT', api(`/assessments/${assessmentId}/items/${encodeURIComponent(item)}/rounds/${round}`), body);
  const network = async () => {
    const detail = await json(call(t.app, tenant.manager, 'GET', api(`/assessments/${assessmentId}`)));
    const networkItem = Object.keys(detail.answers).find((id) => id.endsWith('@network'))!;
    return { detail, networkItem };
  };

  it('a network row answered 該当なし needs its reason in the note', async () => {
    const form = await json(call(t.app, tenant.manager, 'GET', api(`/assessments/${assessmentId}`)));
    const edition = await json(call(t.app, tenant.manager, 'GET', api(`/editions/${form.assessment.edition}/institution`)));
    const item = edition.items.find((i: { scope: string; topic: string }) => i.scope === 'network' && i.topic === 'source-restriction').id;
    const saved = await json(put(item, 1, { value: 'not_applicable', date: today }));
    expect(saved.answers[item][0].value).toBe('not_applicable');
    expect(saved.evaluation.inspection.problems).toContainEqual({ form: 'institution', item, code: 'missing-reason', severity: 'blocking' });
    const reasoned = await json(put(item, 1, { value: 'not_applicable', date: today, note: 'インターネット回線がなく院内のみで運用', version: 1 }));
    expect(reasoned.evaluation.inspection.problems.filter((p: { item: string }) => p.item === item)).toEqual([]);
    expect((await network()).networkItem).toBe(item);
  });

  it('該当なし on a general item is refused; the gate has one answer column', async () => {
    const general = await put('2(1)', 1, { value: 'not_applicable', date: today, note: 'x' });
    expect(general.statusCode).toBe(400);
    expect(general.json().error.details[0].path).toBe('body.value');
    expect((await json(put('gate', 1, { value: 'yes', date: today }))).answers.gate).toHaveLength(1);
    const second = await put('gate', 2, { value: 'yes', date: today });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.details[0].path).toBe('params.round');
  });
});

describe('suggestions from the ledgers', () => {
  const accountCsv = (header: string, rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8');
  const importAccounts = (content: Buffer) =>
    upload(
      t.app,
      tenant.manager,
      api(`/facilities/${tenant.facilityId}/ledgers/accounts/import`),
      multipartFile('accounts.csv', 'text/csv', content, { commit: 'true' }),
    );

  it('a terminal PC system is set to terminal scope once; later imports of that system follow it', async () => {
    const first = await json(
      importAccounts(
        accountCsv('ユーザID,氏名,職種,システム,権限,状態', [
          'dr01,山田 太郎,医師,Windowsドメイン,User,使用可',
          'ns01,佐藤 花子,看護師,Windowsドメイン,User,使用可',
        ]),
      ),
    );
    expect(first.committed).toBe(true);
    const before = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/account-systems`)));
    expect(before).toEqual([{ system: 'Windowsドメイン', server: 2, terminal: 0 }]);
    expect(
      await json(
        call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/account-systems/scope`), { system: 'Windowsドメイン', scope: 'terminal' }),
      ),
    ).toEqual({ updated: 2 });
    await json(importAccounts(accountCsv('ユーザID,システム,権限,状態', ['jm01,Windowsドメイン,User,使用可'])));
    const rows = await t.database.db
      .select({ loginId: accounts.loginId, scope: accounts.scope, jobType: accounts.jobType })
      .from(accounts)
      .where(eq(accounts.facilityId, tenant.facilityId));
    expect(rows.sort((a, b) => a.loginId.localeCompare(b.loginId))).toEqual([
      { loginId: 'dr01', scope: 'terminal', jobType: '医師' },
      { loginId: 'jm01', scope: 'terminal', jobType: '' },
      { loginId: 'ns01', scope: 'terminal', jobType: '看護師' },
    ]);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.update'));
    expect(events.filter((e) => (e.changes as Record<string, { after: unknown }>).bySystem?.after === 'Windowsドメイン')).toHaveLength(2);
    expect(
      (await call(t.app, tenant.viewer, 'POST', api(`/facilities/${tenant.facilityId}/account-systems/scope`), { system: 'Windowsドメイン', scope: 'server' }))
        .statusCode,
    ).toBe(403);

    // 氏名 was read into 性 and 名, 職種 kept: the export writes them back in their own columns (issue 13).
    const csv = (await call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/ledgers/accounts/export?format=csv`))).body;
    const [heading, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(heading).toContain('職種');
    expect(heading).not.toContain('氏名');
    expect(lines.find((l) => l.startsWith('dr01'))).toContain('医師');
    expect(lines.find((l) => l.startsWith('dr01'))).toContain('山田,太郎');
  });

  it('no server accounts recorded: no suggestion, the reason says what to record; accepting it is refused', async () => {
    await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/assets`), { managementNumber: 'SV-01', kind: 'server' }));
    const view = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/findings?fiscalYear=${fiscalYear}`)));
    const server = view.findings.find((f: { topic: string; scope: string }) => f.topic === 'access-rights' && f.scope === 'server');
    expect(server).toMatchObject({ suggestion: 'undetermined', reasons: [{ code: 'no-accounts-in-scope', params: { scope: 'server' } }] });
    const own = (await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/assessments`)))).find(
      (a: { form: string }) => a.form !== 'vendor',
    );
    const accepted = await call(t.app, tenant.manager, 'POST', api(`/assessments/${own.id}/accept-finding`), {
      itemId: server.itemIds[0],
      targetDate: null,
      expectedRounds: 0,
    });
    expect(accepted.statusCode).toBe(400);
  });

  it('a confirmed asset ledger without network devices suggests 該当なし for 接続元制限, and accepting writes it with the reason', async () => {
    await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/assets`), { managementNumber: 'PC-01', kind: 'terminal' }));
    await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/asset-reviews`), { note: 'すべての機器を確認' }));
    const view = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/findings?fiscalYear=${fiscalYear}`)));
    const source = view.findings.find((f: { topic: string; scope: string }) => f.topic === 'source-restriction' && f.scope === 'network');
    expect(source).toMatchObject({ suggestion: 'not_applicable', reasons: [{ code: 'no-assets-in-scope-confirmed', params: { scope: 'network' } }] });
    const own = (await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/assessments`)))).find(
      (a: { form: string }) => a.form !== 'vendor',
    );
    const itemId = source.itemIds[0];
    // The row was answered by hand above: withdraw that answer so the suggestion is taken afresh.
    expect((await call(t.app, tenant.manager, 'DELETE', api(`/assessments/${own.id}/items/${encodeURIComponent(itemId)}/rounds/1`))).statusCode).toBe(200);
    const before = await json(call(t.app, tenant.manager, 'GET', api(`/assessments/${own.id}`)));
    const detail = await json(
      call(t.app, tenant.manager, 'POST', api(`/assessments/${own.id}/accept-finding`), {
        itemId,
        targetDate: null,
        expectedRounds: before.answers[itemId]?.length ?? 0,
      }),
    );
    const latest = detail.answers[itemId].at(-1);
    expect(latest).toMatchObject({ value: 'not_applicable', date: today });
    expect(latest.note).toContain('該当なし');
    expect(detail.evaluation.inspection.problems.filter((p: { item: string }) => p.item === itemId)).toEqual([]);
  });
});

describe('2023 3(3): 「令和6年度中に策定予定」 counts as はい', () => {
  it('a planned BCP makes the 2023 item はい and stays いいえ on later editions', async () => {
    const bcp = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/bcp`)));
    await json(
      call(t.app, tenant.manager, 'PUT', api(`/facilities/${tenant.facilityId}/bcp`), {
        version: bcp.version,
        essentials: bcp.essentials,
        plannedOn: '2025-01-31',
      }),
    );
    const fy2023 = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/findings?fiscalYear=2023`)));
    expect(fy2023.findings.find((f: { topic: string }) => f.topic === 'bcp')).toMatchObject({
      suggestion: 'yes',
      itemIds: ['3(3)'],
      reasons: [{ code: 'bcp-plan-counts' }],
    });
    const fy2024 = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/findings?fiscalYear=2024`)));
    expect(fy2024.findings.find((f: { topic: string }) => f.topic === 'bcp')).toMatchObject({ suggestion: 'no', reasons: [{ code: 'bcp-planned' }] });
  });
});

describe('migration 0005: stored 2025 answers follow the renumbered ids', () => {
  it('moves rounds, evidence, exclusions and comments, swapping ids without collisions', async () => {
    const db = t.database.db;
    const [own] = await db
      .insert(assessments)
      .values({ organizationId: tenant.organizationId, facilityId: tenant.facilityId, fiscalYear: 2025, edition: '2025', form: 'institution' })
      .returning();
    const [vendorForm] = await db
      .insert(assessments)
      .values({
        organizationId: tenant.organizationId,
        facilityId: tenant.facilityId,
        fiscalYear: 2025,
        edition: '2025',
        form: 'vendor',
        vendorName: 'Z社',
        excludedItems: ['2(8)@network', '2(7)'],
      })
      .returning();
    const [older] = await db
      .insert(assessments)
      .values({ organizationId: tenant.organizationId, facilityId: tenant.facilityId, fiscalYear: 2024, edition: '2024', form: 'institution' })
      .returning();
    const round = (assessmentId: string, itemId: string, value: string) => ({ assessmentId, itemId, round: 1, value, date: '2025-06-01' });
    // Old reading: 2(7) patches, 2(10) password, 2(6)@server access logs, 1(2) operating rules.
    await db
      .insert(answerRounds)
      .values([
        round(own!.id, '2(7)', 'no'),
        round(own!.id, '2(10)', 'yes'),
        round(own!.id, '2(6)@server', 'yes'),
        round(own!.id, '1(2)', 'yes'),
        round(older!.id, '2(7)@server', 'yes'),
      ]);

    const sqlText = fs.readFileSync(new URL('../src/db/migrations/0005_fidelity.sql', import.meta.url), 'utf8');
    const statements = sqlText
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => !s.startsWith('ALTER TABLE'));
    await db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });

    const rows = await db
      .select({ itemId: answerRounds.itemId, value: answerRounds.value, assessmentId: answerRounds.assessmentId })
      .from(answerRounds)
      .where(and(eq(answerRounds.date, '2025-06-01')));
    const of = (id: string) =>
      rows
        .filter((r) => r.assessmentId === id)
        .map((r) => `${r.itemId}=${r.value}`)
        .sort();
    expect(of(own!.id)).toEqual(['2(11)@server=yes', '2(6)=no', '2(7)=yes', '3(4)=yes']);
    expect(of(older!.id)).toEqual(['2(7)@server=yes']);
    const [moved] = await db.select({ excludedItems: assessments.excludedItems }).from(assessments).where(eq(assessments.id, vendorForm!.id));
    expect(moved!.excludedItems).toEqual(['2(13)@network', '2(6)']);
  });
});
