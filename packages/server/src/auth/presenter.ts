import { and, eq, inArray } from 'drizzle-orm';
import type { ApiToken, CurrentUser, FacilityRole, Locale, OrganizationRole, SessionInfo } from '@mamori/domain';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { AppDeps } from '../http/types.js';
import { facilities, facilityMembers, inspectionGrants, organizationMembers, organizations, vendorMembers, vendors } from '../db/schema.js';
import type { Authenticated, UserRow } from './context.js';
import type { ApiTokenRow } from './tokens.js';

export function presentUser(user: UserRow, restricted: Authenticated['restricted'] = null): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale as Locale,
    isSystemAdmin: user.isSystemAdmin,
    totpEnabled: Boolean(user.totpSecret),
    mustChangePassword: user.mustChangePassword,
    mustEnrollTotp: restricted === 'totp_enrollment_required',
  };
}

export const presentToken = (t: ApiTokenRow): z.infer<typeof ApiToken> => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** The organizations and facilities the user works in, for the facility switcher. */
async function membershipSummary(db: Db, userId: string): Promise<SessionInfo['memberships']> {
  const adminOf = await db
    .select({ id: organizations.id, name: organizations.name, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId));
  const staffOf = await db
    .select({ id: facilities.id, name: facilities.name, organizationId: facilities.organizationId, role: facilityMembers.role })
    .from(facilityMembers)
    .innerJoin(facilities, eq(facilities.id, facilityMembers.facilityId))
    .where(eq(facilityMembers.userId, userId));
  const adminOrgIds = adminOf.map((o) => o.id);
  const administered = adminOrgIds.length
    ? await db
        .select({ id: facilities.id, name: facilities.name, organizationId: facilities.organizationId })
        .from(facilities)
        .where(and(inArray(facilities.organizationId, adminOrgIds)))
    : [];
  const staffOrgIds = [...new Set(staffOf.map((f) => f.organizationId))].filter((id) => !adminOrgIds.includes(id));
  const staffOrgs = staffOrgIds.length
    ? await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, staffOrgIds))
    : [];
  const facilityList = new Map<string, SessionInfo['memberships']['facilities'][number]>();
  for (const f of administered) facilityList.set(f.id, { ...f, role: null });
  for (const f of staffOf) facilityList.set(f.id, { ...f, role: f.role as FacilityRole });
  const vendorOf = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendorMembers)
    .innerJoin(vendors, eq(vendors.id, vendorMembers.vendorId))
    .where(eq(vendorMembers.userId, userId));
  const inspected = await db
    .select({ id: facilities.id, name: facilities.name, organizationId: facilities.organizationId })
    .from(inspectionGrants)
    .innerJoin(facilities, eq(facilities.id, inspectionGrants.facilityId))
    .where(eq(inspectionGrants.inspectorId, userId));
  return {
    vendors: vendorOf.sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    inspections: inspected.sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    organizations: [
      ...adminOf.map((o) => ({ id: o.id, name: o.name, role: o.role as OrganizationRole })),
      ...staffOrgs.map((o) => ({ id: o.id, name: o.name, role: null })),
    ].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    facilities: [...facilityList.values()].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
  };
}

export async function presentSession(
  deps: Pick<AppDeps, 'database' | 'config'>,
  user: UserRow,
  csrfToken: string,
  restricted: Authenticated['restricted'],
): Promise<SessionInfo> {
  return {
    user: presentUser(user, restricted),
    csrfToken,
    memberships: await membershipSummary(deps.database.db, user.id),
    mailDelivery: Boolean(deps.config.mail.smtpUrl),
  };
}
