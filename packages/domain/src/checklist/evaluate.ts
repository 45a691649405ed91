import type { Bundle, Round } from './bundle.js';
import type { Catalog } from './catalog.js';
import type { EditionForm, Item } from './edition-schema.js';
import { isInFiscalYear } from './fiscal-year.js';

export const problemCodes = [
  'unanswered',
  'missing-date',
  'missing-target-date',
  'target-outside-fiscal-year',
  'round-date-order',
  'date-in-future',
  'contact-chart-missing',
  'vendor-form-missing',
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

/** Checks one item's rounds. Reference items get the same checks, as warnings only. */
function evaluateItem(item: Item, rounds: readonly Round[] | undefined, context: FormContext, excluded: boolean): ItemResult {
  const requirement = excluded ? 'not-needed' : requirementOf(item, context);
  const first = rounds?.[0];
  const latest = rounds?.at(-1)?.value ?? null;
  const targetDate = rounds?.findLast((r) => r.targetDate)?.targetDate ?? null;
  const problems: ItemResult['problems'] = [];
  if (requirement !== 'not-needed') {
    const severity: Severity = requirement === 'required' ? 'blocking' : 'warning';
    const add = (code: ProblemCode, level: Severity = severity) => {
      if (!problems.some((p) => p.code === code)) problems.push({ code, severity: level });
    };
    if (!first) {
      if (requirement === 'required') add('unanswered');
    } else {
      rounds!.forEach((round, index) => {
        if (!round.date) add('missing-date');
        else if (round.date > context.asOf) add('date-in-future');
        const previous = rounds![index - 1]?.date;
        if (round.date && previous && round.date < previous) add('round-date-order');
        if (round.targetDate && !isInFiscalYear(round.targetDate, context.fiscalYear)) add('target-outside-fiscal-year');
      });
      // The gate's いいえ is a fact about the facility, not a gap to close: it has no target date.
      const closable = !item.flags.gate;
      if (closable && first.value === 'no' && !first.targetDate && !item.flags.singleRound) add('missing-target-date');
      if (closable && latest === 'no' && targetDate && targetDate < context.asOf) add('overdue', 'warning');
    }
  }
  return { id: item.id, requirement, latest, targetDate, problems };
}

const answered = (rounds: readonly Round[] | undefined) => Boolean(rounds?.length);

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
  const context: FormContext = { fiscalYear: institutionForm.fiscalYear, asOf: bundle.asOf, gateNo: gate === 'no', hasVendorContract: bundle.facility.hasVendorContract };

  const institutionItems = institutionForm.items.map((item) => evaluateItem(item, answers[item.id], context, false));
  const problems: InspectionProblem[] = institutionItems.flatMap((r) => r.problems.map((p) => ({ form: 'institution' as const, item: r.id, ...p })));

  const chartItem = institutionForm.items.find((i) => i.flags.artifact === 'contactChart');
  const chartResult = chartItem && institutionItems.find((r) => r.id === chartItem.id);
  if (chartResult && chartResult.requirement !== 'not-needed' && !bundle.artifacts.contactChart) {
    problems.push({ form: 'institution', item: chartResult.id, code: 'contact-chart-missing', severity: chartResult.requirement === 'required' ? 'blocking' : 'warning' });
  }

  const vendorsInScope = context.hasVendorContract && !context.gateNo;
  const vendors = (vendorsInScope ? bundle.vendors : []).map((vendor) => {
    const form = `vendor:${vendor.name}` as const;
    const submitted = vendor.answers !== undefined;
    const items = (vendorForm?.items ?? []).map((item) => evaluateItem(item, vendor.answers?.[item.id], context, vendor.excludedItems.includes(item.id)));
    if (!submitted) problems.push({ form, item: null, code: 'vendor-form-missing', severity: 'blocking' });
    else problems.push(...items.flatMap((r) => r.problems.map((p) => ({ form, item: r.id, ...p }))));
    return { name: vendor.name, submitted, items };
  });
  if (vendorsInScope && bundle.vendors.length === 0) problems.push({ form: 'institution', item: null, code: 'vendor-form-missing', severity: 'blocking' });

  // An item one vendor's contract excludes must be answered on the institution form or another vendor's.
  if (vendorsInScope) {
    bundle.vendors.forEach((vendor) => {
      for (const id of vendor.excludedItems) {
        const item = vendorForm?.items.find((i) => i.id === id) ?? institutionForm.items.find((i) => i.id === id);
        if (!item) continue;
        const requirement = requirementOf(item, context);
        if (requirement === 'not-needed') continue;
        const covered =
          answered(answers[id]) || bundle.vendors.some((other) => other !== vendor && !other.excludedItems.includes(id) && answered(other.answers?.[id]));
        if (!covered) problems.push({ form: `vendor:${vendor.name}`, item: id, code: 'not-covered', severity: requirement === 'required' ? 'blocking' : 'warning' });
      }
    });
  }

  return {
    edition: bundle.edition,
    fiscalYear: institutionForm.fiscalYear,
    asOf: bundle.asOf,
    institution: { form: institutionForm.form, gate, items: institutionItems },
    vendors,
    inspection: { ready: !problems.some((p) => p.severity === 'blocking'), problems },
  };
}
