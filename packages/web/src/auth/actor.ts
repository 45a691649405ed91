import { useMemo } from 'react';
import { can, type Actor, type Grant, type Permission, type Scope } from '@mamori/domain';
import type { SessionInfo } from '../api/types';
import { useSession } from './session';

function actorFromSession(session: SessionInfo): Actor {
  const grants: Grant[] = [];
  if (session.user.isSystemAdmin) grants.push({ kind: 'system', role: 'admin' });
  for (const org of session.memberships.organizations) {
    if (org.role) grants.push({ kind: 'organization', organizationId: org.id, role: org.role });
  }
  for (const facility of session.memberships.facilities) {
    if (facility.role) {
      grants.push({ kind: 'facility', organizationId: facility.organizationId, facilityId: facility.id, role: facility.role });
    }
  }
  // Vendor companies' users: their own contracts, forms and answer sets (the vendor portal).
  for (const vendor of session.memberships.vendors ?? []) grants.push({ kind: 'vendor', vendorId: vendor.id });
  // A health center's inspector: read-only access to the facilities that granted it (立入検査).
  for (const f of session.memberships.inspections ?? []) grants.push({ kind: 'inspector', organizationId: f.organizationId, facilityId: f.id });
  return { userId: session.user.id, grants };
}

/** The signed-in person's grants, as the domain's policy reads them. */
export function useActor(): Actor | null {
  const { data: session } = useSession();
  return useMemo(() => (session ? actorFromSession(session) : null), [session]);
}

/** The UI hides what the server would refuse; the server still decides. */
export function useCan() {
  const actor = useActor();
  return useMemo(() => (permission: Permission, scope: Scope) => (actor ? can(actor, permission, scope) : false), [actor]);
}
