import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteEntry } from '../src/app.js';
import { defaultAccessLogSettings } from '@mamori/domain';
import { auditEvents } from '../src/db/schema.js';
import {
  asBrowser,
  call,
  callWithToken,
  json,
  login,
  multipartFile,
  setupAdmin,
  startTestApp,
  tinyPdf,
  upload,
  type Browser,
  type TestApp,
} from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/**
 * Issue 16, 立入検査: a system administrator registers a health center's inspector, a facility's manager grants
 * them read-only access and revokes it. The inspector reads the checklists, findings, contact chart and vendor
 * forms of the granted facility, writes nothing anywhere (every mutating route of the registered table is
 * walked), and sees nothing of a facility that did not grant them, or after the grant is revoked.
 */
let t: TestApp;
let sysadmin: Browser;
let a: Tenant;
let b: Tenant;
let inspector: Browser;
let grantId: string;
const ids: Record<string, string> = {};
const INSPECTOR_EMAIL = 'kensa@hokenjo.example.jp';
const INSPECTOR_PASSWORD = 'inspector-password-1';

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  a = await createTenant(t.app, sysadmin, 'A');
  b = await createTenant(t.app, sysadmin, 'B');
  const created = await json(
    call(t.app, sysadmin, 'POST', '/api/v1/inspectors', { email: INSPECTOR_EMAIL, name: '検査 一郎', prefecture: '13', healthCenter: '新宿区保健所' }),
  );
  // The temporary password is changed at first sign-in, as for any account an administrator makes.
  const first = asBrowser(await login(t.app, INSPECTOR_EMAIL, created.temporaryPassword));
  await json(call(t.app, first, 'POST', '/api/v1/me/password', { currentPassword: created.temporaryPassword, newPassword: INSPECTOR_PASSWORD }));
  inspector = asBrowser(await login(t.app, INSPECTOR_EMAIL, INSPECTOR_PASSWORD));
  ids.inspectorUserId = created.id;

  const f = a.facilityId;
  const assessment = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${f}/assessments`, { fiscalYear: 2023, hasVendorContract: true }));
  await json(call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessment.id}/items/gate/rounds/1`, { value: 'yes', date: '2023-07-01' }));
  const evidence = await json(
    upload(t.app, a.manager, `/api/v1/assessments/${assessment.id}/items/3(1)/evidence`, multipartFile('A医院-図.pdf', 'application/pdf', tinyPdf)),
  );
  const asset = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${f}/assets`, { managementNumber: 'A-PC-001', computerName: 'A医院受付PC' }));
  const account = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${f}/accounts`, { loginId: 'a-doctor', familyName: 'A医院医師' }));
  await json(
    call(t.app, a.manager, 'PUT', `/api/v1/facilities/${f}/contact-chart`, {
      entries: [{ key: 'd', kind: 'director', name: 'A医院院長' }],
      edges: [],
      baseVersion: null,
    }),
  );
  const plan = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${f}/backup-plans`, { system: 'A医院カルテ', method: 'nas', generations: 3 }));
  const incident = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${f}/incidents`, { title: 'A医院の障害' }));
  const logSource = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${f}/log-sources`, { name: 'A医院カルテサーバ' }));
  const contract = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${f}/contracts`, {
      vendorName: 'A医院の事業者',
      title: 'A医院電子カルテ保守',
      systems: ['電子カルテ'],
      maintenanceContract: true,
      remoteMaintenance: true,
      contactEmail: 'vendor-a@example.jp',
    }),
  );
  const form = await json(call(t.app, a.manager, 'POST', `/api/v1/contracts/${contract.id}/vendor-forms`, { fiscalYear: 2023 }));
  const members = await json(call(t.app, a.admin, 'GET', `/api/v1/facilities/${f}/members`));
  Object.assign(ids, {
    facilityId: f,
    organizationId: a.organizationId,
    assessmentId: assessment.id,
    evidenceId: evidence.id,
    itemId: '1(1)',
    round: '1',
    assetId: asset.id,
    accountId: account.id,
    planId: plan.id,
    incidentId: incident.id,
    sourceId: logSource.source.id,
    logSourceId: logSource.source.id,
    contractId: contract.id,
    formId: form.id,
    vendorFormId: form.id,
    vendorId: contract.vendor.id,
    memberId: members[0].id,
    userId: a.viewer.userId,
  });
});
afterAll(async () => t?.close());

const get = (who: Browser, path: string) => call(t.app, who, 'GET', `/api/v1${path}`);

describe('inspector accounts', () => {
  it('only a system administrator registers an inspector, once per e-mail', async () => {
    const body = { email: 'other@hokenjo.example.jp', name: '検査 二郎', prefecture: '27', healthCenter: '大阪市保健所' };
    expect((await call(t.app, a.admin, 'POST', '/api/v1/inspectors', body)).statusCode).toBe(403);
    expect((await call(t.app, a.manager, 'POST', '/api/v1/inspectors', body)).statusCode).toBe(403);
    const created = await json(call(t.app, sysadmin, 'POST', '/api/v1/inspectors', body));
    expect(created).toMatchObject({ email: 'other@hokenjo.example.jp', prefecture: '27', healthCenter: '大阪市保健所' });
    expect(created.temporaryPassword).toEqual(expect.any(String));
    const taken = await call(t.app, sysadmin, 'POST', '/api/v1/inspectors', body);
    expect(taken.statusCode).toBe(409);
    // Said next to the e-mail field, in words a clerk understands.
    expect(taken.json().error.details).toMatchObject([{ path: 'body.email', code: 'email_taken', message: expect.stringContaining('すでに別のアカウント') }]);
    expect((await call(t.app, sysadmin, 'POST', '/api/v1/inspectors', { ...body, email: 'x@example.jp', prefecture: '48' })).statusCode).toBe(400);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(event).toMatchObject({ action: 'user.create' });
    expect(event!.changes).toMatchObject({ role: { after: 'inspector' }, prefecture: { after: '27' }, healthCenter: { after: '大阪市保健所' } });
  });
});

describe('inspection grants', () => {
  it('before a grant, the facility answers 404 to the inspector like any other tenant', async () => {
    expect((await get(inspector, `/facilities/${a.facilityId}`)).statusCode).toBe(404);
    expect((await get(inspector, `/assessments/${ids.assessmentId}`)).statusCode).toBe(404);
    expect(await json(get(inspector, '/facilities'))).toEqual([]);
  });

  it("only the facility's manager (or an administrator) grants; viewers and other tenants cannot", async () => {
    const body = { inspectorEmail: INSPECTOR_EMAIL };
    expect((await call(t.app, a.viewer, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, body)).statusCode).toBe(403);
    expect((await call(t.app, b.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, body)).statusCode).toBe(404);
    const unknown = await call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, { inspectorEmail: 'viewer-A@example.jp' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('inspector_unknown');
    const grant = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, body));
    expect(grant.inspector).toMatchObject({ email: INSPECTOR_EMAIL, name: '検査 一郎', prefecture: '13', healthCenter: '新宿区保健所' });
    grantId = grant.id;
    expect((await call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, body)).statusCode).toBe(409);
    const listed = await json(get(a.manager, `/facilities/${a.facilityId}/inspection-grants`));
    expect(listed.map((g: { id: string }) => g.id)).toEqual([grantId]);
    expect((await get(a.viewer, `/facilities/${a.facilityId}/inspection-grants`)).statusCode).toBe(403);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, grantId));
    expect(event).toMatchObject({ action: 'inspectionGrant.create', facilityId: a.facilityId, actorId: a.manager.userId });
  });

  it('the granted inspector reads the facility, its checklist (rounds, evidence), findings, contact chart and vendor forms', async () => {
    expect(await json(get(inspector, '/facilities'))).toMatchObject([{ id: a.facilityId }]);
    // The session names the granted facilities: the web app's inspector home and its read-only policy.
    expect((await json(get(inspector, '/auth/session'))).memberships.inspections).toEqual([
      { id: a.facilityId, name: 'Aクリニック', organizationId: a.organizationId },
    ]);
    expect((await json(get(inspector, `/facilities/${a.facilityId}`))).name).toBe('Aクリニック');
    expect((await get(inspector, `/facilities/${a.facilityId}/assessments`)).statusCode).toBe(200);
    const assessment = await json(get(inspector, `/assessments/${ids.assessmentId}`));
    expect(JSON.stringify(assessment)).toContain('2023-07-01');
    expect((await get(inspector, `/assessments/${ids.assessmentId}/evidence/${ids.evidenceId}`)).statusCode).toBe(200);
    expect((await get(inspector, `/facilities/${a.facilityId}/findings`)).statusCode).toBe(200);
    expect(JSON.stringify(await json(get(inspector, `/facilities/${a.facilityId}/contact-chart`)))).toContain('A医院院長');
    expect((await get(inspector, `/facilities/${a.facilityId}/contracts`)).statusCode).toBe(200);
    expect((await get(inspector, `/contracts/${ids.contractId}`)).statusCode).toBe(200);
    expect((await get(inspector, `/vendor-forms/${ids.formId}`)).statusCode).toBe(200);
    const report = await get(inspector, `/facilities/${a.facilityId}/assessments/${ids.assessmentId}/inspection-report.pdf`);
    expect([report.statusCode, report.headers['content-type']]).toEqual([200, 'application/pdf']);
  });

  it('nothing the grant does not cover: members, the audit trail, access logs, another facility', async () => {
    expect((await get(inspector, `/facilities/${a.facilityId}/members`)).statusCode).toBe(403);
    expect((await get(inspector, `/audit-events?facilityId=${a.facilityId}`)).statusCode).toBe(403);
    expect((await get(inspector, `/facilities/${a.facilityId}/log-sources`)).statusCode).toBe(403);
    expect((await get(inspector, `/facilities/${a.facilityId}/inspection-grants`)).statusCode).toBe(403);
    expect((await get(inspector, `/facilities/${b.facilityId}`)).statusCode).toBe(404);
  });

  it('the inspector records an inspection (立入検査) with its 指摘事項; the facility reads and answers them', async () => {
    const recorded = await json(
      call(t.app, inspector, 'POST', `/api/v1/facilities/${a.facilityId}/inspections`, {
        inspectedOn: '2025-10-01',
        notes: '医療法第25条第1項に基づく立入検査',
        findings: [
          { itemId: '1(1)', text: '安全管理責任者が規程に明記されていない', followUpRequested: true },
          { text: 'BCPの訓練記録がない', followUpRequested: false },
        ],
      }),
    );
    expect(recorded).toMatchObject({
      facilityId: a.facilityId,
      inspectedOn: '2025-10-01',
      inspector: { id: ids.inspectorUserId, name: '検査 一郎', healthCenter: '新宿区保健所' },
      findings: [
        { itemId: '1(1)', followUpRequested: true, answer: null, version: 1 },
        { itemId: null, followUpRequested: false, answer: null },
      ],
    });
    ids.findingId = recorded.findings[0].id;
    // Only an inspector records; the facility's own people read and answer.
    expect(
      (await call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspections`, { inspectedOn: '2025-10-01', findings: [] })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, inspector, 'POST', `/api/v1/facilities/${b.facilityId}/inspections`, { inspectedOn: '2025-10-01', findings: [] })).statusCode,
    ).toBe(404);
    expect((await json(get(a.viewer, `/facilities/${a.facilityId}/inspections`)))[0].findings).toHaveLength(2);
    expect((await json(get(inspector, `/facilities/${a.facilityId}/inspections`)))[0].id).toBe(recorded.id);
    const answer = { version: 1, answer: '規程を改訂し、院長を安全管理責任者と明記した（2025-11-01）' };
    expect((await call(t.app, a.viewer, 'PUT', `/api/v1/inspection-findings/${ids.findingId}/answer`, answer)).statusCode).toBe(403);
    expect((await call(t.app, inspector, 'PUT', `/api/v1/inspection-findings/${ids.findingId}/answer`, answer)).statusCode).toBe(403);
    expect((await call(t.app, b.manager, 'PUT', `/api/v1/inspection-findings/${ids.findingId}/answer`, answer)).statusCode).toBe(404);
    const answered = await json(call(t.app, a.manager, 'PUT', `/api/v1/inspection-findings/${ids.findingId}/answer`, answer));
    expect(answered).toMatchObject({ answer: answer.answer, version: 2, answeredAt: expect.any(String) });
    expect((await call(t.app, a.manager, 'PUT', `/api/v1/inspection-findings/${ids.findingId}/answer`, answer)).statusCode).toBe(409);
    expect((await json(get(inspector, `/facilities/${a.facilityId}/inspections`)))[0].findings[0].answer).toBe(answer.answer);
    const actions = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.facilityId, a.facilityId))).map((e) => e.action);
    expect(actions).toContain('inspection.record');
    expect(actions).toContain('inspectionFinding.answer');
  });

  it('the inspector gets 403 or 404 on every mutating route of the registered table', async () => {
    const results = await walkMutatingRoutes(inspector);
    const failures = results.filter((r) => (inspectorWrites.includes(r.route) ? r.status !== 200 : !allowed(r)));
    expect(failures, failures.map((r) => `${r.route} → ${r.status} ${r.body}`).join('\n')).toEqual([]);
    // Most answers are 403s on the granted facility's own records: the walk is not a string of trivial 404s.
    expect(results.filter((r) => r.status === 403).length).toBeGreaterThan(40);
    // And it wrote nothing but its own inspection records (the one in the test above, the one of the walk).
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorId, ids.inspectorUserId!));
    expect(events.map((e) => e.action).filter((action) => action !== 'user.login')).toEqual(['user.passwordChange', 'inspection.record', 'inspection.record']);
  });

  it('a revoked grant: 404 again, on the next request', async () => {
    expect((await call(t.app, a.viewer, 'DELETE', `/api/v1/facilities/${a.facilityId}/inspection-grants/${grantId}`)).statusCode).toBe(403);
    expect((await call(t.app, b.manager, 'DELETE', `/api/v1/facilities/${b.facilityId}/inspection-grants/${grantId}`)).statusCode).toBe(404);
    expect((await call(t.app, a.manager, 'DELETE', `/api/v1/facilities/${a.facilityId}/inspection-grants/${grantId}`)).statusCode).toBe(204);
    expect((await get(inspector, `/facilities/${a.facilityId}`)).statusCode).toBe(404);
    expect((await get(inspector, `/assessments/${ids.assessmentId}`)).statusCode).toBe(404);
    expect((await get(inspector, `/facilities/${a.facilityId}/contact-chart`)).statusCode).toBe(404);
    expect((await get(inspector, `/facilities/${a.facilityId}/assessments/${ids.assessmentId}/inspection-report.pdf`)).statusCode).toBe(404);
    expect(await json(get(inspector, '/facilities'))).toEqual([]);
    expect((await json(get(inspector, '/auth/session'))).memberships.inspections).toEqual([]);
    expect((await get(inspector, `/facilities/${a.facilityId}/inspections`)).statusCode).toBe(404);
    expect(
      (await call(t.app, inspector, 'POST', `/api/v1/facilities/${a.facilityId}/inspections`, { inspectedOn: '2025-10-02', findings: [] })).statusCode,
    ).toBe(404);
    // The records stay the facility's.
    expect(await json(get(a.manager, `/facilities/${a.facilityId}/inspections`))).toHaveLength(2);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'inspectionGrant.revoke'));
    expect(event).toMatchObject({ entityId: grantId, facilityId: a.facilityId });
  });
});

describe('inspector accounts: the list, disabling and enabling again', () => {
  it('only a system administrator lists inspectors, narrowed by prefecture, with the facilities that granted them', async () => {
    await json(call(t.app, b.manager, 'POST', `/api/v1/facilities/${b.facilityId}/inspection-grants`, { inspectorEmail: INSPECTOR_EMAIL }));
    const all = await json(get(sysadmin, '/inspectors'));
    // By prefecture: 東京都 (13) before 大阪府 (27).
    expect(all).toMatchObject([
      {
        id: ids.inspectorUserId,
        email: INSPECTOR_EMAIL,
        name: '検査 一郎',
        prefecture: '13',
        healthCenter: '新宿区保健所',
        grantedFacilities: 1,
        disabledAt: null,
      },
      { email: 'other@hokenjo.example.jp', prefecture: '27', grantedFacilities: 0, disabledAt: null },
    ]);
    expect(await json(get(sysadmin, '/inspectors?prefecture=27'))).toMatchObject([{ email: 'other@hokenjo.example.jp' }]);
    expect(await json(get(sysadmin, '/inspectors?prefecture=01'))).toEqual([]);
    expect((await get(sysadmin, '/inspectors?prefecture=48')).statusCode).toBe(400);
    for (const who of [a.admin, a.manager, inspector]) expect((await get(who, '/inspectors')).statusCode).toBe(403);
  });

  it('a disabled inspector cannot sign in, and their open session and API token stop working at once', async () => {
    const { token } = await json(call(t.app, inspector, 'POST', '/api/v1/me/tokens', { name: '検査用スクリプト' }));
    expect((await callWithToken(t.app, token, 'GET', '/api/v1/facilities')).statusCode).toBe(200);
    const disable = (who: Browser, id = ids.inspectorUserId!) => call(t.app, who, 'POST', `/api/v1/inspectors/${id}/disable`);
    for (const who of [a.admin, a.manager, inspector]) expect((await disable(who)).statusCode).toBe(403);
    // Only inspectors: another account is not found here.
    expect((await disable(sysadmin, a.viewer.userId)).statusCode).toBe(404);
    expect((await disable(sysadmin, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const disabled = await json(disable(sysadmin));
    expect(disabled).toMatchObject({ id: ids.inspectorUserId, grantedFacilities: 1, disabledAt: expect.any(String) });
    expect((await get(inspector, '/auth/session')).statusCode).toBe(401);
    expect((await get(inspector, `/facilities/${b.facilityId}`)).statusCode).toBe(401);
    expect((await callWithToken(t.app, token, 'GET', '/api/v1/facilities')).statusCode).toBe(401);
    const refused = await login(t.app, INSPECTOR_EMAIL, INSPECTOR_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'account_disabled', message: expect.stringContaining('無効になっている') });
    expect(refused.headers['set-cookie']).toBeUndefined();
    // A wrong password learns nothing of the account.
    expect((await login(t.app, INSPECTOR_EMAIL, 'wrong-password-1')).json().error.code).toBe('invalid_credentials');
    // No facility grants access to an account that cannot use it.
    const grant = await call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, { inspectorEmail: INSPECTOR_EMAIL });
    expect([grant.statusCode, grant.json().error.code]).toEqual([422, 'inspector_disabled']);

    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.disable'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: ids.inspectorUserId, actorId: sysadmin.userId, organizationId: null, facilityId: null });
    expect(events[0]!.changes).toMatchObject({ disabled: { before: false, after: true }, revokedTokens: { after: 1 }, endedSessions: { after: 2 } });
    // Asking again changes nothing and writes nothing.
    expect((await json(disable(sysadmin))).disabledAt).toBe(disabled.disabledAt);
    expect(await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.disable'))).toHaveLength(1);
    expect((await json(get(sysadmin, '/inspectors?prefecture=13')))[0].disabledAt).toBe(disabled.disabledAt);
  });

  it('enabled again, the inspector signs in with their password and finds the facilities that still grant access', async () => {
    expect((await call(t.app, a.admin, 'POST', `/api/v1/inspectors/${ids.inspectorUserId}/enable`)).statusCode).toBe(403);
    expect(await json(call(t.app, sysadmin, 'POST', `/api/v1/inspectors/${ids.inspectorUserId}/enable`))).toMatchObject({ disabledAt: null });
    const back = asBrowser(await login(t.app, INSPECTOR_EMAIL, INSPECTOR_PASSWORD));
    expect(await json(get(back, '/facilities'))).toMatchObject([{ id: b.facilityId }]);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.enable'));
    expect(event).toMatchObject({ entityId: ids.inspectorUserId, actorId: sysadmin.userId });
  });
});

// ---- the walk of every mutating route -------------------------------------------------------------------------

/**
 * Routes an inspector legitimately writes to, being a signed-in user like any other: their own account and
 * session, and the public links (setup, invitations, unsubscribe, the log ingest token). None reaches a facility.
 */
const ownOrPublic = [
  /^POST \/api\/v1\/setup$/,
  /^POST \/api\/v1\/auth\//,
  /^(POST|PATCH|PUT|DELETE) \/api\/v1\/me(\/|$)/,
  /^POST \/api\/v1\/invitations\/by-token\//,
  /^POST \/api\/v1\/vendor-invitations\/:token\/accept$/,
  /^POST \/api\/v1\/unsubscribe\/:token$/,
  /^POST \/api\/v1\/log-ingest/,
];

/** The one thing an inspector writes: an inspection record of a facility that granted them access (200). */
const inspectorWrites = ['POST /api/v1/facilities/:facilityId/inspections'];

type Walked = { route: string; status: number; body: string };
const allowed = (r: Walked) => r.status === 403 || r.status === 404;

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

const someId = '00000000-0000-4000-8000-000000000000';
const types = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const jsonSchemaOf = (schema: unknown) =>
  schema instanceof z.ZodType ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : null;

/** A value the schema accepts, as plain as can be: required fields only, the first enum value, a real date. */
function sample(s: JsonSchema, key = ''): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const branch = s.anyOf ?? s.oneOf;
  if (branch) return sample(branch.find((x) => !types(x).includes('null')) ?? branch[0]!, key);
  if (s.allOf?.[0]) return sample(s.allOf[0], key);
  const kind = types(s).find((x) => x !== 'null') ?? (s.properties ? 'object' : 'string');
  switch (kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(s.properties ?? {})) if (s.required?.includes(name)) out[name] = sample(child, name);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, key));
    case 'integer':
    case 'number':
      return key === 'fiscalYear' ? 2023 : Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default:
      if (s.format === 'uuid') return someId;
      if (s.format === 'email') return 'someone@example.jp';
      if (s.format === 'date') return '2025-04-01';
      if (s.format === 'date-time') return '2025-04-01T09:00:00+09:00';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

/** Bodies the plain sample cannot make (a rule across fields, a pattern): valid ones, so validation is not what refuses. */
const bodyOf: Record<string, () => unknown> = {
  'POST /api/v1/organizations/:organizationId/invitations': () => ({
    email: 'new@example.jp',
    facilityRoles: [{ facilityId: ids.facilityId, role: 'viewer' }],
  }),
  'PUT /api/v1/facilities/:facilityId/access-log-settings': () => ({ ...defaultAccessLogSettings, version: 1 }),
};

/**
 * Each :param by the granted facility's own record of that name (an enum by its first value); an unknown one gets
 * an id that exists nowhere. The querystring's required fields by their sample.
 */
function fillUrl(route: RouteEntry): string {
  const params = jsonSchemaOf(route.schema.params)?.properties ?? {};
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? (params[name]?.enum ? String(params[name].enum[0]) : someId));
  const query = jsonSchemaOf(route.schema.querystring);
  const values = query ? (sample(query) as Record<string, unknown>) : {};
  const search = new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

async function walkMutatingRoutes(who: Browser): Promise<Walked[]> {
  const walked: Walked[] = [];
  const mutating = t.app.routeTable.filter((r) => r.method !== 'GET' && !ownOrPublic.some((re) => re.test(`${r.method} ${r.url}`)));
  expect(mutating.length).toBeGreaterThan(60);
  for (const route of mutating) {
    const name = `${route.method} ${route.url}`;
    const url = fillUrl(route);
    const bodySchema = jsonSchemaOf(route.schema.body);
    const response = bodySchema
      ? await call(t.app, who, route.method as 'POST', url, bodyOf[name]?.() ?? sample(bodySchema))
      : route.method === 'POST' || route.method === 'PUT'
        ? // An upload (multipart, no JSON schema), or a call without a body.
          await upload(t.app, who, url, multipartFile('x.pdf', 'application/pdf', tinyPdf))
        : await call(t.app, who, route.method as 'DELETE', url);
    walked.push({ route: name, status: response.statusCode, body: response.body.slice(0, 300) });
  }
  return walked;
}
