import { auditActionsOf, can, storedSpellingsOf, type Actor, type AuditEvent, type AuditPage, type AuditQuery } from '@mamori/domain';
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import { auditEvents, users } from '../db/schema.js';
import { forbidden } from '../http/errors.js';
import { facilityFor, organizationFor } from '../tenancy/scope.js';

/** The audit page: the trail of one facility, one organization, or (system administrators) everything, newest first. */

type Query = z.infer<typeof AuditQuery>;

/** Japan's calendar day: a filter "to 2026-11-21" means up to midnight in Tokyo. */
const tokyoMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00+09:00`);

/** The tenant filter the caller may read: a facility, an organization, or the whole trail. */
async function scopeFilter(db: Db, actor: Actor, q: Query): Promise<SQL | undefined> {
  if (q.facilityId) {
    await facilityFor(db, actor, q.facilityId, 'audit.read');
    return eq(auditEvents.facilityId, q.facilityId);
  }
  if (q.organizationId) {
    await organizationFor(db, actor, q.organizationId, 'audit.read');
    return eq(auditEvents.organizationId, q.organizationId);
  }
  if (!can(actor, 'audit.read', { kind: 'global' })) throw forbidden();
  return undefined;
}

function filtersOf(q: Query): SQL[] {
  const filters: SQL[] = [];
  if (q.action) filters.push(inArray(auditEvents.action, storedSpellingsOf([q.action])));
  if (q.kind) filters.push(inArray(auditEvents.action, storedSpellingsOf(auditActionsOf(q.kind))));
  if (q.actorId) filters.push(eq(auditEvents.actorId, q.actorId));
  if (q.from) filters.push(gte(auditEvents.occurredAt, tokyoMidnight(q.from)));
  if (q.to) filters.push(lt(auditEvents.occurredAt, new Date(tokyoMidnight(q.to).getTime() + 86_400_000)));
  if (q.before) filters.push(lt(auditEvents.sequence, q.before));
  return filters;
}

const presentEvent = (event: typeof auditEvents.$inferSelect, actorName: string | null): AuditEvent => ({
  id: event.id,
  sequence: event.sequence,
  occurredAt: event.occurredAt.toISOString(),
  actorId: event.actorId,
  actorName,
  organizationId: event.organizationId,
  facilityId: event.facilityId,
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId,
  changes: event.changes,
  ip: event.ip,
});

export async function auditPage(db: Db, actor: Actor, q: Query): Promise<z.infer<typeof AuditPage>> {
  const scope = await scopeFilter(db, actor, q);
  const filters = [...(scope ? [scope] : []), ...filtersOf(q)];
  const rows = await db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...filters))
    .orderBy(desc(auditEvents.sequence))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(({ event, actorName }) => presentEvent(event, actorName)),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.event.sequence ?? null) : null,
  };
}
