import { AccountReviewRequest, AssetLedgerReviewRequest, Id, LedgerReviewView } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { listReviews, reviewAccounts, reviewAssetLedger } from './reviews.js';

const FacilityParams = z.object({ facilityId: Id });

export const ledgerReviewRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/ledger-reviews', { schema: { params: FacilityParams, response: { 200: z.array(LedgerReviewView) } } }, async (request) =>
    listReviews(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/account-reviews',
    { schema: { params: FacilityParams, body: AccountReviewRequest, response: { 200: LedgerReviewView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      return reviewAccounts(db, actor, auditContext(request), request.params.facilityId, user.name, request.body);
    },
  );

  app.post(
    '/facilities/:facilityId/asset-reviews',
    { schema: { params: FacilityParams, body: AssetLedgerReviewRequest, response: { 200: LedgerReviewView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      return reviewAssetLedger(db, actor, auditContext(request), request.params.facilityId, user.name, request.body.note);
    },
  );
};
