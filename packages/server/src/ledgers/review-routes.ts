import { AccountReviewRequest, AssetLedgerReviewRequest, Id, LedgerReviewView } from '@mamori/domain';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { ledgerReviews } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { facilityFor } from '../tenancy/scope.js';
import { presentReview, recordAccountReview, recordAssetReview } from './reviews.js';

const FacilityParams = z.object({ facilityId: Id });

export const ledgerReviewRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/ledger-reviews', { schema: { params: FacilityParams, response: { 200: z.array(LedgerReviewView) } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.read');
    const rows = await db.select().from(ledgerReviews).where(eq(ledgerReviews.facilityId, request.params.facilityId)).orderBy(desc(ledgerReviews.createdAt)).limit(200);
    return rows.map(presentReview);
  });

  app.post('/facilities/:facilityId/account-reviews', { schema: { params: FacilityParams, body: AccountReviewRequest, response: { 200: LedgerReviewView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const facility = await facilityFor(db, actor, request.params.facilityId, 'ledger.review');
    const review = await db.transaction((tx) => recordAccountReview(tx, auditContext(request), facility, user.name, request.body.decisions, request.body.note));
    return presentReview(review);
  });

  app.post('/facilities/:facilityId/asset-reviews', { schema: { params: FacilityParams, body: AssetLedgerReviewRequest, response: { 200: LedgerReviewView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const facility = await facilityFor(db, actor, request.params.facilityId, 'ledger.review');
    const review = await db.transaction((tx) => recordAssetReview(tx, auditContext(request), facility, user.name, request.body.note));
    return presentReview(review);
  });
};
