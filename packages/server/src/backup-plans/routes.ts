import { BackupPlanView, CreateBackupPlanRequest, CreateRestoreTestRequest, Id, UpdateBackupPlanRequest, Version } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { createPlan, deletePlan, deleteRestoreTest, listPlans, recordRestoreTest, updatePlan } from './service.js';

const FacilityParams = z.object({ facilityId: Id });
const PlanParams = z.object({ planId: Id });

/** 3(2): backup plans and their restore tests. */
export const backupPlanRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/backup-plans', { schema: { params: FacilityParams, response: { 200: z.array(BackupPlanView) } } }, async (request) =>
    listPlans(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/backup-plans',
    { schema: { params: FacilityParams, body: CreateBackupPlanRequest, response: { 200: BackupPlanView } } },
    async (request) => createPlan(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );

  app.patch('/backup-plans/:planId', { schema: { params: PlanParams, body: UpdateBackupPlanRequest, response: { 200: BackupPlanView } } }, async (request) =>
    updatePlan(db, requireAuth(request).actor, auditContext(request), request.params.planId, request.body),
  );

  app.delete(
    '/backup-plans/:planId',
    { schema: { params: PlanParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }) } },
    async (request, reply) => {
      await deletePlan(db, requireAuth(request).actor, auditContext(request), request.params.planId, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/backup-plans/:planId/restore-tests',
    { schema: { params: PlanParams, body: CreateRestoreTestRequest, response: { 200: BackupPlanView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      return recordRestoreTest(db, actor, auditContext(request), request.params.planId, user.id, request.body);
    },
  );

  app.delete('/restore-tests/:testId', { schema: { params: z.object({ testId: Id }) } }, async (request, reply) => {
    await deleteRestoreTest(db, requireAuth(request).actor, auditContext(request), request.params.testId);
    return reply.code(204).send();
  });
};
