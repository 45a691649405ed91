import { useQueries, useQuery } from '@tanstack/react-query';
import type { AnswerSetInput, AnswerSetView, ApplyAnswerSetResult, ContractView, DisclosureView, RoleSharingRow, RoleSharingView } from '@mamori/domain';
import { client, multipart, request } from '../api/client';

export type { AnswerSetView, ApplyAnswerSetResult, ContractView, DisclosureView, RoleSharingRow, RoleSharingView };
export type VendorFormSummary = ContractView['forms'][number];

const id = (value: string) => encodeURIComponent(value);

export const vendorPortalKeys = {
  contracts: ['vendor-portal', 'contracts'] as const,
  answerSets: (vendorId: string) => ['vendor-portal', 'answer-sets', vendorId] as const,
  invitation: (token: string) => ['vendor-invitation', token] as const,
  disclosures: (contractId: string) => ['contracts', contractId, 'disclosures'] as const,
  roleSharing: (contractId: string) => ['contracts', contractId, 'role-sharing'] as const,
};

// --- invitation ---

export function useVendorInvitation(token: string) {
  return useQuery({
    queryKey: vendorPortalKeys.invitation(token),
    queryFn: () => request(client.GET('/vendor-invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

export function acceptVendorInvitation(token: string, body: { name?: string; password?: string }) {
  return request(client.POST('/vendor-invitations/{token}/accept', { params: { path: { token } }, body }));
}

// --- the vendor's contracts ---

export function useVendorContracts(enabled = true) {
  return useQuery({
    queryKey: vendorPortalKeys.contracts,
    queryFn: () => request(client.GET('/vendor-portal/contracts')),
    enabled,
  });
}

// --- answer sets ---

function fetchAnswerSets(vendorId: string) {
  return request(client.GET('/vendors/{vendorId}/answer-sets', { params: { path: { vendorId } } }));
}

export function useAnswerSets(vendorId: string | undefined) {
  return useQuery({
    queryKey: vendorPortalKeys.answerSets(vendorId ?? ''),
    queryFn: () => fetchAnswerSets(vendorId!),
    enabled: !!vendorId,
  });
}

/** The answer sets of every company the user answers for, in the order of `vendorIds`. */
export function useAllAnswerSets(vendorIds: string[]) {
  return useQueries({
    queries: vendorIds.map((vendorId) => ({
      queryKey: vendorPortalKeys.answerSets(vendorId),
      queryFn: () => fetchAnswerSets(vendorId),
    })),
  });
}

export function createAnswerSet(vendorId: string, body: AnswerSetInput) {
  return request(client.POST('/vendors/{vendorId}/answer-sets', { params: { path: { vendorId } }, body }));
}

export function updateAnswerSet(answerSetId: string, body: AnswerSetInput & { version: number }) {
  return request(client.PUT('/answer-sets/{answerSetId}', { params: { path: { answerSetId } }, body }));
}

export function deleteAnswerSet(answerSetId: string) {
  return request(client.DELETE('/answer-sets/{answerSetId}', { params: { path: { answerSetId } } }));
}

export function applyAnswerSet(answerSetId: string, body: { formIds: string[]; date: string }) {
  return request(client.POST('/answer-sets/{answerSetId}/apply', { params: { path: { answerSetId } }, body }));
}

// --- MDS/SDS ---

export function useDisclosures(contractId: string) {
  return useQuery({
    queryKey: vendorPortalKeys.disclosures(contractId),
    queryFn: () => request(client.GET('/contracts/{contractId}/disclosures', { params: { path: { contractId } } })),
    enabled: !!contractId,
  });
}

export interface DisclosureUpload {
  system: string;
  kind: DisclosureView['kind'];
  jahisVersion: DisclosureView['jahisVersion'];
  receivedOn: string;
  file: File;
}

/** Multipart: the fields first, then the file (the server reads the fields before the stream). */
export function uploadDisclosure(contractId: string, input: DisclosureUpload) {
  const body = new FormData();
  body.append('system', input.system);
  body.append('kind', input.kind);
  body.append('jahisVersion', input.jahisVersion);
  body.append('receivedOn', input.receivedOn);
  body.append('file', input.file, input.file.name);
  return request(client.POST('/contracts/{contractId}/disclosures', { params: { path: { contractId } }, ...multipart(body) }));
}

export function deleteDisclosure(disclosureId: string) {
  return request(client.DELETE('/disclosures/{disclosureId}', { params: { path: { disclosureId } } }));
}

export function disclosureFileUrl(disclosureId: string) {
  return `/api/v1/disclosures/${id(disclosureId)}/file`;
}

// --- role-sharing table ---

export function useRoleSharing(contractId: string) {
  return useQuery({
    queryKey: vendorPortalKeys.roleSharing(contractId),
    queryFn: () => request(client.GET('/contracts/{contractId}/role-sharing', { params: { path: { contractId } } })),
    enabled: !!contractId,
  });
}

export function saveRoleSharing(contractId: string, body: { version: number | null; rows: RoleSharingRow[] }) {
  return request(client.PUT('/contracts/{contractId}/role-sharing', { params: { path: { contractId } }, body }));
}

export function confirmRoleSharing(contractId: string, version: number) {
  return request(client.POST('/contracts/{contractId}/role-sharing/confirm', { params: { path: { contractId } }, body: { version } }));
}

export function roleSharingExportUrl(contractId: string, format: 'pdf' | 'xlsx', locale: string) {
  return `/api/v1/contracts/${id(contractId)}/role-sharing.${format}?locale=${locale === 'en' ? 'en' : 'ja'}`;
}
