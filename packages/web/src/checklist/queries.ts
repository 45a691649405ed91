import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentDetail, AssessmentSummary, EditionForm, EvidenceView, FormKind, SaveRound } from '@mamori/domain';
import { api } from '../api/client';

export type { AssessmentDetail, AssessmentSummary, EditionForm, EvidenceView };
export type EditionItem = EditionForm['items'][number];
export type RoundView = AssessmentDetail['answers'][string][number];

export interface EditionInfo {
  edition: string;
  fiscalYear: number;
  forms: FormKind[];
}

export const checklistKeys = {
  editions: ['editions'] as const,
  form: (edition: string, form: string) => ['editions', edition, form] as const,
  list: (facilityId: string) => ['assessments', 'list', facilityId] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
};

export function useEditions() {
  return useQuery({ queryKey: checklistKeys.editions, queryFn: () => api<EditionInfo[]>('/editions'), staleTime: Infinity });
}

export function useEditionForm(edition: string | undefined, form: FormKind | undefined) {
  return useQuery({
    queryKey: checklistKeys.form(edition ?? '', form ?? ''),
    queryFn: () => api<EditionForm>(`/editions/${edition}/${form}`),
    enabled: !!edition && !!form,
    staleTime: Infinity,
  });
}

export function useAssessments(facilityId: string | undefined) {
  return useQuery({
    queryKey: checklistKeys.list(facilityId ?? ''),
    queryFn: () => api<AssessmentSummary[]>(`/facilities/${facilityId}/assessments`),
    enabled: !!facilityId,
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: checklistKeys.detail(id ?? ''),
    queryFn: () => api<AssessmentDetail>(`/assessments/${id}`),
    enabled: !!id,
  });
}

/** The facility's own form (not a vendor's) for each fiscal year. */
export function ownForms(list: AssessmentSummary[] | undefined): AssessmentSummary[] {
  return (list ?? []).filter((a) => a.vendorName === null && a.form !== 'vendor').sort((a, b) => b.fiscalYear - a.fiscalYear);
}

/** The vendor forms (事業者確認用) of the same facility and fiscal year as a facility's own form, by name. */
export function vendorFormsOf(list: AssessmentSummary[] | undefined, fiscalYear: number): AssessmentSummary[] {
  return (list ?? [])
    .filter((a) => a.fiscalYear === fiscalYear && (a.form === 'vendor' || a.vendorName !== null))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The facility's own form of a fiscal year, which a vendor form belongs to. */
export function ownFormOf(list: AssessmentSummary[] | undefined, fiscalYear: number): AssessmentSummary | undefined {
  return ownForms(list).find((a) => a.fiscalYear === fiscalYear);
}

/** Every form of one facility-year (own + vendors), loaded with the same cache entries as the form screens. */
export function useDetails(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: checklistKeys.detail(id), queryFn: () => api<AssessmentDetail>(`/assessments/${id}`) })),
  });
}

export function createVendorForm(ownAssessmentId: string, body: { vendorName: string; excludedItems: string[] }) {
  return api<AssessmentSummary>(`/assessments/${ownAssessmentId}/vendor-forms`, { method: 'POST', body });
}

/** The edition in force for a fiscal year: the newest one not after it (as the server decides). */
export function editionFor(editions: EditionInfo[] | undefined, fiscalYear: number): EditionInfo | undefined {
  return (editions ?? []).filter((e) => e.fiscalYear <= fiscalYear).sort((a, b) => a.fiscalYear - b.fiscalYear).at(-1);
}

export type RoundInput = SaveRound;

const itemPath = (assessmentId: string, itemId: string) => `/assessments/${assessmentId}/items/${encodeURIComponent(itemId)}`;

export function putRound(assessmentId: string, itemId: string, round: number, input: RoundInput) {
  return api<AssessmentDetail>(`${itemPath(assessmentId, itemId)}/rounds/${round}`, { method: 'PUT', body: input });
}

export function deleteRound(assessmentId: string, itemId: string, round: number) {
  return api<AssessmentDetail>(`${itemPath(assessmentId, itemId)}/rounds/${round}`, { method: 'DELETE' });
}

export function patchAssessment(assessmentId: string, body: { version: number; hasVendorContract: boolean }) {
  return api<AssessmentDetail>(`/assessments/${assessmentId}`, { method: 'PATCH', body });
}

export function deleteEvidence(assessmentId: string, evidenceId: string) {
  return api<void>(`/assessments/${assessmentId}/evidence/${evidenceId}`, { method: 'DELETE' });
}

export function evidenceUrl(assessmentId: string, evidenceId: string) {
  return `/api/v1/assessments/${assessmentId}/evidence/${evidenceId}`;
}

export function exportUrl(assessmentId: string, format: 'pdf' | 'xlsx' | 'csv', locale: string) {
  return `/api/v1/assessments/${assessmentId}/export.${format}?locale=${locale === 'en' ? 'en' : 'ja'}`;
}

/** Multipart upload of one evidence file; the server answers 413/415 with a plain message. */
export function uploadEvidence(assessmentId: string, itemId: string, file: File): Promise<EvidenceView> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<EvidenceView>(`${itemPath(assessmentId, itemId)}/evidence`, { method: 'POST', body });
}

export function useSetDetail() {
  const queryClient = useQueryClient();
  return (detail: AssessmentDetail) => {
    queryClient.setQueryData(checklistKeys.detail(detail.assessment.id), detail);
    void queryClient.invalidateQueries({ queryKey: checklistKeys.list(detail.assessment.facilityId) });
    // The other forms of the same year carry the same facility-year evaluation: refresh them too.
    void queryClient.invalidateQueries({
      queryKey: ['assessments', 'detail'],
      predicate: (query) => {
        const other = query.state.data as AssessmentDetail | undefined;
        return !!other && other.assessment.id !== detail.assessment.id && other.assessment.facilityId === detail.assessment.facilityId && other.assessment.fiscalYear === detail.assessment.fiscalYear;
      },
    });
  };
}
