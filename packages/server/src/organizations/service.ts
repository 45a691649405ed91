import { can, type Actor, type AuditAction, type UpdateOrganizationRequest } from '@mamori/domain';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Db, Tx } from '../db/connect.js';
import { organizations } from '../db/schema.js';
import { forbidden } from '../http/errors.js';
import { organizationFor, type OrganizationRow } from '../tenancy/scope.js';
import { inTransaction, insertAudited, updateAudited, type Audit } from '../writes/audited.js';
import { presentOrganizationMember } from './presenter.js';
import { listOrganizationMembers } from './queries.js';

const organizationAudit = (action: AuditAction, organizationId: string): Audit<OrganizationRow> => ({
  action,
  entityType: 'organization',
  scope: { organizationId, facilityId: null },
  fields: ['name', 'requireTotp'],
});

/**
 * A new organization inside the caller's transaction, with no permission check: for the CLI's operator,
 * or a caller that has made it.
 */
export function insertOrganization(tx: Tx, context: AuditContext, input: { name: string; requireTotp: boolean }): Promise<OrganizationRow> {
  // The id is chosen here so that the audit event is scoped to the organization it creates.
  const id = randomUUID();
  return insertAudited(tx, context, organizations, { ...input, id }, organizationAudit('organization.create', id));
}

export async function createOrganization(db: Db, actor: Actor, context: AuditContext, input: { name: string; requireTotp: boolean }): Promise<OrganizationRow> {
  if (!can(actor, 'organization.create', { kind: 'global' })) throw forbidden();
  return inTransaction(db, (tx) => insertOrganization(tx, context, input));
}

export async function updateOrganization(
  db: Db,
  actor: Actor,
  context: AuditContext,
  organizationId: string,
  input: z.infer<typeof UpdateOrganizationRequest>,
): Promise<OrganizationRow> {
  const before = await organizationFor(db, actor, organizationId, 'organization.update');
  const { version, ...changes } = input;
  return inTransaction(db, (tx) => updateAudited(tx, context, organizations, before, version, changes, organizationAudit('organization.update', before.id)));
}

/** Everyone with a role in the organization or one of its facilities. */
export async function organizationMembers(db: Db, actor: Actor, organizationId: string) {
  await organizationFor(db, actor, organizationId, 'member.read');
  return (await listOrganizationMembers(db, organizationId)).map(presentOrganizationMember);
}
