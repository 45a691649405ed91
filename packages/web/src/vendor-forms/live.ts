import { Catalog, evaluate, vendorFormReview, type Bundle, type EditionForm } from '@mamori/domain';
import { savedState, type Edits, type LiveEvaluation, type LiveProblem } from '../checklist/model';
import type { VendorFormDetail } from '../contracts/api';

/** How this screen names its own findings (`vendor:<name>`, as the evaluator names vendor forms). */
export const formKeyOf = (detail: VendorFormDetail) => `vendor:${detail.contract.vendorName}`;

function answersFor(form: EditionForm, detail: VendorFormDetail, edits: Edits) {
  const answers: NonNullable<Bundle['vendors'][number]['answers']> = {};
  for (const item of form.items) {
    const state = edits[item.id] ?? savedState(detail.answers[item.id]);
    const rounds = [];
    for (const round of state.rounds) {
      if (!round.value || round.carried) break;
      rounds.push({ value: round.value, date: round.date, targetDate: round.targetDate });
    }
    if (rounds.length) answers[item.id] = rounds;
  }
  return answers;
}

/**
 * This vendor form alone, evaluated with the checklist's own rules over its saved answers with the
 * screen's unsaved edits on top, so the panel moves while the vendor types. Never the facility's other
 * forms: an item outside the contract is simply not needed here (the facility covers it elsewhere).
 *
 * For the facility's reader, a returned form that waits for review adds `vendor-form-unreviewed`.
 */
export function vendorFormLive(form: EditionForm, detail: VendorFormDetail, edits: Edits, today: string): LiveEvaluation {
  const key = formKeyOf(detail);
  const name = key.slice('vendor:'.length);
  // The evaluator needs an institution form of the edition; an empty one asks nothing of the facility.
  const institution: EditionForm = { ...form, form: 'institution', items: [] };
  const bundle: Bundle = {
    edition: form.edition,
    fiscalYear: detail.form.fiscalYear,
    asOf: today,
    facility: { kind: 'clinic', hasVendorContract: true },
    institution: { answers: {} },
    // Always "returned" here: the screen lists what is missing item by item, not as one missing form.
    vendors: [{ name, excludedItems: detail.form.excludedItems, answers: answersFor(form, detail, edits) }],
    artifacts: { contactChart: false },
  };
  const evaluation = evaluate(new Catalog([institution, form]), bundle);
  const problems: LiveProblem[] = evaluation.inspection.problems.filter((p) => p.form === key && p.code !== 'not-covered' && p.code !== 'vendor-form-unreviewed');
  if (detail.viewerSide === 'facility' && vendorFormReview(detail.form.status) === 'pending' && detail.form.status === 'submitted') {
    problems.push({ form: key, item: null, code: 'vendor-form-unreviewed', severity: 'blocking' });
  }
  const items = evaluation.vendors[0]?.items ?? [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const required = items.filter((i) => i.requirement === 'required');
  return {
    evaluation,
    problems,
    ready: !problems.some((p) => p.severity === 'blocking'),
    requirementOf: (id) => byId.get(id)?.requirement ?? 'required',
    problemsOf: (id) => problems.filter((p) => p.item === id),
    requiredTotal: required.length,
    requiredDone: required.filter((i) => i.latest !== null && !i.problems.some((p) => p.code === 'unanswered' || p.code === 'missing-date')).length,
    noWithTarget: items.filter((i) => i.requirement !== 'not-needed' && i.latest === 'no' && i.targetDate).length,
    overdue: items.filter((i) => i.problems.some((p) => p.code === 'overdue')).length,
  };
}
