import { fiscalYearOf, ministryContact, todayInTokyo } from '@mamori/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, json, multipartFile, setupAdmin, startTestApp, tinyPdf, upload, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;
const today = todayInTokyo();
const fiscalYear = fiscalYearOf(today);
const monthsAgo = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'R');
});
afterAll(() => t.close());

const url = (path: string) => `/api/v1/facilities/${tenant.facilityId}${path}`;
const finding = async (topic: string) => {
  const view = await json(call(t.app, tenant.manager, 'GET', url(`/findings?fiscalYear=${fiscalYear}`)));
  return view.findings.find((f: { topic: string }) => f.topic === topic);
};

const entries = [
  { key: 'director', kind: 'director', name: '院長 山田太郎', phone: '090-0000-0001' },
  { key: 'it', kind: 'it', name: 'IT担当 佐藤', phone: '内線 200' },
  { key: 'vendor', kind: 'vendor', name: '電子カルテ事業者', organization: 'カルテ株式会社', phone: '0120-000-000', hours: '24時間' },
  { key: 'police', kind: 'police', name: '県警 サイバー犯罪相談窓口', phone: '03-0000-0000' },
];
const edges = [
  { from: 'it', to: 'director', order: 1 },
  { from: 'it', to: 'vendor', order: 2 },
  { from: 'director', to: 'police', order: 1 },
];

describe('contact chart (3(1))', () => {
  it('suggests いいえ with no chart, then names what is missing', async () => {
    expect(await finding('contact-chart')).toMatchObject({ suggestion: 'no', reasons: [expect.objectContaining({ code: 'contact-chart-missing' })] });
    const first = await json(call(t.app, tenant.manager, 'PUT', url('/contact-chart'), { entries, edges, baseVersion: null }));
    expect(first).toMatchObject({ chartVersion: 1, savedBy: 'manager-R' });
    const lacking = await finding('contact-chart');
    expect(lacking.suggestion).toBe('no');
    expect(lacking.reasons[0].code).toBe('contact-chart-lacks');
    expect(String(lacking.reasons[0].params.missing)).toContain('厚生労働省');
  });

  it('versions every save, refuses a stale one, and keeps the old version readable', async () => {
    const withMinistry = [...entries, { key: 'mhlw', ...ministryContact, kind: 'ministry' }];
    const second = await json(
      call(t.app, tenant.manager, 'PUT', url('/contact-chart'), {
        entries: withMinistry,
        edges: [...edges, { from: 'director', to: 'mhlw', order: 2 }],
        baseVersion: 1,
      }),
    );
    expect(second.chartVersion).toBe(2);
    expect((await call(t.app, tenant.manager, 'PUT', url('/contact-chart'), { entries, edges, baseVersion: 1 })).statusCode).toBe(409);
    expect((await call(t.app, tenant.viewer, 'PUT', url('/contact-chart'), { entries, edges, baseVersion: 2 })).statusCode).toBe(403);
    const versions = await json(call(t.app, tenant.manager, 'GET', url('/contact-chart/versions')));
    expect(versions.map((v: { chartVersion: number }) => v.chartVersion)).toEqual([2, 1]);
    expect((await json(call(t.app, tenant.viewer, 'GET', url('/contact-chart/versions/1')))).entries).toHaveLength(4);
    expect(await finding('contact-chart')).toMatchObject({ suggestion: 'yes' });
  });

  it('names the broken entry of an invalid chart and saves nothing', async () => {
    const bad = await call(t.app, tenant.manager, 'PUT', url('/contact-chart'), {
      entries: [...entries, entries[0]],
      edges: [{ from: 'it', to: 'nobody', order: 1 }],
      baseVersion: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/院長 山田太郎/);
    expect((await json(call(t.app, tenant.manager, 'GET', url('/contact-chart')))).chartVersion).toBe(2);
  });

  it('prints the chart as an A4 PDF', async () => {
    const pdf = await call(t.app, tenant.viewer, 'GET', url('/contact-chart/export.pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('makes the inspection readiness see the chart without an attached scan', async () => {
    const assessment = await json(call(t.app, tenant.manager, 'POST', url('/assessments'), { fiscalYear, hasVendorContract: false }));
    const detail = await json(call(t.app, tenant.manager, 'GET', `/api/v1/assessments/${assessment.id}`));
    expect(detail.evaluation.inspection.problems.map((p: { code: string }) => p.code)).not.toContain('contact-chart-missing');

    // Accepting the 3(1) suggestion attaches the chart itself as printed (the inspector looks at it), not a list (issue 13).
    const accepted = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/assessments/${assessment.id}/accept-finding`, { itemId: '3(1)', targetDate: null, expectedRounds: 0 }),
    );
    const evidence = accepted.evidence.filter((e: { itemId: string }) => e.itemId === '3(1)');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ contentType: 'application/pdf', fileName: `連絡体制図_第2版_${today}.pdf` });
    const file = await call(t.app, tenant.manager, 'GET', `/api/v1/assessments/${assessment.id}/evidence/${evidence[0].id}`);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('backups and restore tests (3(2))', () => {
  it('suggests いいえ for too few generations, no offline copy or no restore test, and はい when all are in place', async () => {
    expect((await finding('backup-restore')).reasons[0].code).toBe('backups-none');
    const plan = await json(
      call(t.app, tenant.manager, 'POST', url('/backup-plans'), {
        system: '電子カルテ',
        data: 'カルテDB',
        method: 'nas',
        frequency: '毎日',
        generations: 2,
        location: 'サーバ室',
      }),
    );
    const codes = (await finding('backup-restore')).reasons.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['backups-few-generations', 'backups-no-offline', 'restore-test-missing']));

    const updated = await json(
      call(t.app, tenant.manager, 'PATCH', `/api/v1/backup-plans/${plan.id}`, { version: plan.version, generations: 7, offline: true }),
    );
    expect((await call(t.app, tenant.manager, 'PATCH', `/api/v1/backup-plans/${plan.id}`, { version: plan.version, generations: 1 })).statusCode).toBe(409);
    await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/backup-plans/${plan.id}/restore-tests`, {
        testedOn: monthsAgo(13),
        result: 'success',
        minutesToRestore: 90,
        testedBy: '佐藤',
      }),
    );
    expect((await finding('backup-restore')).reasons.map((r: { code: string }) => r.code)).toEqual(['restore-test-missing']);
    const tested = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/backup-plans/${plan.id}/restore-tests`, {
        testedOn: monthsAgo(1),
        result: 'success',
        minutesToRestore: 45,
        testedBy: '佐藤',
      }),
    );
    expect(tested.restoreTests.map((r: { testedOn: string }) => r.testedOn)).toEqual([monthsAgo(1), monthsAgo(13)]);
    expect(tested.version).toBe(updated.version);
    expect(await finding('backup-restore')).toMatchObject({ suggestion: 'yes' });
  });
});

describe('BCP (3(3))', () => {
  it('keeps essentials with versions, documents as versions, reviews; suggests はい only when reviewed', async () => {
    expect((await finding('bcp')).reasons[0].code).toBe('bcp-missing');
    const saved = await json(
      call(t.app, tenant.manager, 'PUT', url('/bcp'), {
        version: null,
        essentials: { decisionMaker: '院長', networkStopCriteria: '画面に身代金の要求が出たら、LANケーブルを抜く' },
      }),
    );
    expect(saved).toMatchObject({ version: 1, essentials: { decisionMaker: '院長' } });
    expect((await call(t.app, tenant.manager, 'PUT', url('/bcp'), { version: null, essentials: {} })).statusCode).toBe(409);
    expect((await finding('bcp')).reasons[0].code).toBe('bcp-not-reviewed');

    const first = await json(upload(t.app, tenant.manager, url('/bcp/documents'), multipartFile('BCP.pdf', 'application/pdf', tinyPdf)));
    const second = await json(upload(t.app, tenant.manager, url('/bcp/documents'), multipartFile('BCP改訂.pdf', 'application/pdf', tinyPdf)));
    expect(second.documents.map((d: { documentVersion: number }) => d.documentVersion)).toEqual([2, 1]);
    expect(first.documents).toHaveLength(1);
    const file = await call(t.app, tenant.viewer, 'GET', `/api/v1/bcp-documents/${second.documents[0].id}`);
    expect(file.rawPayload.equals(tinyPdf)).toBe(true);

    await json(
      call(t.app, tenant.manager, 'POST', url('/bcp/records'), { kind: 'drill', heldOn: monthsAgo(2), participants: '全職員', notes: '紙カルテへの切替訓練' }),
    );
    expect(await finding('bcp')).toMatchObject({ suggestion: 'yes' });
  });

  it('exports the starter template filled with the facility’s own text, as Word and PDF', async () => {
    const docx = await call(t.app, tenant.viewer, 'GET', url('/bcp/template.docx'));
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await call(t.app, tenant.viewer, 'GET', url('/bcp/template.pdf'));
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('incident record', () => {
  it('starts from the chart in calling order and keeps a timeline of calls and actions', async () => {
    const incident = await json(call(t.app, tenant.manager, 'POST', url('/incidents'), { title: '受付PCに身代金要求の画面' }));
    expect(incident.chartVersion).toBe(2);
    expect(incident.steps.map((s: { key: string }) => s.key)).toEqual(['it', 'director', 'vendor', 'police', 'mhlw']);
    expect(incident.steps[1]).toMatchObject({ calledBy: 'IT担当 佐藤', contactedAt: null });
    const called = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'contact', contactKey: 'director', text: '院長に報告' }),
    );
    expect(called.steps[1].contactedAt).not.toBeNull();
    const acted = await json(call(t.app, tenant.manager, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'action', text: 'LANケーブルを抜いた' }));
    expect(acted.events.map((e: { kind: string }) => e.kind)).toEqual(['contact', 'action']);
    expect((await call(t.app, tenant.manager, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'contact', contactKey: 'nobody' })).statusCode).toBe(
      400,
    );
    expect((await call(t.app, tenant.viewer, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'note', text: 'x' })).statusCode).toBe(403);
    const closed = await json(call(t.app, tenant.manager, 'PATCH', `/api/v1/incidents/${incident.id}`, { version: acted.version, status: 'closed' }));
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await json(call(t.app, tenant.viewer, 'GET', url('/incidents')))).map((i: { title: string }) => i.title)).toEqual(['受付PCに身代金要求の画面']);
  });
});
