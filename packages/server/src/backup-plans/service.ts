import type { Actor, BackupPlanView, CreateBackupPlanRequest, CreateRestoreTestRequest, Permission, UpdateBackupPlanRequest } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { backupPlans, restoreTests } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { facilityFor, facilityRecord } from '../tenancy/scope.js';
import { deleteAudited, facilityScope, insertAudited, inTransaction, scopeOf, updateAudited } from '../writes/audited.js';
import { facilityPlans, planFields, plansWithTests, type BackupPlanRow } from './queries.js';

/** 3(2): what is backed up, how, how many generations, which copy is offline, and each restore test. */

const restoreTestFields = ['testedOn', 'result'] as const;

async function planFor(db: Db, actor: Actor, planId: string, permission: Permission): Promise<BackupPlanRow> {
  const [plan] = await db.select().from(backupPlans).where(eq(backupPlans.id, planId));
  return facilityRecord(db, actor, plan, permission);
}

const onePlan = async (db: Db, id: string) => (await plansWithTests(db, await db.select().from(backupPlans).where(eq(backupPlans.id, id))))[0]!;

export async function listPlans(db: Db, actor: Actor, facilityId: string): Promise<BackupPlanView[]> {
  await facilityFor(db, actor, facilityId, 'readiness.read');
  return facilityPlans(db, facilityId);
}

export async function createPlan(db: Db, actor: Actor, context: AuditContext, facilityId: string, input: z.infer<typeof CreateBackupPlanRequest>) {
  const facility = await facilityFor(db, actor, facilityId, 'readiness.operate');
  const scope = facilityScope(facility);
  const row = await inTransaction(db, (tx) =>
    insertAudited(tx, context, backupPlans, { ...input, ...scope }, { action: 'backupPlan.create', entityType: 'backup_plan', scope, fields: planFields }),
  );
  return onePlan(db, row.id);
}

export async function updatePlan(db: Db, actor: Actor, context: AuditContext, planId: string, input: z.infer<typeof UpdateBackupPlanRequest>) {
  const before = await planFor(db, actor, planId, 'readiness.operate');
  const { version, ...changes } = input;
  await inTransaction(db, (tx) =>
    updateAudited(tx, context, backupPlans, before, version, changes, {
      action: 'backupPlan.update',
      entityType: 'backup_plan',
      scope: scopeOf(before),
      fields: planFields,
    }),
  );
  return onePlan(db, before.id);
}

export async function deletePlan(db: Db, actor: Actor, context: AuditContext, planId: string, version: number) {
  const before = await planFor(db, actor, planId, 'readiness.operate');
  await inTransaction(db, (tx) =>
    deleteAudited(tx, context, backupPlans, before, version, {
      action: 'backupPlan.delete',
      entityType: 'backup_plan',
      scope: scopeOf(before),
      fields: planFields,
    }),
  );
}

export async function recordRestoreTest(
  db: Db,
  actor: Actor,
  context: AuditContext,
  planId: string,
  recordedBy: string,
  input: z.infer<typeof CreateRestoreTestRequest>,
) {
  const plan = await planFor(db, actor, planId, 'readiness.operate');
  await inTransaction(db, (tx) =>
    insertAudited(
      tx,
      context,
      restoreTests,
      { ...input, planId: plan.id, recordedBy },
      {
        action: 'restoreTest.create',
        entityType: 'restore_test',
        scope: scopeOf(plan),
        fields: restoreTestFields,
        extra: { plan: { before: null, after: plan.system } },
      },
    ),
  );
  return onePlan(db, plan.id);
}

export async function deleteRestoreTest(db: Db, actor: Actor, context: AuditContext, testId: string) {
  const [test] = await db.select().from(restoreTests).where(eq(restoreTests.id, testId));
  if (!test) throw notFound();
  const plan = await planFor(db, actor, test.planId, 'readiness.operate');
  await inTransaction(db, (tx) =>
    deleteAudited(tx, context, restoreTests, test, null, {
      action: 'restoreTest.delete',
      entityType: 'restore_test',
      scope: scopeOf(plan),
      fields: restoreTestFields,
    }),
  );
}
