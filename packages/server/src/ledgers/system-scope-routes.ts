import { AccountSystemView, Id, SetSystemScopeRequest, SetSystemScopeResult } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { notFound } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';
import { accountSystems, setSystemScope, systemExists } from './system-scope.js';

const FacilityParams = z.object({ facilityId: Id });

/** The account ledger's systems and their scope (サーバ・アプリケーション / 端末PC), set per system. */
export const accountSystemRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/account-systems', { schema: { params: FacilityParams, response: { 200: z.array(AccountSystemView) } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.read');
    return accountSystems(db, request.params.facilityId);
  });

  app.post('/facilities/:facilityId/account-systems/scope', { schema: { params: FacilityParams, body: SetSystemScopeRequest, response: { 200: SetSystemScopeResult } } }, async (request) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.edit');
    if (!(await systemExists(db, facility.id, request.body.system))) throw notFound();
    const updated = await db.transaction((tx) => setSystemScope(tx, auditContext(request), facility, request.body.system, request.body.scope));
    return { updated };
  });
};
