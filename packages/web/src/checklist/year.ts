import { useMemo } from 'react';
import { vendorFormReview } from '@mamori/domain';
import { useFacilityContracts } from '../contracts/api';
import type { YearForms } from './model';
import { ownFormOf, useAssessments, useDetails, useEditionForm, vendorFormsOf, type AssessmentDetail, type AssessmentSummary } from './queries';

/**
 * Every form of the facility-year that `detail` belongs to: the facility's own form and the vendor
 * forms, with their edition forms. `year` is null until all of them are loaded (the screen then falls
 * back to the server's evaluation for the forms it does not show).
 */
export function useYearForms(detail: AssessmentDetail | undefined): { year: YearForms | null; own: AssessmentSummary | undefined; vendors: AssessmentSummary[] } {
  const list = useAssessments(detail?.assessment.facilityId);
  const fiscalYear = detail?.assessment.fiscalYear ?? 0;
  const own = detail ? ownFormOf(list.data, fiscalYear) : undefined;
  const vendors = detail ? vendorFormsOf(list.data, fiscalYear) : [];
  const ids = own ? [own.id, ...vendors.map((v) => v.id)] : [];
  const details = useDetails(ids);
  const institutionForm = useEditionForm(own?.edition, own?.form);
  const vendorForm = useEditionForm(own?.edition, own ? 'vendor' : undefined);
  // Vendor forms requested through Mamori: their status decides whether their answers count yet.
  const contracts = useFacilityContracts(detail?.assessment.facilityId, !!detail);
  const reviews = useMemo(() => {
    const map: Record<string, 'not-returned' | 'pending' | 'accepted'> = {};
    for (const c of contracts.data ?? []) for (const f of c.forms) map[f.id] = vendorFormReview(f.status);
    return map;
  }, [contracts.data]);
  const loaded = details.every((d) => !!d.data) && !!institutionForm.data && !vendorForm.isLoading && !contracts.isLoading;
  const ownDetail = details[0]?.data;
  // The screen's own detail is the freshest copy (same cache entry, possibly just written by a save).
  const pick = (d: AssessmentDetail | undefined) => (d && detail && d.assessment.id === detail.assessment.id ? detail : d);
  const stamp = details.map((d) => d.dataUpdatedAt).join(',');
  // Recomputed only when one of the forms changes, not on every keystroke of the screen.
  const year = useMemo<YearForms | null>(
    () =>
      detail && own && loaded && ownDetail
      ? {
          institutionForm: institutionForm.data!,
          vendorForm: vendorForm.data,
          own: pick(ownDetail)!,
          vendors: details.slice(1).map((d) => pick(d.data)!),
          reviews,
        }
      : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [detail, own?.id, loaded, stamp, institutionForm.data, vendorForm.data, reviews],
  );
  return { year, own, vendors };
}
