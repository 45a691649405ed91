import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, call, json, login, multipartFile, setupAdmin, startTestApp, tinyPdf, upload, type Browser, type TestApp } from './helpers/app.js';
import { startSmtpCapture, type SmtpCapture } from './helpers/smtp.js';
import { createTenant, type Tenant } from './helpers/world.js';
import { eq } from 'drizzle-orm';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { notifications } from '../src/db/schema.js';
import { unsubscribeToken } from '../src/notifications/unsubscribe-token.js';
import { runReminders } from '../src/reminders/run.js';

/**
 * Walks every API route as an outsider: the admin and manager of organization B poke at organization
 * A's records. Anything of A's answers 404 (never 403, which would confirm it exists), and no
 * response body mentions A's ids or names. A new route that is not in this table fails the test.
 */
let t: TestApp;
let a: Tenant;
let b: Tenant;
let sysadmin: Browser;
let ids: Record<string, string>;
let smtp: SmtpCapture;
/** A user of A's own vendor, and a user of a vendor that only B contracts with. */
let vendorA: Browser;
let vendorB: Browser;

/** A facility contracts a vendor and requests this form; the vendor's contact signs up through the e-mailed link. */
async function contractedVendor(tenant: Tenant, label: string) {
  const contract = await json(
    call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/contracts`, {
      vendorName: `${label}医院の事業者`,
      title: `${label}医院電子カルテ保守`,
      systems: ['電子カルテ'],
      maintenanceContract: true,
      remoteMaintenance: true,
      contactEmail: `vendor-${label.toLowerCase()}@example.jp`,
    }),
  );
  const form = await json(call(t.app, tenant.manager, 'POST', `/api/v1/contracts/${contract.id}/vendor-forms`, { fiscalYear: 2023 }));
  await t.jobs.drain();
  const mail = await smtp.waitFor((m) => m.to === `vendor-${label.toLowerCase()}@example.jp`);
  const token = /\/vendor-invite\/([\w-]+)/.exec(mail.text)![1]!;
  const vendor = asBrowser(
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/vendor-invitations/${token}/accept`,
      payload: { name: `${label}事業者担当`, password: 'vendor-password-1' },
    }),
  );
  return { contract, form, vendor };
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApp({ MAMORI_SMTP_URL: smtp.url });
  sysadmin = await setupAdmin(t.app);
  a = await createTenant(t.app, sysadmin, 'A');
  b = await createTenant(t.app, sysadmin, 'B');
  const token = await json(call(t.app, a.admin, 'POST', '/api/v1/me/tokens', { name: 'A script' }));
  const invitation = await json(
    call(t.app, a.admin, 'POST', `/api/v1/organizations/${a.organizationId}/invitations`, {
      email: 'pending@example.jp',
      facilityRoles: [{ facilityId: a.facilityId, role: 'operator' }],
    }),
  );
  const members = await json(call(t.app, a.admin, 'GET', `/api/v1/facilities/${a.facilityId}/members`));
  const assessment = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/assessments`, { fiscalYear: 2023, hasVendorContract: true }),
  );
  await json(call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessment.id}/items/gate/rounds/1`, { value: 'yes', date: '2023-07-01' }));
  const evidence = await json(
    upload(t.app, a.manager, `/api/v1/assessments/${assessment.id}/items/3(1)/evidence`, multipartFile('A医院-極秘図.pdf', 'application/pdf', tinyPdf)),
  );
  const asset = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/assets`, { managementNumber: 'A-PC-001', computerName: 'A医院受付PC' }),
  );
  const account = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/accounts`, { loginId: 'a-doctor', familyName: 'A医院医師' }));
  const endOfLife = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/end-of-life`, { product: 'A医院専用OS', match: ['aos'], endOfLifeOn: '2020-01-01' }),
  );
  await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/account-reviews`, {
      decisions: [{ accountId: account.id, decision: 'keep', reason: 'A医院在籍' }],
    }),
  );
  await json(
    call(t.app, a.manager, 'PUT', `/api/v1/facilities/${a.facilityId}/contact-chart`, {
      entries: [{ key: 'd', kind: 'director', name: 'A医院院長' }],
      edges: [],
      baseVersion: null,
    }),
  );
  const plan = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/backup-plans`, { system: 'A医院カルテ', method: 'nas', generations: 3 }),
  );
  const tested = await json(
    call(t.app, a.manager, 'POST', `/api/v1/backup-plans/${plan.id}/restore-tests`, { testedOn: '2025-05-01', result: 'success', testedBy: 'A医院IT' }),
  );
  const bcp = await json(
    upload(t.app, a.manager, `/api/v1/facilities/${a.facilityId}/bcp/documents`, multipartFile('A医院BCP.pdf', 'application/pdf', tinyPdf)),
  );
  const withRecord = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/bcp/records`, { kind: 'review', heldOn: '2025-05-01', notes: 'A医院見直し' }),
  );
  const incident = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/incidents`, { title: 'A医院の障害' }));
  const logSource = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/log-sources`, { name: 'A医院カルテサーバ' }));
  await json(
    upload(
      t.app,
      a.manager,
      `/api/v1/log-sources/${logSource.source.id}/uploads`,
      multipartFile('auth.log', 'text/plain', Buffer.from('Dec  1 09:00:00 a-srv sshd[1]: Accepted password for a-doctor from 10.0.0.1 port 22 ssh2\n')),
    ),
  );
  const ofA = await contractedVendor(a, 'A');
  vendorA = ofA.vendor;
  await json(call(t.app, b.manager, 'POST', `/api/v1/facilities/${b.facilityId}/assessments`, { fiscalYear: 2023, hasVendorContract: true }));
  vendorB = (await contractedVendor(b, 'B')).vendor;
  const disclosure = await json(
    upload(
      t.app,
      vendorA,
      `/api/v1/contracts/${ofA.contract.id}/disclosures`,
      multipartFile('A医院SDS.pdf', 'application/pdf', tinyPdf, { system: '電子カルテ', kind: 'SDS', jahisVersion: '5.0', receivedOn: '2023-06-01' }),
    ),
  );
  const answerSet = await json(
    call(t.app, vendorA, 'POST', `/api/v1/vendors/${ofA.contract.vendor.id}/answer-sets`, {
      product: 'A医院向け製品',
      edition: '2023',
      answers: { '1(1)': { value: 'yes', note: 'A医院向け根拠' } },
    }),
  );
  await json(
    call(t.app, vendorA, 'PUT', `/api/v1/contracts/${ofA.contract.id}/role-sharing`, {
      version: null,
      rows: [{ area: 'bcp', responsible: 'both', action: 'A医院と協議' }],
    }),
  );
  const inspectorCreated = await json(
    call(t.app, sysadmin, 'POST', '/api/v1/inspectors', {
      email: 'inspector-a@hokenjo.example.jp',
      name: 'A検査員',
      prefecture: '13',
      healthCenter: '新宿区保健所',
    }),
  );
  const inspectionGrant = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, { inspectorEmail: 'inspector-a@hokenjo.example.jp' }),
  );
  const inspectorA = asBrowser(await login(t.app, 'inspector-a@hokenjo.example.jp', inspectorCreated.temporaryPassword));
  await json(
    call(t.app, inspectorA, 'POST', '/api/v1/me/password', { currentPassword: inspectorCreated.temporaryPassword, newPassword: 'inspector-password-1' }),
  );
  const inspection = await json(
    call(
      t.app,
      asBrowser(await login(t.app, 'inspector-a@hokenjo.example.jp', 'inspector-password-1')),
      'POST',
      `/api/v1/facilities/${a.facilityId}/inspections`,
      {
        inspectedOn: '2025-10-01',
        findings: [{ text: 'A医院の指摘事項', followUpRequested: true }],
      },
    ),
  );
  // A's manager has reminders (the restore test of 2025-05-01 is overdue); B's people must not reach them.
  await runReminders({ database: t.database, config: t.config, jobs: t.jobs, secrets: t.secrets, catalog: loadCatalog() });
  const [reminder] = await t.database.db.select().from(notifications).where(eq(notifications.userId, a.manager.userId));
  const unsubscribe = unsubscribeToken(t.secrets, a.manager.userId, 'restore-test');
  await t.jobs.drain();
  ids = {
    notificationId: reminder!.id,
    // A's manager's unsubscribe link with its signature altered: what an outsider could try.
    forgedUnsubscribe: `${unsubscribe.slice(0, -4)}AAAA`,
    contractId: ofA.contract.id,
    vendorFormId: ofA.form.id,
    vendorId: ofA.contract.vendor.id,
    disclosureId: disclosure.id,
    answerSetId: answerSet.id,
    planId: plan.id,
    restoreTestId: tested.restoreTests[0].id,
    bcpDocumentId: bcp.documents[0].id,
    bcpRecordId: withRecord.records[0].id,
    incidentId: incident.id,
    assetId: asset.id,
    accountId: account.id,
    endOfLifeId: endOfLife.id,
    organizationId: a.organizationId,
    facilityId: a.facilityId,
    tokenId: token.id,
    invitationId: invitation.id,
    memberId: members.find((m: { role: string }) => m.role === 'viewer').id,
    userId: a.viewer.userId,
    token: 'x'.repeat(43),
    assessmentId: assessment.id,
    evidenceId: evidence.id,
    logSourceId: logSource.source.id,
    inspectorId: inspectorCreated.id,
    inspectionGrantId: inspectionGrant.id,
    inspectionId: inspection.id,
    inspectionFindingId: inspection.findings[0].id,
  };
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

type Expectation = { status: number; reason: string };
/** `ownSession`: sent from a separate sign-in of the outsider, because it signs that session out. */
type Probe = {
  url: string;
  body?: unknown;
  expect: Expectation;
  ownSession?: boolean;
  /** What B's corporation administrator gets when it differs from B's facility staff. */
  admin?: Expectation;
  /** What a vendor's user gets when it differs from B's staff (it belongs to no organization). */
  vendor?: Expectation;
  /** What the user of A's own vendor gets on A's contract: its own records answer, A's facility stays hidden. */
  ownVendor?: Expectation;
};

const hidden = (reason = "another tenant's record") => ({ status: 404, reason });
const own = (status: number, reason = "the vendor's own contract") => ({ status, reason });
const noDashboard = { status: 403, reason: 'facility staff and vendors oversee no facilities' };
const ownDashboard = { status: 200, reason: "its own corporation's facilities only" };

/** One entry per registered route: how an outsider calls it and what they must get. */
const walk: Record<string, () => Probe[]> = {
  'GET /api/v1/health': () => [{ url: '/api/v1/health', expect: { status: 200, reason: 'public' } }],
  'GET /api/v1/openapi.json': () => [{ url: '/api/v1/openapi.json', expect: { status: 200, reason: 'public' } }],
  'GET /api/v1/setup': () => [{ url: '/api/v1/setup', expect: { status: 200, reason: 'public' } }],
  'POST /api/v1/setup': () => [
    { url: '/api/v1/setup', body: { email: 'x@example.jp', password: 'password-123', name: 'x' }, expect: { status: 409, reason: 'setup is done once' } },
  ],
  'POST /api/v1/auth/login': () => [
    {
      url: '/api/v1/auth/login',
      body: { email: 'admin-A@example.jp', password: 'wrong-password' },
      expect: { status: 401, reason: "A's password is not known" },
    },
  ],
  'POST /api/v1/auth/logout': () => [{ url: '/api/v1/auth/logout', expect: { status: 204, reason: 'own session only' }, ownSession: true }],
  'POST /api/v1/auth/logout-all': () => [{ url: '/api/v1/auth/logout-all', expect: { status: 204, reason: 'own sessions only' }, ownSession: true }],
  'GET /api/v1/auth/session': () => [{ url: '/api/v1/auth/session', expect: { status: 200, reason: 'own session only' } }],
  'PATCH /api/v1/me': () => [{ url: '/api/v1/me', body: { name: 'B' }, expect: { status: 200, reason: 'own account only' } }],
  'POST /api/v1/me/password': () => [
    {
      url: '/api/v1/me/password',
      body: { currentPassword: 'nope-nope', newPassword: 'another-password' },
      expect: { status: 400, reason: 'own account only' },
    },
  ],
  'POST /api/v1/me/totp/setup': () => [{ url: '/api/v1/me/totp/setup', expect: { status: 200, reason: 'own account only' } }],
  'POST /api/v1/me/totp/enable': () => [{ url: '/api/v1/me/totp/enable', body: { code: '000000' }, expect: { status: 400, reason: 'own account only' } }],
  'POST /api/v1/me/totp/disable': () => [{ url: '/api/v1/me/totp/disable', body: { code: '000000' }, expect: { status: 400, reason: 'own account only' } }],
  'GET /api/v1/me/tokens': () => [{ url: '/api/v1/me/tokens', expect: { status: 200, reason: 'own tokens only' } }],
  'POST /api/v1/me/tokens': () => [{ url: '/api/v1/me/tokens', body: { name: 'B script' }, expect: { status: 200, reason: 'own tokens only' } }],
  'DELETE /api/v1/me/tokens/:tokenId': () => [{ url: `/api/v1/me/tokens/${ids.tokenId}`, expect: hidden("A's token") }],
  'GET /api/v1/organizations': () => [{ url: '/api/v1/organizations', expect: { status: 200, reason: 'lists own organizations only' } }],
  'POST /api/v1/organizations': () => [{ url: '/api/v1/organizations', body: { name: 'X' }, expect: { status: 403, reason: 'system administrators only' } }],
  'GET /api/v1/organizations/:organizationId': () => [{ url: `/api/v1/organizations/${ids.organizationId}`, expect: hidden() }],
  'PATCH /api/v1/organizations/:organizationId': () => [
    { url: `/api/v1/organizations/${ids.organizationId}`, body: { version: 1, name: 'hijacked' }, expect: hidden() },
  ],
  'GET /api/v1/organizations/:organizationId/members': () => [{ url: `/api/v1/organizations/${ids.organizationId}/members`, expect: hidden() }],
  'POST /api/v1/organizations/:organizationId/facilities': () => [
    { url: `/api/v1/organizations/${ids.organizationId}/facilities`, body: { name: 'x', kind: 'clinic', prefecture: '13' }, expect: hidden() },
  ],
  'GET /api/v1/facilities': () => [
    { url: '/api/v1/facilities', expect: { status: 200, reason: 'lists own facilities only' } },
    { url: `/api/v1/facilities?organizationId=${ids.organizationId}`, expect: { status: 200, reason: 'filter by a foreign organization yields nothing' } },
  ],
  'GET /api/v1/facilities/:facilityId': () => [{ url: `/api/v1/facilities/${ids.facilityId}`, expect: hidden() }],
  'PATCH /api/v1/facilities/:facilityId': () => [{ url: `/api/v1/facilities/${ids.facilityId}`, body: { version: 1, name: 'hijacked' }, expect: hidden() }],
  'POST /api/v1/inspectors': () => [
    {
      url: '/api/v1/inspectors',
      body: { email: 'fake-inspector@example.jp', name: 'x', prefecture: '13', healthCenter: 'x' },
      expect: { status: 403, reason: 'system administrators only' },
    },
  ],
  'GET /api/v1/inspectors': () => [
    { url: '/api/v1/inspectors', expect: { status: 403, reason: 'system administrators only' } },
    { url: '/api/v1/inspectors?prefecture=13', expect: { status: 403, reason: 'system administrators only' } },
  ],
  'POST /api/v1/inspectors/:inspectorId/disable': () => [
    { url: `/api/v1/inspectors/${ids.inspectorId}/disable`, expect: { status: 403, reason: 'system administrators only' } },
  ],
  'POST /api/v1/inspectors/:inspectorId/enable': () => [
    { url: `/api/v1/inspectors/${ids.inspectorId}/enable`, expect: { status: 403, reason: 'system administrators only' } },
  ],
  'GET /api/v1/facilities/:facilityId/inspection-grants': () => [{ url: `/api/v1/facilities/${ids.facilityId}/inspection-grants`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/inspection-grants': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/inspection-grants`, body: { inspectorEmail: 'inspector-a@hokenjo.example.jp' }, expect: hidden() },
  ],
  'DELETE /api/v1/facilities/:facilityId/inspection-grants/:grantId': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/inspection-grants/${ids.inspectionGrantId}`, expect: hidden() },
    {
      url: `/api/v1/facilities/${b.facilityId}/inspection-grants/${ids.inspectionGrantId}`,
      expect: hidden("A's grant through B's facility"),
      vendor: hidden("B's facility is not the vendor's"),
    },
  ],
  'GET /api/v1/facilities/:facilityId/inspections': () => [{ url: `/api/v1/facilities/${ids.facilityId}/inspections`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/inspections': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/inspections`, body: { inspectedOn: '2025-10-01', findings: [] }, expect: hidden() },
  ],
  'PUT /api/v1/inspection-findings/:findingId/answer': () => [
    { url: `/api/v1/inspection-findings/${ids.inspectionFindingId}/answer`, body: { version: 1, answer: 'hijacked' }, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/members': () => [{ url: `/api/v1/facilities/${ids.facilityId}/members`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/members/me': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/members/me`, body: { role: 'manager' }, expect: hidden('joining another tenant’s facility') },
  ],
  'PATCH /api/v1/facilities/:facilityId/members/:memberId': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/members/${ids.memberId}`, body: { version: 1, role: 'manager' }, expect: hidden() },
    {
      url: `/api/v1/facilities/${b.facilityId}/members/${ids.memberId}`,
      body: { version: 1, role: 'manager' },
      expect: hidden("A's member through B's facility"),
    },
  ],
  'DELETE /api/v1/facilities/:facilityId/members/:memberId': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/members/${ids.memberId}`, expect: hidden() },
    { url: `/api/v1/facilities/${b.facilityId}/members/${ids.memberId}`, expect: hidden("A's member through B's facility") },
  ],
  'GET /api/v1/organizations/:organizationId/invitations': () => [{ url: `/api/v1/organizations/${ids.organizationId}/invitations`, expect: hidden() }],
  'POST /api/v1/organizations/:organizationId/invitations': () => [
    { url: `/api/v1/organizations/${ids.organizationId}/invitations`, body: { email: 'spy@example.jp', organizationRole: 'admin' }, expect: hidden() },
    {
      url: `/api/v1/organizations/${b.organizationId}/invitations`,
      body: { email: 'spy@example.jp', facilityRoles: [{ facilityId: ids.facilityId, role: 'manager' }] },
      expect: { status: 400, reason: "A's facility through B's organization" },
      vendor: hidden("B's organization is not the vendor's"),
      ownVendor: hidden("B's organization is not the vendor's"),
    },
  ],
  'DELETE /api/v1/invitations/:invitationId': () => [{ url: `/api/v1/invitations/${ids.invitationId}`, expect: hidden() }],
  'GET /api/v1/invitations/by-token/:token': () => [{ url: `/api/v1/invitations/by-token/${ids.token}`, expect: hidden('only the token holder') }],
  'POST /api/v1/invitations/by-token/:token/accept': () => [
    { url: `/api/v1/invitations/by-token/${ids.token}/accept`, body: {}, expect: hidden('only the token holder') },
  ],
  'POST /api/v1/users/:userId/password-reset': () => [{ url: `/api/v1/users/${ids.userId}/password-reset`, expect: hidden("A's user") }],
  'GET /api/v1/editions': () => [{ url: '/api/v1/editions', expect: { status: 200, reason: 'the ministry’s forms are public' } }],
  'GET /api/v1/editions/:edition/:form': () => [
    { url: '/api/v1/editions/2023/institution', expect: { status: 200, reason: 'the ministry’s forms are public' } },
  ],
  'GET /api/v1/facilities/:facilityId/assessments': () => [{ url: `/api/v1/facilities/${ids.facilityId}/assessments`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/assessments': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/assessments`, body: { fiscalYear: 2024, hasVendorContract: false }, expect: hidden() },
  ],
  'POST /api/v1/assessments/:assessmentId/vendor-forms': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/vendor-forms`, body: { vendorName: 'X社' }, expect: hidden() },
  ],
  'GET /api/v1/assessments/:assessmentId': () => [{ url: `/api/v1/assessments/${ids.assessmentId}`, expect: hidden() }],
  'PATCH /api/v1/assessments/:assessmentId': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}`, body: { version: 1, hasVendorContract: false }, expect: hidden() },
  ],
  'PUT /api/v1/assessments/:assessmentId/items/:itemId/rounds/:round': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/items/gate/rounds/1`, body: { value: 'no', date: '2023-07-02', version: 1 }, expect: hidden() },
  ],
  'DELETE /api/v1/assessments/:assessmentId/items/:itemId/rounds/:round': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/items/gate/rounds/1`, expect: hidden() },
  ],
  'POST /api/v1/assessments/:assessmentId/items/:itemId/evidence': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/items/3(1)/evidence`, body: {}, expect: hidden() },
  ],
  'GET /api/v1/assessments/:assessmentId/evidence/:evidenceId': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/evidence/${ids.evidenceId}`, expect: hidden() },
  ],
  'DELETE /api/v1/assessments/:assessmentId/evidence/:evidenceId': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/evidence/${ids.evidenceId}`, expect: hidden() },
  ],
  'GET /api/v1/assessments/:assessmentId/export.:format': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/export.pdf`, expect: hidden() },
    { url: `/api/v1/assessments/${ids.assessmentId}/export.xlsx?locale=en`, expect: hidden() },
    { url: `/api/v1/assessments/${ids.assessmentId}/export.csv`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/assessments/:assessmentId/inspection-report.pdf': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/assessments/${ids.assessmentId}/inspection-report.pdf`, expect: hidden() },
    { url: `/api/v1/facilities/${ids.facilityId}/assessments/${ids.assessmentId}/inspection-report.pdf?locale=en`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/assets': () => [{ url: `/api/v1/facilities/${ids.facilityId}/assets?q=A`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/assets': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/assets`, body: { managementNumber: 'X' }, expect: hidden() },
  ],
  'GET /api/v1/assets/:id': () => [{ url: `/api/v1/assets/${ids.assetId}`, expect: hidden() }],
  'PATCH /api/v1/assets/:id': () => [{ url: `/api/v1/assets/${ids.assetId}`, body: { version: 1, location: 'X' }, expect: hidden() }],
  'DELETE /api/v1/assets/:id': () => [{ url: `/api/v1/assets/${ids.assetId}?version=1`, expect: hidden() }],
  'GET /api/v1/assets/:id/history': () => [{ url: `/api/v1/assets/${ids.assetId}/history`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/accounts': () => [{ url: `/api/v1/facilities/${ids.facilityId}/accounts`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/accounts': () => [{ url: `/api/v1/facilities/${ids.facilityId}/accounts`, body: { loginId: 'x' }, expect: hidden() }],
  'GET /api/v1/accounts/:id': () => [{ url: `/api/v1/accounts/${ids.accountId}`, expect: hidden() }],
  'PATCH /api/v1/accounts/:id': () => [{ url: `/api/v1/accounts/${ids.accountId}`, body: { version: 1, enabled: false }, expect: hidden() }],
  'DELETE /api/v1/accounts/:id': () => [{ url: `/api/v1/accounts/${ids.accountId}?version=1`, expect: hidden() }],
  'GET /api/v1/accounts/:id/history': () => [{ url: `/api/v1/accounts/${ids.accountId}/history`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/ledgers/:ledger/import': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/ledgers/assets/import`, body: {}, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/ledgers/:ledger/mapping': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/ledgers/accounts/mapping`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/ledgers/:ledger/export': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/ledgers/assets/export?format=xlsx`, expect: hidden() },
    { url: `/api/v1/facilities/${ids.facilityId}/ledgers/accounts/export?format=csv-sjis`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/ledger-reviews': () => [{ url: `/api/v1/facilities/${ids.facilityId}/ledger-reviews`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/account-reviews': () => [
    {
      url: `/api/v1/facilities/${ids.facilityId}/account-reviews`,
      body: { decisions: [{ accountId: ids.accountId, decision: 'delete', reason: 'x' }] },
      expect: hidden(),
    },
  ],
  'POST /api/v1/facilities/:facilityId/asset-reviews': () => [{ url: `/api/v1/facilities/${ids.facilityId}/asset-reviews`, body: {}, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/account-systems': () => [{ url: `/api/v1/facilities/${ids.facilityId}/account-systems`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/account-systems/scope': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/account-systems/scope`, body: { system: '電子カルテ', scope: 'terminal' }, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/end-of-life': () => [{ url: `/api/v1/facilities/${ids.facilityId}/end-of-life`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/end-of-life': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/end-of-life`, body: { product: 'X', match: ['x'], endOfLifeOn: '2020-01-01' }, expect: hidden() },
  ],
  'DELETE /api/v1/end-of-life/:entryId': () => [{ url: `/api/v1/end-of-life/${ids.endOfLifeId}`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/findings': () => [{ url: `/api/v1/facilities/${ids.facilityId}/findings`, expect: hidden() }],
  'POST /api/v1/assessments/:assessmentId/accept-finding': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/accept-finding`, body: { itemId: '2(1)', expectedRounds: 0 }, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/finding-settings': () => [{ url: `/api/v1/facilities/${ids.facilityId}/finding-settings`, expect: hidden() }],
  'PUT /api/v1/facilities/:facilityId/finding-settings': () => [
    {
      url: `/api/v1/facilities/${ids.facilityId}/finding-settings`,
      body: { version: 1, patchMaxAgeDays: 1, unusedAccountDays: 1, ledgerReviewMonths: 1, servicesReviewMonths: 1 },
      expect: hidden(),
    },
  ],
  'GET /api/v1/facilities/:facilityId/contact-chart': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contact-chart`, expect: hidden() }],
  'PUT /api/v1/facilities/:facilityId/contact-chart': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/contact-chart`, body: { entries: [], edges: [], baseVersion: 1 }, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/contact-chart/versions': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contact-chart/versions`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/contact-chart/versions/:chartVersion': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/contact-chart/versions/1`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/contact-chart/export.pdf': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/contact-chart/export.pdf`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/backup-plans': () => [{ url: `/api/v1/facilities/${ids.facilityId}/backup-plans`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/backup-plans': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/backup-plans`, body: { system: 'X', method: 'nas', generations: 1 }, expect: hidden() },
  ],
  'PATCH /api/v1/backup-plans/:planId': () => [{ url: `/api/v1/backup-plans/${ids.planId}`, body: { version: 1, generations: 1 }, expect: hidden() }],
  'DELETE /api/v1/backup-plans/:planId': () => [{ url: `/api/v1/backup-plans/${ids.planId}?version=1`, expect: hidden() }],
  'POST /api/v1/backup-plans/:planId/restore-tests': () => [
    { url: `/api/v1/backup-plans/${ids.planId}/restore-tests`, body: { testedOn: '2025-01-01', result: 'failure', testedBy: 'x' }, expect: hidden() },
  ],
  'DELETE /api/v1/restore-tests/:testId': () => [{ url: `/api/v1/restore-tests/${ids.restoreTestId}`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/bcp': () => [{ url: `/api/v1/facilities/${ids.facilityId}/bcp`, expect: hidden() }],
  'PUT /api/v1/facilities/:facilityId/bcp': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/bcp`, body: { version: null, essentials: {} }, expect: hidden() },
  ],
  'POST /api/v1/facilities/:facilityId/bcp/documents': () => [{ url: `/api/v1/facilities/${ids.facilityId}/bcp/documents`, body: {}, expect: hidden() }],
  'GET /api/v1/bcp-documents/:documentId': () => [{ url: `/api/v1/bcp-documents/${ids.bcpDocumentId}`, expect: hidden() }],
  // Access logs (2(6)): who signed in where is a map of the hospital's accounts.
  'GET /api/v1/facilities/:facilityId/log-sources': () => [{ url: `/api/v1/facilities/${ids.facilityId}/log-sources`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/log-sources': () => [{ url: `/api/v1/facilities/${ids.facilityId}/log-sources`, body: { name: 'X' }, expect: hidden() }],
  'PATCH /api/v1/log-sources/:sourceId': () => [{ url: `/api/v1/log-sources/${ids.logSourceId}`, body: { version: 1, name: 'X' }, expect: hidden() }],
  'POST /api/v1/log-sources/:sourceId/token': () => [{ url: `/api/v1/log-sources/${ids.logSourceId}/token`, body: { version: 1 }, expect: hidden() }],
  'POST /api/v1/log-sources/:sourceId/uploads': () => [{ url: `/api/v1/log-sources/${ids.logSourceId}/uploads`, body: {}, expect: hidden() }],
  'GET /api/v1/log-sources/:sourceId/events': () => [
    { url: `/api/v1/log-sources/${ids.logSourceId}/events`, expect: hidden() },
    { url: `/api/v1/log-sources/${ids.logSourceId}/events?user=a-doctor`, expect: hidden() },
  ],
  'GET /api/v1/log-sources/:sourceId/timeline': () => [
    { url: `/api/v1/log-sources/${ids.logSourceId}/timeline?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z`, expect: hidden() },
  ],
  'GET /api/v1/log-sources/:sourceId/reviews': () => [{ url: `/api/v1/log-sources/${ids.logSourceId}/reviews`, expect: hidden() }],
  'POST /api/v1/log-sources/:sourceId/reviews': () => [
    { url: `/api/v1/log-sources/${ids.logSourceId}/reviews`, body: { periodFrom: '2025-01-01', periodTo: '2025-01-31', note: 'x' }, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/access-log-alerts': () => [{ url: `/api/v1/facilities/${ids.facilityId}/access-log-alerts`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/access-log-integrity': () => [{ url: `/api/v1/facilities/${ids.facilityId}/access-log-integrity`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/access-log-settings': () => [{ url: `/api/v1/facilities/${ids.facilityId}/access-log-settings`, expect: hidden() }],
  'PUT /api/v1/facilities/:facilityId/access-log-settings': () => [
    {
      url: `/api/v1/facilities/${ids.facilityId}/access-log-settings`,
      body: { version: 1, failures: { count: 5, withinMinutes: 10 }, adminHours: { from: '07:00', to: '21:00' }, silentDays: 30, unreviewedDays: 90 },
      expect: hidden(),
    },
  ],
  'POST /api/v1/log-ingest': () => [{ url: '/api/v1/log-ingest', body: {}, expect: { status: 401, reason: "only a source's own token opens it" } }],
  'POST /api/v1/facilities/:facilityId/bcp/records': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/bcp/records`, body: { kind: 'drill', heldOn: '2025-01-01' }, expect: hidden() },
  ],
  'DELETE /api/v1/bcp-records/:recordId': () => [{ url: `/api/v1/bcp-records/${ids.bcpRecordId}`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/bcp/template.:format': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/bcp/template.docx`, expect: hidden() },
    { url: `/api/v1/facilities/${ids.facilityId}/bcp/template.pdf`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/incidents': () => [{ url: `/api/v1/facilities/${ids.facilityId}/incidents`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/incidents': () => [{ url: `/api/v1/facilities/${ids.facilityId}/incidents`, body: { title: 'x' }, expect: hidden() }],
  'GET /api/v1/incidents/:incidentId': () => [{ url: `/api/v1/incidents/${ids.incidentId}`, expect: hidden() }],
  'PATCH /api/v1/incidents/:incidentId': () => [{ url: `/api/v1/incidents/${ids.incidentId}`, body: { version: 1, status: 'closed' }, expect: hidden() }],
  'POST /api/v1/incidents/:incidentId/events': () => [
    { url: `/api/v1/incidents/${ids.incidentId}/events`, body: { kind: 'note', text: 'x' }, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/contracts': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contracts`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/contracts': () => [
    {
      url: `/api/v1/facilities/${ids.facilityId}/contracts`,
      body: { vendorName: 'X', title: 'X', systems: ['X'], maintenanceContract: true, remoteMaintenance: false },
      expect: hidden(),
    },
    {
      url: `/api/v1/facilities/${b.facilityId}/contracts`,
      body: { vendorId: ids.vendorId, title: 'X', systems: ['X'], maintenanceContract: true, remoteMaintenance: false },
      expect: { status: 400, reason: "A's vendor cannot be borrowed by B's facility" },
      vendor: hidden("B's facility"),
      ownVendor: hidden("B's facility"),
    },
  ],
  'GET /api/v1/contracts/:contractId': () => [{ url: `/api/v1/contracts/${ids.contractId}`, expect: hidden(), ownVendor: own(200) }],
  'PATCH /api/v1/contracts/:contractId': () => [
    {
      url: `/api/v1/contracts/${ids.contractId}`,
      body: { version: 1, title: 'X', systems: ['X'], maintenanceContract: true, remoteMaintenance: false },
      expect: hidden(),
      ownVendor: own(403, 'the facility edits its contracts'),
    },
  ],
  'DELETE /api/v1/contracts/:contractId': () => [
    { url: `/api/v1/contracts/${ids.contractId}`, expect: hidden(), ownVendor: own(403, 'the facility deletes its contracts') },
  ],
  'GET /api/v1/vendor-portal/contracts': () => [
    { url: '/api/v1/vendor-portal/contracts', expect: { status: 200, reason: "lists the caller's own vendor contracts only" }, ownVendor: own(200) },
  ],
  'POST /api/v1/contracts/:contractId/vendor-forms': () => [
    {
      url: `/api/v1/contracts/${ids.contractId}/vendor-forms`,
      body: { fiscalYear: 2024 },
      expect: hidden(),
      ownVendor: own(403, 'the facility requests forms'),
    },
  ],
  'POST /api/v1/vendor-forms/:formId/invitation': () => [
    { url: `/api/v1/vendor-forms/${ids.vendorFormId}/invitation`, body: {}, expect: hidden(), ownVendor: own(403, 'the facility resends links') },
  ],
  'GET /api/v1/vendor-invitations/:token': () => [{ url: `/api/v1/vendor-invitations/${ids.token}`, expect: hidden('only the token holder') }],
  'POST /api/v1/vendor-invitations/:token/accept': () => [
    { url: `/api/v1/vendor-invitations/${ids.token}/accept`, body: {}, expect: hidden('only the token holder') },
  ],
  'GET /api/v1/vendor-forms/:formId': () => [{ url: `/api/v1/vendor-forms/${ids.vendorFormId}`, expect: hidden(), ownVendor: own(200) }],
  'PATCH /api/v1/vendor-forms/:formId': () => [
    {
      url: `/api/v1/vendor-forms/${ids.vendorFormId}`,
      body: { version: 99, excludedItems: [] },
      expect: hidden(),
      ownVendor: own(409, 'own form, stale version'),
    },
  ],
  'PUT /api/v1/vendor-forms/:formId/items/:itemId/rounds/:round': () => [
    {
      url: `/api/v1/vendor-forms/${ids.vendorFormId}/items/1(1)/rounds/1`,
      body: { value: 'no', date: '2023-07-02', version: 99 },
      expect: hidden(),
      ownVendor: own(409, 'own form, stale version'),
    },
  ],
  'DELETE /api/v1/vendor-forms/:formId/items/:itemId/rounds/:round': () => [
    { url: `/api/v1/vendor-forms/${ids.vendorFormId}/items/1(1)/rounds/1`, expect: hidden(), ownVendor: own(404, 'own form, no such round') },
  ],
  'POST /api/v1/vendor-forms/:formId/submit': () => [
    { url: `/api/v1/vendor-forms/${ids.vendorFormId}/submit`, body: { version: 99 }, expect: hidden(), ownVendor: own(400, 'own form, not complete') },
  ],
  'POST /api/v1/vendor-forms/:formId/accept': () => [
    { url: `/api/v1/vendor-forms/${ids.vendorFormId}/accept`, body: { version: 1 }, expect: hidden(), ownVendor: own(403, 'the facility accepts') },
  ],
  'POST /api/v1/vendor-forms/:formId/comments': () => [
    { url: `/api/v1/vendor-forms/${ids.vendorFormId}/comments`, body: { body: 'x' }, expect: hidden(), ownVendor: own(200) },
  ],
  'GET /api/v1/vendors/:vendorId/answer-sets': () => [{ url: `/api/v1/vendors/${ids.vendorId}/answer-sets`, expect: hidden(), ownVendor: own(200) }],
  'POST /api/v1/vendors/:vendorId/answer-sets': () => [
    { url: `/api/v1/vendors/${ids.vendorId}/answer-sets`, body: { product: 'X', edition: '2023', answers: {} }, expect: hidden(), ownVendor: own(200) },
  ],
  'GET /api/v1/answer-sets/:answerSetId': () => [{ url: `/api/v1/answer-sets/${ids.answerSetId}`, expect: hidden(), ownVendor: own(200) }],
  'PUT /api/v1/answer-sets/:answerSetId': () => [
    {
      url: `/api/v1/answer-sets/${ids.answerSetId}`,
      body: { version: 99, product: 'X', edition: '2023', answers: {} },
      expect: hidden(),
      ownVendor: own(409, 'own set, stale version'),
    },
  ],
  'DELETE /api/v1/answer-sets/:answerSetId': () => [{ url: `/api/v1/answer-sets/${ids.answerSetId}`, expect: hidden(), ownVendor: own(204) }],
  'POST /api/v1/answer-sets/:answerSetId/apply': () => [
    {
      url: `/api/v1/answer-sets/${ids.answerSetId}/apply`,
      body: { formIds: [ids.vendorFormId], date: '2023-07-01' },
      expect: hidden(),
      ownVendor: own(404, 'deleted just before'),
    },
  ],
  'GET /api/v1/contracts/:contractId/disclosures': () => [{ url: `/api/v1/contracts/${ids.contractId}/disclosures`, expect: hidden(), ownVendor: own(200) }],
  'POST /api/v1/contracts/:contractId/disclosures': () => [
    { url: `/api/v1/contracts/${ids.contractId}/disclosures`, body: {}, expect: hidden(), ownVendor: own(415, 'own contract, not multipart') },
  ],
  'GET /api/v1/disclosures/:disclosureId/file': () => [{ url: `/api/v1/disclosures/${ids.disclosureId}/file`, expect: hidden(), ownVendor: own(200) }],
  'DELETE /api/v1/disclosures/:disclosureId': () => [{ url: `/api/v1/disclosures/${ids.disclosureId}`, expect: hidden(), ownVendor: own(204) }],
  'GET /api/v1/contracts/:contractId/role-sharing': () => [{ url: `/api/v1/contracts/${ids.contractId}/role-sharing`, expect: hidden(), ownVendor: own(200) }],
  'PUT /api/v1/contracts/:contractId/role-sharing': () => [
    {
      url: `/api/v1/contracts/${ids.contractId}/role-sharing`,
      body: { version: 99, rows: [] },
      expect: hidden(),
      ownVendor: own(409, 'own table, stale version'),
    },
  ],
  'POST /api/v1/contracts/:contractId/role-sharing/confirm': () => [
    { url: `/api/v1/contracts/${ids.contractId}/role-sharing/confirm`, body: { version: 1 }, expect: hidden(), ownVendor: own(403, 'the facility confirms') },
  ],
  'GET /api/v1/contracts/:contractId/role-sharing.pdf': () => [
    { url: `/api/v1/contracts/${ids.contractId}/role-sharing.pdf`, expect: hidden(), ownVendor: own(200) },
  ],
  'GET /api/v1/contracts/:contractId/role-sharing.xlsx': () => [
    { url: `/api/v1/contracts/${ids.contractId}/role-sharing.xlsx`, expect: hidden(), ownVendor: own(200) },
  ],
  'GET /api/v1/me/notifications': () => [{ url: '/api/v1/me/notifications', expect: { status: 200, reason: 'own notifications only' } }],
  'GET /api/v1/me/notifications/unread-count': () => [
    { url: '/api/v1/me/notifications/unread-count', expect: { status: 200, reason: 'own notifications only' } },
  ],
  'POST /api/v1/me/notifications/:notificationId/read': () => [
    { url: `/api/v1/me/notifications/${ids.notificationId}/read`, expect: hidden("A's manager's notification") },
  ],
  'POST /api/v1/me/notifications/read-all': () => [{ url: '/api/v1/me/notifications/read-all', expect: { status: 200, reason: 'own notifications only' } }],
  'GET /api/v1/me/notification-preferences': () => [{ url: '/api/v1/me/notification-preferences', expect: { status: 200, reason: 'own settings only' } }],
  'PUT /api/v1/me/notification-preferences': () => [
    {
      url: '/api/v1/me/notification-preferences',
      body: { preferences: [{ kind: 'log-review', mode: 'daily' }] },
      expect: { status: 200, reason: 'own settings only' },
    },
  ],
  'GET /api/v1/unsubscribe/:token': () => [{ url: `/api/v1/unsubscribe/${ids.forgedUnsubscribe}`, expect: hidden('only a link Mamori signed') }],
  'POST /api/v1/unsubscribe/:token': () => [{ url: `/api/v1/unsubscribe/${ids.forgedUnsubscribe}`, expect: hidden('only a link Mamori signed') }],
  'GET /api/v1/audit-events': () => [
    { url: `/api/v1/audit-events?organizationId=${ids.organizationId}`, expect: hidden() },
    { url: `/api/v1/audit-events?facilityId=${ids.facilityId}`, expect: hidden() },
    { url: '/api/v1/audit-events', expect: { status: 403, reason: 'the whole trail is for system administrators' } },
  ],
  'GET /api/v1/oversight': () => [
    { url: `/api/v1/oversight?organizationId=${ids.organizationId}`, expect: noDashboard, admin: ownDashboard },
    { url: '/api/v1/oversight?q=A', expect: noDashboard, admin: ownDashboard },
  ],
  'GET /api/v1/oversight/export': () => [
    { url: `/api/v1/oversight/export?format=csv&organizationId=${ids.organizationId}`, expect: noDashboard, admin: ownDashboard },
  ],
};

describe('tenant isolation', () => {
  it('has an outsider probe for every registered API route', () => {
    const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(walk).sort()).toEqual(registered);
  });

  /** B's staff, a vendor only B contracts with, and A's own vendor, each walking every route. */
  const walkers = {
    admin: { who: () => b.admin, email: 'admin-B@example.jp', expectOf: (p: Probe) => p.admin ?? p.expect },
    manager: { who: () => b.manager, email: 'manager-B@example.jp', expectOf: (p: Probe) => p.expect },
    "B's vendor": { who: () => vendorB, email: 'vendor-b@example.jp', expectOf: (p: Probe) => p.vendor ?? p.expect },
    "A's own vendor": { who: () => vendorA, email: 'vendor-a@example.jp', expectOf: (p: Probe) => p.ownVendor ?? p.vendor ?? p.expect },
  };

  for (const [name, walker] of Object.entries(walkers)) {
    it(`${name} gets nothing of A's it is not entitled to, from any route`, async () => {
      const outsider = walker.who();
      const facilitySecrets = [
        a.organizationId,
        a.facilityId,
        ids.tokenId!,
        ids.invitationId!,
        ids.memberId!,
        ids.assessmentId!,
        ids.evidenceId!,
        ids.assetId!,
        ids.accountId!,
        ids.endOfLifeId!,
        ids.planId!,
        ids.restoreTestId!,
        ids.bcpDocumentId!,
        ids.bcpRecordId!,
        ids.incidentId!,
        ids.notificationId!,
        ids.inspectionGrantId!,
        ids.inspectionId!,
        ids.inspectionFindingId!,
        'A医院の指摘事項',
        'A-PC-001',
        'A医院受付PC',
        'a-doctor',
        'A医院-極秘図',
        '医療法人A会',
        'admin-a@',
        'pending@example.jp',
      ];
      const contractSecrets = [ids.contractId!, ids.vendorFormId!, ids.vendorId!, ids.disclosureId!, ids.answerSetId!, 'A医院', 'Aクリニック'];
      let probes = 0;
      // Sign-outs go last: logout-all ends the outsider's other sessions too.
      const all = Object.entries(walk)
        .flatMap(([route, probesOf]) => probesOf().map((probe) => ({ route, probe })))
        .sort((x, y) => Number(Boolean(x.probe.ownSession)) - Number(Boolean(y.probe.ownSession)));
      for (const { route, probe } of all) {
        const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';
        const who = probe.ownSession ? asBrowser(await login(t.app, walker.email, name.includes('vendor') ? 'vendor-password-1' : undefined)) : outsider;
        const expected = walker.expectOf(probe);
        const response = await call(t.app, who, method, probe.url, probe.body);
        expect.soft(response.statusCode, `${name}: ${route} → ${probe.url} (${expected.reason}) ${response.body}`).toBe(expected.status);
        // A's own vendor sees its contract with A's facility name and its ids, never A's ledgers or people.
        const ownVendorSecrets = probe.ownVendor ? facilitySecrets.filter((x) => x !== a.organizationId && x !== a.facilityId) : facilitySecrets;
        const secrets = name === "A's own vendor" ? ownVendorSecrets : [...facilitySecrets, ...contractSecrets];
        for (const secret of secrets) expect.soft(response.body, `${route} leaks ${secret}`).not.toContain(secret);
        probes++;
      }
      expect(probes).toBeGreaterThan(30);
    });
  }

  it("A's own records still answer their owner (the probes above are not vacuous)", async () => {
    expect((await call(t.app, a.admin, 'GET', `/api/v1/organizations/${a.organizationId}`)).statusCode).toBe(200);
    expect((await call(t.app, a.manager, 'GET', `/api/v1/facilities/${a.facilityId}/members`)).statusCode).toBe(200);
    expect((await call(t.app, a.manager, 'GET', `/api/v1/audit-events?facilityId=${a.facilityId}`)).statusCode).toBe(200);
    expect((await call(t.app, a.viewer, 'GET', `/api/v1/assessments/${ids.assessmentId}`)).statusCode).toBe(200);
    expect((await call(t.app, a.viewer, 'GET', `/api/v1/assessments/${ids.assessmentId}/evidence/${ids.evidenceId}`)).statusCode).toBe(200);
    expect((await call(t.app, a.viewer, 'GET', `/api/v1/assets/${ids.assetId}/history`)).statusCode).toBe(200);
    expect((await call(t.app, a.viewer, 'GET', `/api/v1/accounts/${ids.accountId}`)).statusCode).toBe(200);
    expect((await call(t.app, a.viewer, 'GET', `/api/v1/facilities/${a.facilityId}/findings`)).statusCode).toBe(200);
    expect((await call(t.app, a.manager, 'GET', `/api/v1/facilities/${a.facilityId}/ledgers/assets/export?format=csv`)).body).toContain('A-PC-001');
    expect((await call(t.app, a.viewer, 'GET', `/api/v1/contracts/${ids.contractId}`)).statusCode).toBe(200);
    expect((await call(t.app, a.manager, 'POST', `/api/v1/me/notifications/${ids.notificationId}/read`)).statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/unsubscribe/${unsubscribeToken(t.secrets, a.manager.userId, 'restore-test')}` })).statusCode,
    ).toBe(200);
  });
});
