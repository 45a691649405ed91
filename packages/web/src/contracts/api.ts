import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  AnswerValue,
  ContractView,
  CreateContractRequest,
  RequestVendorFormRequest,
  UpdateContractRequest,
  VendorCommentView,
  VendorFormDetail,
  VendorFormRequested,
  VendorFormStatus,
  VendorFormSummary,
  VendorSide,
} from '@mamori/domain';
import { api } from '../api/client';

export type { ContractView, CreateContractRequest, RequestVendorFormRequest, UpdateContractRequest, VendorCommentView, VendorFormDetail, VendorFormStatus, VendorFormSummary, VendorSide };

/**
 * Contracts and their vendor forms are read by both sides (the facility's staff and the vendor's users):
 * everything shares the 'contracts' / 'vendor-forms' prefixes, so one invalidation refreshes both.
 */
export const contractKeys = {
  all: ['contracts'] as const,
  facility: (facilityId: string) => ['contracts', 'facility', facilityId] as const,
  one: (contractId: string) => ['contracts', 'one', contractId] as const,
  form: (formId: string) => ['vendor-forms', formId] as const,
};

const enc = encodeURIComponent;

export function useFacilityContracts(facilityId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: contractKeys.facility(facilityId ?? ''),
    queryFn: () => api<ContractView[]>(`/facilities/${enc(facilityId!)}/contracts`),
    enabled: !!facilityId && enabled,
  });
}

export function useContract(contractId: string | undefined) {
  return useQuery({
    queryKey: contractKeys.one(contractId ?? ''),
    queryFn: () => api<ContractView>(`/contracts/${enc(contractId!)}`),
    enabled: !!contractId,
  });
}

export function useVendorForm(formId: string | undefined) {
  return useQuery({
    queryKey: contractKeys.form(formId ?? ''),
    queryFn: () => api<VendorFormDetail>(`/vendor-forms/${enc(formId!)}`),
    enabled: !!formId,
  });
}

export function createContract(facilityId: string, body: CreateContractRequest) {
  return api<ContractView>(`/facilities/${enc(facilityId)}/contracts`, { method: 'POST', body });
}

export function updateContract(contractId: string, body: UpdateContractRequest) {
  return api<ContractView>(`/contracts/${enc(contractId)}`, { method: 'PATCH', body });
}

export function deleteContract(contractId: string) {
  return api<void>(`/contracts/${enc(contractId)}`, { method: 'DELETE' });
}

export function requestVendorForm(contractId: string, body: RequestVendorFormRequest) {
  return api<VendorFormRequested>(`/contracts/${enc(contractId)}/vendor-forms`, { method: 'POST', body });
}

export function resendInvitation(formId: string, body: { email?: string }) {
  return api<VendorFormRequested>(`/vendor-forms/${enc(formId)}/invitation`, { method: 'POST', body });
}

const formPath = (formId: string) => `/vendor-forms/${enc(formId)}`;

export function putVendorRound(
  formId: string,
  itemId: string,
  round: number,
  body: { value: AnswerValue; date: string; targetDate: string | null; note: string; riskAcceptance: string; version: number | null },
) {
  return api<VendorFormDetail>(`${formPath(formId)}/items/${enc(itemId)}/rounds/${round}`, { method: 'PUT', body });
}

export function deleteVendorRound(formId: string, itemId: string, round: number) {
  return api<VendorFormDetail>(`${formPath(formId)}/items/${enc(itemId)}/rounds/${round}`, { method: 'DELETE' });
}

export function patchVendorForm(formId: string, body: { version: number; excludedItems: string[] }) {
  return api<VendorFormDetail>(formPath(formId), { method: 'PATCH', body });
}

export function submitVendorForm(formId: string, version: number) {
  return api<VendorFormDetail>(`${formPath(formId)}/submit`, { method: 'POST', body: { version } });
}

export function acceptVendorForm(formId: string, version: number) {
  return api<VendorFormDetail>(`${formPath(formId)}/accept`, { method: 'POST', body: { version } });
}

export function postVendorComment(formId: string, body: { itemId: string | null; body: string }) {
  return api<VendorFormDetail>(`${formPath(formId)}/comments`, { method: 'POST', body });
}

/**
 * After any contract or vendor-form write: both sides' contract lists, the contract pages, and the
 * facility's checklist (a vendor form's status and answers feed the facility-year evaluation).
 */
export async function invalidateContracts(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: contractKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['vendor-portal'] }),
    queryClient.invalidateQueries({ queryKey: ['assessments'] }),
  ]);
}

/** The form of a fiscal year, if the facility has requested one. */
export function formOfYear(contract: Pick<ContractView, 'forms'>, fiscalYear: number): VendorFormSummary | undefined {
  return contract.forms.find((f) => f.fiscalYear === fiscalYear);
}
