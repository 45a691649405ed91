import type { DeviceScope, Item } from '../checklist/edition-schema.js';
import { fiscalYearLabel, fiscalYearRange } from '../checklist/fiscal-year.js';
import type { Finding } from './finding-types.js';

type ItemKey = Pick<Item, 'topic' | 'scope'> & { flags?: Pick<Item['flags'], 'planCountsUntilFiscalYear'> };

/**
 * An item whose own text accepts a plan (2023 3(3): "又は令和6年度中に策定予定である") turns a planned date within that
 * fiscal year into はい; every other item takes the finding as it is.
 */
function forItem(item: ItemKey, finding: Finding): Finding {
  const untilFy = item.flags?.planCountsUntilFiscalYear;
  if (untilFy === undefined || finding.suggestion !== 'no') return finding;
  const plannedOn = finding.reasons.find((r) => r.code === 'bcp-planned')?.params.plannedOn;
  if (typeof plannedOn !== 'string' || plannedOn > fiscalYearRange(untilFy).end) return finding;
  return { ...finding, suggestion: 'yes', reasons: [{ code: 'bcp-plan-counts', count: 0, params: { plannedOn, untilFy: fiscalYearLabel(untilFy) } }] };
}

/**
 * Checklist items and ledger findings meet on (topic, scope): item 2(7)@network gets patches/network, the 2025
 * edition's 2(6) (scope general) gets patches/general. Items whose topic no ledger answers get null.
 */
export function findingForItem(item: ItemKey, findings: readonly Finding[]): Finding | null {
  for (const finding of findings) {
    if (finding.topic === item.topic && finding.scope === item.scope) return forItem(item, finding);
  }
  return null;
}

/** The ids of the items (of one form) that a finding answers, in the form's order. */
export function itemIdsForFinding(finding: Pick<Finding, 'topic' | 'scope'>, items: readonly { id: string; topic: string; scope: DeviceScope }[]): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (item.topic === finding.topic && item.scope === finding.scope) ids.push(item.id);
  }
  return ids;
}
