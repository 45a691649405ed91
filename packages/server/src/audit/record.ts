import type { AuditAction } from '@mamori/domain';
import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { auditEvents } from '../db/schema.js';
import { bulkInsert } from '../db/bulk.js';
import { GENESIS_HASH, eventHash } from './canonical.js';

/** Who did it and from where; built once per request. */
export interface AuditContext {
  actorId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  /** One of the typed list in the domain (`auditActions`): a misspelt action does not compile. */
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  organizationId?: string | null;
  facilityId?: string | null;
  changes?: Record<string, { before: unknown; after: unknown }>;
}

/** Transaction-scoped advisory lock: appends to the chain are serialized across every app server. */
const AUDIT_CHAIN_LOCK_KEY = 727_002;

/** Appends one event to the hash chain, inside the caller's transaction. */
export async function recordAudit(tx: Tx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await recordAuditBatch(tx, context, [entry]);
}

/**
 * Appends many events in order (an import of 50,000 rows writes 50,000): the chain head is read once
 * and the rows go in through `bulkInsert`.
 */
export async function recordAuditBatch(tx: Tx, context: AuditContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [last] = await tx.select({ sequence: auditEvents.sequence, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.sequence)).limit(1);
  let sequence = last?.sequence ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows: (typeof auditEvents.$inferInsert)[] = [];
  for (const entry of entries) {
    const fields = {
      sequence: ++sequence,
      occurredAt,
      actorId: context.actorId,
      organizationId: entry.organizationId ?? null,
      facilityId: entry.facilityId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: entry.changes ?? {},
      ip: context.ip,
      prevHash,
    };
    prevHash = eventHash(fields);
    rows.push({ ...fields, hash: prevHash });
  }
  // bulkInsert skips a row whose key exists; an event the chain lost would be a gap, so that fails the write.
  if ((await bulkInsert(tx, auditEvents, rows)) !== rows.length) throw new Error('audit chain: an event was not appended');
}

/** Before/after pairs of the fields that actually changed; secrets never enter the trail. */
export function diff<T extends Record<string, unknown>>(before: Partial<T> | null, after: Partial<T> | null, fields: readonly (keyof T & string)[]) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[field] = { before: b, after: a };
  }
  return changes;
}
