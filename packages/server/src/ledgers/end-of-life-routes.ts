import { CreateEndOfLifeRequest, EndOfLifeView, Id, builtInEndOfLife } from '@mamori/domain';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { endOfLifeEntries } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { diff, recordAudit } from '../audit/record.js';
import { notFound } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';

const FacilityParams = z.object({ facilityId: Id });
type EntryRow = typeof endOfLifeEntries.$inferSelect;
const present = (row: EntryRow) => ({ id: row.id, product: row.product, match: row.match, endOfLifeOn: row.endOfLifeOn, builtIn: false });
const builtIn = builtInEndOfLife.map((e) => ({ id: null, product: e.product, match: [...e.match], endOfLifeOn: e.endOfLifeOn, builtIn: true }));
const auditedFields = ['product', 'match', 'endOfLifeOn'] as const;

/** The OS / firmware end-of-life table: the built-in rows plus the facility's own. */
export const endOfLifeRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/end-of-life', { schema: { params: FacilityParams, response: { 200: z.array(EndOfLifeView) } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.read');
    const rows = await db.select().from(endOfLifeEntries).where(eq(endOfLifeEntries.facilityId, request.params.facilityId)).orderBy(asc(endOfLifeEntries.product));
    return [...rows.map(present), ...builtIn];
  });

  app.post('/facilities/:facilityId/end-of-life', { schema: { params: FacilityParams, body: CreateEndOfLifeRequest, response: { 200: EndOfLifeView } } }, async (request) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.edit');
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx.insert(endOfLifeEntries).values({ ...request.body, organizationId: facility.organizationId, facilityId: facility.id }).returning();
      await recordAudit(tx, auditContext(request), {
        action: 'endOfLife.create', entityType: 'end_of_life_entry', entityId: inserted!.id, organizationId: facility.organizationId, facilityId: facility.id,
        changes: diff(null, inserted!, auditedFields),
      });
      return inserted!;
    });
    return present(row);
  });

  app.delete('/end-of-life/:entryId', { schema: { params: z.object({ entryId: Id }) } }, async (request, reply) => {
    const { actor } = requireAuth(request);
    const [row] = await db.select().from(endOfLifeEntries).where(eq(endOfLifeEntries.id, request.params.entryId));
    if (!row) throw notFound();
    await facilityFor(db, actor, row.facilityId, 'ledger.edit');
    await db.transaction(async (tx) => {
      await tx.delete(endOfLifeEntries).where(eq(endOfLifeEntries.id, row.id));
      await recordAudit(tx, auditContext(request), {
        action: 'endOfLife.delete', entityType: 'end_of_life_entry', entityId: row.id, organizationId: row.organizationId, facilityId: row.facilityId,
        changes: diff(row, null, auditedFields),
      });
    });
    return reply.code(204).send();
  });
};
