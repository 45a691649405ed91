import { can, type Actor, type FacilityRole, type OrganizationRole } from '@mamori/domain';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { facilities, invitations, organizationMembers, users } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, forbidden } from '../http/errors.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { grantFacilityRole } from '../members/service.js';
import type { UserRow } from '../auth/context.js';

export const INVITATION_DAYS = 7;

export interface InvitationInput {
  email: string;
  organizationRole: OrganizationRole | null;
  facilityRoles: { facilityId: string; role: FacilityRole }[];
}

/**
 * An organization admin may invite to anything in the organization; a facility manager only to their
 * own facility, never as organization admin.
 */
export async function assertMayInvite(db: Db, actor: Actor, organizationId: string, input: InvitationInput): Promise<void> {
  const orgScope = { kind: 'organization', organizationId } as const;
  const ids = [...new Set(input.facilityRoles.map((f) => f.facilityId))];
  if (ids.length !== input.facilityRoles.length) throw new AppError(400, 'validation_error', {}, [{ path: 'body.facilityRoles', code: 'facility_twice' }]);
  if (!input.organizationRole && ids.length === 0) throw new AppError(400, 'validation_error', {}, [{ path: 'body.facilityRoles', code: 'role_required' }]);
  const rows = ids.length ? await db.select({ id: facilities.id }).from(facilities).where(and(inArray(facilities.id, ids), eq(facilities.organizationId, organizationId))) : [];
  if (rows.length !== ids.length) throw new AppError(400, 'validation_error', {}, [{ path: 'body.facilityRoles', code: 'facility_outside_organization' }]);
  if (can(actor, 'member.invite', orgScope)) return;
  if (input.organizationRole) throw forbidden();
  for (const facilityId of ids) {
    if (!can(actor, 'member.invite', { kind: 'facility', organizationId, facilityId })) throw forbidden();
  }
}

export async function createInvitation(tx: Tx, context: AuditContext, organizationId: string, input: InvitationInput) {
  const token = randomToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      organizationId,
      email: input.email,
      tokenHash: sha256(token),
      organizationRole: input.organizationRole,
      facilityRoles: input.facilityRoles,
      invitedBy: context.actorId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  await recordAudit(tx, context, {
    action: 'invitation.create',
    entityType: 'invitation',
    entityId: row!.id,
    organizationId,
    changes: {
      email: { before: null, after: input.email },
      organizationRole: { before: null, after: input.organizationRole },
      facilityRoles: { before: null, after: input.facilityRoles },
    },
  });
  return { row: row!, token };
}

export async function findOpenInvitation(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  if (!row) throw new AppError(404, 'invitation_invalid');
  return row;
}

/** Applies the invitation's roles to the user and closes it, all or nothing. */
export async function acceptInvitation(tx: Tx, context: AuditContext, token: string, user: UserRow) {
  const invitation = await findOpenInvitation(tx, token);
  const [claimed] = await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedBy: user.id })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
    .returning();
  if (!claimed) throw new AppError(404, 'invitation_invalid');
  if (invitation.organizationRole) {
    const inserted = await tx
      .insert(organizationMembers)
      .values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.organizationRole })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) {
      await recordAudit(tx, context, {
        action: 'organization_member.grant',
        entityType: 'organization_member',
        entityId: inserted[0]!.id,
        organizationId: invitation.organizationId,
        changes: { userId: { before: null, after: user.id }, role: { before: null, after: invitation.organizationRole } },
      });
    }
  }
  for (const grant of invitation.facilityRoles) {
    await grantFacilityRole(tx, context, { id: grant.facilityId, organizationId: invitation.organizationId }, user.id, grant.role as FacilityRole);
  }
  await recordAudit(tx, context, {
    action: 'invitation.accept',
    entityType: 'invitation',
    entityId: invitation.id,
    organizationId: invitation.organizationId,
    changes: { acceptedBy: { before: null, after: user.id } },
  });
}

export async function userByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user ?? null;
}
