import type { Actor, AuditAction, FacilityRole } from '@mamori/domain';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { facilityMembers } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, notFound, versionConflict } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { type Audit, deleteAudited, facilityScope, inTransaction, updateAudited } from '../writes/audited.js';
import { presentFacilityMember } from './presenter.js';
import { listFacilityMembers, memberById, memberByUser } from './queries.js';

type FacilityMemberRow = typeof facilityMembers.$inferSelect;

async function lockedMember(tx: Tx, facilityId: string, memberId: string) {
  const [member] = await tx
    .select()
    .from(facilityMembers)
    .where(and(eq(facilityMembers.id, memberId), eq(facilityMembers.facilityId, facilityId)))
    .for('update');
  if (!member) throw notFound();
  return member;
}

/** The user's membership of the facility, if any, locked until the transaction ends. */
async function lockedMembership(tx: Tx, facilityId: string, userId: string): Promise<FacilityMemberRow | undefined> {
  const [member] = await tx
    .select()
    .from(facilityMembers)
    .where(and(eq(facilityMembers.facilityId, facilityId), eq(facilityMembers.userId, userId)))
    .for('update');
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

const memberAudit = (action: AuditAction, facility: FacilityRow): Audit<FacilityMemberRow> => ({
  action,
  entityType: 'facility_member',
  scope: facilityScope(facility),
  fields: ['userId', 'role'],
});

export async function listMembers(db: Db, actor: Actor, facilityId: string) {
  await facilityFor(db, actor, facilityId, 'member.read');
  return (await listFacilityMembers(db, facilityId)).map(presentFacilityMember);
}

export async function updateFacilityMemberRole(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  memberId: string,
  input: { version: number; role: FacilityRole },
) {
  const facility = await facilityFor(db, actor, facilityId, 'member.update');
  await inTransaction(db, async (tx) => {
    const member = await lockedMember(tx, facility.id, memberId);
    if (member.version !== input.version) throw versionConflict();
    if (member.role === 'manager' && input.role !== 'manager') await assertAnotherManager(tx, facility.id, memberId);
    await updateAudited(tx, context, facilityMembers, member, input.version, { role: input.role }, memberAudit('facilityMember.update', facility));
  });
  return presentFacilityMember(await memberById(db, memberId));
}

export async function removeFacilityMember(db: Db, actor: Actor, context: AuditContext, facilityId: string, memberId: string): Promise<void> {
  const facility = await facilityFor(db, actor, facilityId, 'member.remove');
  await inTransaction(db, async (tx) => {
    const member = await lockedMember(tx, facility.id, memberId);
    if (member.role === 'manager') await assertAnotherManager(tx, facility.id, memberId);
    await deleteAudited(tx, context, facilityMembers, member, null, memberAudit('facilityMember.remove', facility));
  });
}

/** Grants (or changes) a facility role; used when an invitation is accepted. */
export async function grantFacilityRole(tx: Tx, context: AuditContext, facility: { id: string; organizationId: string }, userId: string, role: FacilityRole) {
  const existing = await lockedMembership(tx, facility.id, userId);
  let memberId = existing?.id;
  if (existing) {
    if (existing.role === role) return;
    await tx
      .update(facilityMembers)
      .set({ role, version: existing.version + 1 })
      .where(eq(facilityMembers.id, existing.id));
  } else {
    const [inserted] = await tx.insert(facilityMembers).values({ facilityId: facility.id, organizationId: facility.organizationId, userId, role }).returning();
    memberId = inserted!.id;
  }
  await recordAudit(tx, context, {
    action: 'facilityMember.grant',
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
export async function joinFacility(db: Db, actor: Actor, context: AuditContext, facilityId: string, role: FacilityRole) {
  const facility = await facilityFor(db, actor, facilityId, 'member.joinSelf');
  await inTransaction(db, async (tx) => {
    const existing = await lockedMembership(tx, facility.id, actor.userId);
    if (existing?.role === 'manager' && role !== 'manager') await assertAnotherManager(tx, facility.id, existing.id);
    await grantFacilityRole(tx, context, facility, actor.userId, role);
  });
  return presentFacilityMember(await memberByUser(db, facility.id, actor.userId));
}
