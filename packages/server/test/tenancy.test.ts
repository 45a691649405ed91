import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, call, json, login, multipartFile, setupAdmin, startTestApp, tinyPdf, upload, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

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

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  a = await createTenant(t.app, sysadmin, 'A');
  b = await createTenant(t.app, sysadmin, 'B');
  const token = await json(call(t.app, a.admin, 'POST', '/api/v1/me/tokens', { name: 'A script' }));
  const invitation = await json(call(t.app, a.admin, 'POST', `/api/v1/organizations/${a.organizationId}/invitations`, { email: 'pending@example.jp', facilityRoles: [{ facilityId: a.facilityId, role: 'operator' }] }));
  const members = await json(call(t.app, a.admin, 'GET', `/api/v1/facilities/${a.facilityId}/members`));
  const assessment = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/assessments`, { fiscalYear: 2023, hasVendorContract: true }));
  await json(call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessment.id}/items/gate/rounds/1`, { value: 'yes', date: '2023-07-01' }));
  const evidence = await json(upload(t.app, a.manager, `/api/v1/assessments/${assessment.id}/items/3(1)/evidence`, multipartFile('A医院-極秘図.pdf', 'application/pdf', tinyPdf)));
  const asset = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/assets`, { managementNumber: 'A-PC-001', computerName: 'A医院受付PC' }));
  const account = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/accounts`, { loginId: 'a-doctor', familyName: 'A医院医師' }));
  const endOfLife = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/end-of-life`, { product: 'A医院専用OS', match: ['aos'], endOfLifeOn: '2020-01-01' }));
  await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/account-reviews`, { decisions: [{ accountId: account.id, decision: 'keep', reason: 'A医院在籍' }] }));
  await json(call(t.app, a.manager, 'PUT', `/api/v1/facilities/${a.facilityId}/contact-chart`, { entries: [{ key: 'd', kind: 'director', name: 'A医院院長' }], edges: [], baseVersion: null }));
  const plan = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/backup-plans`, { system: 'A医院カルテ', method: 'nas', generations: 3 }));
  const tested = await json(call(t.app, a.manager, 'POST', `/api/v1/backup-plans/${plan.id}/restore-tests`, { testedOn: '2025-05-01', result: 'success', testedBy: 'A医院IT' }));
  const bcp = await json(upload(t.app, a.manager, `/api/v1/facilities/${a.facilityId}/bcp/documents`, multipartFile('A医院BCP.pdf', 'application/pdf', tinyPdf)));
  const withRecord = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/bcp/records`, { kind: 'review', heldOn: '2025-05-01', notes: 'A医院見直し' }));
  const incident = await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/incidents`, { title: 'A医院の障害' }));
  ids = {
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
  };
});
afterAll(() => t.close());

type Expectation = { status: number; reason: string };
/** `ownSession`: sent from a separate sign-in of the outsider, because it signs that session out. */
type Probe = { url: string; body?: unknown; expect: Expectation; ownSession?: boolean };

const hidden = (reason = "another tenant's record") => ({ status: 404, reason });

/** One entry per registered route: how an outsider calls it and what they must get. */
const walk: Record<string, () => Probe[]> = {
  'GET /api/v1/health': () => [{ url: '/api/v1/health', expect: { status: 200, reason: 'public' } }],
  'GET /api/v1/openapi.json': () => [{ url: '/api/v1/openapi.json', expect: { status: 200, reason: 'public' } }],
  'GET /api/v1/setup': () => [{ url: '/api/v1/setup', expect: { status: 200, reason: 'public' } }],
  'POST /api/v1/setup': () => [{ url: '/api/v1/setup', body: { email: 'x@example.jp', password: 'password-123', name: 'x' }, expect: { status: 409, reason: 'setup is done once' } }],
  'POST /api/v1/auth/login': () => [{ url: '/api/v1/auth/login', body: { email: 'admin-A@example.jp', password: 'wrong-password' }, expect: { status: 401, reason: "A's password is not known" } }],
  'POST /api/v1/auth/logout': () => [{ url: '/api/v1/auth/logout', expect: { status: 204, reason: 'own session only' }, ownSession: true }],
  'POST /api/v1/auth/logout-all': () => [{ url: '/api/v1/auth/logout-all', expect: { status: 204, reason: 'own sessions only' }, ownSession: true }],
  'GET /api/v1/auth/session': () => [{ url: '/api/v1/auth/session', expect: { status: 200, reason: 'own session only' } }],
  'PATCH /api/v1/me': () => [{ url: '/api/v1/me', body: { name: 'B' }, expect: { status: 200, reason: 'own account only' } }],
  'POST /api/v1/me/password': () => [{ url: '/api/v1/me/password', body: { currentPassword: 'nope-nope', newPassword: 'another-password' }, expect: { status: 400, reason: 'own account only' } }],
  'POST /api/v1/me/totp/setup': () => [{ url: '/api/v1/me/totp/setup', expect: { status: 200, reason: 'own account only' } }],
  'POST /api/v1/me/totp/enable': () => [{ url: '/api/v1/me/totp/enable', body: { code: '000000' }, expect: { status: 400, reason: 'own account only' } }],
  'POST /api/v1/me/totp/disable': () => [{ url: '/api/v1/me/totp/disable', body: { code: '000000' }, expect: { status: 400, reason: 'own account only' } }],
  'GET /api/v1/me/tokens': () => [{ url: '/api/v1/me/tokens', expect: { status: 200, reason: 'own tokens only' } }],
  'POST /api/v1/me/tokens': () => [{ url: '/api/v1/me/tokens', body: { name: 'B script' }, expect: { status: 200, reason: 'own tokens only' } }],
  'DELETE /api/v1/me/tokens/:tokenId': () => [{ url: `/api/v1/me/tokens/${ids.tokenId}`, expect: hidden("A's token") }],
  'GET /api/v1/organizations': () => [{ url: '/api/v1/organizations', expect: { status: 200, reason: 'lists own organizations only' } }],
  'POST /api/v1/organizations': () => [{ url: '/api/v1/organizations', body: { name: 'X' }, expect: { status: 403, reason: 'system administrators only' } }],
  'GET /api/v1/organizations/:organizationId': () => [{ url: `/api/v1/organizations/${ids.organizationId}`, expect: hidden() }],
  'PATCH /api/v1/organizations/:organizationId': () => [{ url: `/api/v1/organizations/${ids.organizationId}`, body: { version: 1, name: 'hijacked' }, expect: hidden() }],
  'GET /api/v1/organizations/:organizationId/members': () => [{ url: `/api/v1/organizations/${ids.organizationId}/members`, expect: hidden() }],
  'POST /api/v1/organizations/:organizationId/facilities': () => [{ url: `/api/v1/organizations/${ids.organizationId}/facilities`, body: { name: 'x', kind: 'clinic', prefecture: '13' }, expect: hidden() }],
  'GET /api/v1/facilities': () => [
    { url: '/api/v1/facilities', expect: { status: 200, reason: 'lists own facilities only' } },
    { url: `/api/v1/facilities?organizationId=${ids.organizationId}`, expect: { status: 200, reason: 'filter by a foreign organization yields nothing' } },
  ],
  'GET /api/v1/facilities/:facilityId': () => [{ url: `/api/v1/facilities/${ids.facilityId}`, expect: hidden() }],
  'PATCH /api/v1/facilities/:facilityId': () => [{ url: `/api/v1/facilities/${ids.facilityId}`, body: { version: 1, name: 'hijacked' }, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/members': () => [{ url: `/api/v1/facilities/${ids.facilityId}/members`, expect: hidden() }],
  'PATCH /api/v1/facilities/:facilityId/members/:memberId': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/members/${ids.memberId}`, body: { version: 1, role: 'manager' }, expect: hidden() },
    { url: `/api/v1/facilities/${b.facilityId}/members/${ids.memberId}`, body: { version: 1, role: 'manager' }, expect: hidden("A's member through B's facility") },
  ],
  'DELETE /api/v1/facilities/:facilityId/members/:memberId': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/members/${ids.memberId}`, expect: hidden() },
    { url: `/api/v1/facilities/${b.facilityId}/members/${ids.memberId}`, expect: hidden("A's member through B's facility") },
  ],
  'GET /api/v1/organizations/:organizationId/invitations': () => [{ url: `/api/v1/organizations/${ids.organizationId}/invitations`, expect: hidden() }],
  'POST /api/v1/organizations/:organizationId/invitations': () => [
    { url: `/api/v1/organizations/${ids.organizationId}/invitations`, body: { email: 'spy@example.jp', organizationRole: 'admin' }, expect: hidden() },
    { url: `/api/v1/organizations/${b.organizationId}/invitations`, body: { email: 'spy@example.jp', facilityRoles: [{ facilityId: ids.facilityId, role: 'manager' }] }, expect: { status: 400, reason: "A's facility through B's organization" } },
  ],
  'DELETE /api/v1/invitations/:invitationId': () => [{ url: `/api/v1/invitations/${ids.invitationId}`, expect: hidden() }],
  'GET /api/v1/invitations/by-token/:token': () => [{ url: `/api/v1/invitations/by-token/${ids.token}`, expect: hidden('only the token holder') }],
  'POST /api/v1/invitations/by-token/:token/accept': () => [{ url: `/api/v1/invitations/by-token/${ids.token}/accept`, body: {}, expect: hidden('only the token holder') }],
  'POST /api/v1/users/:userId/password-reset': () => [{ url: `/api/v1/users/${ids.userId}/password-reset`, expect: hidden("A's user") }],
  'GET /api/v1/editions': () => [{ url: '/api/v1/editions', expect: { status: 200, reason: 'the ministry’s forms are public' } }],
  'GET /api/v1/editions/:edition/:form': () => [{ url: '/api/v1/editions/2023/institution', expect: { status: 200, reason: 'the ministry’s forms are public' } }],
  'GET /api/v1/facilities/:facilityId/assessments': () => [{ url: `/api/v1/facilities/${ids.facilityId}/assessments`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/assessments': () => [{ url: `/api/v1/facilities/${ids.facilityId}/assessments`, body: { fiscalYear: 2024, hasVendorContract: false }, expect: hidden() }],
  'POST /api/v1/assessments/:assessmentId/vendor-forms': () => [{ url: `/api/v1/assessments/${ids.assessmentId}/vendor-forms`, body: { vendorName: 'X社' }, expect: hidden() }],
  'GET /api/v1/assessments/:assessmentId': () => [{ url: `/api/v1/assessments/${ids.assessmentId}`, expect: hidden() }],
  'PATCH /api/v1/assessments/:assessmentId': () => [{ url: `/api/v1/assessments/${ids.assessmentId}`, body: { version: 1, hasVendorContract: false }, expect: hidden() }],
  'PUT /api/v1/assessments/:assessmentId/items/:itemId/rounds/:round': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/items/gate/rounds/1`, body: { value: 'no', date: '2023-07-02', version: 1 }, expect: hidden() },
  ],
  'DELETE /api/v1/assessments/:assessmentId/items/:itemId/rounds/:round': () => [{ url: `/api/v1/assessments/${ids.assessmentId}/items/gate/rounds/1`, expect: hidden() }],
  'POST /api/v1/assessments/:assessmentId/items/:itemId/evidence': () => [{ url: `/api/v1/assessments/${ids.assessmentId}/items/3(1)/evidence`, body: {}, expect: hidden() }],
  'GET /api/v1/assessments/:assessmentId/evidence/:evidenceId': () => [{ url: `/api/v1/assessments/${ids.assessmentId}/evidence/${ids.evidenceId}`, expect: hidden() }],
  'DELETE /api/v1/assessments/:assessmentId/evidence/:evidenceId': () => [{ url: `/api/v1/assessments/${ids.assessmentId}/evidence/${ids.evidenceId}`, expect: hidden() }],
  'GET /api/v1/assessments/:assessmentId/export.:format': () => [
    { url: `/api/v1/assessments/${ids.assessmentId}/export.pdf`, expect: hidden() },
    { url: `/api/v1/assessments/${ids.assessmentId}/export.xlsx?locale=en`, expect: hidden() },
    { url: `/api/v1/assessments/${ids.assessmentId}/export.csv`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/assets': () => [{ url: `/api/v1/facilities/${ids.facilityId}/assets?q=A`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/assets': () => [{ url: `/api/v1/facilities/${ids.facilityId}/assets`, body: { managementNumber: 'X' }, expect: hidden() }],
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
  'POST /api/v1/facilities/:facilityId/ledgers/:ledger/import': () => [{ url: `/api/v1/facilities/${ids.facilityId}/ledgers/assets/import`, body: {}, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/ledgers/:ledger/mapping': () => [{ url: `/api/v1/facilities/${ids.facilityId}/ledgers/accounts/mapping`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/ledgers/:ledger/export': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/ledgers/assets/export?format=xlsx`, expect: hidden() },
    { url: `/api/v1/facilities/${ids.facilityId}/ledgers/accounts/export?format=csv-sjis`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/ledger-reviews': () => [{ url: `/api/v1/facilities/${ids.facilityId}/ledger-reviews`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/account-reviews': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/account-reviews`, body: { decisions: [{ accountId: ids.accountId, decision: 'delete', reason: 'x' }] }, expect: hidden() },
  ],
  'POST /api/v1/facilities/:facilityId/asset-reviews': () => [{ url: `/api/v1/facilities/${ids.facilityId}/asset-reviews`, body: {}, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/end-of-life': () => [{ url: `/api/v1/facilities/${ids.facilityId}/end-of-life`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/end-of-life': () => [{ url: `/api/v1/facilities/${ids.facilityId}/end-of-life`, body: { product: 'X', match: ['x'], endOfLifeOn: '2020-01-01' }, expect: hidden() }],
  'DELETE /api/v1/end-of-life/:entryId': () => [{ url: `/api/v1/end-of-life/${ids.endOfLifeId}`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/findings': () => [{ url: `/api/v1/facilities/${ids.facilityId}/findings`, expect: hidden() }],
  'POST /api/v1/assessments/:assessmentId/accept-finding': () => [{ url: `/api/v1/assessments/${ids.assessmentId}/accept-finding`, body: { itemId: '2(1)', expectedRounds: 0 }, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/finding-settings': () => [{ url: `/api/v1/facilities/${ids.facilityId}/finding-settings`, expect: hidden() }],
  'PUT /api/v1/facilities/:facilityId/finding-settings': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/finding-settings`, body: { version: 1, patchMaxAgeDays: 1, unusedAccountDays: 1, ledgerReviewMonths: 1, servicesReviewMonths: 1 }, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/contact-chart': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contact-chart`, expect: hidden() }],
  'PUT /api/v1/facilities/:facilityId/contact-chart': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contact-chart`, body: { entries: [], edges: [], baseVersion: 1 }, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/contact-chart/versions': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contact-chart/versions`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/contact-chart/versions/:chartVersion': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contact-chart/versions/1`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/contact-chart/export.pdf': () => [{ url: `/api/v1/facilities/${ids.facilityId}/contact-chart/export.pdf`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/backup-plans': () => [{ url: `/api/v1/facilities/${ids.facilityId}/backup-plans`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/backup-plans': () => [{ url: `/api/v1/facilities/${ids.facilityId}/backup-plans`, body: { system: 'X', method: 'nas', generations: 1 }, expect: hidden() }],
  'PATCH /api/v1/backup-plans/:planId': () => [{ url: `/api/v1/backup-plans/${ids.planId}`, body: { version: 1, generations: 1 }, expect: hidden() }],
  'DELETE /api/v1/backup-plans/:planId': () => [{ url: `/api/v1/backup-plans/${ids.planId}?version=1`, expect: hidden() }],
  'POST /api/v1/backup-plans/:planId/restore-tests': () => [
    { url: `/api/v1/backup-plans/${ids.planId}/restore-tests`, body: { testedOn: '2025-01-01', result: 'failure', testedBy: 'x' }, expect: hidden() },
  ],
  'DELETE /api/v1/restore-tests/:testId': () => [{ url: `/api/v1/restore-tests/${ids.restoreTestId}`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/bcp': () => [{ url: `/api/v1/facilities/${ids.facilityId}/bcp`, expect: hidden() }],
  'PUT /api/v1/facilities/:facilityId/bcp': () => [{ url: `/api/v1/facilities/${ids.facilityId}/bcp`, body: { version: null, essentials: {} }, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/bcp/documents': () => [{ url: `/api/v1/facilities/${ids.facilityId}/bcp/documents`, body: {}, expect: hidden() }],
  'GET /api/v1/bcp-documents/:documentId': () => [{ url: `/api/v1/bcp-documents/${ids.bcpDocumentId}`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/bcp/records': () => [{ url: `/api/v1/facilities/${ids.facilityId}/bcp/records`, body: { kind: 'drill', heldOn: '2025-01-01' }, expect: hidden() }],
  'DELETE /api/v1/bcp-records/:recordId': () => [{ url: `/api/v1/bcp-records/${ids.bcpRecordId}`, expect: hidden() }],
  'GET /api/v1/facilities/:facilityId/bcp/template.:format': () => [
    { url: `/api/v1/facilities/${ids.facilityId}/bcp/template.docx`, expect: hidden() },
    { url: `/api/v1/facilities/${ids.facilityId}/bcp/template.pdf`, expect: hidden() },
  ],
  'GET /api/v1/facilities/:facilityId/incidents': () => [{ url: `/api/v1/facilities/${ids.facilityId}/incidents`, expect: hidden() }],
  'POST /api/v1/facilities/:facilityId/incidents': () => [{ url: `/api/v1/facilities/${ids.facilityId}/incidents`, body: { title: 'x' }, expect: hidden() }],
  'GET /api/v1/incidents/:incidentId': () => [{ url: `/api/v1/incidents/${ids.incidentId}`, expect: hidden() }],
  'PATCH /api/v1/incidents/:incidentId': () => [{ url: `/api/v1/incidents/${ids.incidentId}`, body: { version: 1, status: 'closed' }, expect: hidden() }],
  'POST /api/v1/incidents/:incidentId/events': () => [{ url: `/api/v1/incidents/${ids.incidentId}/events`, body: { kind: 'note', text: 'x' }, expect: hidden() }],
  'GET /api/v1/audit-events': () => [
    { url: `/api/v1/audit-events?organizationId=${ids.organizationId}`, expect: hidden() },
    { url: `/api/v1/audit-events?facilityId=${ids.facilityId}`, expect: hidden() },
    { url: '/api/v1/audit-events', expect: { status: 403, reason: 'the whole trail is for system administrators' } },
  ],
};

describe('tenant isolation', () => {
  it('has an outsider probe for every registered API route', () => {
    const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(walk).sort()).toEqual(registered);
  });

  for (const role of ['admin', 'manager'] as const) {
    it(`B's ${role} gets nothing of A's from any route`, async () => {
      const outsider = b[role];
      const secrets = [a.organizationId, a.facilityId, ids.tokenId!, ids.invitationId!, ids.memberId!, ids.assessmentId!, ids.evidenceId!, ids.assetId!, ids.accountId!, ids.endOfLifeId!, ids.planId!, ids.restoreTestId!, ids.bcpDocumentId!, ids.bcpRecordId!, ids.incidentId!, 'A-PC-001', 'A医院受付PC', 'a-doctor', 'A医院', 'A医院-極秘図', 'Aクリニック', '医療法人A会', 'admin-a@', 'pending@example.jp'];
      let probes = 0;
      // Sign-outs go last: logout-all ends the outsider's other sessions too.
      const all = Object.entries(walk)
        .flatMap(([route, probesOf]) => probesOf().map((probe) => ({ route, probe })))
        .sort((x, y) => Number(Boolean(x.probe.ownSession)) - Number(Boolean(y.probe.ownSession)));
      {
        for (const { route, probe } of all) {
          const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';
          const who = probe.ownSession ? asBrowser(await login(t.app, `${role}-B@example.jp`)) : outsider;
          const response = await call(t.app, who, method, probe.url, probe.body);
          expect.soft(response.statusCode, `${role}: ${route} → ${probe.url} (${probe.expect.reason}) ${response.body}`).toBe(probe.expect.status);
          for (const secret of secrets) expect.soft(response.body, `${route} leaks ${secret}`).not.toContain(secret);
          probes++;
        }
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
  });
});
