import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema.js';
import { call, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { clinic, createTenant, inviteAndAccept, type Tenant } from './helpers/world.js';

let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'O');
});
afterAll(() => t.close());

const countEvents = async () => (await t.database.db.select().from(auditEvents)).length;

describe('organizations', () => {
  it('only a system administrator creates organizations', async () => {
    const response = await call(t.app, tenant.admin, 'POST', '/api/v1/organizations', { name: '勝手な法人' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('この操作を行う権限がありません。');
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const before = await json(call(t.app, tenant.admin, 'GET', `/api/v1/organizations/${tenant.organizationId}`));
    const first = await json(
      call(t.app, tenant.admin, 'PATCH', `/api/v1/organizations/${tenant.organizationId}`, { version: before.version, name: '医療法人さくら会' }),
    );
    expect(first.version).toBe(before.version + 1);
    const events = await countEvents();
    const stale = await call(t.app, sysadmin, 'PATCH', `/api/v1/organizations/${tenant.organizationId}`, { version: before.version, name: '上書き' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await json(call(t.app, tenant.admin, 'GET', `/api/v1/organizations/${tenant.organizationId}`))).name).toBe('医療法人さくら会');
    expect(await countEvents()).toBe(events);
  });

  it('lists organization members with their facility roles', async () => {
    const members = await json(call(t.app, tenant.admin, 'GET', `/api/v1/organizations/${tenant.organizationId}/members`));
    expect(members.map((m: { email: string }) => m.email).sort()).toEqual(['admin-o@example.jp', 'manager-o@example.jp', 'viewer-o@example.jp']);
    expect(members.find((m: { email: string }) => m.email === 'manager-o@example.jp').facilities).toEqual([{ facilityId: tenant.facilityId, role: 'manager' }]);
  });
});

describe('facilities', () => {
  it('creates each kind; hospitals need a bed count, others may not have one', async () => {
    const url = `/api/v1/organizations/${tenant.organizationId}/facilities`;
    const hospital = await call(t.app, tenant.admin, 'POST', url, { ...clinic, name: '中央病院', kind: 'hospital' });
    expect(hospital.statusCode).toBe(400);
    expect(hospital.json().error.message).toContain('病院は病床数を入力してください');
    expect((await call(t.app, tenant.admin, 'POST', url, { ...clinic, name: '北診療所', kind: 'clinic', bedCount: 19 })).json().error.code).toBe(
      'bed_count_not_allowed',
    );
    const created = await json(call(t.app, tenant.admin, 'POST', url, { ...clinic, name: '中央病院', kind: 'hospital', bedCount: 120 }));
    expect(created).toMatchObject({ name: '中央病院', kind: 'hospital', bedCount: 120, prefecture: '13', healthCenter: '新宿区保健所', version: 1 });
    for (const kind of ['clinic', 'dental_clinic', 'midwife_home', 'pharmacy']) {
      expect((await call(t.app, tenant.admin, 'POST', url, { ...clinic, name: `${kind}施設`, kind })).statusCode).toBe(200);
    }
    const invalidPrefecture = await call(t.app, tenant.admin, 'POST', url, { ...clinic, prefecture: '48' });
    expect(invalidPrefecture.statusCode).toBe(400);
    expect(invalidPrefecture.json().error.details[0].path).toBe('body.prefecture');
  });

  it('a manager edits their facility; a viewer may only read it', async () => {
    const facility = await json(call(t.app, tenant.viewer, 'GET', `/api/v1/facilities/${tenant.facilityId}`));
    const denied = await call(t.app, tenant.viewer, 'PATCH', `/api/v1/facilities/${tenant.facilityId}`, { version: facility.version, name: '閲覧者の変更' });
    expect(denied.statusCode).toBe(403);
    const updated = await json(
      call(t.app, tenant.manager, 'PATCH', `/api/v1/facilities/${tenant.facilityId}`, { version: facility.version, healthCenter: '渋谷区保健所' }),
    );
    expect(updated).toMatchObject({ healthCenter: '渋谷区保健所', version: facility.version + 1 });
    const stale = await call(t.app, tenant.admin, 'PATCH', `/api/v1/facilities/${tenant.facilityId}`, { version: facility.version, healthCenter: '古い' });
    expect(stale.statusCode).toBe(409);
  });

  it('a facility member sees only their facility in the list; the organization admin sees all', async () => {
    const mine = await json(call(t.app, tenant.viewer, 'GET', '/api/v1/facilities'));
    expect(mine.map((f: { id: string }) => f.id)).toEqual([tenant.facilityId]);
    const all = await json(call(t.app, tenant.admin, 'GET', `/api/v1/facilities?organizationId=${tenant.organizationId}`));
    expect(all.length).toBeGreaterThan(1);
  });
});

describe('members and invitations', () => {
  it('invites a colleague with a role; the invitation works once', async () => {
    const invitation = await json(
      call(t.app, tenant.manager, 'POST', `/api/v1/organizations/${tenant.organizationId}/invitations`, {
        email: 'Planner@Example.jp',
        facilityRoles: [{ facilityId: tenant.facilityId, role: 'planner' }],
      }),
    );
    expect(invitation).toMatchObject({ email: 'planner@example.jp', acceptPath: `/invite/${invitation.token}` });
    const preview = await json(t.app.inject({ url: `/api/v1/invitations/by-token/${invitation.token}` }));
    expect(preview).toMatchObject({ email: 'planner@example.jp', facilityNames: ['Oクリニック'], existingUser: false });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/by-token/${invitation.token}/accept`,
      payload: { name: '企画 花子', password: 'planner-password' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().memberships.facilities).toEqual([
      { id: tenant.facilityId, name: 'Oクリニック', organizationId: tenant.organizationId, role: 'planner' },
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/by-token/${invitation.token}/accept`,
      payload: { name: 'x', password: 'planner-password' },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('invitation_invalid');
  });

  it('a manager cannot invite an organization admin or into another facility', async () => {
    const url = `/api/v1/organizations/${tenant.organizationId}/invitations`;
    expect((await call(t.app, tenant.manager, 'POST', url, { email: 'boss@example.jp', organizationRole: 'admin' })).statusCode).toBe(403);
    const other = await json(call(t.app, tenant.admin, 'POST', `/api/v1/organizations/${tenant.organizationId}/facilities`, { ...clinic, name: '別院' }));
    expect(
      (await call(t.app, tenant.manager, 'POST', url, { email: 'x@example.jp', facilityRoles: [{ facilityId: other.id, role: 'viewer' }] })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, tenant.viewer, 'POST', url, { email: 'x@example.jp', facilityRoles: [{ facilityId: tenant.facilityId, role: 'viewer' }] })).statusCode,
    ).toBe(403);
  });

  it('an existing user accepts after signing in as the invited address', async () => {
    const other = await createTenant(t.app, sysadmin, 'X');
    const invitation = await json(
      call(t.app, tenant.admin, 'POST', `/api/v1/organizations/${tenant.organizationId}/invitations`, {
        email: 'viewer-X@example.jp',
        facilityRoles: [{ facilityId: tenant.facilityId, role: 'operator' }],
      }),
    );
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/by-token/${invitation.token}/accept`, payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const wrongUser = await call(t.app, tenant.viewer, 'POST', `/api/v1/invitations/by-token/${invitation.token}/accept`, {});
    expect(wrongUser.json().error.code).toBe('invitation_wrong_user');
    const session = await json(call(t.app, other.viewer, 'POST', `/api/v1/invitations/by-token/${invitation.token}/accept`, {}));
    expect(session.memberships.facilities.map((f: { id: string }) => f.id).sort()).toEqual([tenant.facilityId, other.facilityId].sort());
  });

  it('changes roles with versions and keeps the last security manager', async () => {
    const members = await json(call(t.app, tenant.admin, 'GET', `/api/v1/facilities/${tenant.facilityId}/members`));
    const manager = members.find((m: { role: string }) => m.role === 'manager');
    const lastManager = await call(t.app, tenant.admin, 'PATCH', `/api/v1/facilities/${tenant.facilityId}/members/${manager.id}`, {
      version: manager.version,
      role: 'viewer',
    });
    expect(lastManager.statusCode).toBe(409);
    expect(lastManager.json().error.code).toBe('last_manager');
    expect((await call(t.app, tenant.admin, 'DELETE', `/api/v1/facilities/${tenant.facilityId}/members/${manager.id}`)).json().error.code).toBe('last_manager');

    const viewer = members.find((m: { role: string }) => m.role === 'viewer');
    const promoted = await json(
      call(t.app, tenant.manager, 'PATCH', `/api/v1/facilities/${tenant.facilityId}/members/${viewer.id}`, { version: viewer.version, role: 'manager' }),
    );
    expect(promoted).toMatchObject({ role: 'manager', version: viewer.version + 1 });
    const stale = await call(t.app, tenant.admin, 'PATCH', `/api/v1/facilities/${tenant.facilityId}/members/${viewer.id}`, {
      version: viewer.version,
      role: 'operator',
    });
    expect(stale.statusCode).toBe(409);
    await json(
      call(t.app, tenant.admin, 'PATCH', `/api/v1/facilities/${tenant.facilityId}/members/${viewer.id}`, { version: promoted.version, role: 'viewer' }),
    );
  });

  it('revokes a pending invitation', async () => {
    const url = `/api/v1/organizations/${tenant.organizationId}/invitations`;
    const invitation = await json(
      call(t.app, tenant.admin, 'POST', url, { email: 'revoked@example.jp', facilityRoles: [{ facilityId: tenant.facilityId, role: 'viewer' }] }),
    );
    expect((await json(call(t.app, tenant.admin, 'GET', url))).some((i: { id: string }) => i.id === invitation.id)).toBe(true);
    await json(call(t.app, tenant.admin, 'DELETE', `/api/v1/invitations/${invitation.id}`), 204);
    expect((await t.app.inject({ url: `/api/v1/invitations/by-token/${invitation.token}` })).statusCode).toBe(404);
  });

  it('removed members lose access at once', async () => {
    const member = await inviteAndAccept(t.app, tenant.admin, tenant.organizationId, 'temp@example.jp', {
      facilityRoles: [{ facilityId: tenant.facilityId, role: 'operator' }],
    });
    const members = await json(call(t.app, tenant.admin, 'GET', `/api/v1/facilities/${tenant.facilityId}/members`));
    const row = members.find((m: { email: string }) => m.email === 'temp@example.jp');
    await json(call(t.app, tenant.manager, 'DELETE', `/api/v1/facilities/${tenant.facilityId}/members/${row.id}`), 204);
    expect((await call(t.app, member, 'GET', `/api/v1/facilities/${tenant.facilityId}`)).statusCode).toBe(404);
    expect((await login(t.app, 'temp@example.jp')).statusCode).toBe(200);
  });
});
