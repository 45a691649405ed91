import type { Evaluation } from '../checklist/evaluate.js';

/**
 * What a dashboard keeps of one facility's checklist year: enough to count, filter and sort thousands of facilities
 * without evaluating each on every request. Dates that move with the calendar (overdue) are kept as the target
 * dates themselves, so "overdue today" is decided when the dashboard is read, not when the summary was made.
 */
export interface FacilityYearSummary {
  /** Required items of the institution form (the gate included): what an inspector counts (inspection guide ①). */
  requiredItems: number;
  /** Required items with at least a first round. */
  answeredItems: number;
  /** Blocking problems of the evaluation: the facility is ready for an inspection when there are none. */
  blockingProblems: number;
  ready: boolean;
  /** Target dates of items whose latest answer is いいえ, sorted (institution and vendor forms). */
  openTargets: string[];
  /** Vendor contracts that need a form of their own (inspection guide ②). */
  vendorFormsExpected: number;
  /** Of those, the vendors whose form has not come back. */
  vendorsNotAnswering: string[];
}

const latestNoTargets = (items: Evaluation['institution']['items'], into: string[]) => {
  for (const item of items) if (item.requirement !== 'not-needed' && item.latest === 'no' && item.targetDate) into.push(item.targetDate);
};

export function summarizeEvaluation(evaluation: Evaluation): FacilityYearSummary {
  let requiredItems = 0;
  let answeredItems = 0;
  for (const item of evaluation.institution.items) {
    if (item.requirement !== 'required') continue;
    requiredItems++;
    if (item.latest !== null) answeredItems++;
  }
  const openTargets: string[] = [];
  latestNoTargets(evaluation.institution.items, openTargets);
  const expected = evaluation.vendors.filter((v) => !v.exemption);
  for (const vendor of expected) if (vendor.submitted) latestNoTargets(vendor.items, openTargets);
  openTargets.sort();
  const blockingProblems = evaluation.inspection.problems.filter((p) => p.severity === 'blocking').length;
  return {
    requiredItems,
    answeredItems,
    blockingProblems,
    ready: evaluation.inspection.ready,
    openTargets,
    vendorFormsExpected: expected.length,
    vendorsNotAnswering: expected.filter((v) => !v.submitted).map((v) => v.name),
  };
}

/** How many of a summary's open target dates have passed on `asOf` (a いいえ past its target: overdue). */
export function overdueCount(openTargets: readonly string[], asOf: string): number {
  let count = 0;
  for (const target of openTargets) if (target < asOf) count++;
  return count;
}
