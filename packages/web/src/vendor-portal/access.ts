import type { SessionInfo } from '../api/types';
import { useSession } from '../auth/session';

export const vendorHome = '/vendor';

/** The vendor companies the signed-in user answers for. */
export function vendorMemberships(session: SessionInfo | null | undefined): { id: string; name: string }[] {
  return session?.memberships.vendors ?? [];
}

/**
 * A vendor's staff member with nothing on the facility side: the vendor portal is their home and their
 * whole menu. Someone who is also facility staff (or an administrator) keeps the facility screens.
 */
export function isVendorOnly(session: SessionInfo | null | undefined): boolean {
  if (!session) return false;
  return (
    vendorMemberships(session).length > 0 &&
    session.memberships.facilities.length === 0 &&
    !session.memberships.organizations.some((o) => o.role) &&
    !session.user.isSystemAdmin
  );
}

export function useVendorMemberships() {
  const { data: session } = useSession();
  return vendorMemberships(session);
}
