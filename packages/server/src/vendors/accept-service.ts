import { fiscalYearLabel, type VendorInvitationPreview } from '@mamori/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { assessments, facilityMembers, organizationMembers, vendorContracts, vendorInvitations, vendorMembers, vendors } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { AppError } from '../http/errors.js';
import { userByEmail } from '../invitations/service.js';
import type { ContractRow } from './access.js';
import type { UserRow } from '../auth/context.js';
import { openVendorInvitation } from './invitations-service.js';
import { contractNames } from './requests-service.js';
import { scopeOf } from '../writes/audited.js';

/** What the sign-up page shows before the link is used: who invites whom, for which contract and year. */
export async function previewVendorInvitation(db: Db, token: string): Promise<VendorInvitationPreview> {
  const invitation = await openVendorInvitation(db, token);
  const [contract] = await db.select().from(vendorContracts).where(eq(vendorContracts.id, invitation.contractId));
  const [form] = await db.select({ fiscalYear: assessments.fiscalYear }).from(assessments).where(eq(assessments.id, invitation.assessmentId));
  if (!contract || !form) throw new AppError(404, 'invitation_invalid');
  const names = await contractNames(db, contract);
  return {
    email: invitation.email,
    facilityName: names.facilityName,
    vendorName: names.vendorName,
    contractTitle: contract.title,
    fiscalYearLabel: fiscalYearLabel(form.fiscalYear),
    existingUser: Boolean(await userByEmail(db, invitation.email)),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Uses a vendor invitation for a user, all or nothing:
 * - the user already answers for the contract's vendor: nothing to join;
 * - the vendor has no users yet (a company the facility just typed in): the user claims it — or, if the
 *   user already answers for another company, the facility's entry is merged into that company, so a
 *   vendor serving 300 clinics keeps one company with 300 contracts;
 * - the vendor already has users: the invitation cannot add a stranger to it (a facility could otherwise
 *   invite itself into a vendor that serves other facilities); a registered user must open the link.
 * Nobody on the facility's side (its staff, its organization's members) may become its vendor: they would
 * then answer, submit and accept their own vendor form.
 */
export async function acceptVendorInvitation(tx: Tx, context: AuditContext, token: string, user: UserRow) {
  const invitation = await openVendorInvitation(tx, token);
  const [claimed] = await tx
    .update(vendorInvitations)
    .set({ usedAt: new Date(), usedBy: user.id })
    .where(and(eq(vendorInvitations.id, invitation.id), isNull(vendorInvitations.usedAt)))
    .returning();
  if (!claimed) throw new AppError(404, 'invitation_invalid');
  const [contract] = await tx.select().from(vendorContracts).where(eq(vendorContracts.id, invitation.contractId));
  if (!contract) throw new AppError(404, 'invitation_invalid');
  if (await isFacilitySide(tx, user.id, contract)) throw new AppError(403, 'vendor_invitation_own_facility');
  const scope = scopeOf(contract);
  const members = await tx.select().from(vendorMembers).where(eq(vendorMembers.vendorId, contract.vendorId));
  const own = await tx.select().from(vendorMembers).where(eq(vendorMembers.userId, user.id));
  if (!members.some((m) => m.userId === user.id)) {
    if (members.length > 0) throw new AppError(409, 'vendor_has_members');
    const target = own[0]?.vendorId;
    if (target) {
      const moved = await tx
        .update(vendorContracts)
        .set({ vendorId: target, updatedAt: new Date() })
        .where(eq(vendorContracts.vendorId, contract.vendorId))
        .returning({ id: vendorContracts.id });
      await tx.delete(vendors).where(eq(vendors.id, contract.vendorId));
      await recordAudit(tx, context, {
        action: 'vendor.merge',
        entityType: 'vendor',
        entityId: target,
        ...scope,
        changes: { vendorId: { before: contract.vendorId, after: target }, contracts: { before: null, after: moved.map((m) => m.id) } },
      });
    } else {
      const [member] = await tx.insert(vendorMembers).values({ vendorId: contract.vendorId, userId: user.id }).returning();
      await recordAudit(tx, context, {
        action: 'vendorMember.grant',
        entityType: 'vendor_member',
        entityId: member!.id,
        ...scope,
        changes: { vendorId: { before: null, after: contract.vendorId }, userId: { before: null, after: user.id } },
      });
    }
  }
  await recordAudit(tx, context, {
    action: 'vendorInvitation.accept',
    entityType: 'vendor_invitation',
    entityId: invitation.id,
    ...scope,
    changes: { usedBy: { before: null, after: user.id } },
  });
  return invitation;
}

/** A member of the contract's facility (any role) or of its organization. */
async function isFacilitySide(tx: Tx, userId: string, contract: ContractRow): Promise<boolean> {
  const [staff] = await tx
    .select({ id: facilityMembers.id })
    .from(facilityMembers)
    .where(and(eq(facilityMembers.userId, userId), eq(facilityMembers.facilityId, contract.facilityId)))
    .limit(1);
  if (staff) return true;
  const [member] = await tx
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.userId, userId), eq(organizationMembers.organizationId, contract.organizationId)))
    .limit(1);
  return Boolean(member);
}
