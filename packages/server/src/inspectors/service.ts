import { can, type Actor } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import { hashPassword } from '../auth/password.js';
import { temporaryPassword } from '../auth/secrets.js';
import type { Db, Tx } from '../db/connect.js';
import { inspectionGrants, inspectors, users } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { deleteAudited, facilityScope, inTransaction, insertAudited } from '../writes/audited.js';
import { presentInspectionGrant, presentInspector } from './presenter.js';
import { inspectorByEmail, inspectorById, listGrants } from './queries.js';

export interface NewInspector {
  email: string;
  name: string;
  prefecture: string;
  healthCenter: string;
}

/**
 * A health center's inspector account, with a temporary password to be changed at first sign-in (shown once). One
 * audit event: the account, with the role, prefecture and health center it was made for.
 */
export async function insertInspector(db: Db, context: AuditContext, input: NewInspector) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const email = input.email.toLowerCase();
  const id = await inTransaction(db, async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new AppError(409, 'conflict', {}, [{ path: 'body.email', code: 'email_taken' }]);
    const user = await insertAudited(
      tx,
      context,
      users,
      { email, name: input.name, passwordHash, mustChangePassword: true },
      {
        action: 'user.create',
        entityType: 'user',
        scope: { organizationId: null, facilityId: null },
        fields: ['email', 'name'],
        extra: {
          role: { before: null, after: 'inspector' },
          prefecture: { before: null, after: input.prefecture },
          healthCenter: { before: null, after: input.healthCenter },
        },
      },
    );
    await tx.insert(inspectors).values({ id: user.id, prefecture: input.prefecture, healthCenter: input.healthCenter });
    return user.id;
  });
  return { ...presentInspector((await inspectorById(db, id))!), temporaryPassword: password };
}

/** Only a system administrator registers inspectors: they belong to no organization. */
export async function createInspector(db: Db, actor: Actor, context: AuditContext, input: NewInspector) {
  if (!can(actor, 'inspector.manage', { kind: 'global' })) throw forbidden();
  return insertInspector(db, context, input);
}

/** Grants the inspector of that e-mail read-only access to the facility (the caller has checked who may). */
export async function insertGrant(tx: Tx, context: AuditContext, facility: FacilityRow, inspectorEmail: string, grantedBy: string | null) {
  const inspector = await inspectorByEmail(tx, inspectorEmail);
  if (!inspector) throw new AppError(422, 'inspector_unknown');
  // An inspector who left could not use the access; the facility is told so rather than granting it unawares.
  if (inspector.disabledAt) throw new AppError(422, 'inspector_disabled');
  const [existing] = await tx
    .select({ id: inspectionGrants.id })
    .from(inspectionGrants)
    .where(and(eq(inspectionGrants.facilityId, facility.id), eq(inspectionGrants.inspectorId, inspector.id)));
  if (existing) throw new AppError(409, 'conflict');
  return insertAudited(
    tx,
    context,
    inspectionGrants,
    { facilityId: facility.id, organizationId: facility.organizationId, inspectorId: inspector.id, grantedBy },
    {
      action: 'inspectionGrant.create',
      entityType: 'inspection_grant',
      scope: facilityScope(facility),
      fields: ['inspectorId'],
      extra: { inspectorEmail: { before: null, after: inspector.email }, healthCenter: { before: null, after: inspector.healthCenter } },
    },
  );
}

/** Revokes a grant of the facility; the inspector's next request no longer sees it. */
export async function deleteGrant(tx: Tx, context: AuditContext, facility: FacilityRow, grantId: string) {
  const [grant] = await tx
    .select()
    .from(inspectionGrants)
    .where(and(eq(inspectionGrants.id, grantId), eq(inspectionGrants.facilityId, facility.id)))
    .for('update');
  if (!grant) throw notFound();
  await deleteAudited(tx, context, inspectionGrants, grant, null, {
    action: 'inspectionGrant.revoke',
    entityType: 'inspection_grant',
    scope: facilityScope(facility),
    fields: ['inspectorId'],
  });
  return grant;
}

export async function listInspectionGrants(db: Db, actor: Actor, facilityId: string) {
  await facilityFor(db, actor, facilityId, 'inspectionGrant.manage');
  return (await listGrants(db, facilityId)).map(presentInspectionGrant);
}

export async function grantInspection(db: Db, actor: Actor, context: AuditContext, facilityId: string, inspectorEmail: string) {
  const facility = await facilityFor(db, actor, facilityId, 'inspectionGrant.manage');
  const grant = await inTransaction(db, (tx) => insertGrant(tx, context, facility, inspectorEmail, actor.userId));
  return presentInspectionGrant((await listGrants(db, facility.id)).find((g) => g.id === grant.id)!);
}

export async function revokeInspection(db: Db, actor: Actor, context: AuditContext, facilityId: string, grantId: string): Promise<void> {
  const facility = await facilityFor(db, actor, facilityId, 'inspectionGrant.manage');
  await inTransaction(db, (tx) => deleteGrant(tx, context, facility, grantId));
}
