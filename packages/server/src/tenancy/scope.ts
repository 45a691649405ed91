import { can, type Actor, type Permission } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { facilities, organizations } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type FacilityRow = typeof facilities.$inferSelect;

/**
 * Loads an organization the actor may act on. Someone who may not even see it gets 404, exactly as if
 * it did not exist, so ids of other tenants reveal nothing.
 */
export async function organizationFor(db: Db, actor: Actor, organizationId: string, permission: Permission): Promise<OrganizationRow> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  const scope = { kind: 'organization', organizationId } as const;
  if (!row || !can(actor, 'organization.read', scope)) throw notFound();
  if (!can(actor, permission, scope)) throw forbidden();
  return row;
}

/**
 * A record a facility owns (a plan, an incident, a ledger row), already read by the caller, that the actor may act
 * on: a missing record and another tenant's answer the same 404.
 */
export async function facilityRecord<T extends { facilityId: string }>(db: Db, actor: Actor, row: T | undefined, permission: Permission): Promise<T> {
  if (!row) throw notFound();
  await facilityFor(db, actor, row.facilityId, permission);
  return row;
}

export async function facilityFor(db: Db, actor: Actor, facilityId: string, permission: Permission): Promise<FacilityRow> {
  const [row] = await db.select().from(facilities).where(eq(facilities.id, facilityId));
  if (!row) throw notFound();
  const scope = { kind: 'facility', organizationId: row.organizationId, facilityId } as const;
  if (!can(actor, 'facility.read', scope)) throw notFound();
  if (!can(actor, permission, scope)) throw forbidden();
  return row;
}
