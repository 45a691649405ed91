import { groupBy, type BackupPlanView } from '@mamori/domain';
import { desc, eq } from 'drizzle-orm';
import { anyOf } from '../db/any-of.js';
import type { Db } from '../db/connect.js';
import { backupPlans, restoreTests, users } from '../db/schema.js';

export type BackupPlanRow = typeof backupPlans.$inferSelect;
type RestoreTestRow = typeof restoreTests.$inferSelect;

export const planFields = ['system', 'data', 'method', 'frequency', 'generations', 'location', 'offline', 'immutable', 'restoreProcedure'] as const;

function presentPlan(row: BackupPlanRow, tests: { test: RestoreTestRow; recordedBy: string | null }[]): BackupPlanView {
  return {
    id: row.id,
    system: row.system,
    data: row.data,
    method: row.method as BackupPlanView['method'],
    frequency: row.frequency,
    generations: row.generations,
    location: row.location,
    offline: row.offline,
    immutable: row.immutable,
    restoreProcedure: row.restoreProcedure,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    restoreTests: tests.map(({ test, recordedBy }) => ({
      id: test.id,
      testedOn: test.testedOn,
      result: test.result as BackupPlanView['restoreTests'][number]['result'],
      minutesToRestore: test.minutesToRestore,
      testedBy: test.testedBy,
      notes: test.notes,
      recordedBy,
      createdAt: test.createdAt.toISOString(),
    })),
  };
}

/** Plans with their restore tests, newest test first. */
export async function plansWithTests(db: Db, plans: BackupPlanRow[]): Promise<BackupPlanView[]> {
  if (plans.length === 0) return [];
  const tests = await db
    .select({ test: restoreTests, recordedBy: users.name })
    .from(restoreTests)
    .leftJoin(users, eq(users.id, restoreTests.recordedBy))
    .where(
      anyOf(
        restoreTests.planId,
        plans.map((p) => p.id),
      ),
    )
    .orderBy(desc(restoreTests.testedOn), desc(restoreTests.createdAt));
  const testsOf = groupBy(tests, (t) => t.test.planId);
  return plans.map((plan) => presentPlan(plan, testsOf.get(plan.id) ?? []));
}

export async function facilityPlans(db: Db, facilityId: string): Promise<BackupPlanView[]> {
  return plansWithTests(db, await db.select().from(backupPlans).where(eq(backupPlans.facilityId, facilityId)).orderBy(backupPlans.system, backupPlans.id));
}
