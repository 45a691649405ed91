import { AccountSystemView, Id, SetSystemScopeRequest, SetSystemScopeResult } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { accountSystems, setSystemScope } from './system-scope.js';

const FacilityParams = z.object({ facilityId: Id });

/** The account ledger's systems and their scope (サーバ・アプリケーション / 端末PC), set per system. */
export const accountSystemRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/account-systems', { schema: { params: FacilityParams, response: { 200: z.array(AccountSystemView) } } }, async (request) =>
    accountSystems(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/account-systems/scope',
    { schema: { params: FacilityParams, body: SetSystemScopeRequest, response: { 200: SetSystemScopeResult } } },
    async (request) => ({
      updated: await setSystemScope(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
    }),
  );
};
