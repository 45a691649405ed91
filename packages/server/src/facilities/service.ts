import { bedCountProblem, type Actor, type AuditAction, type FacilityKind } from '@mamori/domain';
import { randomUUID } from 'node:crypto';
import type { AuditContext } from '../audit/record.js';
import type { Db, Tx } from '../db/connect.js';
import { facilities } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { facilityFor, organizationFor, type FacilityRow } from '../tenancy/scope.js';
import { type Audit, facilityScope, insertAudited, inTransaction, updateAudited } from '../writes/audited.js';

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

const facilityAudit = (action: AuditAction, facility: { organizationId: string; id: string }): Audit<FacilityRow> => ({
  action,
  entityType: 'facility',
  scope: facilityScope(facility),
  fields: auditedFields,
});

/**
 * A new facility inside the caller's transaction, with no permission check: for the CLI's operator, or a
 * caller that has made it.
 */
export function insertFacility(tx: Tx, context: AuditContext, organizationId: string, input: FacilityInput): Promise<FacilityRow> {
  assertBedCount(input.kind, input.bedCount);
  // The id is chosen here so that the audit event is scoped to the facility it creates.
  const id = randomUUID();
  return insertAudited(tx, context, facilities, { ...input, id, organizationId }, facilityAudit('facility.create', { id, organizationId }));
}

export async function createFacility(db: Db, actor: Actor, context: AuditContext, organizationId: string, input: FacilityInput): Promise<FacilityRow> {
  await organizationFor(db, actor, organizationId, 'facility.create');
  return inTransaction(db, (tx) => insertFacility(tx, context, organizationId, input));
}

export async function updateFacility(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  input: Partial<FacilityInput> & { version: number },
): Promise<FacilityRow> {
  const before = await facilityFor(db, actor, facilityId, 'facility.update');
  const { version, ...changes } = input;
  const kind = changes.kind ?? (before.kind as FacilityKind);
  // Switching away from 病院 drops the bed count instead of failing on a stale one.
  const bedCount = changes.bedCount !== undefined ? changes.bedCount : kind === 'hospital' ? before.bedCount : null;
  assertBedCount(kind, bedCount);
  return inTransaction(db, (tx) => updateAudited(tx, context, facilities, before, version, { ...changes, bedCount }, facilityAudit('facility.update', before)));
}
