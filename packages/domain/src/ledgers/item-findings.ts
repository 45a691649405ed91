import type { DeviceScope } from '../checklist/edition-schema.js';
import type { Finding } from './finding-types.js';

/**
 * Checklist items and ledger findings meet on (topic, scope): item 2(7)@network gets patches/network, the 2025
 * edition's 2(7) (scope general) gets patches/general. Items whose topic no ledger answers get null.
 */
export function findingForItem(item: { topic: string; scope: DeviceScope }, findings: readonly Finding[]): Finding | null {
  for (const finding of findings) {
    if (finding.topic === item.topic && finding.scope === item.scope) return finding;
  }
  return null;
}

/** The ids of the items (of one form) that a finding answers, in the form's order. */
export function itemIdsForFinding(
  finding: Pick<Finding, 'topic' | 'scope'>,
  items: readonly { id: string; topic: string; scope: DeviceScope }[],
): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (item.topic === finding.topic && item.scope === finding.scope) ids.push(item.id);
  }
  return ids;
}
