import { AnswerSetView, ApplyAnswerSetRequest, ApplyAnswerSetResult, CreateAnswerSetRequest, Id, UpdateAnswerSetRequest, can, type Actor, type Permission } from '@mamori/domain';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import type { Db } from '../db/connect.js';
import { answerSets, users } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { notFound } from '../http/errors.js';
import { applyAnswerSet, createAnswerSet, deleteAnswerSet, updateAnswerSet, type AnswerSetRow } from './answer-sets-service.js';

const VendorParams = z.object({ vendorId: Id });
const SetParams = z.object({ answerSetId: Id });

/** A vendor company is only ever visible to its own users: anyone else gets 404. */
function assertVendor(actor: Actor, vendorId: string, permission: Permission = 'vendor.manage') {
  if (!can(actor, permission, { kind: 'vendor', vendorId })) throw notFound();
}

async function answerSetFor(db: Db, actor: Actor, id: string) {
  const [row] = await withEditor(db).where(eq(answerSets.id, id));
  if (!row) throw notFound();
  assertVendor(actor, row.set.vendorId);
  return row;
}

const present = (r: AnswerSetRow, updatedBy: string | null): AnswerSetView => ({
  id: r.id,
  vendorId: r.vendorId,
  product: r.product,
  edition: r.edition,
  excludedItems: r.excludedItems,
  answers: r.answers,
  updatedBy,
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

/** Answer sets with the name of whoever last changed them, in one query. */
function withEditor(db: Db) {
  return db.select({ set: answerSets, updatedBy: users.name }).from(answerSets).leftJoin(users, eq(users.id, answerSets.updatedBy));
}

export const answerSetRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.get('/vendors/:vendorId/answer-sets', { schema: { params: VendorParams, response: { 200: z.array(AnswerSetView) } } }, async (request) => {
    assertVendor(requireAuth(request).actor, request.params.vendorId);
    const rows = await withEditor(db).where(eq(answerSets.vendorId, request.params.vendorId)).orderBy(asc(answerSets.product));
    return rows.map((r) => present(r.set, r.updatedBy));
  });

  app.post(
    '/vendors/:vendorId/answer-sets',
    { schema: { params: VendorParams, body: CreateAnswerSetRequest, response: { 200: AnswerSetView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      assertVendor(actor, request.params.vendorId);
      const row = await db.transaction((tx) => createAnswerSet(tx, auditContext(request), catalog, request.params.vendorId, request.body));
      return present(row, user.name);
    },
  );

  app.get('/answer-sets/:answerSetId', { schema: { params: SetParams, response: { 200: AnswerSetView } } }, async (request) => {
    const { set, updatedBy } = await answerSetFor(db, requireAuth(request).actor, request.params.answerSetId);
    return present(set, updatedBy);
  });

  app.put('/answer-sets/:answerSetId', { schema: { params: SetParams, body: UpdateAnswerSetRequest, response: { 200: AnswerSetView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const { set } = await answerSetFor(db, actor, request.params.answerSetId);
    const row = await db.transaction((tx) => updateAnswerSet(tx, auditContext(request), catalog, set, request.body));
    return present(row, user.name);
  });

  app.delete('/answer-sets/:answerSetId', { schema: { params: SetParams } }, async (request, reply) => {
    const { set } = await answerSetFor(db, requireAuth(request).actor, request.params.answerSetId);
    await db.transaction((tx) => deleteAnswerSet(tx, auditContext(request), set));
    return reply.status(204).send();
  });

  app.post(
    '/answer-sets/:answerSetId/apply',
    { schema: { params: SetParams, body: ApplyAnswerSetRequest, response: { 200: ApplyAnswerSetResult } } },
    async (request) => {
      const { set } = await answerSetFor(db, requireAuth(request).actor, request.params.answerSetId);
      return db.transaction((tx) => applyAnswerSet(tx, auditContext(request), set, request.body.formIds, request.body.date));
    },
  );
};
