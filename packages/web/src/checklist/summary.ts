import { summarize, type Summary } from './summarize';
import { useAssessment, useEditionForm } from './queries';

export function useSummary(assessmentId: string | undefined): { summary: Summary | null; loading: boolean } {
  const detail = useAssessment(assessmentId);
  const form = useEditionForm(detail.data?.assessment.edition, detail.data?.assessment.form);
  return {
    summary: detail.data && form.data ? summarize(detail.data, form.data) : null,
    loading: !!assessmentId && (detail.isLoading || form.isLoading),
  };
}
