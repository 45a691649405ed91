import { can, type Actor, type AuditAction, type FacilityRole, type InvitationPreview, type OrganizationRole } from '@mamori/domain';
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/connect.js';
import { facilities, invitations, organizationMembers, organizations, users } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { organizationFor } from '../tenancy/scope.js';
import { inTransaction, insertAudited, updateAudited, type Audit } from '../writes/audited.js';
import { presentInvitation, type InvitationRow } from './presenter.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { grantFacilityRole } from '../members/service.js';
import type { UserRow } from '../auth/context.js';

const INVITATION_DAYS = 7;

export interface InvitationInput {
  email: string;
  organizationRole: OrganizationRole | null;
  facilityRoles: { facilityId: string; role: FacilityRole }[];
}

/**
 * An organization admin may invite to anything in the organization; a facility manager only to their
 * own facility, never as organization admin.
 */
async function assertMayInvite(db: Db, actor: Actor, organizationId: string, input: InvitationInput): Promise<void> {
  const orgScope = { kind: 'organization', organizationId } as const;
  const ids = [...new Set(input.facilityRoles.map((f) => f.facilityId))];
  if (ids.length !== input.facilityRoles.length) throw new AppError(400, 'validation_error', {}, [{ path: 'body.facilityRoles', code: 'facility_twice' }]);
  if (!input.organizationRole && ids.length === 0) throw new AppError(400, 'validation_error', {}, [{ path: 'body.facilityRoles', code: 'role_required' }]);
  const rows = ids.length
    ? await db
        .select({ id: facilities.id })
        .from(facilities)
        .where(and(inArray(facilities.id, ids), eq(facilities.organizationId, organizationId)))
    : [];
  if (rows.length !== ids.length) throw new AppError(400, 'validation_error', {}, [{ path: 'body.facilityRoles', code: 'facility_outside_organization' }]);
  if (can(actor, 'member.invite', orgScope)) return;
  if (input.organizationRole) throw forbidden();
  for (const facilityId of ids) {
    if (!can(actor, 'member.invite', { kind: 'facility', organizationId, facilityId })) throw forbidden();
  }
}

const invitationAudit = (action: AuditAction, organizationId: string, extra?: Audit<InvitationRow>['extra']): Audit<InvitationRow> => ({
  action,
  entityType: 'invitation',
  scope: { organizationId, facilityId: null },
  fields: ['email', 'facilityRoles'],
  ...(extra ? { extra } : {}),
});

/** Not accepted, not revoked, not expired. */
const isOpen = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()));

export async function listOpenInvitations(db: Db, actor: Actor, organizationId: string) {
  await organizationFor(db, actor, organizationId, 'member.invite');
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), isOpen()))
    .orderBy(desc(invitations.createdAt));
  return rows.map(presentInvitation);
}

/** A single-use link; the token is shown this once and only its hash is kept. */
export async function createInvitation(db: Db, actor: Actor, context: AuditContext, organizationId: string, input: InvitationInput) {
  await organizationFor(db, actor, organizationId, 'organization.read');
  await assertMayInvite(db, actor, organizationId, input);
  const token = randomToken();
  const values = {
    organizationId,
    email: input.email,
    tokenHash: sha256(token),
    organizationRole: input.organizationRole,
    facilityRoles: input.facilityRoles,
    invitedBy: context.actorId,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  };
  // The organization role is in the trail even when there is none.
  const audit = invitationAudit('invitation.create', organizationId, { organizationRole: { before: null, after: input.organizationRole } });
  const row = await inTransaction(db, (tx) => insertAudited(tx, context, invitations, values, audit));
  return { ...presentInvitation(row), token, acceptPath: `/invite/${token}` };
}

/** Whoever could have sent an invitation may take it back: an organization admin, or the facilities' managers. */
export async function revokeInvitation(db: Db, actor: Actor, context: AuditContext, invitationId: string): Promise<void> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, invitationId));
  if (!row || !can(actor, 'organization.read', { kind: 'organization', organizationId: row.organizationId })) throw notFound();
  const mayRevoke =
    can(actor, 'member.invite', { kind: 'organization', organizationId: row.organizationId }) ||
    (!row.organizationRole &&
      row.facilityRoles.every((f) => can(actor, 'member.invite', { kind: 'facility', organizationId: row.organizationId, facilityId: f.facilityId })));
  if (!mayRevoke) throw forbidden();
  await inTransaction(db, (tx) =>
    updateAudited(tx, context, invitations, row, null, { revokedAt: new Date() }, invitationAudit('invitation.revoke', row.organizationId)),
  );
}

/** What the link's page shows before it is accepted. */
export async function invitationPreview(db: Db, token: string): Promise<z.infer<typeof InvitationPreview>> {
  const invitation = await findOpenInvitation(db, token);
  const [organization] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, invitation.organizationId));
  const ids = invitation.facilityRoles.map((f) => f.facilityId);
  const rows = ids.length ? await db.select({ id: facilities.id, name: facilities.name }).from(facilities).where(inArray(facilities.id, ids)) : [];
  const nameOf = new Map(rows.map((r) => [r.id, r.name]));
  const granted = invitation.facilityRoles.flatMap((f) =>
    nameOf.has(f.facilityId) ? [{ name: nameOf.get(f.facilityId)!, role: f.role as FacilityRole }] : [],
  );
  return {
    email: invitation.email,
    organizationName: organization?.name ?? '',
    facilityNames: granted.map((f) => f.name),
    facilities: granted,
    organizationRole: (invitation.organizationRole as OrganizationRole | null) ?? null,
    existingUser: Boolean(await userByEmail(db, invitation.email)),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export async function findOpenInvitation(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, sha256(token)), isOpen()));
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
        action: 'organizationMember.grant',
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
