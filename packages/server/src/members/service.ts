import type { FacilityRole } from '@mamori/domain';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { facilityMembers } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, notFound, versionConflict } from '../http/errors.js';
import type { FacilityRow } from '../tenancy/scope.js';

async function lockedMember(tx: Tx, facilityId: string, memberId: string) {
  const [member] = await tx
    .select()
    .from(facilityMembers)
    .where(and(eq(facilityMembers.id, memberId), eq(facilityMembers.facilityId, facilityId)))
    .for('update');
  if (!member) throw notFound();
  return member;
}

/** Checklist item 1(1) needs a named security manager: the last one can't be taken away. */
async function assertAnotherManager(tx: Tx, facilityId: string, memberId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(facilityMembers)
    .where(and(eq(facilityMembers.facilityId, facilityId), eq(facilityMembers.role, 'manager'), ne(facilityMembers.id, memberId)));
  if ((row?.n ?? 0) === 0) throw new AppError(409, 'last_manager');
}

export async function updateFacilityMemberRole(tx: Tx, context: AuditContext, facility: FacilityRow, memberId: string, input: { version: number; role: FacilityRole }) {
  const member = await lockedMember(tx, facility.id, memberId);
  if (member.version !== input.version) throw versionConflict();
  if (member.role === 'manager' && input.role !== 'manager') await assertAnotherManager(tx, facility.id, memberId);
  await tx.update(facilityMembers).set({ role: input.role, version: member.version + 1 }).where(eq(facilityMembers.id, memberId));
  await recordAudit(tx, context, {
    action: 'facility_member.update',
    entityType: 'facility_member',
    entityId: memberId,
    organizationId: facility.organizationId,
    facilityId: facility.id,
    changes: member.role === input.role ? {} : { role: { before: member.role, after: input.role } },
  });
}

export async function removeFacilityMember(tx: Tx, context: AuditContext, facility: FacilityRow, memberId: string) {
  const member = await lockedMember(tx, facility.id, memberId);
  if (member.role === 'manager') await assertAnotherManager(tx, facility.id, memberId);
  await tx.delete(facilityMembers).where(eq(facilityMembers.id, memberId));
  await recordAudit(tx, context, {
    action: 'facility_member.remove',
    entityType: 'facility_member',
    entityId: memberId,
    organizationId: facility.organizationId,
    facilityId: facility.id,
    changes: { userId: { before: member.userId, after: null }, role: { before: member.role, after: null } },
  });
}

/** Grants (or changes) a facility role; used when an invitation is accepted. */
export async function grantFacilityRole(tx: Tx, context: AuditContext, facility: { id: string; organizationId: string }, userId: string, role: FacilityRole) {
  const [existing] = await tx
    .select()
    .from(facilityMembers)
    .where(and(eq(facilityMembers.facilityId, facility.id), eq(facilityMembers.userId, userId)))
    .for('update');
  let memberId = existing?.id;
  if (existing) {
    if (existing.role === role) return;
    await tx.update(facilityMembers).set({ role, version: existing.version + 1 }).where(eq(facilityMembers.id, existing.id));
  } else {
    const [inserted] = await tx.insert(facilityMembers).values({ facilityId: facility.id, organizationId: facility.organizationId, userId, role }).returning();
    memberId = inserted!.id;
  }
  await recordAudit(tx, context, {
    action: 'facility_member.grant',
    entityType: 'facility_member',
    entityId: memberId ?? null,
    organizationId: facility.organizationId,
    facilityId: facility.id,
    changes: { userId: { before: existing?.userId ?? null, after: userId }, role: { before: existing?.role ?? null, after: role } },
  });
}

/**
 * An administrator takes a role in a facility themselves: the first administrator creates the facility
 * without being its member, so 1(1) (a named 安全管理責任者) stays いいえ until someone holds `manager`.
 * Leaving the manager role this way keeps the last-manager rule.
 */
export async function joinFacility(tx: Tx, context: AuditContext, facility: FacilityRow, userId: string, role: FacilityRole) {
  const [existing] = await tx
    .select()
    .from(facilityMembers)
    .where(and(eq(facilityMembers.facilityId, facility.id), eq(facilityMembers.userId, userId)))
    .for('update');
  if (existing?.role === 'manager' && role !== 'manager') await assertAnotherManager(tx, facility.id, existing.id);
  await grantFacilityRole(tx, context, facility, userId, role);
}
