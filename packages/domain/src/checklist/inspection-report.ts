import type { VendorFormExemption } from '../vendors/form-need.js';
import type { AnswerValue } from './answer-values.js';
import type { Evaluation, InspectionProblem, ItemResult, ProblemCode } from './evaluate.js';

/*
 * The inspector's readiness report: the evaluation laid out as the inspection guide's points (別添3 立入検査の手引き,
 * 「立入検査時に確認する事項」), in the guide's order. The guide's words are in inspection-report-messages.ts.
 *
 * ① 「医療機関確認用」: ①-1 the gate (いいえ: nothing below it is checked), ①-2 a first-round result with its date on
 *   every item (2(2), 2(3) need none without a vendor contract), ①-3 a target date for every いいえ, ①-4 the contact
 *   chart seen as the real document.
 * ② 「事業者確認用」: ②-1 with a vendor contract the vendor forms are checked too, ②-2 one form per contracted vendor,
 *   all of them, ②-3 first-round results with dates, ②-4 items the contract leaves out are answered on the facility's
 *   form or another vendor's, ②-5 a target date for every いいえ.
 * ※ reference items (参考項目) are not inspected in the year they are reference items.
 *
 * The report decides nothing of its own: every blocking problem of the evaluation lands in exactly one point, a
 * point is 満たしていない exactly when it holds one, and the verdict is the evaluation's `ready`. Warnings (overdue,
 * an unreviewed vendor form, anything on a reference item or an exempt contract) are listed as 参考 and never decide.
 */

export type ReportPointId =
  | 'gate'
  | 'first-round'
  | 'target-dates'
  | 'contact-chart'
  | 'vendor-contracts'
  | 'vendor-form'
  | 'vendor-first-round'
  | 'vendor-coverage'
  | 'vendor-target-dates';

export type PointStatus = 'met' | 'not-met' | 'not-applicable';

/** Why a point is 対象外. */
export type NotApplicableReason =
  /** 医療情報システムの有無 is いいえ: nothing below it is checked (guide ①). */
  | 'gate-no'
  /** The facility has no vendor contract: no vendor form (guide ②). */
  | 'no-vendor-contract'
  /** The contract needs no form of its own (manual I-4, Q&A 12-D-19/22/23). */
  | 'form-not-needed'
  /** The vendor's form has not been returned: what is on it cannot be checked (its absence is ②-2). */
  | 'no-form'
  /** The contract leaves no item out. */
  | 'nothing-excluded';

/** A place in the inspection guide (別添3 立入検査の手引き). */
export interface GuideCitation {
  doc: 'inspection-guide';
  point: string;
}

export interface ReportPoint {
  id: ReportPointId;
  part: 'institution' | 'vendor';
  citation: GuideCitation;
  /** The contract a ②-2…②-5 point is about; null on the facility's own form and for ②-1. */
  vendor: { name: string; exemption: VendorFormExemption | null } | null;
  status: PointStatus;
  notApplicable: NotApplicableReason | null;
  /** Blocking problems: they make the point 満たしていない. */
  problems: InspectionProblem[];
  /** Warnings, listed as 参考. */
  notes: InspectionProblem[];
  /** Items this point names without a problem: 2(2), 2(3) needing no entry (①-2); the items a contract leaves out (②-4). */
  items: string[];
}

export interface InspectionReport {
  edition: string;
  fiscalYear: number;
  asOf: string;
  gate: AnswerValue | null;
  /** Equal to `evaluation.inspection.ready`. */
  ready: boolean;
  points: ReportPoint[];
  /** The guide's closing ※: the reference items of this year, not inspected; their problems as 参考. */
  reference: { citation: GuideCitation; items: { form: InspectionProblem['form']; item: string }[]; notes: InspectionProblem[] };
}

const cite = (point: string): GuideCitation => ({ doc: 'inspection-guide', point });

/** What a problem is about, which decides its point. Exhaustive: a new problem code must be placed here. */
function topicOf(code: ProblemCode): 'answers' | 'targets' | 'chart' | 'vendor-form' | 'coverage' {
  switch (code) {
    case 'unanswered':
    case 'missing-date':
    case 'date-outside-fiscal-year':
    case 'round-date-order':
    case 'date-in-future':
    case 'missing-reason':
    case 'not-applicable-not-allowed':
      return 'answers';
    case 'missing-target-date':
    case 'target-outside-fiscal-year':
    case 'target-before-date':
    case 'overdue':
      return 'targets';
    case 'contact-chart-missing':
      return 'chart';
    case 'vendor-form-missing':
    case 'vendor-form-unreviewed':
      return 'vendor-form';
    case 'not-covered':
      return 'coverage';
  }
}

function pointIdOf(problem: InspectionProblem): ReportPointId {
  const topic = topicOf(problem.code);
  if (problem.form === 'institution') {
    if (problem.item === 'gate') return 'gate';
    if (topic === 'vendor-form') return 'vendor-contracts';
    if (topic === 'chart') return 'contact-chart';
    return topic === 'targets' ? 'target-dates' : 'first-round';
  }
  if (topic === 'vendor-form') return 'vendor-form';
  if (topic === 'coverage') return 'vendor-coverage';
  return topic === 'targets' ? 'vendor-target-dates' : 'vendor-first-round';
}

/** A point's form: the vendor's for ②-2…②-5, the facility's own for the rest (②-1 holds "no vendor form at all"). */
const formOf = (point: ReportPoint): InspectionProblem['form'] => (point.vendor ? `vendor:${point.vendor.name}` : 'institution');

/** The readiness report of one facility's checklist year, point by point as the inspection guide checks it. */
export function buildInspectionReport(evaluation: Evaluation): InspectionReport {
  const gateNo = evaluation.institution.gate === 'no';
  const institutionItems = evaluation.institution.items;
  const vendorsInScope = !gateNo && (evaluation.vendors.length > 0 || evaluation.inspection.problems.some((p) => p.code === 'vendor-form-missing'));
  const point = (
    id: ReportPointId,
    part: ReportPoint['part'],
    guide: string,
    notApplicable: NotApplicableReason | null,
    items: string[] = [],
  ): ReportPoint => ({
    id,
    part,
    citation: cite(guide),
    vendor: null,
    status: 'met',
    notApplicable,
    problems: [],
    notes: [],
    items,
  });
  const unlessGateNo = gateNo ? 'gate-no' : null;
  const points: ReportPoint[] = [
    point('gate', 'institution', '①-1', null),
    point(
      'first-round',
      'institution',
      '①-2',
      unlessGateNo,
      gateNo ? [] : institutionItems.filter((i) => i.id !== 'gate' && i.requirement === 'not-needed').map((i) => i.id),
    ),
    point('target-dates', 'institution', '①-3', unlessGateNo),
    point('contact-chart', 'institution', '①-4', unlessGateNo),
    point('vendor-contracts', 'vendor', '②-1', gateNo ? 'gate-no' : vendorsInScope ? null : 'no-vendor-contract'),
  ];
  for (const vendor of evaluation.vendors) {
    // A contract's excluded items are the ones its form needs no answer on (the gate said はい, or it would have no vendors).
    const excluded = vendor.items.filter((i) => i.requirement === 'not-needed').map((i) => i.id);
    const exempt: NotApplicableReason | null = vendor.exemption ? 'form-not-needed' : null;
    const onForm = exempt ?? (vendor.submitted ? null : 'no-form');
    const forVendor = (p: ReportPoint): ReportPoint => ({ ...p, vendor: { name: vendor.name, exemption: vendor.exemption } });
    points.push(
      forVendor(point('vendor-form', 'vendor', '②-2', exempt)),
      forVendor(point('vendor-first-round', 'vendor', '②-3', onForm)),
      forVendor(point('vendor-coverage', 'vendor', '②-4', exempt ?? (excluded.length ? null : 'nothing-excluded'), excluded)),
      forVendor(point('vendor-target-dates', 'vendor', '②-5', onForm)),
    );
  }

  // The first point of a key wins, so two contracts of one vendor name still file each problem once.
  const byKey = new Map<string, ReportPoint>();
  for (const p of points) {
    const key = `${p.id}|${formOf(p)}`;
    if (!byKey.has(key)) byKey.set(key, p);
  }
  const requirementOf = referenceLookup(evaluation);
  const reference: InspectionReport['reference'] = { citation: cite('※'), items: referenceItems(evaluation), notes: [] };
  for (const problem of evaluation.inspection.problems) {
    if (problem.severity === 'warning' && problem.item !== null && requirementOf(problem.form, problem.item) === 'reference') {
      reference.notes.push(problem);
      continue;
    }
    const target = byKey.get(`${pointIdOf(problem)}|${problem.form}`);
    // Unreachable for an evaluation `evaluate` made; a hand-made one still loses no problem.
    const home = target ?? points.find((p) => p.id === (problem.form === 'institution' ? 'first-round' : 'vendor-contracts'))!;
    (problem.severity === 'blocking' ? home.problems : home.notes).push(problem);
  }
  // A blocking problem always makes its point 満たしていない, even one otherwise 対象外: the verdict stays the evaluation's.
  for (const p of points) p.status = p.problems.length ? 'not-met' : p.notApplicable ? 'not-applicable' : 'met';
  for (const p of points) if (p.status !== 'not-applicable') p.notApplicable = null;

  return {
    edition: evaluation.edition,
    fiscalYear: evaluation.fiscalYear,
    asOf: evaluation.asOf,
    gate: evaluation.institution.gate,
    ready: points.every((p) => p.status !== 'not-met'),
    points,
    reference,
  };
}

function referenceLookup(evaluation: Evaluation) {
  const forms = new Map<string, Map<string, ItemResult['requirement']>>();
  forms.set('institution', new Map(evaluation.institution.items.map((i) => [i.id, i.requirement])));
  for (const vendor of evaluation.vendors) {
    const key = `vendor:${vendor.name}`;
    if (!forms.has(key)) forms.set(key, new Map(vendor.items.map((i) => [i.id, i.requirement])));
  }
  return (form: string, item: string) => forms.get(form)?.get(item) ?? null;
}

/** The reference items of this year on the facility's form and on each vendor form (none from 2024 on). */
function referenceItems(evaluation: Evaluation): InspectionReport['reference']['items'] {
  const items: InspectionReport['reference']['items'] = [];
  for (const i of evaluation.institution.items) if (i.requirement === 'reference') items.push({ form: 'institution', item: i.id });
  for (const vendor of evaluation.vendors)
    for (const i of vendor.items) if (i.requirement === 'reference') items.push({ form: `vendor:${vendor.name}`, item: i.id });
  return items;
}
