import { bedCountProblem, type FacilityKind } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { facilities } from '../db/schema.js';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, notFound, versionConflict } from '../http/errors.js';

const auditedFields = ['name', 'kind', 'prefecture', 'healthCenter', 'bedCount'] as const;

export interface FacilityInput {
  name: string;
  kind: FacilityKind;
  prefecture: string | null;
  healthCenter: string;
  bedCount: number | null;
}

function assertBedCount(kind: FacilityKind, bedCount: number | null): void {
  const problem = bedCountProblem(kind, bedCount);
  if (problem === 'required') throw new AppError(400, 'bed_count_required', {}, [{ path: 'body.bedCount', code: 'bed_count_required' }]);
  if (problem === 'not_allowed') throw new AppError(400, 'bed_count_not_allowed', {}, [{ path: 'body.bedCount', code: 'bed_count_not_allowed' }]);
}

export async function createFacility(tx: Tx, context: AuditContext, organizationId: string, input: FacilityInput) {
  assertBedCount(input.kind, input.bedCount);
  const [row] = await tx.insert(facilities).values({ ...input, organizationId }).returning();
  await recordAudit(tx, context, {
    action: 'facility.create',
    entityType: 'facility',
    entityId: row!.id,
    organizationId,
    facilityId: row!.id,
    changes: diff(null, row!, auditedFields),
  });
  return row!;
}

export async function updateFacility(tx: Tx, context: AuditContext, facilityId: string, input: Partial<FacilityInput> & { version: number }) {
  const { version, ...changes } = input;
  const [before] = await tx.select().from(facilities).where(eq(facilities.id, facilityId)).for('update');
  if (!before) throw notFound();
  const kind = changes.kind ?? (before.kind as FacilityKind);
  // Switching away from 病院 drops the bed count instead of failing on a stale one.
  const bedCount = changes.bedCount !== undefined ? changes.bedCount : kind === 'hospital' ? before.bedCount : null;
  assertBedCount(kind, bedCount);
  const [row] = await tx
    .update(facilities)
    .set({ ...changes, bedCount, version: version + 1, updatedAt: new Date() })
    .where(and(eq(facilities.id, facilityId), eq(facilities.version, version)))
    .returning();
  if (!row) throw versionConflict();
  await recordAudit(tx, context, {
    action: 'facility.update',
    entityType: 'facility',
    entityId: row.id,
    organizationId: row.organizationId,
    facilityId: row.id,
    changes: diff(before, row, auditedFields),
  });
  return row;
}
