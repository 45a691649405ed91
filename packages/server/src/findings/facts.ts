import { builtInEndOfLife, defaultFindingThresholds, todayInTokyo, type FindingThresholds, type LedgerFacts } from '@mamori/domain';
import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { accounts, assets, endOfLifeEntries, facilityMembers, ledgerReviews, users } from '../db/schema.js';
import { accountFieldsOf, assetFieldsOf } from '../ledgers/definitions.js';
import type { FacilityRow } from '../tenancy/scope.js';

export function thresholdsOf(facility: FacilityRow): FindingThresholds {
  return { ...defaultFindingThresholds, ...(facility.findingThresholds ?? {}) };
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
    db.select().from(assets).where(eq(assets.facilityId, facility.id)),
    db.select().from(accounts).where(eq(accounts.facilityId, facility.id)),
    db.select().from(endOfLifeEntries).where(eq(endOfLifeEntries.facilityId, facility.id)),
    lastReview(db, facility.id, 'assets'),
    lastReview(db, facility.id, 'accounts'),
  ]);
  return {
    asOf,
    // 1(1): the facility's 安全管理責任者 are the members holding the manager role.
    securityManagerName: managers.length ? managers.map((m) => m.name).join('、') : null,
    assets: assetRows.map((row) => ({ ...assetFieldsOf(row), id: row.id })),
    accounts: accountRows.map((row) => ({ ...accountFieldsOf(row), id: row.id })),
    assetLedgerReviewedOn,
    accountReviewedOn,
    // A facility's own rows come first so they win over a built-in row with an equally long match.
    endOfLife: [...ownEndOfLife.map((e) => ({ product: e.product, match: e.match, endOfLifeOn: e.endOfLifeOn })), ...builtInEndOfLife],
    thresholds: thresholdsOf(facility),
  };
}
