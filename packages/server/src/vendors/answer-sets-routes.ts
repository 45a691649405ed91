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
  const [set] = await db.select().from(answerSets).where(eq(answerSets.id, id));
  if (!set) throw notFound();
  assertVendor(actor, set.vendorId);
  return set;
}

async function present(db: Db, rows: AnswerSetRow[]): Promise<AnswerSetView[]> {
  const names = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.updatedBy ? [r.updatedBy] : [])))) {
    const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
    if (user) names.set(id, user.name);
  }
  return rows.map((r) => ({
    id: r.id,
    vendorId: r.vendorId,
    product: r.product,
    edition: r.edition,
    excludedItems: r.excludedItems,
    answers: r.answers,
    updatedBy: r.updatedBy ? (names.get(r.updatedBy) ?? null) : null,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

export const answerSetRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.get('/vendors/:vendorId/answer-sets', { schema: { params: VendorParams, response: { 200: z.array(AnswerSetView) } } }, async (request) => {
    assertVendor(requireAuth(request).actor, request.params.vendorId);
    return present(db, await db.select().from(answerSets).where(eq(answerSets.vendorId, request.params.vendorId)).orderBy(asc(answerSets.product)));
  });

  app.post(
    '/vendors/:vendorId/answer-sets',
    { schema: { params: VendorParams, body: CreateAnswerSetRequest, response: { 200: AnswerSetView } } },
    async (request) => {
      assertVendor(requireAuth(request).actor, request.params.vendorId);
      const row = await db.transaction((tx) => createAnswerSet(tx, auditContext(request), catalog, request.params.vendorId, request.body));
      return (await present(db, [row]))[0]!;
    },
  );

  app.get('/answer-sets/:answerSetId', { schema: { params: SetParams, response: { 200: AnswerSetView } } }, async (request) => {
    return (await present(db, [await answerSetFor(db, requireAuth(request).actor, request.params.answerSetId)]))[0]!;
  });

  app.put('/answer-sets/:answerSetId', { schema: { params: SetParams, body: UpdateAnswerSetRequest, response: { 200: AnswerSetView } } }, async (request) => {
    const set = await answerSetFor(db, requireAuth(request).actor, request.params.answerSetId);
    const row = await db.transaction((tx) => updateAnswerSet(tx, auditContext(request), catalog, set, request.body));
    return (await present(db, [row]))[0]!;
  });

  app.delete('/answer-sets/:answerSetId', { schema: { params: SetParams } }, async (request, reply) => {
    const set = await answerSetFor(db, requireAuth(request).actor, request.params.answerSetId);
    await db.transaction((tx) => deleteAnswerSet(tx, auditContext(request), set));
    return reply.status(204).send();
  });

  app.post(
    '/answer-sets/:answerSetId/apply',
    { schema: { params: SetParams, body: ApplyAnswerSetRequest, response: { 200: ApplyAnswerSetResult } } },
    async (request) => {
      const set = await answerSetFor(db, requireAuth(request).actor, request.params.answerSetId);
      return db.transaction((tx) => applyAnswerSet(tx, auditContext(request), set, request.body.formIds, request.body.date));
    },
  );
};
