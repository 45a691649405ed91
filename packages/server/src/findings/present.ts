import {
  computeDisclosureFindings,
  computeFindings,
  computeIncidentFindings,
  findingForItem,
  fiscalYearOf,
  itemIdsForFinding,
  todayInTokyo,
  type Catalog,
  type FacilityKind,
  type Finding,
  type FindingView,
  type FindingsView,
  type Item,
} from '@mamori/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { assessments } from '../db/schema.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { loadAccessLogFinding } from '../access-logs/readiness.js';
import { loadIncidentFacts } from '../readiness/facts.js';
import { loadDisclosureFacts, loadLedgerFacts } from './facts.js';

/** The items of the facility's own form in the edition of that fiscal year (the checklist's own edition when it exists). */
function facilityItems(catalog: Catalog, facility: FacilityRow, edition: string | undefined): readonly Item[] {
  if (!edition) return [];
  return catalog.facilityForm(edition, facility.kind as FacilityKind)?.items ?? [];
}

/**
 * Findings with the item ids they answer, as those items read them (2023 3(3) counts a planned BCP); findings no item
 * of the edition asks about are left out.
 */
function presentFindings(findings: readonly Finding[], items: readonly Item[]): FindingView[] {
  const views: FindingView[] = [];
  for (const finding of findings) {
    const itemIds = itemIdsForFinding(finding, items);
    const item = items.find((i) => i.id === itemIds[0]);
    if (item) views.push({ ...findingForItem(item, [finding])!, itemIds });
  }
  return views;
}

/** The facility's findings for a fiscal year, against its own checklist's edition (or the one in force). */
export async function findingsView(db: Db, catalog: Catalog, facility: FacilityRow, requestedYear?: number): Promise<FindingsView> {
  const asOf = todayInTokyo();
  const fiscalYear = requestedYear ?? fiscalYearOf(asOf);
  const [own] = await db
    .select({ edition: assessments.edition })
    .from(assessments)
    .where(and(eq(assessments.facilityId, facility.id), eq(assessments.fiscalYear, fiscalYear), isNull(assessments.vendorName)));
  const edition = own?.edition ?? catalog.editionForFiscalYear(fiscalYear) ?? null;
  return {
    asOf,
    fiscalYear,
    edition,
    findings: presentFindings(await facilityFindings(db, facility, asOf), facilityItems(catalog, facility, edition ?? undefined)),
  };
}

/**
 * Every finding of a facility: the ledgers' (1(1)–2(9)), the MDS/SDS register's (2(3)), the access logs' (2(6)) and
 * incident readiness' (3(1)–3(3)).
 */
export async function facilityFindings(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<Finding[]> {
  const [ledgerFacts, disclosureFacts, accessLogs, incidentFacts] = await Promise.all([
    loadLedgerFacts(db, facility, asOf),
    loadDisclosureFacts(db, facility, asOf),
    loadAccessLogFinding(db, facility, asOf),
    loadIncidentFacts(db, facility, asOf),
  ]);
  return [...computeFindings(ledgerFacts), ...computeDisclosureFindings(disclosureFacts), accessLogs, ...computeIncidentFindings(incidentFacts)];
}
