import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { remindVendors } from '../src/vendors/reminders.js';
import { asBrowser, call, json, multipartFile, setupAdmin, startTestApp, tinyPdf, upload, type Browser, type TestApp } from './helpers/app.js';
import { startSmtpCapture, type SmtpCapture } from './helpers/smtp.js';
import { createTenant, type Tenant } from './helpers/world.js';

let t: TestApp;
let smtp: SmtpCapture;
let sysadmin: Browser;
let tenant: Tenant;
const today = todayInTokyo();
const fiscalYear = fiscalYearOf(today);
const catalog = loadCatalog();
const edition = catalog.editionForFiscalYear(fiscalYear)!;
const vendorItems = catalog.form(edition, 'vendor')!.items;
const networkItem = vendorItems.find((i) => i.id.endsWith('@network'))!.id;
const api = (path: string) => `/api/v1${path}`;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApp({ MAMORI_SMTP_URL: smtp.url, MAMORI_PUBLIC_URL: 'https://mamori.example.jp' });
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'V');
  await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/assessments`), { fiscalYear, hasVendorContract: true }));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const contractInput = (title: string, contactEmail: string, extra: object = {}) => ({
  vendorName: 'カルテ株式会社',
  title,
  systems: ['電子カルテ', 'レセコン'],
  maintenanceContract: true,
  remoteMaintenance: true,
  contactName: '鈴木',
  contactEmail,
  ...extra,
});

const read = new Set<object>();
/** Sends the queued mail and returns the next unread one to this address whose subject matches. */
async function mailTo(to: string, subject: RegExp) {
  await t.jobs.drain();
  const mail = await smtp.waitFor((m) => !read.has(m) && m.to === to && subject.test(m.subject), 5000);
  read.add(mail);
  return mail;
}
const tokenIn = (text: string) => /\/vendor-invite\/([\w-]+)/.exec(text)![1]!;

async function ownEvaluation() {
  const list = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/assessments`)));
  const own = list.find((a: { form: string; fiscalYear: number }) => a.form !== 'vendor' && a.fiscalYear === fiscalYear);
  return (await json(call(t.app, tenant.manager, 'GET', api(`/assessments/${own.id}`)))).evaluation;
}

describe('the vendor journey: request, sign up, answer, submit, query, revise, accept', () => {
  let contract: { id: string; vendor: { id: string } };
  let formId: string;
  let vendor: Browser;
  let token: string;

  it('registers a contract; a viewer may read it but not change it', async () => {
    contract = await json(
      call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), contractInput('電子カルテ保守', 'support@karte.example.jp')),
    );
    expect(contract).toMatchObject({ title: '電子カルテ保守', vendor: { name: 'カルテ株式会社' }, systems: ['電子カルテ', 'レセコン'], forms: [] });
    expect((await call(t.app, tenant.viewer, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), contractInput('x', ''))).statusCode).toBe(403);
    expect((await call(t.app, tenant.viewer, 'GET', api(`/contracts/${contract.id}`))).statusCode).toBe(200);
    // The inspector asks for a vendor form per contract: until one is requested and returned, it is missing.
    expect((await ownEvaluation()).inspection.problems).toContainEqual({
      form: 'vendor:カルテ株式会社（電子カルテ保守）',
      item: null,
      code: 'vendor-form-missing',
      severity: 'blocking',
    });
  });

  it('a department system maintained under the EHR vendor as prime contractor', async () => {
    const sub = await json(
      call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), {
        ...contractInput('検査部門システム', 'lab@lab.example.jp'),
        vendorName: 'ラボシステム株式会社',
        systems: ['検査システム'],
        primeContractId: contract.id,
      }),
    );
    expect(sub.primeContract).toMatchObject({ id: contract.id, vendorName: 'カルテ株式会社' });
    const prime = await json(call(t.app, tenant.manager, 'GET', api(`/contracts/${contract.id}`)));
    expect(prime.subcontracts).toEqual([{ id: sub.id, title: '検査部門システム', vendorName: 'ラボシステム株式会社' }]);
    const loop = await call(t.app, tenant.manager, 'PATCH', api(`/contracts/${contract.id}`), {
      ...contractInput('電子カルテ保守', 'support@karte.example.jp', { primeContractId: sub.id }),
      vendorName: undefined,
      version: prime.version,
    });
    expect(loop.statusCode).toBe(400);
  });

  it('requests this year’s form and e-mails a single-use link', async () => {
    const form = await json(
      call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear, excludedItems: [networkItem], reminderDays: 14 }),
    );
    formId = form.id;
    expect(form).toMatchObject({
      status: 'requested',
      invitedEmail: 'support@karte.example.jp',
      excludedItems: [networkItem],
      reminderCount: 0,
      mailSent: true,
      invitationUrl: null,
    });
    const mail = await mailTo('support@karte.example.jp', /事業者確認用チェックリスト/);
    expect(mail.subject).toContain('Vクリニック');
    expect(mail.text).toContain('https://mamori.example.jp/vendor-invite/');
    token = tokenIn(mail.text);
    const again = await call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear });
    expect(again.statusCode).toBe(409);
  });

  it('the vendor signs up through the link, which then stops working', async () => {
    const preview = await json(t.app.inject({ method: 'GET', url: api(`/vendor-invitations/${token}`) }));
    expect(preview).toMatchObject({
      email: 'support@karte.example.jp',
      facilityName: 'Vクリニック',
      vendorName: 'カルテ株式会社',
      contractTitle: '電子カルテ保守',
      existingUser: false,
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: api(`/vendor-invitations/${token}/accept`),
      payload: { name: 'カルテ 鈴木', password: 'vendor-password-123' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().memberships).toMatchObject({ vendors: [{ id: contract.vendor.id, name: 'カルテ株式会社' }], facilities: [] });
    vendor = asBrowser(accepted);
    const reused = await t.app.inject({
      method: 'POST',
      url: api(`/vendor-invitations/${token}/accept`),
      payload: { name: 'x', password: 'another-password-1' },
    });
    expect(reused.statusCode).toBe(404);
    expect(reused.json().error.code).toBe('invitation_invalid');
    expect((await t.app.inject({ method: 'GET', url: api(`/vendor-invitations/${token}`) })).statusCode).toBe(404);
  });

  it('the vendor sees its contract and nothing else of the facility', async () => {
    const mine = await json(call(t.app, vendor, 'GET', api('/vendor-portal/contracts')));
    expect(mine.map((c: { id: string }) => c.id)).toEqual([contract.id]);
    for (const path of [
      `/facilities/${tenant.facilityId}`,
      `/facilities/${tenant.facilityId}/contracts`,
      `/facilities/${tenant.facilityId}/assets`,
      `/facilities/${tenant.facilityId}/findings`,
      `/facilities/${tenant.facilityId}/assessments`,
    ]) {
      expect((await call(t.app, vendor, 'GET', api(path))).statusCode, path).toBe(404);
    }
    const detail = await json(call(t.app, vendor, 'GET', api(`/vendor-forms/${formId}`)));
    expect(detail).toMatchObject({ viewerSide: 'vendor', contract: { facilityName: 'Vクリニック' }, form: { status: 'requested' } });
    expect(Object.keys(detail)).not.toContain('institution');
  });

  it('refuses an incomplete submission, naming the items', async () => {
    const detail = await json(call(t.app, vendor, 'GET', api(`/vendor-forms/${formId}`)));
    const refused = await call(t.app, vendor, 'POST', api(`/vendor-forms/${formId}/submit`), { version: detail.form.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('vendor_form_incomplete');
  });

  it('the vendor answers with dates and rationales; the facility cannot write them', async () => {
    const detail = await json(call(t.app, vendor, 'GET', api(`/vendor-forms/${formId}`)));
    const required = detail.evaluation.items.filter((i: { requirement: string }) => i.requirement === 'required');
    expect(required.map((i: { id: string }) => i.id)).not.toContain(networkItem);
    for (const item of required) {
      await json(
        call(t.app, vendor, 'PUT', api(`/vendor-forms/${formId}/items/${encodeURIComponent(item.id)}/rounds/1`), {
          value: 'yes',
          date: today,
          note: '保守手順書 第3章で実施',
        }),
      );
    }
    const facilityWrite = await call(t.app, tenant.manager, 'PUT', api(`/vendor-forms/${formId}/items/${encodeURIComponent(required[0].id)}/rounds/1`), {
      value: 'no',
      date: today,
    });
    expect(facilityWrite.statusCode).toBe(403);
    const after = await json(call(t.app, vendor, 'GET', api(`/vendor-forms/${formId}`)));
    expect(after.form.status).toBe('in-progress');
    expect(after.evaluation.complete).toBe(true);
    expect(after.answers[required[0].id][0]).toMatchObject({ note: '保守手順書 第3章で実施', answeredBy: 'カルテ 鈴木' });
    const evaluation = await ownEvaluation();
    expect(evaluation.inspection.problems).toContainEqual({
      form: 'vendor:カルテ株式会社（電子カルテ保守）',
      item: null,
      code: 'vendor-form-missing',
      severity: 'blocking',
    });
  });

  it('submits; the facility queries an item; the vendor replies, revises and resubmits; the facility accepts', async () => {
    let detail = await json(call(t.app, vendor, 'GET', api(`/vendor-forms/${formId}`)));
    detail = await json(call(t.app, vendor, 'POST', api(`/vendor-forms/${formId}/submit`), { version: detail.form.version }));
    expect(detail.form.status).toBe('submitted');
    expect((await ownEvaluation()).inspection.problems).toContainEqual(expect.objectContaining({ code: 'vendor-form-unreviewed' }));
    const locked = await call(t.app, vendor, 'PUT', api(`/vendor-forms/${formId}/items/1(1)/rounds/1`), {
      value: 'yes',
      date: today,
      version: detail.answers['1(1)'][0].version,
    });
    expect(locked.statusCode).toBe(409);

    const itemId = detail.evaluation.items[0].id;
    const queried = await json(
      call(t.app, tenant.manager, 'POST', api(`/vendor-forms/${formId}/comments`), { itemId, body: '根拠の手順書の版数を教えてください' }),
    );
    expect(queried.form).toMatchObject({ status: 'queried', openQueries: 1 });
    expect(queried.viewerSide).toBe('facility');
    const questionMail = await mailTo('support@karte.example.jp', /ご質問/);
    expect(questionMail.text).toContain('根拠の手順書の版数を教えてください');

    const round = queried.answers[itemId][0];
    await json(
      call(t.app, vendor, 'PUT', api(`/vendor-forms/${formId}/items/${encodeURIComponent(itemId)}/rounds/1`), {
        value: 'yes',
        date: today,
        note: '保守手順書 第3版 第3章',
        version: round.version,
      }),
    );
    const replied = await json(call(t.app, vendor, 'POST', api(`/vendor-forms/${formId}/comments`), { itemId, body: '第3版です。根拠欄を更新しました' }));
    expect(replied.form.openQueries).toBe(0);
    expect(replied.comments.map((c: { side: string; itemId: string }) => [c.side, c.itemId])).toEqual([
      ['facility', itemId],
      ['vendor', itemId],
    ]);
    const resubmitted = await json(call(t.app, vendor, 'POST', api(`/vendor-forms/${formId}/submit`), { version: replied.form.version }));
    expect(resubmitted.form.status).toBe('submitted');
    expect((await call(t.app, vendor, 'POST', api(`/vendor-forms/${formId}/accept`), { version: resubmitted.form.version })).statusCode).toBe(403);
    const stale = await call(t.app, tenant.manager, 'POST', api(`/vendor-forms/${formId}/accept`), { version: resubmitted.form.version - 1 });
    expect(stale.statusCode).toBe(409);
    const accepted = await json(call(t.app, tenant.manager, 'POST', api(`/vendor-forms/${formId}/accept`), { version: resubmitted.form.version }));
    expect(accepted.form.status).toBe('accepted');
    // Accepted, the form counts; only the item its contract leaves out must still be covered elsewhere (inspection guide ②).
    const problems = (await ownEvaluation()).inspection.problems.filter((p: { form: string }) => p.form.startsWith('vendor:カルテ'));
    expect(problems).toEqual([{ form: 'vendor:カルテ株式会社（電子カルテ保守）', item: networkItem, code: 'not-covered', severity: 'blocking' }]);
  });

  it('every step is in the audit trail', async () => {
    const page = await json(call(t.app, tenant.manager, 'GET', api(`/audit-events?facilityId=${tenant.facilityId}&limit=200`)));
    const actions = new Set(page.items.map((e: { action: string }) => e.action));
    for (const action of [
      'contract.create',
      'vendorForm.request',
      'vendorInvitation.create',
      'vendorInvitation.accept',
      'vendorMember.grant',
      'answer.create',
      'vendorForm.submit',
      'vendorForm.comment',
      'vendorForm.query',
      'vendorForm.accept',
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it('an answer set answers many contracts at once, dated and attributed to whoever applied it', async () => {
    const second = await json(
      call(
        t.app,
        tenant.manager,
        'POST',
        api(`/facilities/${tenant.facilityId}/contracts`),
        contractInput('レセコン保守', 'support@karte.example.jp', { systems: ['レセコン'] }),
      ),
    );
    const form = await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${second.id}/vendor-forms`), { fiscalYear }));
    // The signed-in vendor opens the second link: the facility's new vendor entry joins its existing company.
    const secondToken = tokenIn((await mailTo('support@karte.example.jp', /事業者確認用チェックリストのご記入/)).text);
    await json(call(t.app, vendor, 'POST', api(`/vendor-invitations/${secondToken}/accept`), {}));
    const mine = await json(call(t.app, vendor, 'GET', api('/vendor-portal/contracts')));
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((c: { vendor: { id: string } }) => c.vendor.id)).size).toBe(1);

    const answers = Object.fromEntries(
      vendorItems.filter((i) => i.requirement === 'required').map((i) => [i.id, { value: 'yes', note: 'レセコン製品の標準設定で対応' }]),
    );
    const set = await json(call(t.app, vendor, 'POST', api(`/vendors/${contract.vendor.id}/answer-sets`), { product: 'レセコンX', edition, answers }));
    const result = await json(
      call(t.app, vendor, 'POST', api(`/answer-sets/${set.id}/apply`), { formIds: [form.id, formId, '00000000-0000-4000-8000-000000000000'], date: today }),
    );
    expect(result.applied).toEqual([{ formId: form.id, answers: Object.keys(answers).length }]);
    expect(result.skipped.map((s: { formId: string }) => s.formId)).toEqual([formId, '00000000-0000-4000-8000-000000000000']);
    const applied = await json(call(t.app, vendor, 'GET', api(`/vendor-forms/${form.id}`)));
    const first = applied.answers[Object.keys(answers)[0]!][0];
    expect(first).toMatchObject({ value: 'yes', date: today, note: 'レセコン製品の標準設定で対応', answeredBy: 'カルテ 鈴木' });
    expect(applied.form.status).toBe('in-progress');
    expect(applied.evaluation.complete).toBe(true);
  });

  it('MDS/SDS: either side files a statement per contracted system', async () => {
    const file = multipartFile('SDS_電子カルテ.pdf', 'application/pdf', tinyPdf, { system: '電子カルテ', kind: 'SDS', jahisVersion: '5.0', receivedOn: today });
    const filed = await json(upload(t.app, vendor, api(`/contracts/${contract.id}/disclosures`), file));
    expect(filed).toMatchObject({ system: '電子カルテ', kind: 'SDS', uploadedSide: 'vendor', uploadedBy: 'カルテ 鈴木' });
    const wrongSystem = await upload(
      t.app,
      vendor,
      api(`/contracts/${contract.id}/disclosures`),
      multipartFile('x.pdf', 'application/pdf', tinyPdf, { system: 'PACS', kind: 'MDS', jahisVersion: '4.1', receivedOn: today }),
    );
    expect(wrongSystem.statusCode).toBe(400);
    const list = await json(call(t.app, tenant.viewer, 'GET', api(`/contracts/${contract.id}/disclosures`)));
    expect(list).toHaveLength(1);
    const download = await call(t.app, tenant.manager, 'GET', api(`/disclosures/${filed.id}/file`));
    expect(download.headers['content-type']).toBe('application/pdf');
    // 2(3): every contracted system needs a statement; the EHR has one now, the receipt computer not yet.
    const findings = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/findings?fiscalYear=${fiscalYear}`)));
    const mdsSds = findings.findings.find((f: { topic: string }) => f.topic === 'mds-sds');
    expect(mdsSds.suggestion).toBe('no');
    const labels = mdsSds.records.map((r: { label: string }) => r.label);
    expect(labels).toContain('カルテ株式会社 電子カルテ保守 — レセコン');
    expect(labels).not.toContain('カルテ株式会社 電子カルテ保守 — 電子カルテ');
  });

  it('role-sharing table: the vendor proposes, the facility confirms, both can print it', async () => {
    const empty = await json(call(t.app, vendor, 'GET', api(`/contracts/${contract.id}/role-sharing`)));
    expect(empty).toMatchObject({ status: 'draft', version: null });
    const rows = empty.rows.map((r: { area: string }) => ({
      ...r,
      responsible: r.area === 'asset-ledger' ? 'both' : 'facility',
      action: r.area === 'asset-ledger' ? '事業者が契約範囲の機器を台帳に記載し、医療機関が確認する' : '',
    }));
    const proposed = await json(call(t.app, vendor, 'PUT', api(`/contracts/${contract.id}/role-sharing`), { version: null, rows }));
    expect(proposed).toMatchObject({ status: 'proposed', proposed: { side: 'vendor', by: 'カルテ 鈴木' } });
    expect((await call(t.app, vendor, 'POST', api(`/contracts/${contract.id}/role-sharing/confirm`), { version: proposed.version })).statusCode).toBe(403);
    expect((await call(t.app, tenant.manager, 'PUT', api(`/contracts/${contract.id}/role-sharing`), { version: null, rows })).statusCode).toBe(409);
    const bad = await call(t.app, tenant.manager, 'PUT', api(`/contracts/${contract.id}/role-sharing`), {
      version: proposed.version,
      rows: [...rows, { area: 'nonsense', responsible: 'both' }],
    });
    expect(bad.statusCode).toBe(400);
    const confirmed = await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/role-sharing/confirm`), { version: proposed.version }));
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmed: { by: 'manager-V' } });
    const pdf = await call(t.app, vendor, 'GET', api(`/contracts/${contract.id}/role-sharing.pdf`));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const xlsx = await call(t.app, tenant.viewer, 'GET', api(`/contracts/${contract.id}/role-sharing.xlsx?locale=en`));
    expect(xlsx.statusCode).toBe(200);
  });

  it('another vendor and another facility see none of it', async () => {
    const other = await createTenant(t.app, sysadmin, 'W');
    await json(call(t.app, other.manager, 'POST', api(`/facilities/${other.facilityId}/assessments`), { fiscalYear, hasVendorContract: true }));
    const theirs = await json(
      call(
        t.app,
        other.manager,
        'POST',
        api(`/facilities/${other.facilityId}/contracts`),
        contractInput('ネットワーク保守', 'net@net.example.jp', { vendorName: 'ネット株式会社', systems: ['ネットワーク'] }),
      ),
    );
    await json(call(t.app, other.manager, 'POST', api(`/contracts/${theirs.id}/vendor-forms`), { fiscalYear }));
    const mail = await mailTo('net@net.example.jp', /ご記入/);
    const netVendor = asBrowser(
      await t.app.inject({
        method: 'POST',
        url: api(`/vendor-invitations/${tokenIn(mail.text)}/accept`),
        payload: { name: 'ネット 田中', password: 'vendor-password-456' },
      }),
    );
    for (const who of [netVendor, other.manager]) {
      for (const path of [
        `/contracts/${contract.id}`,
        `/vendor-forms/${formId}`,
        `/contracts/${contract.id}/disclosures`,
        `/contracts/${contract.id}/role-sharing`,
        `/vendors/${contract.vendor.id}/answer-sets`,
      ]) {
        expect((await call(t.app, who, 'GET', api(path))).statusCode, path).toBe(404);
      }
    }
    // A facility cannot reuse a vendor it has no contract with, so it cannot invite itself into one.
    const hijack = await call(t.app, other.manager, 'POST', api(`/facilities/${other.facilityId}/contracts`), {
      ...contractInput('x', 'me@w.example.jp'),
      vendorName: undefined,
      vendorId: contract.vendor.id,
    });
    expect(hijack.statusCode).toBe(400);
  });
});

describe('invitation links', () => {
  it('an expired link is refused like a used one', async () => {
    const contract = await json(
      call(
        t.app,
        tenant.manager,
        'POST',
        api(`/facilities/${tenant.facilityId}/contracts`),
        contractInput('PACS保守', 'pacs@pacs.example.jp', { vendorName: 'PACS株式会社', systems: ['PACS'] }),
      ),
    );
    await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear }));
    const token = tokenIn((await mailTo('pacs@pacs.example.jp', /ご記入/)).text);
    await t.database.db.execute(sql`UPDATE vendor_invitations SET expires_at = now() - interval '1 minute' WHERE email = 'pacs@pacs.example.jp'`);
    const expired = await t.app.inject({
      method: 'POST',
      url: api(`/vendor-invitations/${token}/accept`),
      payload: { name: 'PACS 担当', password: 'vendor-password-789' },
    });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.code).toBe('invitation_invalid');
  });

  it('a resent link replaces the old one', async () => {
    const contract = await json(
      call(
        t.app,
        tenant.manager,
        'POST',
        api(`/facilities/${tenant.facilityId}/contracts`),
        contractInput('NW保守', 'nw1@nw.example.jp', { vendorName: 'NW株式会社', systems: ['ネットワーク'] }),
      ),
    );
    const form = await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear }));
    const oldToken = tokenIn((await mailTo('nw1@nw.example.jp', /ご記入/)).text);
    await json(call(t.app, tenant.manager, 'POST', api(`/vendor-forms/${form.id}/invitation`), { email: 'nw2@nw.example.jp' }));
    const newToken = tokenIn((await mailTo('nw2@nw.example.jp', /ご記入/)).text);
    expect((await t.app.inject({ method: 'GET', url: api(`/vendor-invitations/${oldToken}`) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: api(`/vendor-invitations/${newToken}`) })).json().email).toBe('nw2@nw.example.jp');
  });
});

describe('reminders', () => {
  it('e-mails a vendor that has not answered after N days, once, even when two servers run the job together', async () => {
    const contract = await json(
      call(
        t.app,
        tenant.manager,
        'POST',
        api(`/facilities/${tenant.facilityId}/contracts`),
        contractInput('心電図システム保守', 'ecg@ecg.example.jp', { vendorName: 'ECG株式会社', systems: ['心電図'] }),
      ),
    );
    const form = await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear, reminderDays: 7 }));
    await mailTo('ecg@ecg.example.jp', /ご記入/);
    const deps = { database: t.database, config: t.config, jobs: t.jobs, secrets: t.secrets };
    expect(await remindVendors(deps)).toBe(0);
    await t.database.db.execute(sql`UPDATE assessments SET requested_at = now() - interval '8 days' WHERE id = ${form.id}`);
    const [a, b] = await Promise.all([remindVendors(deps), remindVendors(deps)]);
    expect(a + b).toBe(1);
    const reminder = await mailTo('ecg@ecg.example.jp', /再送/);
    expect(reminder.subject).toContain('未提出');
    expect(reminder.text).toContain('/vendor-invite/');
    const summary = (await json(call(t.app, tenant.manager, 'GET', api(`/contracts/${contract.id}`)))).forms[0];
    expect(summary).toMatchObject({ reminderCount: 1 });
    expect(summary.remindedAt).not.toBeNull();
    expect(await remindVendors(deps)).toBe(0);
  });
});
