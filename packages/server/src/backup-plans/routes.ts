import { BackupPlanView, CreateBackupPlanRequest, CreateRestoreTestRequest, Id, UpdateBackupPlanRequest, Version, type Actor, type Permission } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import type { Db } from '../db/connect.js';
import { backupPlans, restoreTests } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { diff, recordAudit } from '../audit/record.js';
import { notFound, versionConflict } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';
import { facilityPlans, planFields, plansWithTests } from './queries.js';

const FacilityParams = z.object({ facilityId: Id });
const PlanParams = z.object({ planId: Id });

async function planFor(db: Db, actor: Actor, planId: string, permission: Permission) {
  const [plan] = await db.select().from(backupPlans).where(eq(backupPlans.id, planId));
  if (!plan) throw notFound();
  await facilityFor(db, actor, plan.facilityId, permission);
  return plan;
}

const owner = (row: { organizationId: string; facilityId: string }) => ({ organizationId: row.organizationId, facilityId: row.facilityId });

/** 3(2): what is backed up, how, how many generations, which copy is offline, and each restore test. */
export const backupPlanRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const onePlan = async (id: string) => (await plansWithTests(db, await db.select().from(backupPlans).where(eq(backupPlans.id, id))))[0]!;

  app.get('/facilities/:facilityId/backup-plans', { schema: { params: FacilityParams, response: { 200: z.array(BackupPlanView) } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
    return facilityPlans(db, request.params.facilityId);
  });

  app.post('/facilities/:facilityId/backup-plans', { schema: { params: FacilityParams, body: CreateBackupPlanRequest, response: { 200: BackupPlanView } } }, async (request) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.operate');
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(backupPlans).values({ ...request.body, organizationId: facility.organizationId, facilityId: facility.id }).returning();
      await recordAudit(tx, auditContext(request), { action: 'backupPlan.create', entityType: 'backup_plan', entityId: created!.id, ...owner(created!), changes: diff(null, created!, planFields) });
      return created!;
    });
    return onePlan(row.id);
  });

  app.patch('/backup-plans/:planId', { schema: { params: PlanParams, body: UpdateBackupPlanRequest, response: { 200: BackupPlanView } } }, async (request) => {
    const before = await planFor(db, requireAuth(request).actor, request.params.planId, 'readiness.operate');
    const { version, ...changes } = request.body;
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(backupPlans)
        .set({ ...changes, version: version + 1, updatedAt: new Date() })
        .where(and(eq(backupPlans.id, before.id), eq(backupPlans.version, version)))
        .returning();
      if (!updated) throw versionConflict();
      await recordAudit(tx, auditContext(request), { action: 'backupPlan.update', entityType: 'backup_plan', entityId: updated.id, ...owner(updated), changes: diff(before, updated, planFields) });
    });
    return onePlan(before.id);
  });

  app.delete('/backup-plans/:planId', { schema: { params: PlanParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }) } }, async (request, reply) => {
    const before = await planFor(db, requireAuth(request).actor, request.params.planId, 'readiness.operate');
    await db.transaction(async (tx) => {
      const [deleted] = await tx.delete(backupPlans).where(and(eq(backupPlans.id, before.id), eq(backupPlans.version, request.query.version))).returning({ id: backupPlans.id });
      if (!deleted) throw versionConflict();
      await recordAudit(tx, auditContext(request), { action: 'backupPlan.delete', entityType: 'backup_plan', entityId: before.id, ...owner(before), changes: diff(before, null, planFields) });
    });
    return reply.code(204).send();
  });

  app.post('/backup-plans/:planId/restore-tests', { schema: { params: PlanParams, body: CreateRestoreTestRequest, response: { 200: BackupPlanView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const plan = await planFor(db, actor, request.params.planId, 'readiness.operate');
    await db.transaction(async (tx) => {
      const [test] = await tx.insert(restoreTests).values({ ...request.body, planId: plan.id, recordedBy: user.id }).returning();
      await recordAudit(tx, auditContext(request), {
        action: 'restoreTest.create', entityType: 'restore_test', entityId: test!.id, ...owner(plan),
        changes: { plan: { before: null, after: plan.system }, testedOn: { before: null, after: test!.testedOn }, result: { before: null, after: test!.result } },
      });
    });
    return onePlan(plan.id);
  });

  app.delete('/restore-tests/:testId', { schema: { params: z.object({ testId: Id }) } }, async (request, reply) => {
    const { actor } = requireAuth(request);
    const [test] = await db.select().from(restoreTests).where(eq(restoreTests.id, request.params.testId));
    if (!test) throw notFound();
    const plan = await planFor(db, actor, test.planId, 'readiness.operate');
    await db.transaction(async (tx) => {
      await tx.delete(restoreTests).where(eq(restoreTests.id, test.id));
      await recordAudit(tx, auditContext(request), {
        action: 'restoreTest.delete', entityType: 'restore_test', entityId: test.id, ...owner(plan),
        changes: { testedOn: { before: test.testedOn, after: null }, result: { before: test.result, after: null } },
      });
    });
    return reply.code(204).send();
  });
};
