import { AnswerSetView, ApplyAnswerSetRequest, ApplyAnswerSetResult, AnswerSetInput, Id, UpdateAnswerSetRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { applyAnswerSet, createAnswerSet, deleteAnswerSet, listAnswerSets, readAnswerSet, updateAnswerSet } from './answer-sets-service.js';

const VendorParams = z.object({ vendorId: Id });
const SetParams = z.object({ answerSetId: Id });

export const answerSetRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.get('/vendors/:vendorId/answer-sets', { schema: { params: VendorParams, response: { 200: z.array(AnswerSetView) } } }, async (request) =>
    listAnswerSets(db, requireAuth(request).actor, request.params.vendorId),
  );

  app.post('/vendors/:vendorId/answer-sets', { schema: { params: VendorParams, body: AnswerSetInput, response: { 200: AnswerSetView } } }, async (request) =>
    createAnswerSet(db, requireAuth(request).actor, auditContext(request), catalog, request.params.vendorId, request.body),
  );

  app.get('/answer-sets/:answerSetId', { schema: { params: SetParams, response: { 200: AnswerSetView } } }, async (request) =>
    readAnswerSet(db, requireAuth(request).actor, request.params.answerSetId),
  );

  app.put('/answer-sets/:answerSetId', { schema: { params: SetParams, body: UpdateAnswerSetRequest, response: { 200: AnswerSetView } } }, async (request) =>
    updateAnswerSet(db, requireAuth(request).actor, auditContext(request), catalog, request.params.answerSetId, request.body),
  );

  app.delete('/answer-sets/:answerSetId', { schema: { params: SetParams } }, async (request, reply) => {
    await deleteAnswerSet(db, requireAuth(request).actor, auditContext(request), request.params.answerSetId);
    return reply.status(204).send();
  });

  app.post(
    '/answer-sets/:answerSetId/apply',
    { schema: { params: SetParams, body: ApplyAnswerSetRequest, response: { 200: ApplyAnswerSetResult } } },
    async (request) =>
      applyAnswerSet(db, requireAuth(request).actor, auditContext(request), request.params.answerSetId, request.body.formIds, request.body.date),
  );
};
