import {
  accountFieldKeys,
  assetFieldKeys,
  builtInEndOfLife,
  defaultFindingThresholds,
  todayInTokyo,
  type AccountFields,
  type AssetFields,
  type DisclosureFacts,
  type FindingThresholds,
  type LedgerFacts,
} from '@mamori/domain';
import { and, eq, getTableColumns, max, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/connect.js';
import { accounts, assets, disclosures, endOfLifeEntries, facilityMembers, ledgerReviews, users, vendorContracts, vendors } from '../db/schema.js';
import type { FacilityRow } from '../tenancy/scope.js';

export function thresholdsOf(facility: FacilityRow): FindingThresholds {
  return { ...defaultFindingThresholds, ...(facility.findingThresholds ?? {}) };
}

/**
 * A whole ledger as one JSON value built by the database: ten thousand rows cross the driver as one
 * string instead of ten thousand row objects (PGlite in particular pays per row), already keyed by the
 * domain's field names.
 */
async function ledgerAsJson<T>(db: Db, table: PgTable, fieldKeys: readonly string[], facilityId: string): Promise<T[]> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const pairs = ['id', ...fieldKeys].map((key) => `'${key}', "${columns[key]!.name}"`).join(', ');
  const result = await db.execute(
    sql`SELECT coalesce(json_agg(json_build_object(${sql.raw(pairs)})), '[]'::json) AS records FROM ${table} WHERE facility_id = ${facilityId}`,
  );
  const [row] = (result as unknown as { rows: { records: T[] | string }[] }).rows;
  const records = row?.records ?? [];
  return typeof records === 'string' ? (JSON.parse(records) as T[]) : records;
}

async function lastReview(db: Db, facilityId: string, ledger: 'assets' | 'accounts'): Promise<string | null> {
  const [row] = await db
    .select({ on: max(ledgerReviews.reviewedOn) })
    .from(ledgerReviews)
    .where(and(eq(ledgerReviews.facilityId, facilityId), eq(ledgerReviews.ledger, ledger)));
  return row?.on ?? null;
}

/** Everything the finding rules read about one facility, as plain data. */
export async function loadLedgerFacts(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<LedgerFacts> {
  const [managers, assetRows, accountRows, ownEndOfLife, assetLedgerReviewedOn, accountReviewedOn] = await Promise.all([
    db
      .select({ name: users.name })
      .from(facilityMembers)
      .innerJoin(users, eq(users.id, facilityMembers.userId))
      .where(and(eq(facilityMembers.facilityId, facility.id), eq(facilityMembers.role, 'manager'))),
    ledgerAsJson<AssetFields & { id: string }>(db, assets, assetFieldKeys, facility.id),
    ledgerAsJson<AccountFields & { id: string }>(db, accounts, accountFieldKeys, facility.id),
    db.select().from(endOfLifeEntries).where(eq(endOfLifeEntries.facilityId, facility.id)),
    lastReview(db, facility.id, 'assets'),
    lastReview(db, facility.id, 'accounts'),
  ]);
  return {
    asOf,
    // 1(1): the facility's 安全管理責任者 are the members holding the manager role.
    securityManagerName: managers.length ? managers.map((m) => m.name).join('、') : null,
    assets: assetRows,
    accounts: accountRows,
    assetLedgerReviewedOn,
    accountReviewedOn,
    // A facility's own rows come first so they win over a built-in row with an equally long match.
    endOfLife: [...ownEndOfLife.map((e) => ({ product: e.product, match: e.match, endOfLifeOn: e.endOfLifeOn })), ...builtInEndOfLife],
    thresholds: thresholdsOf(facility),
  };
}

/**
 * What the 2(3) MDS/SDS rule reads: the facility's vendor contracts (with the vendor's name) and the statements filed
 * under them. System names are compared by the rule itself (NFKC, case and white space ignored).
 */
export async function loadDisclosureFacts(db: Db, facility: FacilityRow, asOf = todayInTokyo()): Promise<DisclosureFacts> {
  const [contracts, statements] = await Promise.all([
    db
      .select({ id: vendorContracts.id, title: vendorContracts.title, vendorName: vendors.name, systems: vendorContracts.systems })
      .from(vendorContracts)
      .innerJoin(vendors, eq(vendors.id, vendorContracts.vendorId))
      .where(eq(vendorContracts.facilityId, facility.id)),
    db
      .select({
        contractId: disclosures.contractId,
        system: disclosures.system,
        kind: disclosures.kind,
        jahisVersion: disclosures.jahisVersion,
        receivedOn: disclosures.receivedOn,
      })
      .from(disclosures)
      .where(eq(disclosures.facilityId, facility.id)),
  ]);
  return { asOf, contracts, disclosures: statements };
}
