import { useMemo } from 'react';
import { can, contractSide, type Actor, type Permission } from '@mamori/domain';
import { actorFromSession } from '../auth/actor';
import { useSession } from '../auth/session';
import type { ContractView, VendorSide } from './api';

type ContractScope = { kind: 'contract'; organizationId: string; facilityId: string; vendorId: string };

/** The session's grants, with the vendor companies the user answers for (the vendor portal). */
function useActor(): Actor | null {
  const { data: session } = useSession();
  return useMemo(() => {
    if (!session) return null;
    const actor = actorFromSession(session);
    const missing = (session.memberships.vendors ?? []).filter((v) => !actor.grants.some((g) => g.kind === 'vendor' && g.vendorId === v.id));
    return { ...actor, grants: [...actor.grants, ...missing.map((v) => ({ kind: 'vendor' as const, vendorId: v.id }))] };
  }, [session]);
}

/**
 * Which side of a contract the signed-in person is on, and what they may do there (the server decides
 * again). Facility staff win over a vendor membership, as on the server.
 */
export function useContractAccess(contract: Pick<ContractView, 'organizationId' | 'facilityId' | 'vendor'> | undefined) {
  const actor = useActor();
  const scope: ContractScope | null = contract ? { kind: 'contract', organizationId: contract.organizationId, facilityId: contract.facilityId, vendorId: contract.vendor.id } : null;
  const may = (permission: Permission) => !!actor && !!scope && can(actor, permission, scope);
  const side: VendorSide | null = actor && scope ? contractSide(actor, scope) : null;
  return {
    side,
    canManage: may('contract.manage'),
    canRequest: may('vendorForm.request'),
    canReview: may('vendorForm.review'),
    canAnswer: may('vendorForm.answer'),
  };
}

/** Whether the user answers for any vendor company (then the app shows them the vendor portal). */
export function useIsVendorUser(): boolean {
  const { data: session } = useSession();
  return (session?.memberships.vendors?.length ?? 0) > 0;
}
