import { AuditPage, AuditQuery, auditActionsOf, can } from '@mamori/domain';
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Routes } from '../http/types.js';
import { auditEvents, users } from '../db/schema.js';
import { requireAuth } from '../auth/context.js';
import { forbidden } from '../http/errors.js';
import { facilityFor, organizationFor } from '../tenancy/scope.js';

/** Japan's calendar day: a filter "to 2026-11-21" means up to midnight in Tokyo. */
const tokyoMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00+09:00`);

export const auditRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/audit-events', { schema: { querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) => {
    const { actor } = requireAuth(request);
    const q = request.query;
    const filters: SQL[] = [];
    if (q.facilityId) {
      await facilityFor(db, actor, q.facilityId, 'audit.read');
      filters.push(eq(auditEvents.facilityId, q.facilityId));
    } else if (q.organizationId) {
      await organizationFor(db, actor, q.organizationId, 'audit.read');
      filters.push(eq(auditEvents.organizationId, q.organizationId));
    } else if (!can(actor, 'audit.read', { kind: 'global' })) {
      throw forbidden();
    }
    if (q.action) filters.push(eq(auditEvents.action, q.action));
    if (q.kind) filters.push(inArray(auditEvents.action, auditActionsOf(q.kind)));
    if (q.actorId) filters.push(eq(auditEvents.actorId, q.actorId));
    if (q.from) filters.push(gte(auditEvents.occurredAt, tokyoMidnight(q.from)));
    if (q.to) filters.push(lt(auditEvents.occurredAt, new Date(tokyoMidnight(q.to).getTime() + 86_400_000)));
    if (q.before) filters.push(lt(auditEvents.sequence, q.before));
    const rows = await db
      .select({ event: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(...filters))
      .orderBy(desc(auditEvents.sequence))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(({ event, actorName }) => ({
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
      })),
      nextBefore: rows.length > q.limit ? (page.at(-1)?.event.sequence ?? null) : null,
    };
  });
};
