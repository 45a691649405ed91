import { todayInTokyo, type AccountReviewRequest, type Actor, type LedgerReviewView } from '@mamori/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/connect.js';
import { accounts, ledgerReviews } from '../db/schema.js';
import { recordAuditBatch, type AuditContext, type AuditEntry } from '../audit/record.js';
import { invalid } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { facilityScope, insertAudited, inTransaction } from '../writes/audited.js';
import { accountLedger } from './definitions.js';

type ReviewRow = typeof ledgerReviews.$inferSelect;
type AccountDecision = z.infer<typeof AccountReviewRequest>['decisions'][number];

function presentReview(row: ReviewRow): LedgerReviewView {
  const tally = (decision: string) => row.decisions.filter((d) => d.decision === decision).length;
  return {
    id: row.id,
    ledger: row.ledger as LedgerReviewView['ledger'],
    reviewedOn: row.reviewedOn,
    reviewedBy: row.reviewerName,
    note: row.note,
    kept: tally('keep'),
    disabled: tally('disable'),
    deleted: tally('delete'),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The facility's reviews, newest first. */
export async function listReviews(db: Db, actor: Actor, facilityId: string): Promise<LedgerReviewView[]> {
  await facilityFor(db, actor, facilityId, 'ledger.read');
  const rows = await db.select().from(ledgerReviews).where(eq(ledgerReviews.facilityId, facilityId)).orderBy(desc(ledgerReviews.createdAt)).limit(200);
  return rows.map(presentReview);
}

/**
 * The signed account review (棚卸): each decision is applied — disable switches the account off,
 * delete removes it from the ledger — and the review itself, with every reason, is kept as evidence.
 */
export async function reviewAccounts(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  reviewerName: string,
  input: z.infer<typeof AccountReviewRequest>,
): Promise<LedgerReviewView> {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.review');
  return presentReview(await inTransaction(db, (tx) => applyAccountReview(tx, context, facility, reviewerName, input.decisions, input.note)));
}

async function applyAccountReview(
  tx: Tx,
  context: AuditContext,
  facility: FacilityRow,
  reviewerName: string,
  decisions: readonly AccountDecision[],
  note: string,
): Promise<ReviewRow> {
  const ids = decisions.map((d) => d.accountId);
  if (new Set(ids).size !== ids.length) throw invalid('body.decisions', 'review_duplicate_account');
  const rows = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.facilityId, facility.id), inArray(accounts.id, ids)))
    .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = decisions.findIndex((d) => !byId.has(d.accountId));
  if (missing >= 0) throw invalid(`body.decisions.${missing}.accountId`, 'review_unknown_account');

  const toDisable = decisions.filter((d) => d.decision === 'disable' && byId.get(d.accountId)!.enabled).map((d) => d.accountId);
  const toDelete = decisions.filter((d) => d.decision === 'delete').map((d) => d.accountId);
  if (toDisable.length)
    await tx
      .update(accounts)
      .set({ enabled: false, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
      .where(inArray(accounts.id, toDisable));
  if (toDelete.length) await tx.delete(accounts).where(inArray(accounts.id, toDelete));

  const [review] = await tx
    .insert(ledgerReviews)
    .values({
      organizationId: facility.organizationId,
      facilityId: facility.id,
      ledger: 'accounts',
      reviewedOn: todayInTokyo(),
      reviewedBy: context.actorId,
      reviewerName,
      note,
      decisions: decisions.map((d) => ({ ...d, label: accountLedger.label(byId.get(d.accountId)!) })),
    })
    .returning();
  const owner = facilityScope(facility);
  const entries: AuditEntry[] = [
    {
      action: 'ledger.review',
      entityType: 'ledger_review',
      entityId: review!.id,
      ...owner,
      changes: { accounts: { before: null, after: { decisions: decisions.length, disabled: toDisable.length, deleted: toDelete.length } } },
    },
    ...toDisable.map(
      (id): AuditEntry => ({ action: 'account.disable', entityType: 'account', entityId: id, ...owner, changes: { enabled: { before: true, after: false } } }),
    ),
    ...toDelete.map(
      (id): AuditEntry => ({
        action: 'account.delete',
        entityType: 'account',
        entityId: id,
        ...owner,
        changes: { loginId: { before: byId.get(id)!.loginId, after: null } },
      }),
    ),
  ];
  await recordAuditBatch(tx, context, entries);
  return review!;
}

/** "I checked the asset ledger is current": the confirmation 2(1) looks for. */
export async function reviewAssetLedger(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  reviewerName: string,
  note: string,
): Promise<LedgerReviewView> {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.review');
  const scope = facilityScope(facility);
  const review = await inTransaction(db, (tx) =>
    insertAudited(
      tx,
      context,
      ledgerReviews,
      { ...scope, ledger: 'assets', reviewedOn: todayInTokyo(), reviewedBy: context.actorId, reviewerName, note },
      {
        action: 'ledger.review',
        entityType: 'ledger_review',
        scope,
        fields: [],
        extra: { assets: { before: null, after: { note } } },
      },
    ),
  );
  return presentReview(review);
}
