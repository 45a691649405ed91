import type { Actor, Permission } from '@mamori/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { assessments } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';

/** An assessment is as visible as its facility: another tenant's answers 404. */
export async function assessmentFor(db: Db, actor: Actor, assessmentId: string, permission: Permission) {
  const [assessment] = await db.select().from(assessments).where(eq(assessments.id, assessmentId));
  if (!assessment) throw notFound();
  const facility = await facilityFor(db, actor, assessment.facilityId, permission);
  return { assessment, facility };
}

/** The facility's own form of the same year, which evaluation is anchored on. */
export async function ownFormOf(db: Db, assessment: typeof assessments.$inferSelect) {
  if (assessment.vendorName === null) return assessment;
  const [own] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.facilityId, assessment.facilityId), eq(assessments.fiscalYear, assessment.fiscalYear), isNull(assessments.vendorName)));
  if (!own) throw notFound();
  return own;
}
