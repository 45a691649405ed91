import type { VendorFormExemption } from '../vendors/form-need.js';
import type { AnswerValue } from './answer-values.js';
import type { Bundle, Round } from './bundle.js';
import type { Catalog } from './catalog.js';
import { allowsNotApplicable, isSingleRound, type EditionForm, type Item } from './edition-schema.js';
import { fiscalYearRange } from './fiscal-year.js';

/*
 * Where each rule comes from (docs/checklist-rules.md lists them all with their sources):
 * - unanswered, missing-date: inspection guide ①② (1回目の確認結果（日付と「はい」または「いいえ」）が記入されている).
 * - missing-target-date: inspection guide ① (「いいえ」…目標日の記入を確認); Q&A 12-B-3 (a date inside the year even
 *   when the work cannot be done in time).
 * - target-outside-fiscal-year: manual I-2 (令和5年度中の目標日); reference items against their own due year (manual I-3).
 * - date-outside-fiscal-year: manual I-4 (少なくとも年に1回): the first check of a year's checklist is in that year.
 * - target-before-date, round-date-order, date-in-future: a target is after the check it follows; rounds follow each
 *   other (Q&A 12-C-10); a check cannot be dated after the day of the evaluation.
 * - missing-reason, not-applicable-not-allowed: Q&A 12-B-8 (no internet line: the network part does not apply).
 * - contact-chart-missing: manual 立入検査 and inspection guide ① (連絡体制図は現物を確認).
 * - vendor-form-missing, not-covered: inspection guide ②; which contracts need a form: manual I-4, Q&A 12-D-19/22/23.
 * - vendor-form-unreviewed (warning): the facility's acceptance is Mamori's workflow, not an inspection point.
 * - overdue (warning): a いいえ whose target date has passed.
 */
export const problemCodes = [
  'unanswered',
  'missing-date',
  'missing-target-date',
  'target-outside-fiscal-year',
  'date-outside-fiscal-year',
  'target-before-date',
  'round-date-order',
  'date-in-future',
  'missing-reason',
  'not-applicable-not-allowed',
  'contact-chart-missing',
  'vendor-form-missing',
  'vendor-form-unreviewed',
  'not-covered',
  'overdue',
] as const;
export type ProblemCode = (typeof problemCodes)[number];
export type Severity = 'blocking' | 'warning';
export type ItemRequirement = 'required' | 'reference' | 'not-needed';

export interface ItemResult {
  id: string;
  requirement: ItemRequirement;
  latest: AnswerValue | null;
  targetDate: string | null;
  problems: { code: ProblemCode; severity: Severity }[];
}

export interface InspectionProblem {
  form: 'institution' | `vendor:${string}`;
  item: string | null;
  code: ProblemCode;
  severity: Severity;
}

export interface Evaluation {
  edition: string;
  fiscalYear: number;
  asOf: string;
  institution: { form: EditionForm['form']; gate: AnswerValue | null; items: ItemResult[] };
  vendors: { name: string; submitted: boolean; exemption: VendorFormExemption | null; items: ItemResult[] }[];
  inspection: { ready: boolean; problems: InspectionProblem[] };
}

interface FormContext {
  fiscalYear: number;
  /** The fiscal year's first and last day, computed once per evaluation. */
  fiscalYearStart: string;
  fiscalYearEnd: string;
  asOf: string;
  /** The gate says no medical information system: nothing else needs checking. */
  gateNo: boolean;
  hasVendorContract: boolean;
}

function requirementOf(item: Item, context: FormContext): ItemRequirement {
  if (item.flags.gate) return 'required';
  if (context.gateNo) return 'not-needed';
  if (item.flags.vendorContractOnly && !context.hasVendorContract) return 'not-needed';
  return item.requirement;
}

function addProblem(problems: ItemResult['problems'], code: ProblemCode, severity: Severity): void {
  for (const p of problems) if (p.code === code) return;
  problems.push({ code, severity });
}

/**
 * Checks one item's rounds. Reference items get the same checks, as warnings only. Plain loops: this
 * runs for every item of every form on every evaluation.
 */
function evaluateItem(
  item: Item,
  rounds: readonly Round[] | undefined,
  context: FormContext,
  excluded: boolean,
  severityCap: Severity = 'blocking',
): ItemResult {
  const requirement = excluded ? 'not-needed' : requirementOf(item, context);
  const count = rounds?.length ?? 0;
  const latest = count ? rounds![count - 1]!.value : null;
  let targetDate: string | null = null;
  for (let i = count - 1; i >= 0 && targetDate === null; i--) targetDate = rounds![i]!.targetDate ?? null;
  const problems: ItemResult['problems'] = [];
  if (requirement === 'not-needed') return { id: item.id, requirement, latest, targetDate, problems };
  const severity: Severity = requirement === 'required' ? severityCap : 'warning';
  if (count === 0) {
    if (requirement === 'required') addProblem(problems, 'unanswered', severity);
    return { id: item.id, requirement, latest, targetDate, problems };
  }
  // A reference item is done by its own due year (manual I-3: 参考項目は令和6年度中に), so its target may be then.
  const targetEnd =
    item.requirement === 'reference' && item.dueFiscalYear !== undefined && item.dueFiscalYear > context.fiscalYear
      ? fiscalYearRange(item.dueFiscalYear).end
      : context.fiscalYearEnd;
  for (let i = 0; i < count; i++) {
    const round = rounds![i]!;
    if (!round.date) addProblem(problems, 'missing-date', severity);
    else if (round.date > context.asOf) addProblem(problems, 'date-in-future', severity);
    const previous = i > 0 ? rounds![i - 1]!.date : null;
    if (round.date && previous && round.date < previous) addProblem(problems, 'round-date-order', severity);
    if (round.targetDate && (round.targetDate < context.fiscalYearStart || round.targetDate > targetEnd)) {
      addProblem(problems, 'target-outside-fiscal-year', severity);
    }
    if (round.targetDate && round.date && round.targetDate < round.date) addProblem(problems, 'target-before-date', severity);
    if (round.value === 'not_applicable') {
      if (!allowsNotApplicable(item)) addProblem(problems, 'not-applicable-not-allowed', severity);
      else if (!round.note?.trim()) addProblem(problems, 'missing-reason', severity);
    }
  }
  const first = rounds![0]!;
  // Manual I-4: at least one check per fiscal year. Carried-over drafts have no date, so this catches real mistakes.
  if (first.date && first.date < context.fiscalYearStart) addProblem(problems, 'date-outside-fiscal-year', severity);
  // The gate's いいえ is a fact about the facility, not a gap to close: it has no target date.
  if (!item.flags.gate) {
    if (first.value === 'no' && !first.targetDate && !isSingleRound(item)) addProblem(problems, 'missing-target-date', severity);
    if (latest === 'no' && targetDate && targetDate < context.asOf) addProblem(problems, 'overdue', 'warning');
  }
  return { id: item.id, requirement, latest, targetDate, problems };
}

const answered = (rounds: readonly Round[] | undefined) => Boolean(rounds?.length);

function collect(problems: InspectionProblem[], form: InspectionProblem['form'], items: ItemResult[]): void {
  for (const result of items) for (const p of result.problems) problems.push({ form, item: result.id, code: p.code, severity: p.severity });
}

/** An item one vendor's contract excludes must be answered on the institution form or another vendor's. */
function notCovered(
  bundle: Bundle,
  institutionForm: EditionForm,
  vendorForm: EditionForm | undefined,
  context: FormContext,
  problems: InspectionProblem[],
): void {
  const answers = bundle.institution.answers;
  for (const vendor of bundle.vendors) {
    for (const id of vendor.excludedItems) {
      const item = vendorForm?.items.find((i) => i.id === id) ?? institutionForm.items.find((i) => i.id === id);
      if (!item) continue;
      const requirement = requirementOf(item, context);
      if (requirement === 'not-needed') continue;
      let covered = answered(answers[id]);
      for (const other of bundle.vendors) {
        if (!covered && other !== vendor && !other.excludedItems.includes(id) && answered(other.answers?.[id])) covered = true;
      }
      if (!covered)
        problems.push({
          form: `vendor:${vendor.name}`,
          item: id,
          code: 'not-covered',
          severity: requirement === 'required' && !vendor.exemption ? 'blocking' : 'warning',
        });
    }
  }
}

/**
 * The rules of the checklist regime and of the inspection guide, applied to one facility's forms:
 * what each item requires this fiscal year, what is wrong with its answers, and whether an inspector
 * would find the forms complete.
 */
export function evaluate(catalog: Catalog, bundle: Bundle): Evaluation {
  const institutionForm = catalog.facilityForm(bundle.edition, bundle.facility.kind);
  const vendorForm = catalog.form(bundle.edition, 'vendor');
  if (!institutionForm) throw new Error(`unknown edition ${bundle.edition}`);
  const answers = bundle.institution.answers;
  const gateItem = institutionForm.items.find((i) => i.flags.gate);
  const gate = gateItem ? (answers[gateItem.id]?.at(-1)?.value ?? null) : null;
  const fiscalYear = bundle.fiscalYear ?? institutionForm.fiscalYear;
  const range = fiscalYearRange(fiscalYear);
  const context: FormContext = {
    fiscalYear,
    fiscalYearStart: range.start,
    fiscalYearEnd: range.end,
    asOf: bundle.asOf,
    gateNo: gate === 'no',
    hasVendorContract: bundle.facility.hasVendorContract,
  };

  const institutionItems: ItemResult[] = [];
  let chartResult: ItemResult | undefined;
  for (const item of institutionForm.items) {
    const result = evaluateItem(item, answers[item.id], context, false);
    institutionItems.push(result);
    if (item.flags.artifact === 'contactChart') chartResult = result;
  }
  const problems: InspectionProblem[] = [];
  collect(problems, 'institution', institutionItems);
  if (chartResult && chartResult.requirement !== 'not-needed' && !bundle.artifacts.contactChart) {
    problems.push({
      form: 'institution',
      item: chartResult.id,
      code: 'contact-chart-missing',
      severity: chartResult.requirement === 'required' ? 'blocking' : 'warning',
    });
  }

  const vendorsInScope = context.hasVendorContract && !context.gateNo;
  const vendors: Evaluation['vendors'] = [];
  if (vendorsInScope) {
    for (const vendor of bundle.vendors) {
      const form = `vendor:${vendor.name}` as const;
      const submitted = vendor.answers !== undefined;
      const exemption = vendor.exemption ?? null;
      // A contract that needs no form of its own blocks nothing; a form it returns anyway is still checked, as warnings.
      const cap: Severity = exemption ? 'warning' : 'blocking';
      const items: ItemResult[] = [];
      for (const item of vendorForm?.items ?? [])
        items.push(evaluateItem(item, vendor.answers?.[item.id], context, vendor.excludedItems.includes(item.id), cap));
      if (submitted) collect(problems, form, items);
      if (submitted && vendor.review === 'pending') problems.push({ form, item: null, code: 'vendor-form-unreviewed', severity: 'warning' });
      if (!submitted && !exemption) problems.push({ form, item: null, code: 'vendor-form-missing', severity: 'blocking' });
      vendors.push({ name: vendor.name, submitted, exemption, items });
    }
    if (bundle.vendors.length === 0) problems.push({ form: 'institution', item: null, code: 'vendor-form-missing', severity: 'blocking' });
    notCovered(bundle, institutionForm, vendorForm, context, problems);
  }

  let ready = true;
  for (const p of problems) if (p.severity === 'blocking') ready = false;
  return {
    edition: bundle.edition,
    fiscalYear,
    asOf: bundle.asOf,
    institution: { form: institutionForm.form, gate, items: institutionItems },
    vendors,
    inspection: { ready, problems },
  };
}
