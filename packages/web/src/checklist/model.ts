import { Catalog, evaluate, type AnswerValue, type Bundle, type ProblemCode, type Severity } from '@mamori/domain';
import type { TFunction } from 'i18next';
import type { AssessmentDetail, EditionForm, EditionItem, RoundView } from './queries';

/** One round column as the user sees it. `carried`: last year's value, not an answer until confirmed. */
export interface RoundDraft {
  value: AnswerValue | null;
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
  !!a &&
  !!b &&
  a.value === b.value &&
  (a.date ?? null) === (b.date ?? null) &&
  (a.targetDate ?? null) === (b.targetDate ?? null) &&
  !!a.carried === !!b.carried;

export function sameState(a: ItemState, b: ItemState): boolean {
  return (
    a.note === b.note && a.riskAcceptance === b.riskAcceptance && a.rounds.length === b.rounds.length && a.rounds.every((r, i) => sameRound(r, b.rounds[i]))
  );
}

/** Single-column items: the gate (a fact, no target) and items printed with one round (3(1) in 2023). */
export const isSingleColumn = (item: EditionItem) => item.flags.gate || item.flags.singleRound;

/** What the inspector would see if the current screen were saved: confirmed rounds with a value. */
export function answersFor(form: EditionForm, detail: { answers: AssessmentDetail['answers'] }, edits: Edits) {
  const answers: Bundle['institution']['answers'] = {};
  for (const item of form.items) {
    const state = edits[item.id] ?? savedState(detail.answers[item.id]);
    const rounds = [];
    for (const round of state.rounds) {
      if (!round.value || round.carried) break;
      rounds.push({ value: round.value, date: round.date, targetDate: round.targetDate, note: state.note });
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
  evaluation: AssessmentDetail['evaluation'];
  problems: LiveProblem[];
  ready: boolean;
  requirementOf: (itemId: string) => 'required' | 'reference' | 'not-needed';
  problemsOf: (itemId: string) => LiveProblem[];
  requiredTotal: number;
  /** Required items answered and saved (what the server has). */
  requiredDone: number;
  /** Required items answered on this screen but not saved yet, counted apart. */
  requiredUnsaved: number;
  noWithTarget: number;
  overdue: number;
}

/** `vendor:<name>` for a vendor form, as the evaluator names its problems; 'institution' otherwise. */
export const formKey = (detail: AssessmentDetail): string => (detail.assessment.vendorName !== null ? `vendor:${detail.assessment.vendorName}` : 'institution');

/**
 * The server's facility-year bundle (every form's saved answers, vendor reviews and exemptions, the contact chart)
 * with this screen's unsaved edits in place of the saved answers of the form it shows.
 */
function bundleWithEdits(form: EditionForm, detail: AssessmentDetail, edits: Edits, today: string): Bundle {
  const answers = answersFor(form, detail, edits);
  const { bundle } = detail;
  if (detail.assessment.vendorName === null) return { ...bundle, asOf: today, institution: { answers } };
  const vendors = bundle.vendors.map((v) =>
    // A requested form the vendor has not returned stays unreturned whatever is typed here.
    v.name === detail.assessment.vendorName && v.answers !== undefined ? { ...v, answers: Object.keys(answers).length ? answers : undefined } : v,
  );
  return { ...bundle, asOf: today, vendors };
}

/**
 * The domain's evaluator run in the browser over the server's bundle with unsaved edits on top, so the readiness
 * panel moves as the user types and says what the server will say after saving. It needs both edition forms (the
 * facility's and the vendor form); until the other one is loaded, or with no edits, it is the server's evaluation.
 */
export function liveEvaluation(form: EditionForm, detail: AssessmentDetail, edits: Edits, today: string, otherForm?: EditionForm): LiveEvaluation {
  const key = formKey(detail);
  const isVendor = key !== 'institution';
  const evaluation: AssessmentDetail['evaluation'] =
    otherForm && Object.keys(edits).length > 0 ? evaluate(new Catalog([form, otherForm]), bundleWithEdits(form, detail, edits, today)) : detail.evaluation;
  const problems = isVendor ? evaluation.inspection.problems.filter((p) => p.form === key) : evaluation.inspection.problems;
  const items = isVendor ? (evaluation.vendors.find((v) => `vendor:${v.name}` === key)?.items ?? []) : evaluation.institution.items;
  const savedItems = isVendor ? (detail.evaluation.vendors.find((v) => `vendor:${v.name}` === key)?.items ?? []) : detail.evaluation.institution.items;
  const excluded = new Set(isVendor ? detail.assessment.excludedItems : []);
  return summarizeItems(
    evaluation,
    problems,
    items,
    savedItems,
    (id) => excluded.has(id),
    (p) => p.form === key,
  );
}

type ItemResults = AssessmentDetail['evaluation']['institution']['items'];

const answeredCount = (items: ItemResults) =>
  items.filter((i) => i.requirement === 'required' && i.latest !== null && !i.problems.some((p) => p.code === 'unanswered' || p.code === 'missing-date'))
    .length;

/**
 * The panel's figures: progress counts saved answers only (unsaved ones apart), while the problems and the
 * requirements follow the screen as the user types.
 */
export function summarizeItems(
  evaluation: AssessmentDetail['evaluation'],
  problems: LiveProblem[],
  items: ItemResults,
  savedItems: ItemResults,
  isExcluded: (id: string) => boolean,
  ownProblem: (p: LiveProblem) => boolean,
): LiveEvaluation {
  const byId = new Map(items.map((i) => [i.id, i]));
  const requiredDone = answeredCount(savedItems);
  return {
    evaluation,
    problems,
    ready: !problems.some((p) => p.severity === 'blocking'),
    requirementOf: (id) => (isExcluded(id) ? 'not-needed' : (byId.get(id)?.requirement ?? 'required')),
    problemsOf: (id) => problems.filter((p) => p.item === id && ownProblem(p)),
    requiredTotal: items.filter((i) => i.requirement === 'required').length,
    requiredDone,
    requiredUnsaved: Math.max(0, answeredCount(items) - requiredDone),
    noWithTarget: items.filter((i) => i.requirement !== 'not-needed' && i.latest === 'no' && i.targetDate).length,
    overdue: items.filter((i) => i.problems.some((p) => p.code === 'overdue')).length,
  };
}

/** 「2(4) サーバ」: section + printed number + device, as people find the row on the paper form. */
export function itemName(item: EditionItem, t: TFunction): string {
  if (item.flags.gate) return t('checklist.gateName');
  const scope = item.scope === 'general' ? '' : ` ${t(`checklist.scopes.${item.scope}`)}`;
  // The 2025 forms number with circled digits within a section: 2-⑥, as the ministry's documents write them.
  const separator = /^[①-⑳]/.test(item.label) ? '-' : '';
  return `${item.section}${separator}${item.label}${scope}`;
}

export const itemAnchor = (id: string) => `item-${id.replace(/[^a-zA-Z0-9]/g, '_')}`;

export function pick(text: { ja: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.ja;
}
