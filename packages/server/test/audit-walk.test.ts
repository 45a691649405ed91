import { isAuditAction, type AuditAction } from '@mamori/domain';
import { eq, gt, max } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, users } from '../src/db/schema.js';
import { unsubscribeToken } from '../src/notifications/unsubscribe-token.js';
import { PASSWORD, asBrowser, call, json, login, multipartFile, startTestApp, tinyPdf, upload, type Browser, type TestApp } from './helpers/app.js';
import { inviteAndAccept } from './helpers/world.js';

/**
 * Issue 14: every route that changes something writes its audit events with actions from the one typed list,
 * in the same request. The walk calls every mutating route once, successfully, as its rightful user, in an
 * order that builds what the next step needs, and compares the events each call wrote with the table.
 * One event per call is the rule; the exceptions say why. A new mutating route not in the walk fails the test.
 */
let t: TestApp;
const the: Record<string, string> = {};
const who: Record<string, Browser> = {};
const today = new Date().toISOString().slice(0, 10);
const clinic = { name: '監査クリニック', kind: 'clinic', prefecture: '13', healthCenter: '新宿区保健所' };

type Step = {
  route: string;
  send: () => Promise<LightMyRequestResponse>;
  /** The actions the call writes, in order. */
  writes: AuditAction[] | (() => AuditAction[]);
  /** Why a call writes more than one event, or none. */
  because?: string;
  /** Builds what the call needs (not measured). */
  prepare?: () => Promise<void>;
  /** Keeps what later steps need from the response body. */
  keep?: (body: any) => void;
};

const api = (path: string) => `/api/v1${path}`;
const as = (user: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => () => call(t.app, who[user]!, method, api(path), body);
const uploadAs = (user: string, path: string, file: ReturnType<typeof multipartFile>) => () => upload(t.app, who[user]!, api(path), file);
const anonymous = (path: string, payload: Record<string, string>) => () => t.app.inject({ method: 'POST', url: api(path), payload });
const get = async (user: string, path: string) => json(call(t.app, who[user]!, 'GET', api(path)));
const f = () => the.facilityId;

/** A user's TOTP code for the next step (each code is accepted once, so the last used step is moved back). */
async function nextTotpCode(email: string): Promise<string> {
  const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
  if (row!.totpLastUsedStep)
    await t.database.db
      .update(users)
      .set({ totpLastUsedStep: row!.totpLastUsedStep - 2 })
      .where(eq(users.id, row!.id));
  return generate({ secret: the.totpSecret! });
}

const accountsCsv = Buffer.from(
  '\uFEFFユーザID,氏名,システム,権限,状態\r\nimp01,取込 一郎,電子カルテ,User,使用可\r\nimp02,取込 二郎,電子カルテ,User,使用可\r\n',
  'utf8',
);

const walk: Step[] = [
  { route: 'POST /api/v1/setup', send: anonymous('/setup', { email: 'root@example.jp', password: PASSWORD, name: 'システム管理者' }), writes: ['user.create'] },
  { route: 'POST /api/v1/auth/login', send: anonymous('/auth/login', { email: 'root@example.jp', password: PASSWORD }), writes: ['user.login'] },
  {
    route: 'POST /api/v1/organizations',
    send: as('root', 'POST', '/organizations', { name: '医療法人監査会' }),
    writes: ['organization.create'],
    keep: (b) => (the.organizationId = b.id),
  },
  {
    route: 'PATCH /api/v1/organizations/:organizationId',
    send: () => as('root', 'PATCH', `/organizations/${the.organizationId}`, { version: 1, name: '医療法人監査会（改）' })(),
    writes: ['organization.update'],
  },
  {
    route: 'POST /api/v1/organizations/:organizationId/facilities',
    send: () => as('root', 'POST', `/organizations/${the.organizationId}/facilities`, clinic)(),
    writes: ['facility.create'],
    keep: (b) => (the.facilityId = b.id),
  },
  {
    route: 'PATCH /api/v1/facilities/:facilityId',
    send: () => as('root', 'PATCH', `/facilities/${f()}`, { version: 1, healthCenter: '渋谷区保健所' })(),
    writes: ['facility.update'],
  },
  {
    route: 'POST /api/v1/organizations/:organizationId/invitations',
    send: () =>
      as('root', 'POST', `/organizations/${the.organizationId}/invitations`, {
        email: 'manager@example.jp',
        facilityRoles: [{ facilityId: f(), role: 'manager' }],
      })(),
    writes: ['invitation.create'],
    keep: (b) => (the.invitationToken = b.token),
  },
  {
    route: 'POST /api/v1/invitations/by-token/:token/accept',
    send: () => anonymous(`/invitations/by-token/${the.invitationToken}/accept`, { name: '管理 花子', password: PASSWORD })(),
    writes: ['user.create', 'facilityMember.grant', 'invitation.accept'],
    because: 'a new person gets an account, the role the invitation offered, and the invitation is used up',
  },
  {
    route: 'DELETE /api/v1/invitations/:invitationId',
    prepare: async () => {
      the.pendingId = (
        await json(
          call(t.app, who.root!, 'POST', api(`/organizations/${the.organizationId}/invitations`), {
            email: 'never@example.jp',
            facilityRoles: [{ facilityId: f(), role: 'viewer' }],
          }),
        )
      ).id;
    },
    send: () => as('root', 'DELETE', `/invitations/${the.pendingId}`)(),
    writes: ['invitation.revoke'],
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/members/me',
    send: () => as('root', 'POST', `/facilities/${f()}/members/me`, { role: 'operator' })(),
    writes: ['facilityMember.grant'],
    keep: (b) => (the.rootMemberId = b.id),
  },
  {
    route: 'PATCH /api/v1/facilities/:facilityId/members/:memberId',
    send: () => as('manager', 'PATCH', `/facilities/${f()}/members/${the.rootMemberId}`, { version: 1, role: 'viewer' })(),
    writes: ['facilityMember.update'],
  },
  {
    route: 'DELETE /api/v1/facilities/:facilityId/members/:memberId',
    send: () => as('manager', 'DELETE', `/facilities/${f()}/members/${the.rootMemberId}`)(),
    writes: ['facilityMember.remove'],
  },
  {
    route: 'POST /api/v1/users/:userId/password-reset',
    send: () => as('root', 'POST', `/users/${who.viewer!.userId}/password-reset`)(),
    writes: ['user.passwordReset'],
    keep: (b) => (the.temporaryPassword = b.temporaryPassword),
  },
  {
    route: 'POST /api/v1/inspectors',
    send: as('root', 'POST', '/inspectors', { email: 'inspector@hokenjo.example.jp', name: '検査 三郎', prefecture: '13', healthCenter: '新宿区保健所' }),
    writes: ['user.create'],
    keep: (b) => (the.inspectorPassword = b.temporaryPassword),
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/inspection-grants',
    send: () => as('manager', 'POST', `/facilities/${f()}/inspection-grants`, { inspectorEmail: 'inspector@hokenjo.example.jp' })(),
    writes: ['inspectionGrant.create'],
    keep: (b) => (the.inspectionGrantId = b.id),
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/inspections',
    send: () =>
      as('inspector', 'POST', `/facilities/${f()}/inspections`, {
        inspectedOn: '2025-10-01',
        findings: [{ itemId: '1(1)', text: '安全管理責任者が規程に明記されていない', followUpRequested: true }, { text: 'BCPの訓練記録がない' }],
      })(),
    writes: ['inspection.record'],
    keep: (b) => (the.inspectionFindingId = b.findings[0].id),
  },
  {
    route: 'PUT /api/v1/inspection-findings/:findingId/answer',
    send: () => as('manager', 'PUT', `/inspection-findings/${the.inspectionFindingId}/answer`, { version: 1, answer: '規程を改訂した' })(),
    writes: ['inspectionFinding.answer'],
  },
  {
    route: 'POST /api/v1/inspectors/:inspectorId/disable',
    send: () => as('root', 'POST', `/inspectors/${who.inspector!.userId}/disable`)(),
    writes: ['user.disable'],
  },
  {
    route: 'POST /api/v1/inspectors/:inspectorId/enable',
    send: () => as('root', 'POST', `/inspectors/${who.inspector!.userId}/enable`)(),
    writes: ['user.enable'],
  },
  {
    route: 'DELETE /api/v1/facilities/:facilityId/inspection-grants/:grantId',
    send: () => as('manager', 'DELETE', `/facilities/${f()}/inspection-grants/${the.inspectionGrantId}`)(),
    writes: ['inspectionGrant.revoke'],
  },
  { route: 'PATCH /api/v1/me', send: as('manager', 'PATCH', '/me', { name: '管理 花子（院長代理）' }), writes: ['user.update'] },
  {
    route: 'POST /api/v1/me/password',
    send: () => as('viewer', 'POST', '/me/password', { currentPassword: the.temporaryPassword, newPassword: 'viewer-new-password' })(),
    writes: ['user.passwordChange'],
  },
  {
    route: 'POST /api/v1/me/totp/setup',
    send: as('manager', 'POST', '/me/totp/setup'),
    writes: [],
    because: 'a secret not yet confirmed changes nothing: enabling it is the audited step',
    keep: (b) => (the.totpSecret = b.secret),
  },
  {
    route: 'POST /api/v1/me/totp/enable',
    send: async () => as('manager', 'POST', '/me/totp/enable', { code: await nextTotpCode('manager@example.jp') })(),
    writes: ['user.totpEnable'],
  },
  {
    route: 'POST /api/v1/me/totp/disable',
    send: async () => as('manager', 'POST', '/me/totp/disable', { code: await nextTotpCode('manager@example.jp') })(),
    writes: ['user.totpDisable'],
  },
  {
    route: 'POST /api/v1/me/tokens',
    send: as('manager', 'POST', '/me/tokens', { name: '取込スクリプト' }),
    writes: ['apiToken.create'],
    keep: (b) => (the.tokenId = b.id),
  },
  { route: 'DELETE /api/v1/me/tokens/:tokenId', send: () => as('manager', 'DELETE', `/me/tokens/${the.tokenId}`)(), writes: ['apiToken.delete'] },

  // The checklist.
  {
    route: 'POST /api/v1/facilities/:facilityId/assessments',
    send: () => as('manager', 'POST', `/facilities/${f()}/assessments`, { fiscalYear: 2023, hasVendorContract: true })(),
    writes: ['assessment.create'],
    keep: (b) => (the.assessmentId = b.id),
  },
  {
    route: 'PATCH /api/v1/assessments/:assessmentId',
    send: () => as('manager', 'PATCH', `/assessments/${the.assessmentId}`, { version: 1, hasVendorContract: false })(),
    writes: ['assessment.update'],
  },
  {
    route: 'PUT /api/v1/assessments/:assessmentId/items/:itemId/rounds/:round',
    send: () => as('manager', 'PUT', `/assessments/${the.assessmentId}/items/1(1)/rounds/1`, { value: 'yes', date: '2023-07-01' })(),
    writes: ['answer.create'],
  },
  {
    route: 'DELETE /api/v1/assessments/:assessmentId/items/:itemId/rounds/:round',
    send: () => as('manager', 'DELETE', `/assessments/${the.assessmentId}/items/1(1)/rounds/1`)(),
    writes: ['answer.delete'],
  },
  {
    route: 'POST /api/v1/assessments/:assessmentId/items/:itemId/evidence',
    send: () => uploadAs('manager', `/assessments/${the.assessmentId}/items/3(1)/evidence`, multipartFile('連絡体制図.pdf', 'application/pdf', tinyPdf))(),
    writes: ['evidence.attach'],
    keep: (b) => (the.evidenceId = b.id),
  },
  {
    route: 'DELETE /api/v1/assessments/:assessmentId/evidence/:evidenceId',
    send: () => as('manager', 'DELETE', `/assessments/${the.assessmentId}/evidence/${the.evidenceId}`)(),
    writes: ['evidence.detach'],
  },
  {
    route: 'POST /api/v1/assessments/:assessmentId/vendor-forms',
    send: () => as('manager', 'POST', `/assessments/${the.assessmentId}/vendor-forms`, { vendorName: '紙で答える事業者' })(),
    writes: ['assessment.create'],
  },
  {
    route: 'POST /api/v1/assessments/:assessmentId/accept-finding',
    send: () => as('manager', 'POST', `/assessments/${the.assessmentId}/accept-finding`, { itemId: '3(1)', targetDate: '2024-03-31', expectedRounds: 0 })(),
    writes: ['answer.create', 'finding.accept'],
    because: 'the suggestion becomes an answer round, and the trail says it came from the ledgers',
  },

  // The ledgers.
  {
    route: 'POST /api/v1/facilities/:facilityId/assets',
    send: () => as('manager', 'POST', `/facilities/${f()}/assets`, { managementNumber: 'PC-001', kind: 'terminal' })(),
    writes: ['asset.create'],
    keep: (b) => (the.assetId = b.id),
  },
  {
    route: 'PATCH /api/v1/assets/:id',
    send: () => as('manager', 'PATCH', `/assets/${the.assetId}`, { version: 1, computerName: '受付PC' })(),
    writes: ['asset.update'],
  },
  { route: 'DELETE /api/v1/assets/:id', send: () => as('manager', 'DELETE', `/assets/${the.assetId}?version=2`)(), writes: ['asset.delete'] },
  {
    route: 'POST /api/v1/facilities/:facilityId/accounts',
    send: () => as('manager', 'POST', `/facilities/${f()}/accounts`, { loginId: 'dr01', familyName: '山田' })(),
    writes: ['account.create'],
    keep: (b) => (the.accountId = b.id),
  },
  {
    route: 'PATCH /api/v1/accounts/:id',
    send: () => as('manager', 'PATCH', `/accounts/${the.accountId}`, { version: 1, givenName: '太郎' })(),
    writes: ['account.update'],
  },
  { route: 'DELETE /api/v1/accounts/:id', send: () => as('manager', 'DELETE', `/accounts/${the.accountId}?version=2`)(), writes: ['account.delete'] },
  {
    route: 'POST /api/v1/facilities/:facilityId/ledgers/:ledger/import',
    send: () => uploadAs('manager', `/facilities/${f()}/ledgers/accounts/import`, multipartFile('accounts.csv', 'text/csv', accountsCsv, { commit: 'true' }))(),
    writes: ['ledger.import', 'account.import', 'account.import'],
    because: "each imported row is a record's own history; the import itself is one more event",
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/account-reviews',
    send: async () => {
      const [first, second] = (await get('manager', `/facilities/${f()}/accounts`)).items;
      return as('manager', 'POST', `/facilities/${f()}/account-reviews`, {
        decisions: [
          { accountId: first.id, decision: 'disable', reason: '退職' },
          { accountId: second.id, decision: 'keep', reason: '在籍' },
        ],
      })();
    },
    writes: ['ledger.review', 'account.disable'],
    because: 'an account disabled in the review is a change to that account, and the review is recorded once',
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/asset-reviews',
    send: () => as('manager', 'POST', `/facilities/${f()}/asset-reviews`, { note: '台帳と現物を照合' })(),
    writes: ['ledger.review'],
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/account-systems/scope',
    send: () => as('manager', 'POST', `/facilities/${f()}/account-systems/scope`, { system: '電子カルテ', scope: 'terminal' })(),
    writes: ['account.update', 'account.update'],
    because: "the scope is each account's field: every account of the system records its own change",
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/end-of-life',
    send: () => as('manager', 'POST', `/facilities/${f()}/end-of-life`, { product: '古いOS', match: ['oldos'], endOfLifeOn: '2020-01-01' })(),
    writes: ['endOfLife.create'],
    keep: (b) => (the.endOfLifeId = b.id),
  },
  { route: 'DELETE /api/v1/end-of-life/:entryId', send: () => as('manager', 'DELETE', `/end-of-life/${the.endOfLifeId}`)(), writes: ['endOfLife.delete'] },
  {
    route: 'PUT /api/v1/facilities/:facilityId/finding-settings',
    send: async () =>
      as('manager', 'PUT', `/facilities/${f()}/finding-settings`, {
        ...(await get('manager', `/facilities/${f()}/finding-settings`)),
        unusedAccountDays: 30,
      })(),
    writes: ['facility.findingThresholds'],
  },

  // Readiness.
  {
    route: 'PUT /api/v1/facilities/:facilityId/contact-chart',
    send: () =>
      as('manager', 'PUT', `/facilities/${f()}/contact-chart`, { entries: [{ key: 'd', kind: 'director', name: '院長' }], edges: [], baseVersion: null })(),
    writes: ['contactChart.save'],
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/backup-plans',
    send: () => as('manager', 'POST', `/facilities/${f()}/backup-plans`, { system: '電子カルテ', method: 'nas', generations: 3 })(),
    writes: ['backupPlan.create'],
    keep: (b) => (the.planId = b.id),
  },
  {
    route: 'PATCH /api/v1/backup-plans/:planId',
    send: () => as('manager', 'PATCH', `/backup-plans/${the.planId}`, { version: 1, generations: 7 })(),
    writes: ['backupPlan.update'],
  },
  {
    route: 'POST /api/v1/backup-plans/:planId/restore-tests',
    send: () => as('manager', 'POST', `/backup-plans/${the.planId}/restore-tests`, { testedOn: today, result: 'success', testedBy: '事務長' })(),
    writes: ['restoreTest.create'],
    keep: (b) => (the.restoreTestId = b.restoreTests[0].id),
  },
  {
    route: 'DELETE /api/v1/restore-tests/:testId',
    send: () => as('manager', 'DELETE', `/restore-tests/${the.restoreTestId}`)(),
    writes: ['restoreTest.delete'],
  },
  {
    route: 'DELETE /api/v1/backup-plans/:planId',
    send: () => as('manager', 'DELETE', `/backup-plans/${the.planId}?version=2`)(),
    writes: ['backupPlan.delete'],
  },
  // Access logs (2(6)).
  {
    route: 'POST /api/v1/facilities/:facilityId/log-sources',
    send: () => as('manager', 'POST', `/facilities/${f()}/log-sources`, { name: '電子カルテサーバ' })(),
    writes: ['logSource.create'],
    keep: (b) => (the.logSourceId = b.source.id),
  },
  {
    route: 'PATCH /api/v1/log-sources/:sourceId',
    send: () => as('manager', 'PATCH', `/log-sources/${the.logSourceId}`, { version: 1, syslogAddress: '192.168.10.5' })(),
    writes: ['logSource.update'],
  },
  {
    route: 'POST /api/v1/log-sources/:sourceId/token',
    send: () => as('manager', 'POST', `/log-sources/${the.logSourceId}/token`, { version: 2 })(),
    writes: ['logSource.rotateToken'],
    keep: (b) => (the.logToken = b.token),
  },
  {
    route: 'POST /api/v1/log-sources/:sourceId/uploads',
    send: () =>
      uploadAs(
        'manager',
        `/log-sources/${the.logSourceId}/uploads`,
        multipartFile('auth.log', 'text/plain', Buffer.from('Dec  1 09:00:00 srv sshd[1]: Accepted password for doctor from 10.0.0.1 port 22 ssh2\n')),
      )(),
    writes: ['accessLog.ingest'],
  },
  {
    route: 'POST /api/v1/log-ingest',
    send: () =>
      t.app.inject({
        method: 'POST',
        url: api('/log-ingest'),
        headers: { authorization: `Bearer ${the.logToken}`, 'content-type': 'text/plain' },
        payload: 'Dec  1 09:05:00 srv sshd[2]: Failed password for doctor from 10.0.0.1 port 22 ssh2\n',
      }),
    writes: ['accessLog.ingest'],
  },
  {
    route: 'POST /api/v1/log-sources/:sourceId/reviews',
    send: () => as('manager', 'POST', `/log-sources/${the.logSourceId}/reviews`, { periodFrom: today, periodTo: today, note: '確認しました' })(),
    writes: ['accessLogReview.create'],
  },
  {
    route: 'PUT /api/v1/facilities/:facilityId/access-log-settings',
    prepare: async () => {
      the.facilityVersion = String((await get('manager', `/facilities/${f()}/access-log-settings`)).version);
    },
    send: () =>
      as('manager', 'PUT', `/facilities/${f()}/access-log-settings`, {
        version: Number(the.facilityVersion),
        failures: { count: 3, withinMinutes: 5 },
        adminHours: { from: '08:00', to: '20:00' },
        silentDays: 14,
        unreviewedDays: 60,
      })(),
    writes: ['facility.accessLogSettings'],
  },
  {
    route: 'PUT /api/v1/facilities/:facilityId/bcp',
    send: () => as('manager', 'PUT', `/facilities/${f()}/bcp`, { version: null, essentials: { decisionMaker: '院長' } })(),
    writes: ['bcp.save'],
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/bcp/documents',
    send: () => uploadAs('manager', `/facilities/${f()}/bcp/documents`, multipartFile('BCP.pdf', 'application/pdf', tinyPdf))(),
    writes: ['bcpDocument.upload'],
  },
  {
    route: 'POST /api/v1/facilities/:facilityId/bcp/records',
    send: () => as('manager', 'POST', `/facilities/${f()}/bcp/records`, { kind: 'drill', heldOn: today, notes: '紙カルテへの切替訓練' })(),
    writes: ['bcpRecord.create'],
    keep: (b) => (the.bcpRecordId = b.records[0].id),
  },
  { route: 'DELETE /api/v1/bcp-records/:recordId', send: () => as('manager', 'DELETE', `/bcp-records/${the.bcpRecordId}`)(), writes: ['bcpRecord.delete'] },
  {
    route: 'POST /api/v1/facilities/:facilityId/incidents',
    send: () => as('manager', 'POST', `/facilities/${f()}/incidents`, { title: '電子カルテが開かない' })(),
    writes: ['incident.open'],
    keep: (b) => (the.incidentId = b.id),
  },
  {
    route: 'POST /api/v1/incidents/:incidentId/events',
    send: () => as('manager', 'POST', `/incidents/${the.incidentId}/events`, { kind: 'action', text: 'LANケーブルを抜いた' })(),
    writes: ['incident.event'],
    keep: (b) => (the.incidentVersion = String(b.version)),
  },
  {
    route: 'PATCH /api/v1/incidents/:incidentId',
    send: () => as('manager', 'PATCH', `/incidents/${the.incidentId}`, { version: Number(the.incidentVersion), status: 'closed' })(),
    writes: ['incident.update'],
  },

  // Vendors: the facility's side, then the vendor's.
  {
    route: 'POST /api/v1/facilities/:facilityId/contracts',
    send: () =>
      as('manager', 'POST', `/facilities/${f()}/contracts`, {
        vendorName: 'カルテ社',
        title: '電子カルテ保守',
        systems: ['電子カルテ'],
        maintenanceContract: true,
        remoteMaintenance: true,
        contactEmail: 'desk@karte.example.jp',
      })(),
    writes: ['vendor.create', 'contract.create'],
    because: 'a contract with a vendor the facility names for the first time registers that vendor too',
    keep: (b) => Object.assign(the, { contractId: b.id, vendorId: b.vendor.id }),
  },
  {
    route: 'PATCH /api/v1/contracts/:contractId',
    send: () =>
      as('manager', 'PATCH', `/contracts/${the.contractId}`, {
        version: 1,
        title: '電子カルテ保守契約',
        systems: ['電子カルテ'],
        maintenanceContract: true,
        remoteMaintenance: true,
        contactEmail: 'desk@karte.example.jp',
      })(),
    writes: ['contract.update'],
  },
  {
    route: 'DELETE /api/v1/contracts/:contractId',
    prepare: async () => {
      the.spareContractId = (
        await json(
          call(t.app, who.manager!, 'POST', api(`/facilities/${f()}/contracts`), {
            vendorName: 'カルテ社',
            title: '予備',
            systems: ['電子カルテ'],
            maintenanceContract: false,
            remoteMaintenance: false,
          }),
        )
      ).id;
    },
    send: () => as('manager', 'DELETE', `/contracts/${the.spareContractId}`)(),
    writes: ['contract.delete'],
  },
  {
    route: 'POST /api/v1/contracts/:contractId/vendor-forms',
    send: () => as('manager', 'POST', `/contracts/${the.contractId}/vendor-forms`, { fiscalYear: 2023 })(),
    writes: ['vendorForm.request', 'vendorInvitation.create'],
    because: "the request and the vendor's single-use link are two records",
    keep: (b) => (the.formId = b.id),
  },
  {
    route: 'POST /api/v1/vendor-forms/:formId/invitation',
    send: () => as('manager', 'POST', `/vendor-forms/${the.formId}/invitation`, {})(),
    writes: ['vendorForm.resend', 'vendorInvitation.create'],
    because: 'a resend revokes the old link and makes a new one',
    keep: (b) => (the.vendorToken = b.invitationUrl.split('/').pop()),
  },
  {
    route: 'POST /api/v1/vendor-invitations/:token/accept',
    send: () => anonymous(`/vendor-invitations/${the.vendorToken}/accept`, { name: 'カルテ 鈴木', password: 'vendor-password-1' })(),
    writes: ['user.create', 'vendorMember.grant', 'vendorInvitation.accept'],
    because: "the vendor's contact gets an account and joins the vendor company",
  },
  {
    route: 'PATCH /api/v1/vendor-forms/:formId',
    send: async () =>
      as('manager', 'PATCH', `/vendor-forms/${the.formId}`, {
        version: (await get('manager', `/vendor-forms/${the.formId}`)).form.version,
        excludedItems: [],
      })(),
    writes: ['vendorForm.update'],
  },
  {
    route: 'PUT /api/v1/vendor-forms/:formId/items/:itemId/rounds/:round',
    send: () => as('vendor', 'PUT', `/vendor-forms/${the.formId}/items/1(1)/rounds/1`, { value: 'yes', date: today })(),
    writes: ['answer.create'],
  },
  {
    route: 'DELETE /api/v1/vendor-forms/:formId/items/:itemId/rounds/:round',
    send: () => as('vendor', 'DELETE', `/vendor-forms/${the.formId}/items/1(1)/rounds/1`)(),
    writes: ['answer.delete'],
  },
  {
    route: 'POST /api/v1/vendors/:vendorId/answer-sets',
    send: async () => {
      const detail = await get('vendor', `/vendor-forms/${the.formId}`);
      const required = detail.evaluation.items.filter((i: { requirement: string }) => i.requirement === 'required');
      the.requiredItems = String(required.length);
      const answers = Object.fromEntries(required.map((i: { id: string }) => [i.id, { value: 'yes', note: '製品の標準設定で対応' }]));
      return as('vendor', 'POST', `/vendors/${the.vendorId}/answer-sets`, { product: 'カルテ2023', edition: '2023', answers })();
    },
    writes: ['answerSet.create'],
    keep: (b) => (the.answerSetId = b.id),
  },
  {
    route: 'PUT /api/v1/answer-sets/:answerSetId',
    send: async () => {
      const set = await get('vendor', `/answer-sets/${the.answerSetId}`);
      return as('vendor', 'PUT', `/answer-sets/${the.answerSetId}`, {
        version: set.version,
        product: 'カルテ2023 改',
        edition: set.edition,
        answers: set.answers,
      })();
    },
    writes: ['answerSet.update'],
  },
  {
    route: 'POST /api/v1/answer-sets/:answerSetId/apply',
    send: () => as('vendor', 'POST', `/answer-sets/${the.answerSetId}/apply`, { formIds: [the.formId], date: today })(),
    writes: () => [...Array<AuditAction>(Number(the.requiredItems)).fill('answer.create'), 'answerSet.apply'],
    because: "each answered item is that form's own answer round; the application is one more event",
  },
  {
    route: 'POST /api/v1/vendor-forms/:formId/submit',
    send: async () =>
      as('vendor', 'POST', `/vendor-forms/${the.formId}/submit`, { version: (await get('vendor', `/vendor-forms/${the.formId}`)).form.version })(),
    writes: ['vendorForm.submit'],
  },
  {
    route: 'POST /api/v1/vendor-forms/:formId/comments',
    send: () => as('manager', 'POST', `/vendor-forms/${the.formId}/comments`, { itemId: '1(1)', body: '根拠の手順書の版数を教えてください' })(),
    writes: ['vendorForm.comment', 'vendorForm.query'],
    because: "the facility's question moves the form to 質問中",
  },
  {
    route: 'POST /api/v1/vendor-forms/:formId/accept',
    prepare: async () => {
      await json(
        call(t.app, who.vendor!, 'POST', api(`/vendor-forms/${the.formId}/submit`), {
          version: (await get('vendor', `/vendor-forms/${the.formId}`)).form.version,
        }),
      );
    },
    send: async () =>
      as('manager', 'POST', `/vendor-forms/${the.formId}/accept`, { version: (await get('manager', `/vendor-forms/${the.formId}`)).form.version })(),
    writes: ['vendorForm.accept'],
  },
  { route: 'DELETE /api/v1/answer-sets/:answerSetId', send: () => as('vendor', 'DELETE', `/answer-sets/${the.answerSetId}`)(), writes: ['answerSet.delete'] },
  {
    route: 'POST /api/v1/contracts/:contractId/disclosures',
    send: () =>
      uploadAs(
        'vendor',
        `/contracts/${the.contractId}/disclosures`,
        multipartFile('SDS.pdf', 'application/pdf', tinyPdf, { system: '電子カルテ', kind: 'SDS', jahisVersion: '5.0', receivedOn: today }),
      )(),
    writes: ['disclosure.create'],
    keep: (b) => (the.disclosureId = b.id),
  },
  {
    route: 'DELETE /api/v1/disclosures/:disclosureId',
    send: () => as('vendor', 'DELETE', `/disclosures/${the.disclosureId}`)(),
    writes: ['disclosure.delete'],
  },
  {
    route: 'PUT /api/v1/contracts/:contractId/role-sharing',
    send: () =>
      as('vendor', 'PUT', `/contracts/${the.contractId}/role-sharing`, { version: null, rows: [{ area: 'bcp', responsible: 'both', action: '協議する' }] })(),
    writes: ['roleSharing.propose'],
  },
  {
    route: 'POST /api/v1/contracts/:contractId/role-sharing/confirm',
    send: () => as('manager', 'POST', `/contracts/${the.contractId}/role-sharing/confirm`, { version: 1 })(),
    writes: ['roleSharing.confirm'],
  },

  // Signing out goes last.
  {
    route: 'PUT /api/v1/me/notification-preferences',
    send: as('manager', 'PUT', '/me/notification-preferences', { preferences: [{ kind: 'restore-test', mode: 'daily' }] }),
    writes: ['user.notificationSettings'],
  },
  {
    route: 'POST /api/v1/unsubscribe/:token',
    send: () => anonymous(`/unsubscribe/${unsubscribeToken(t.secrets, who.manager!.userId, 'bcp-review')}`, {})(),
    writes: ['user.notificationSettings'],
  },
  {
    route: 'POST /api/v1/me/notifications/:notificationId/read',
    prepare: async () => {
      const [row] = await t.database.db
        .insert(notifications)
        .values({
          userId: who.manager!.userId,
          organizationId: the.organizationId!,
          facilityId: f()!,
          kind: 'bcp-review',
          subjectId: 'bcp',
          occasion: 'overdue:2026-12',
          phase: 'overdue',
          params: { dueOn: null, lastReviewedOn: null },
          delivery: 'immediate',
        })
        .returning();
      the.notificationId = row!.id;
    },
    send: () => as('manager', 'POST', `/me/notifications/${the.notificationId}/read`)(),
    writes: [],
    because: 'reading a reminder changes nothing the trail is about (the reminder itself is the record that it was sent)',
  },
  {
    route: 'POST /api/v1/me/notifications/read-all',
    send: as('manager', 'POST', '/me/notifications/read-all'),
    writes: [],
    because: 'reading reminders changes nothing the trail is about',
  },
  { route: 'POST /api/v1/auth/logout', send: as('viewer', 'POST', '/auth/logout'), writes: ['user.logout'] },
  { route: 'POST /api/v1/auth/logout-all', send: as('manager', 'POST', '/auth/logout-all'), writes: ['user.logoutAll'] },
];

/** Who each step acts as, signed in once the account exists. */
async function signIn(step: Step) {
  if (step.route === 'POST /api/v1/auth/login') who.root = asBrowser(await login(t.app, 'root@example.jp'));
  if (step.route === 'POST /api/v1/invitations/by-token/:token/accept') {
    who.manager = asBrowser(await login(t.app, 'manager@example.jp'));
    who.viewer = await inviteAndAccept(t.app, who.manager, the.organizationId!, 'viewer@example.jp', { facilityRoles: [{ facilityId: f()!, role: 'viewer' }] });
  }
  if (step.route === 'POST /api/v1/users/:userId/password-reset') who.viewer = asBrowser(await login(t.app, 'viewer@example.jp', the.temporaryPassword));
  if (step.route === 'POST /api/v1/inspectors') {
    const first = asBrowser(await login(t.app, 'inspector@hokenjo.example.jp', the.inspectorPassword));
    await json(call(t.app, first, 'POST', api('/me/password'), { currentPassword: the.inspectorPassword, newPassword: 'inspector-password-1' }));
    who.inspector = asBrowser(await login(t.app, 'inspector@hokenjo.example.jp', 'inspector-password-1'));
  }
  if (step.route === 'POST /api/v1/vendor-invitations/:token/accept') who.vendor = asBrowser(await login(t.app, 'desk@karte.example.jp', 'vendor-password-1'));
}

const lastSequence = async () => {
  const [row] = await t.database.db.select({ sequence: max(auditEvents.sequence) }).from(auditEvents);
  return row?.sequence ?? 0;
};

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('every change is audited once, with a known action', () => {
  it('walks every mutating route', () => {
    const mutating = t.app.routeTable.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect([...new Set(walk.map((s) => s.route))].sort()).toEqual(mutating.sort());
  });

  it('each call writes the events in the table, and more than one only with a reason', async () => {
    for (const step of walk) {
      await step.prepare?.();
      const since = await lastSequence();
      const response = await step.send();
      expect(response.statusCode, `${step.route}: ${response.body}`).toBeLessThan(300);
      const written = await t.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(gt(auditEvents.sequence, since))
        .orderBy(auditEvents.sequence);
      const actions = written.map((e) => e.action);
      const expected = typeof step.writes === 'function' ? step.writes() : step.writes;
      expect.soft(actions, step.route).toEqual(expected);
      for (const action of actions) expect.soft(isAuditAction(action), `${step.route} writes an unknown action ${action}`).toBe(true);
      if (expected.length !== 1) expect(step.because, `${step.route} writes ${expected.length} events: say why`).toBeTruthy();
      step.keep?.(response.statusCode === 204 ? null : response.json());
      await signIn(step);
    }
  });
});
