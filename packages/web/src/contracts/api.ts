import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  AnswerValue,
  ContractView,
  CreateContractRequest,
  RequestVendorFormRequest,
  UpdateContractRequest,
  VendorCommentView,
  VendorFormDetail,
  VendorFormStatus,
  VendorFormSummary,
  VendorSide,
} from '@mamori/domain';
import { client, request } from '../api/client';

export type {
  ContractView,
  CreateContractRequest,
  RequestVendorFormRequest,
  UpdateContractRequest,
  VendorCommentView,
  VendorFormDetail,
  VendorFormStatus,
  VendorFormSummary,
  VendorSide,
};

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

export function useFacilityContracts(facilityId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: contractKeys.facility(facilityId ?? ''),
    queryFn: () => request(client.GET('/facilities/{facilityId}/contracts', { params: { path: { facilityId: facilityId! } } })),
    enabled: !!facilityId && enabled,
  });
}

export function useContract(contractId: string | undefined) {
  return useQuery({
    queryKey: contractKeys.one(contractId ?? ''),
    queryFn: () => request(client.GET('/contracts/{contractId}', { params: { path: { contractId: contractId! } } })),
    enabled: !!contractId,
  });
}

export function useVendorForm(formId: string | undefined) {
  return useQuery({
    queryKey: contractKeys.form(formId ?? ''),
    queryFn: () => request(client.GET('/vendor-forms/{formId}', { params: { path: { formId: formId! } } })),
    enabled: !!formId,
  });
}

export function createContract(facilityId: string, body: CreateContractRequest) {
  return request(client.POST('/facilities/{facilityId}/contracts', { params: { path: { facilityId } }, body }));
}

export function updateContract(contractId: string, body: UpdateContractRequest) {
  return request(client.PATCH('/contracts/{contractId}', { params: { path: { contractId } }, body }));
}

export function deleteContract(contractId: string) {
  return request(client.DELETE('/contracts/{contractId}', { params: { path: { contractId } } }));
}

export function requestVendorForm(contractId: string, body: RequestVendorFormRequest) {
  return request(client.POST('/contracts/{contractId}/vendor-forms', { params: { path: { contractId } }, body }));
}

export function resendInvitation(formId: string, body: { email?: string }) {
  return request(client.POST('/vendor-forms/{formId}/invitation', { params: { path: { formId } }, body }));
}

export function putVendorRound(
  formId: string,
  itemId: string,
  round: number,
  body: { value: AnswerValue; date: string; targetDate: string | null; note: string; riskAcceptance: string; version: number | null },
) {
  return request(client.PUT('/vendor-forms/{formId}/items/{itemId}/rounds/{round}', { params: { path: { formId, itemId, round } }, body }));
}

export function deleteVendorRound(formId: string, itemId: string, round: number) {
  return request(client.DELETE('/vendor-forms/{formId}/items/{itemId}/rounds/{round}', { params: { path: { formId, itemId, round } } }));
}

export function patchVendorForm(formId: string, body: { version: number; excludedItems: string[] }) {
  return request(client.PATCH('/vendor-forms/{formId}', { params: { path: { formId } }, body }));
}

export function submitVendorForm(formId: string, version: number) {
  return request(client.POST('/vendor-forms/{formId}/submit', { params: { path: { formId } }, body: { version } }));
}

export function acceptVendorForm(formId: string, version: number) {
  return request(client.POST('/vendor-forms/{formId}/accept', { params: { path: { formId } }, body: { version } }));
}

export function postVendorComment(formId: string, body: { itemId: string | null; body: string }) {
  return request(client.POST('/vendor-forms/{formId}/comments', { params: { path: { formId } }, body }));
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
