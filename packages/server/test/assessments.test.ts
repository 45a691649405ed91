import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerRounds, auditEvents } from '../src/db/schema.js';
import { call, json, multipartFile, setupAdmin, startTestApp, tinyPdf, upload, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;
let assessmentId: string;

beforeAll(async () => {
  t = await startTestApp({ MAMORI_FILE_MAX_BYTES: '4096' });
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'C');
});
afterAll(() => t.close());

const answer = (who: Browser, itemId: string, round: number, body: Record<string, unknown>) =>
  call(t.app, who, 'PUT', `/api/v1/assessments/${assessmentId}/items/${encodeURIComponent(itemId)}/rounds/${round}`, body);

describe('assessments', () => {
  it('opens this fiscal year’s form in the edition in force, once', async () => {
    const created = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assessments`, { fiscalYear: 2023, hasVendorContract: false }),
    );
    expect(created).toMatchObject({
      fiscalYear: 2023,
      fiscalYearLabel: '令和5年度',
      edition: '2023',
      form: 'institution',
      hasVendorContract: false,
      version: 1,
    });
    assessmentId = created.id;
    const again = await call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assessments`, {
      fiscalYear: 2023,
      hasVendorContract: false,
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await call(t.app, tenant.viewer, 'POST', `/api/v1/facilities/${tenant.facilityId}/assessments`, { fiscalYear: 2024, hasVendorContract: false }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assessments`, { fiscalYear: 2022, hasVendorContract: false }))
        .statusCode,
    ).toBe(400);
  });

  it('answers in rounds and evaluates readiness live', async () => {
    const gate = await json(answer(tenant.manager, 'gate', 1, { value: 'yes', date: '2023-07-01' }));
    expect(gate.answers.gate[0]).toMatchObject({ round: 1, value: 'yes', date: '2023-07-01', answeredBy: 'manager-C', version: 1 });
    expect(gate.evaluation.inspection.ready).toBe(false);
    expect(gate.evaluation.inspection.problems).toContainEqual({ form: 'institution', item: '1(1)', code: 'unanswered', severity: 'blocking' });

    const first = await json(
      answer(tenant.viewer === tenant.manager ? tenant.manager : tenant.manager, '2(4)@server', 1, {
        value: 'no',
        date: '2023-07-01',
        targetDate: '2024-02-01',
        note: '権限表を作成中',
      }),
    );
    expect(first.evaluation.institution.items.find((i: { id: string }) => i.id === '2(4)@server')).toMatchObject({ latest: 'no', targetDate: '2024-02-01' });
    const second = await json(answer(tenant.manager, '2(4)@server', 2, { value: 'yes', date: '2024-01-20' }));
    expect(second.evaluation.institution.items.find((i: { id: string }) => i.id === '2(4)@server')).toMatchObject({ latest: 'yes', problems: [] });
  });

  it('refuses gaps, single-round overflow, unknown items and viewers; changes nothing', async () => {
    const before = (await t.database.db.select().from(answerRounds)).length;
    expect((await answer(tenant.manager, '2(1)', 2, { value: 'yes', date: '2023-07-01' })).json().error.message).toContain('1回目を先に記入してください');
    expect((await answer(tenant.manager, '3(1)', 2, { value: 'yes', date: '2023-07-01' })).json().error.message).toContain('1回目のみ');
    expect((await answer(tenant.manager, '2(99)', 1, { value: 'yes', date: '2023-07-01' })).statusCode).toBe(404);
    expect((await answer(tenant.viewer, '2(1)', 1, { value: 'yes', date: '2023-07-01' })).statusCode).toBe(403);
    const badDate = await answer(tenant.manager, '2(1)', 1, { value: 'yes', date: '2023-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].path).toBe('body.date');
    expect((await t.database.db.select().from(answerRounds)).length).toBe(before);
  });

  it('detects concurrent edits of the same round', async () => {
    await json(answer(tenant.manager, '2(1)', 1, { value: 'no', date: '2023-07-01', targetDate: '2023-12-01' }));
    const mine = await json(answer(tenant.manager, '2(1)', 1, { value: 'yes', date: '2023-07-02', version: 1 }));
    expect(mine.answers['2(1)'][0].version).toBe(2);
    const theirs = await answer(tenant.admin, '2(1)', 1, { value: 'no', date: '2023-07-03', version: 1 });
    expect(theirs.statusCode).toBe(409);
    const duplicateNew = await answer(tenant.admin, '2(1)', 1, { value: 'no', date: '2023-07-03' });
    expect(duplicateNew.statusCode).toBe(409);
    const current = await json(call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}`));
    expect(current.answers['2(1)'][0]).toMatchObject({ value: 'yes', date: '2023-07-02' });
  });

  it('two first saves of one round at once: one is saved, the other is told someone was first', async () => {
    const both = await Promise.all([
      answer(tenant.manager, '2(2)', 1, { value: 'yes', date: '2023-07-04' }),
      answer(tenant.admin, '2(2)', 1, { value: 'no', date: '2023-07-04', targetDate: '2023-12-01' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = both.find((r) => r.statusCode === 409)!;
    expect(lost.json().error.code).toBe('version_conflict');
    const current = await json(call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}`));
    expect(current.answers['2(2)']).toHaveLength(1);
  });

  it('attaches typed evidence; the contact chart counts for the inspection', async () => {
    const chart = await json(
      upload(t.app, tenant.manager, `/api/v1/assessments/${assessmentId}/items/3(1)/evidence`, multipartFile('連絡体制図.pdf', 'application/pdf', tinyPdf)),
    );
    expect(chart).toMatchObject({ itemId: '3(1)', fileName: '連絡体制図.pdf', contentType: 'application/pdf' });
    const detail = await json(call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}`));
    expect(detail.evaluation.inspection.problems.some((p: { code: string }) => p.code === 'contact-chart-missing')).toBe(false);
    const download = await call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}/evidence/${chart.id}`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(tinyPdf)).toBe(true);

    const disguised = await upload(
      t.app,
      tenant.manager,
      `/api/v1/assessments/${assessmentId}/items/3(1)/evidence`,
      multipartFile('chart.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 not a pdf')),
    );
    expect(disguised.statusCode).toBe(415);
    const tooBig = await upload(
      t.app,
      tenant.manager,
      `/api/v1/assessments/${assessmentId}/items/3(1)/evidence`,
      multipartFile('big.txt', 'text/plain', Buffer.alloc(5000, 'a')),
    );
    expect(tooBig.statusCode).toBe(413);
    expect((await json(call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}`))).evidence).toHaveLength(1);
  });

  it('withdraws only the latest round', async () => {
    expect((await call(t.app, tenant.manager, 'DELETE', `/api/v1/assessments/${assessmentId}/items/2(4)@server/rounds/1`)).statusCode).toBe(400);
    const after = await json(call(t.app, tenant.manager, 'DELETE', `/api/v1/assessments/${assessmentId}/items/2(4)@server/rounds/2`));
    expect(after.answers['2(4)@server']).toHaveLength(1);
  });

  it('starts the next fiscal year from last year’s answers as drafts without dates', async () => {
    const next = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assessments`, {
        fiscalYear: 2024,
        hasVendorContract: false,
        carryOver: true,
      }),
    );
    expect(next).toMatchObject({ edition: '2024', carriedOver: true });
    const detail = await json(call(t.app, tenant.manager, 'GET', `/api/v1/assessments/${next.id}`));
    expect(detail.answers.gate[0]).toMatchObject({ value: 'yes', date: null, draft: true });
    expect(detail.answers['2(1)'][0]).toMatchObject({ value: 'yes', draft: true });
    expect(detail.evaluation.inspection.problems).toContainEqual({ form: 'institution', item: 'gate', code: 'unanswered', severity: 'blocking' });
    const confirmed = await json(
      call(t.app, tenant.manager, 'PUT', `/api/v1/assessments/${next.id}/items/gate/rounds/1`, { value: 'yes', date: '2024-05-13', version: 1 }),
    );
    expect(confirmed.answers.gate[0]).toMatchObject({ draft: false, date: '2024-05-13' });
  });

  it('records every answer in the audit trail with before and after', async () => {
    const events = await t.database.db.select().from(auditEvents);
    const update = events.find((e) => e.action === 'answer.update');
    expect(update?.changes).toMatchObject({ item: { after: '2(1)#1' }, value: { before: 'no', after: 'yes' } });
    expect(update?.facilityId).toBe(tenant.facilityId);
  });
});

describe('vendor forms', () => {
  it('adds a vendor form to the year; its answers and exclusions count in the inspection', async () => {
    const own = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assessments`, { fiscalYear: 2025, hasVendorContract: true }),
    );
    const before = await json(call(t.app, tenant.manager, 'GET', `/api/v1/assessments/${own.id}`));
    expect(before.evaluation.inspection.problems).toContainEqual({ form: 'institution', item: null, code: 'vendor-form-missing', severity: 'blocking' });

    const bad = await call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${own.id}/vendor-forms`, { vendorName: 'A社', excludedItems: ['9(9)'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.excludedItems.0');
    const vendor = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${own.id}/vendor-forms`, { vendorName: 'A社', excludedItems: ['2(13)@network'] }),
    );
    expect(vendor).toMatchObject({ form: 'vendor', vendorName: 'A社', fiscalYear: 2025, excludedItems: ['2(13)@network'] });
    expect((await call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${own.id}/vendor-forms`, { vendorName: 'A社' })).statusCode).toBe(409);

    const answered = await json(
      call(t.app, tenant.manager, 'PUT', `/api/v1/assessments/${vendor.id}/items/1(1)/rounds/1`, { value: 'yes', date: '2025-06-01' }),
    );
    const vendorResult = answered.evaluation.vendors.find((v: { name: string }) => v.name === 'A社');
    expect(vendorResult.submitted).toBe(true);
    expect(vendorResult.items.find((i: { id: string }) => i.id === '1(1)').latest).toBe('yes');
    expect(answered.evaluation.inspection.problems).toContainEqual({ form: 'vendor:A社', item: '2(13)@network', code: 'not-covered', severity: 'blocking' });
    expect(
      (await call(t.app, tenant.manager, 'PUT', `/api/v1/assessments/${vendor.id}/items/2(1)/rounds/1`, { value: 'yes', date: '2025-06-01' })).statusCode,
    ).toBe(404);
  });
});

describe('official outputs', () => {
  it('downloads the form as PDF, Excel and CSV with a Japanese file name', async () => {
    const pdf = await call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('Cクリニック_令和5年度_医療機関確認用.pdf');
    const xlsx = await call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}/export.xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}/export.csv?locale=en`);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('2(4)@server');
    expect((await call(t.app, tenant.viewer, 'GET', `/api/v1/assessments/${assessmentId}/export.doc`)).statusCode).toBe(400);
  });
});
