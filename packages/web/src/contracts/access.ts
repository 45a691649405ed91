import { can, contractSide, type Permission } from '@mamori/domain';
import { useActor } from '../auth/actor';
import type { ContractView, VendorSide } from './api';

type ContractScope = { kind: 'contract'; organizationId: string; facilityId: string; vendorId: string };

/**
 * Which side of a contract the signed-in person is on, and what they may do there (the server decides
 * again). Facility staff win over a vendor membership, as on the server.
 */
export function useContractAccess(contract: Pick<ContractView, 'organizationId' | 'facilityId' | 'vendor'> | undefined) {
  const actor = useActor();
  const scope: ContractScope | null = contract
    ? { kind: 'contract', organizationId: contract.organizationId, facilityId: contract.facilityId, vendorId: contract.vendor.id }
    : null;
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
