import type { Bundle, Round } from './bundle.js';
import type { Catalog } from './catalog.js';
import type { EditionForm, Item } from './edition-schema.js';
import { fiscalYearRange } from './fiscal-year.js';

export const problemCodes = [
  'unanswered',
  'missing-date',
  'missing-target-date',
  'target-outside-fiscal-year',
  'round-date-order',
  'date-in-future',
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
  latest: 'yes' | 'no' | null;
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
  institution: { form: EditionForm['form']; gate: 'yes' | 'no' | null; items: ItemResult[] };
  vendors: { name: string; submitted: boolean; items: ItemResult[] }[];
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
function evaluateItem(item: Item, rounds: readonly Round[] | undefined, context: FormContext, excluded: boolean): ItemResult {
  const requirement = excluded ? 'not-needed' : requirementOf(item, context);
  const count = rounds?.length ?? 0;
  const latest = count ? rounds![count - 1]!.value : null;
  let targetDate: string | null = null;
  for (let i = count - 1; i >= 0 && targetDate === null; i--) targetDate = rounds![i]!.targetDate ?? null;
  const problems: ItemResult['problems'] = [];
  if (requirement === 'not-needed') return { id: item.id, requirement, latest, targetDate, problems };
  const severity: Severity = requirement === 'required' ? 'blocking' : 'warning';
  if (count === 0) {
    if (requirement === 'required') addProblem(problems, 'unanswered', severity);
    return { id: item.id, requirement, latest, targetDate, problems };
  }
  for (let i = 0; i < count; i++) {
    const round = rounds![i]!;
    if (!round.date) addProblem(problems, 'missing-date', severity);
    else if (round.date > context.asOf) addProblem(problems, 'date-in-future', severity);
    const previous = i > 0 ? rounds![i - 1]!.date : null;
    if (round.date && previous && round.date < previous) addProblem(problems, 'round-date-order', severity);
    if (round.targetDate && (round.targetDate < context.fiscalYearStart || round.targetDate > context.fiscalYearEnd)) {
      addProblem(problems, 'target-outside-fiscal-year', severity);
    }
  }
  // The gate's いいえ is a fact about the facility, not a gap to close: it has no target date.
  if (!item.flags.gate) {
    const first = rounds![0]!;
    if (first.value === 'no' && !first.targetDate && !item.flags.singleRound) addProblem(problems, 'missing-target-date', severity);
    if (latest === 'no' && targetDate && targetDate < context.asOf) addProblem(problems, 'overdue', 'warning');
  }
  return { id: item.id, requirement, latest, targetDate, problems };
}

const answered = (rounds: readonly Round[] | undefined) => Boolean(rounds?.length);

function collect(problems: InspectionProblem[], form: InspectionProblem['form'], items: ItemResult[]): void {
  for (const result of items) for (const p of result.problems) problems.push({ form, item: result.id, code: p.code, severity: p.severity });
}

/** An item one vendor's contract excludes must be answered on the institution form or another vendor's. */
function notCovered(bundle: Bundle, institutionForm: EditionForm, vendorForm: EditionForm | undefined, context: FormContext, problems: InspectionProblem[]): void {
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
      if (!covered) problems.push({ form: `vendor:${vendor.name}`, item: id, code: 'not-covered', severity: requirement === 'required' ? 'blocking' : 'warning' });
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
    problems.push({ form: 'institution', item: chartResult.id, code: 'contact-chart-missing', severity: chartResult.requirement === 'required' ? 'blocking' : 'warning' });
  }

  const vendorsInScope = context.hasVendorContract && !context.gateNo;
  const vendors: Evaluation['vendors'] = [];
  if (vendorsInScope) {
    for (const vendor of bundle.vendors) {
      const form = `vendor:${vendor.name}` as const;
      const submitted = vendor.answers !== undefined;
      const items: ItemResult[] = [];
      for (const item of vendorForm?.items ?? []) items.push(evaluateItem(item, vendor.answers?.[item.id], context, vendor.excludedItems.includes(item.id)));
      if (submitted) collect(problems, form, items);
      if (submitted && vendor.review === 'pending') problems.push({ form, item: null, code: 'vendor-form-unreviewed', severity: 'blocking' });
      if (!submitted) problems.push({ form, item: null, code: 'vendor-form-missing', severity: 'blocking' });
      vendors.push({ name: vendor.name, submitted, items });
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
