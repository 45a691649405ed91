import { todayInTokyo } from '@mamori/domain';
import { liveEvaluation } from './model';
import type { AssessmentDetail, EditionForm } from './queries';

/** The saved state of one form, as the dashboard and the list show it (same rules as the form screen). */
export function summarize(detail: AssessmentDetail, form: EditionForm) {
  const live = liveEvaluation(form, detail, {}, todayInTokyo());
  const items = live.evaluation?.institution.items ?? detail.evaluation.institution.items;
  const open = items.filter((i) => i.requirement !== 'not-needed' && i.latest === 'no');
  return {
    requiredTotal: live.requiredTotal,
    requiredDone: live.requiredDone,
    noWithTarget: live.noWithTarget,
    open: open.length,
    nextTarget:
      open
        .map((i) => i.targetDate)
        .filter((d): d is string => !!d)
        .sort()[0] ?? null,
    overdue: live.overdue,
    ready: live.ready,
    blocking: live.problems.filter((p) => p.severity === 'blocking').length,
    gate: live.evaluation?.institution.gate ?? detail.evaluation.institution.gate,
  };
}

export type Summary = ReturnType<typeof summarize>;
