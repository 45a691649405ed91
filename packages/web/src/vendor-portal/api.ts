import { useQueries, useQuery } from '@tanstack/react-query';
import type {
  AnswerSetInput,
  AnswerSetView,
  ApplyAnswerSetResult,
  ContractView,
  DisclosureView,
  RoleSharingRow,
  RoleSharingView,
  SessionInfo,
  VendorInvitationPreview,
} from '@mamori/domain';
import { api } from '../api/client';

export type { AnswerSetView, ApplyAnswerSetResult, ContractView, DisclosureView, RoleSharingRow, RoleSharingView, VendorInvitationPreview };
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
    queryFn: () => api<VendorInvitationPreview>(`/vendor-invitations/${id(token)}`),
    retry: false,
  });
}

export function acceptVendorInvitation(token: string, body: { name?: string; password?: string }) {
  return api<SessionInfo>(`/vendor-invitations/${id(token)}/accept`, { method: 'POST', body });
}

// --- the vendor's contracts ---

export function useVendorContracts(enabled = true) {
  return useQuery({
    queryKey: vendorPortalKeys.contracts,
    queryFn: () => api<ContractView[]>('/vendor-portal/contracts'),
    enabled,
  });
}

// --- answer sets ---

export function useAnswerSets(vendorId: string | undefined) {
  return useQuery({
    queryKey: vendorPortalKeys.answerSets(vendorId ?? ''),
    queryFn: () => api<AnswerSetView[]>(`/vendors/${id(vendorId!)}/answer-sets`),
    enabled: !!vendorId,
  });
}

/** The answer sets of every company the user answers for, in the order of `vendorIds`. */
export function useAllAnswerSets(vendorIds: string[]) {
  return useQueries({
    queries: vendorIds.map((vendorId) => ({
      queryKey: vendorPortalKeys.answerSets(vendorId),
      queryFn: () => api<AnswerSetView[]>(`/vendors/${id(vendorId)}/answer-sets`),
    })),
  });
}

export function createAnswerSet(vendorId: string, body: AnswerSetInput) {
  return api<AnswerSetView>(`/vendors/${id(vendorId)}/answer-sets`, { method: 'POST', body });
}

export function updateAnswerSet(answerSetId: string, body: AnswerSetInput & { version: number }) {
  return api<AnswerSetView>(`/answer-sets/${id(answerSetId)}`, { method: 'PUT', body });
}

export function deleteAnswerSet(answerSetId: string) {
  return api<void>(`/answer-sets/${id(answerSetId)}`, { method: 'DELETE' });
}

export function applyAnswerSet(answerSetId: string, body: { formIds: string[]; date: string }) {
  return api<ApplyAnswerSetResult>(`/answer-sets/${id(answerSetId)}/apply`, { method: 'POST', body });
}

// --- MDS/SDS ---

export function useDisclosures(contractId: string) {
  return useQuery({
    queryKey: vendorPortalKeys.disclosures(contractId),
    queryFn: () => api<DisclosureView[]>(`/contracts/${id(contractId)}/disclosures`),
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
  return api<DisclosureView>(`/contracts/${id(contractId)}/disclosures`, { method: 'POST', body });
}

export function deleteDisclosure(disclosureId: string) {
  return api<void>(`/disclosures/${id(disclosureId)}`, { method: 'DELETE' });
}

export function disclosureFileUrl(disclosureId: string) {
  return `/api/v1/disclosures/${id(disclosureId)}/file`;
}

// --- role-sharing table ---

export function useRoleSharing(contractId: string) {
  return useQuery({
    queryKey: vendorPortalKeys.roleSharing(contractId),
    queryFn: () => api<RoleSharingView>(`/contracts/${id(contractId)}/role-sharing`),
    enabled: !!contractId,
  });
}

export function saveRoleSharing(contractId: string, body: { version: number | null; rows: RoleSharingRow[] }) {
  return api<RoleSharingView>(`/contracts/${id(contractId)}/role-sharing`, { method: 'PUT', body });
}

export function confirmRoleSharing(contractId: string, version: number) {
  return api<RoleSharingView>(`/contracts/${id(contractId)}/role-sharing/confirm`, { method: 'POST', body: { version } });
}

export function roleSharingExportUrl(contractId: string, format: 'pdf' | 'xlsx', locale: string) {
  return `/api/v1/contracts/${id(contractId)}/role-sharing.${format}?locale=${locale === 'en' ? 'en' : 'ja'}`;
}
