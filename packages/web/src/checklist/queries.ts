import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentDetail, AssessmentSummary, EditionForm, EvidenceView, FormKind, SaveRound } from '@mamori/domain';
import { client, multipart, request } from '../api/client';
import type { ResponseOf } from '../api/types';

export type { AssessmentDetail, AssessmentSummary, EditionForm, EvidenceView };
export type EditionItem = EditionForm['items'][number];
export type RoundView = AssessmentDetail['answers'][string][number];

export type EditionInfo = ResponseOf<'/editions'>[number];

export const checklistKeys = {
  editions: ['editions'] as const,
  form: (edition: string, form: string) => ['editions', edition, form] as const,
  list: (facilityId: string) => ['assessments', 'list', facilityId] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
};

export function useEditions() {
  return useQuery({ queryKey: checklistKeys.editions, queryFn: () => request(client.GET('/editions')), staleTime: Infinity });
}

export function useEditionForm(edition: string | undefined, form: FormKind | undefined) {
  return useQuery({
    queryKey: checklistKeys.form(edition ?? '', form ?? ''),
    queryFn: () => request(client.GET('/editions/{edition}/{form}', { params: { path: { edition: edition!, form: form! } } })),
    enabled: !!edition && !!form,
    staleTime: Infinity,
  });
}

export function useAssessments(facilityId: string | undefined) {
  return useQuery({
    queryKey: checklistKeys.list(facilityId ?? ''),
    queryFn: () => request(client.GET('/facilities/{facilityId}/assessments', { params: { path: { facilityId: facilityId! } } })),
    enabled: !!facilityId,
  });
}

export function fetchAssessment(id: string) {
  return request(client.GET('/assessments/{assessmentId}', { params: { path: { assessmentId: id } } }));
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: checklistKeys.detail(id ?? ''),
    queryFn: () => fetchAssessment(id!),
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

export function createVendorForm(ownAssessmentId: string, body: { vendorName: string; excludedItems: string[] }) {
  return request(client.POST('/assessments/{assessmentId}/vendor-forms', { params: { path: { assessmentId: ownAssessmentId } }, body }));
}

/** The edition in force for a fiscal year: the newest one not after it (as the server decides). */
export function editionFor(editions: EditionInfo[] | undefined, fiscalYear: number): EditionInfo | undefined {
  return (editions ?? [])
    .filter((e) => e.fiscalYear <= fiscalYear)
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .at(-1);
}

export type RoundInput = SaveRound;

export function putRound(assessmentId: string, itemId: string, round: number, input: RoundInput) {
  return request(client.PUT('/assessments/{assessmentId}/items/{itemId}/rounds/{round}', { params: { path: { assessmentId, itemId, round } }, body: input }));
}

export function deleteRound(assessmentId: string, itemId: string, round: number) {
  return request(client.DELETE('/assessments/{assessmentId}/items/{itemId}/rounds/{round}', { params: { path: { assessmentId, itemId, round } } }));
}

export function patchAssessment(assessmentId: string, body: { version: number; hasVendorContract: boolean }) {
  return request(client.PATCH('/assessments/{assessmentId}', { params: { path: { assessmentId } }, body }));
}

export function deleteEvidence(assessmentId: string, evidenceId: string) {
  return request(client.DELETE('/assessments/{assessmentId}/evidence/{evidenceId}', { params: { path: { assessmentId, evidenceId } } }));
}

export function evidenceUrl(assessmentId: string, evidenceId: string) {
  return `/api/v1/assessments/${assessmentId}/evidence/${evidenceId}`;
}

export function exportUrl(assessmentId: string, format: 'pdf' | 'xlsx' | 'csv', locale: string) {
  return `/api/v1/assessments/${assessmentId}/export.${format}?locale=${locale === 'en' ? 'en' : 'ja'}`;
}

/** 立入検査 準備状況レポート: the year's readiness as the inspection guide checks it, for the facility and its inspector. */
export function inspectionReportUrl(facilityId: string, assessmentId: string, locale: string) {
  return `/api/v1/facilities/${facilityId}/assessments/${assessmentId}/inspection-report.pdf?locale=${locale === 'en' ? 'en' : 'ja'}`;
}

/** Multipart upload of one evidence file; the server answers 413/415 with a plain message. */
export function uploadEvidence(assessmentId: string, itemId: string, file: File): Promise<EvidenceView> {
  const body = new FormData();
  body.append('file', file, file.name);
  return request(client.POST('/assessments/{assessmentId}/items/{itemId}/evidence', { params: { path: { assessmentId, itemId } }, ...multipart(body) }));
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
        return (
          !!other &&
          other.assessment.id !== detail.assessment.id &&
          other.assessment.facilityId === detail.assessment.facilityId &&
          other.assessment.fiscalYear === detail.assessment.fiscalYear
        );
      },
    });
  };
}
