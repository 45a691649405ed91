import { computeFindings, itemIdsForFinding, type Catalog, type FacilityKind, type FindingView, type Item, type LedgerFacts } from '@mamori/domain';
import type { FacilityRow } from '../tenancy/scope.js';

/** The items of the facility's own form in the edition of that fiscal year (the checklist's own edition when it exists). */
export function facilityItems(catalog: Catalog, facility: FacilityRow, edition: string | undefined): readonly Item[] {
  if (!edition) return [];
  return catalog.facilityForm(edition, facility.kind as FacilityKind)?.items ?? [];
}

/** Findings with the item ids they answer; findings no item of the edition asks about are left out. */
export function presentFindings(facts: LedgerFacts, items: readonly Item[]): FindingView[] {
  const views: FindingView[] = [];
  for (const finding of computeFindings(facts)) {
    const itemIds = itemIdsForFinding(finding, items);
    if (itemIds.length) views.push({ ...finding, itemIds });
  }
  return views;
}
