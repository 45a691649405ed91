import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '@mamori/domain';
import { auditEvents } from '../src/db/schema.js';
import { call, json, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { clinic, createTenant, type Tenant } from './helpers/world.js';

/** Issue 13 (10): the first administrator creates a facility without being its member; 1(1) then has no 安全管理責任者. */
let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'J');
});
afterAll(() => t.close());

const fiscalYear = fiscalYearOf(new Date().toISOString().slice(0, 10));
const securityManager = async (who: Browser, facilityId: string) => {
  const view = await json(call(t.app, who, 'GET', `/api/v1/facilities/${facilityId}/findings?fiscalYear=${fiscalYear}`));
  return view.findings.find((f: { topic: string }) => f.topic === 'security-manager');
};

describe('an administrator takes a role in a facility (POST /facilities/:id/members/me)', () => {
  it('the first administrator becomes the new facility’s 安全管理責任者; 1(1) follows; the audit trail says who', async () => {
    const organization = await json(call(t.app, sysadmin, 'POST', '/api/v1/organizations', { name: '医療法人はじめ会' }));
    const facility = await json(call(t.app, sysadmin, 'POST', `/api/v1/organizations/${organization.id}/facilities`, { ...clinic, name: 'はじめ医院' }));
    expect((await securityManager(sysadmin, facility.id)).suggestion).toBe('no');

    const me = await json(call(t.app, sysadmin, 'POST', `/api/v1/facilities/${facility.id}/members/me`, { role: 'manager' }));
    expect(me).toMatchObject({ email: 'admin@example.jp', role: 'manager', version: 1 });
    const members = await json(call(t.app, sysadmin, 'GET', `/api/v1/facilities/${facility.id}/members`));
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([['admin@example.jp', 'manager']]);
    expect((await securityManager(sysadmin, facility.id)).suggestion).toBe('yes');
    const session = await json(call(t.app, sysadmin, 'GET', '/api/v1/auth/session'));
    expect(session.memberships.facilities.map((f: { id: string; role: string }) => [f.id, f.role])).toContainEqual([facility.id, 'manager']);

    const events = (await t.database.db.select().from(auditEvents)).filter((e) => e.facilityId === facility.id && e.action === 'facilityMember.grant');
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(session.user.id);
    expect(events[0]!.changes).toMatchObject({ userId: { before: null, after: session.user.id }, role: { before: null, after: 'manager' } });

    // Asking again changes nothing and records nothing; stepping down as the last manager is refused.
    await json(call(t.app, sysadmin, 'POST', `/api/v1/facilities/${facility.id}/members/me`, { role: 'manager' }));
    const down = await call(t.app, sysadmin, 'POST', `/api/v1/facilities/${facility.id}/members/me`, { role: 'viewer' });
    expect(down.statusCode).toBe(409);
    expect(down.json().error.code).toBe('last_manager');
  });

  it('an organization admin may join its own facilities only; facility staff and outsiders may not', async () => {
    const joined = await json(call(t.app, tenant.admin, 'POST', `/api/v1/facilities/${tenant.facilityId}/members/me`, { role: 'planner' }));
    expect(joined).toMatchObject({ email: 'admin-j@example.jp', role: 'planner' });
    // A manager changes roles through PATCH (member.update), not by granting themselves one.
    expect((await call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/members/me`, { role: 'manager' })).statusCode).toBe(403);
    expect((await call(t.app, tenant.viewer, 'POST', `/api/v1/facilities/${tenant.facilityId}/members/me`, { role: 'manager' })).statusCode).toBe(403);
    const other = await createTenant(t.app, sysadmin, 'K');
    expect((await call(t.app, tenant.admin, 'POST', `/api/v1/facilities/${other.facilityId}/members/me`, { role: 'manager' })).statusCode).toBe(404);
    expect((await call(t.app, tenant.admin, 'POST', `/api/v1/facilities/${tenant.facilityId}/members/me`, { role: 'owner' })).statusCode).toBe(400);
  });
});
