import type { FastifyInstance } from 'fastify';
import { PASSWORD, asBrowser, call, json, type Browser } from './app.js';

export interface Tenant {
  organizationId: string;
  facilityId: string;
  admin: Browser;
  manager: Browser;
  viewer: Browser;
}

export const clinic = { name: 'やまだ歯科医院', kind: 'dental_clinic', prefecture: '13', healthCenter: '新宿区保健所' } as const;

/** Invites someone and accepts as a new user; returns their signed-in browser. */
export async function inviteAndAccept(
  app: FastifyInstance,
  inviter: Browser,
  organizationId: string,
  email: string,
  grant: { organizationRole?: 'admin'; facilityRoles?: { facilityId: string; role: string }[] },
): Promise<Browser> {
  const invitation = await json(call(app, inviter, 'POST', `/api/v1/organizations/${organizationId}/invitations`, { email, ...grant }));
  const accepted = await app.inject({
    method: 'POST',
    url: `/api/v1/invitations/by-token/${invitation.token}/accept`,
    payload: { name: email.split('@')[0], password: PASSWORD },
  });
  if (accepted.statusCode !== 200) throw new Error(accepted.body);
  return asBrowser(accepted);
}

/** An organization with one facility, its admin, a manager and a viewer, built by the system admin. */
export async function createTenant(app: FastifyInstance, systemAdmin: Browser, label: string): Promise<Tenant> {
  const organization = await json(call(app, systemAdmin, 'POST', '/api/v1/organizations', { name: `医療法人${label}会` }));
  const facility = await json(
    call(app, systemAdmin, 'POST', `/api/v1/organizations/${organization.id}/facilities`, { ...clinic, name: `${label}クリニック`, kind: 'clinic' }),
  );
  const admin = await inviteAndAccept(app, systemAdmin, organization.id, `admin-${label}@example.jp`, { organizationRole: 'admin' });
  const manager = await inviteAndAccept(app, admin, organization.id, `manager-${label}@example.jp`, {
    facilityRoles: [{ facilityId: facility.id, role: 'manager' }],
  });
  const viewer = await inviteAndAccept(app, manager, organization.id, `viewer-${label}@example.jp`, {
    facilityRoles: [{ facilityId: facility.id, role: 'viewer' }],
  });
  return { organizationId: organization.id, facilityId: facility.id, admin, manager, viewer };
}
