import { Catalog, evaluate, vendorFormReview, type Bundle, type EditionForm } from '@mamori/domain';
import { answersFor, summarizeItems, type Edits, type LiveEvaluation, type LiveProblem } from '../checklist/model';
import type { VendorFormDetail } from '../contracts/api';

/** How this screen names its own findings (`vendor:<name>`, as the evaluator names vendor forms). */
export const formKeyOf = (detail: VendorFormDetail) => `vendor:${detail.contract.vendorName}`;

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
  const catalog = new Catalog([institution, form]);
  const evaluateWith = (answers: NonNullable<Bundle['vendors'][number]['answers']>) =>
    evaluate(catalog, {
      edition: form.edition,
      fiscalYear: detail.form.fiscalYear,
      asOf: today,
      facility: { kind: 'clinic', hasVendorContract: true },
      institution: { answers: {} },
      // Always "returned" here: the screen lists what is missing item by item, not as one missing form.
      vendors: [{ name, excludedItems: detail.form.excludedItems, answers }],
      artifacts: { contactChart: false },
    });
  const evaluation = evaluateWith(answersFor(form, detail, edits));
  const saved = Object.keys(edits).length ? evaluateWith(answersFor(form, detail, {})) : evaluation;
  const problems: LiveProblem[] = evaluation.inspection.problems.filter(
    (p) => p.form === key && p.code !== 'not-covered' && p.code !== 'vendor-form-unreviewed',
  );
  // The facility's own step, not an inspection point: a returned form waiting for its acceptance is a note.
  if (detail.viewerSide === 'facility' && vendorFormReview(detail.form.status) === 'pending' && detail.form.status === 'submitted') {
    problems.push({ form: key, item: null, code: 'vendor-form-unreviewed', severity: 'warning' });
  }
  return summarizeItems(
    evaluation,
    problems,
    evaluation.vendors[0]?.items ?? [],
    saved.vendors[0]?.items ?? [],
    () => false,
    () => true,
  );
}
