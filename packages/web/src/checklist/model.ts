import { Catalog, evaluate, type Bundle, type Evaluation, type ProblemCode, type Severity } from '@mamori/domain';
import type { TFunction } from 'i18next';
import type { AssessmentDetail, EditionForm, EditionItem, RoundView } from './queries';

/** One round column as the user sees it. `carried`: last year's value, not an answer until confirmed. */
export interface RoundDraft {
  value: 'yes' | 'no' | null;
  date: string | null;
  targetDate: string | null;
  carried?: boolean;
}

export interface ItemState {
  rounds: RoundDraft[];
  note: string;
  riskAcceptance: string;
}

/** Unsaved changes to one item, with the round versions read when editing began (for 409 detection). */
export interface ItemEdit extends ItemState {
  versions: (number | null)[];
}

export type Edits = Record<string, ItemEdit>;

export function savedState(rounds: readonly RoundView[] | undefined): ItemState {
  const list = rounds ?? [];
  const last = list.at(-1);
  return {
    rounds: list.map((r) => ({ value: r.value, date: r.draft ? null : r.date, targetDate: r.draft ? null : r.targetDate, carried: r.draft || undefined })),
    note: last?.note ?? '',
    riskAcceptance: last?.riskAcceptance ?? '',
  };
}

export function startEdit(rounds: readonly RoundView[] | undefined): ItemEdit {
  return { ...savedState(rounds), versions: (rounds ?? []).map((r) => r.version) };
}

const sameRound = (a: RoundDraft | undefined, b: RoundDraft | undefined) =>
  !!a && !!b && a.value === b.value && (a.date ?? null) === (b.date ?? null) && (a.targetDate ?? null) === (b.targetDate ?? null) && !!a.carried === !!b.carried;

export function sameState(a: ItemState, b: ItemState): boolean {
  return a.note === b.note && a.riskAcceptance === b.riskAcceptance && a.rounds.length === b.rounds.length && a.rounds.every((r, i) => sameRound(r, b.rounds[i]));
}

/** Single-column items: the gate (a fact, no target) and items printed with one round (3(1) in 2023). */
export const isSingleColumn = (item: EditionItem) => item.flags.gate || item.flags.singleRound;

/** What the inspector would see if the current screen were saved: confirmed rounds with a value. */
function answersFor(form: EditionForm, detail: AssessmentDetail, edits: Edits) {
  const answers: Bundle['institution']['answers'] = {};
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

export interface LiveProblem {
  form: string;
  item: string | null;
  code: ProblemCode;
  severity: Severity;
}

export interface LiveEvaluation {
  evaluation: Evaluation | null;
  problems: LiveProblem[];
  ready: boolean;
  requirementOf: (itemId: string) => 'required' | 'reference' | 'not-needed';
  problemsOf: (itemId: string) => LiveProblem[];
  requiredTotal: number;
  requiredDone: number;
  noWithTarget: number;
  overdue: number;
}

const vendorCodes: ProblemCode[] = ['vendor-form-missing', 'not-covered'];

/** All forms of one facility-year: the facility's own form and each vendor form, with their edition forms. */
export interface YearForms {
  institutionForm: EditionForm;
  vendorForm: EditionForm | undefined;
  own: AssessmentDetail;
  vendors: AssessmentDetail[];
  /**
   * Vendor forms requested through Mamori, by assessment id: whether the vendor has returned them and the
   * facility has reviewed them (as the server evaluates them). Forms the facility enters itself are absent.
   */
  reviews?: Record<string, 'not-returned' | 'pending' | 'accepted'>;
}

/** `vendor:<name>` for a vendor form, as the evaluator names its problems; 'institution' otherwise. */
export const formKey = (detail: AssessmentDetail): string =>
  detail.assessment.vendorName !== null ? `vendor:${detail.assessment.vendorName}` : 'institution';

/**
 * The domain's evaluator run in the browser over saved answers with unsaved edits on top, so the
 * readiness panel moves as the user types.
 *
 * With `year` (every form of the facility-year loaded), the whole year is evaluated in the browser:
 * the institution form's answers, each vendor form's answers and exclusions, and this screen's edits
 * on whichever form it shows. That is what the server would compute after saving.
 * Without it (list, dashboard: saved state only), the institution form is evaluated here and the
 * vendor findings come from the server's evaluation; a vendor form shows the server's findings.
 */
export function liveEvaluation(form: EditionForm, detail: AssessmentDetail, edits: Edits, today: string, year?: YearForms | null): LiveEvaluation {
  const key = formKey(detail);
  const isVendor = key !== 'institution';
  let evaluation: Evaluation | null = null;
  let problems: LiveProblem[];
  if (year) {
    const own = year.own;
    const editsFor = (d: AssessmentDetail) => (d.assessment.id === detail.assessment.id ? edits : {});
    const chartItem = year.institutionForm.items.find((i) => i.flags.artifact === 'contactChart');
    const bundle: Bundle = {
      edition: year.institutionForm.edition,
      fiscalYear: own.assessment.fiscalYear,
      asOf: today,
      facility: { kind: year.institutionForm.form === 'pharmacy' ? 'pharmacy' : 'clinic', hasVendorContract: own.assessment.hasVendorContract },
      institution: { answers: answersFor(year.institutionForm, own, editsFor(own)) },
      vendors: year.vendors.map((v) => {
        const name = v.assessment.vendorName ?? '';
        const review = year.reviews?.[v.assessment.id];
        // A requested form counts once the vendor submits it, and waits for the facility's review until accepted.
        if (review === 'not-returned') return { name, excludedItems: v.assessment.excludedItems };
        const answers = year.vendorForm ? answersFor(year.vendorForm, v, editsFor(v)) : {};
        return { name, excludedItems: v.assessment.excludedItems, answers: Object.keys(answers).length ? answers : undefined, ...(review ? { review } : {}) };
      }),
      artifacts: { contactChart: !!chartItem && own.evidence.some((e) => e.itemId === chartItem.id) },
    };
    evaluation = evaluate(new Catalog(year.vendorForm ? [year.institutionForm, year.vendorForm] : [year.institutionForm]), bundle);
    problems = evaluation.inspection.problems;
    if (isVendor) problems = problems.filter((p) => p.form === key);
  } else if (isVendor) {
    problems = detail.evaluation.inspection.problems.filter((p) => p.form === key);
  } else {
    const chartItem = form.items.find((i) => i.flags.artifact === 'contactChart');
    const bundle: Bundle = {
      edition: form.edition,
      fiscalYear: detail.assessment.fiscalYear,
      asOf: today,
      facility: { kind: form.form === 'pharmacy' ? 'pharmacy' : 'clinic', hasVendorContract: detail.assessment.hasVendorContract },
      institution: { answers: answersFor(form, detail, edits) },
      vendors: [],
      artifacts: { contactChart: !!chartItem && detail.evidence.some((e) => e.itemId === chartItem.id) },
    };
    evaluation = evaluate(new Catalog([form]), bundle);
    problems = [
      ...evaluation.inspection.problems.filter((p) => !(p.form === 'institution' && vendorCodes.includes(p.code))),
      ...(evaluation.institution.gate === 'no' ? [] : detail.evaluation.inspection.problems.filter((p) => p.form !== 'institution' || vendorCodes.includes(p.code))),
    ];
  }
  const source = evaluation ?? detail.evaluation;
  const items = isVendor ? (source.vendors.find((v) => `vendor:${v.name}` === key)?.items ?? []) : source.institution.items;
  const byId = new Map(items.map((i) => [i.id, i]));
  const required = items.filter((i) => i.requirement === 'required');
  const excluded = new Set(isVendor ? detail.assessment.excludedItems : []);
  return {
    evaluation,
    problems,
    ready: !problems.some((p) => p.severity === 'blocking'),
    requirementOf: (id) => (excluded.has(id) ? 'not-needed' : (byId.get(id)?.requirement ?? 'required')),
    problemsOf: (id) => problems.filter((p) => p.item === id && p.form === key),
    requiredTotal: required.length,
    requiredDone: required.filter((i) => i.latest !== null && !i.problems.some((p) => p.code === 'unanswered' || p.code === 'missing-date')).length,
    noWithTarget: items.filter((i) => i.requirement !== 'not-needed' && i.latest === 'no' && i.targetDate).length,
    overdue: items.filter((i) => i.problems.some((p) => p.code === 'overdue')).length,
  };
}

/** 「2(4) サーバ」: section + printed number + device, as people find the row on the paper form. */
export function itemName(item: EditionItem, t: TFunction): string {
  if (item.flags.gate) return t('checklist.gateName');
  const scope = item.scope === 'general' ? '' : ` ${t(`checklist.scopes.${item.scope}`)}`;
  return `${item.section}${item.label}${scope}`;
}

export const itemAnchor = (id: string) => `item-${id.replace(/[^a-zA-Z0-9]/g, '_')}`;

export function pick(text: { ja: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.ja;
}
