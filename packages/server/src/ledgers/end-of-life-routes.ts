import { CreateEndOfLifeRequest, EndOfLifeView, Id } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { addEndOfLife, deleteEndOfLife, listEndOfLife } from './end-of-life.js';

const FacilityParams = z.object({ facilityId: Id });

/** The OS / firmware end-of-life table: the built-in rows plus the facility's own. */
export const endOfLifeRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/end-of-life', { schema: { params: FacilityParams, response: { 200: z.array(EndOfLifeView) } } }, async (request) =>
    listEndOfLife(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/end-of-life',
    { schema: { params: FacilityParams, body: CreateEndOfLifeRequest, response: { 200: EndOfLifeView } } },
    async (request) => addEndOfLife(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );

  app.delete('/end-of-life/:entryId', { schema: { params: z.object({ entryId: Id }) } }, async (request, reply) => {
    await deleteEndOfLife(db, requireAuth(request).actor, auditContext(request), request.params.entryId);
    return reply.code(204).send();
  });
};
