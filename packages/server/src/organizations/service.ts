import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { organizations } from '../db/schema.js';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import { versionConflict, notFound } from '../http/errors.js';

const auditedFields = ['name', 'requireTotp'] as const;

export async function createOrganization(tx: Tx, context: AuditContext, input: { name: string; requireTotp: boolean }) {
  const [row] = await tx.insert(organizations).values(input).returning();
  await recordAudit(tx, context, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: row!.id,
    organizationId: row!.id,
    changes: diff(null, row!, auditedFields),
  });
  return row!;
}

export async function updateOrganization(
  tx: Tx,
  context: AuditContext,
  organizationId: string,
  input: { version: number; name?: string | undefined; requireTotp?: boolean | undefined },
) {
  const { version, ...changes } = input;
  const [before] = await tx.select().from(organizations).where(eq(organizations.id, organizationId)).for('update');
  if (!before) throw notFound();
  const [row] = await tx
    .update(organizations)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(organizations.id, organizationId), eq(organizations.version, version)))
    .returning();
  if (!row) throw versionConflict();
  await recordAudit(tx, context, {
    action: 'organization.update',
    entityType: 'organization',
    entityId: row.id,
    organizationId: row.id,
    changes: diff(before, row, auditedFields),
  });
  return row;
}
