import { CreateIncidentEventRequest, CreateIncidentRequest, Id, IncidentSummary, IncidentView, UpdateIncidentRequest, callingOrder, type Actor, type ContactChartContent, type Permission } from '@mamori/domain';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import type { Db, Tx } from '../db/connect.js';
import { incidentEvents, incidents, users } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/record.js';
import { invalid, notFound, versionConflict } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';
import { chartVersion } from '../contact-chart/queries.js';

type IncidentRow = typeof incidents.$inferSelect;
const IncidentParams = z.object({ incidentId: Id });

const summary = (row: IncidentRow) => ({
  id: row.id,
  title: row.title,
  status: row.status as 'open' | 'closed',
  startedAt: row.startedAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
  chartVersion: row.chartVersion,
  version: row.version,
});

async function incidentView(db: Db | Tx, row: IncidentRow): Promise<IncidentView> {
  const events = await db
    .select({ event: incidentEvents, recordedBy: users.name })
    .from(incidentEvents)
    .leftJoin(users, eq(users.id, incidentEvents.recordedBy))
    .where(eq(incidentEvents.incidentId, row.id))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.createdAt));
  const firstContact = new Map<string, string>();
  for (const { event } of events) if (event.kind === 'contact' && event.contactKey && !firstContact.has(event.contactKey)) firstContact.set(event.contactKey, event.at.toISOString());
  return {
    ...summary(row),
    steps: row.steps.map((step) => ({ ...step, contactedAt: firstContact.get(step.key) ?? null })),
    events: events.map(({ event, recordedBy }) => ({
      id: event.id,
      at: event.at.toISOString(),
      kind: event.kind as 'contact' | 'action' | 'note',
      contactKey: event.contactKey,
      text: event.text,
      recordedBy,
    })),
  };
}

async function incidentFor(db: Db, actor: Actor, incidentId: string, permission: Permission) {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!row) throw notFound();
  await facilityFor(db, actor, row.facilityId, permission);
  return row;
}

/** An incident as it happens: who to call in which order (the chart at that moment) and what was done, when. */
export const incidentRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/incidents', { schema: { params: z.object({ facilityId: Id }), response: { 200: z.array(IncidentSummary) } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
    const rows = await db.select().from(incidents).where(eq(incidents.facilityId, request.params.facilityId)).orderBy(desc(incidents.startedAt)).limit(200);
    return rows.map(summary);
  });

  app.post('/facilities/:facilityId/incidents', { schema: { params: z.object({ facilityId: Id }), body: CreateIncidentRequest, response: { 200: IncidentView } } }, async (request) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.operate');
    const chart = await chartVersion(db, facility.id);
    const content = chart ? ({ entries: chart.row.entries, edges: chart.row.edges, note: chart.row.note } as ContactChartContent) : { entries: [], edges: [], note: '' };
    const names = new Map(content.entries.map((e) => [e.key, e.name]));
    const steps = callingOrder(content).map((s) => ({
      key: s.entry.key, name: s.entry.name, organization: s.entry.organization, phone: s.entry.phone, calledBy: s.calledByKey ? (names.get(s.calledByKey) ?? null) : null, order: s.order,
    }));
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(incidents)
        .values({ organizationId: facility.organizationId, facilityId: facility.id, title: request.body.title, chartVersion: chart?.row.chartVersion ?? null, steps })
        .returning();
      await recordAudit(tx, auditContext(request), {
        action: 'incident.open', entityType: 'incident', entityId: row!.id, organizationId: facility.organizationId, facilityId: facility.id,
        changes: { title: { before: null, after: row!.title }, chartVersion: { before: null, after: row!.chartVersion } },
      });
      return incidentView(tx, row!);
    });
  });

  app.get('/incidents/:incidentId', { schema: { params: IncidentParams, response: { 200: IncidentView } } }, async (request) => {
    return incidentView(db, await incidentFor(db, requireAuth(request).actor, request.params.incidentId, 'readiness.read'));
  });

  app.patch('/incidents/:incidentId', { schema: { params: IncidentParams, body: UpdateIncidentRequest, response: { 200: IncidentView } } }, async (request) => {
    const before = await incidentFor(db, requireAuth(request).actor, request.params.incidentId, 'readiness.operate');
    const { version, title, status } = request.body;
    return db.transaction(async (tx) => {
      const closedAt = status === undefined ? before.closedAt : status === 'closed' ? (before.closedAt ?? new Date()) : null;
      const [row] = await tx
        .update(incidents)
        .set({ title: title ?? before.title, status: status ?? before.status, closedAt, version: version + 1 })
        .where(and(eq(incidents.id, before.id), eq(incidents.version, version)))
        .returning();
      if (!row) throw versionConflict();
      await recordAudit(tx, auditContext(request), {
        action: 'incident.update', entityType: 'incident', entityId: row.id, organizationId: row.organizationId, facilityId: row.facilityId,
        changes: { title: { before: before.title, after: row.title }, status: { before: before.status, after: row.status } },
      });
      return incidentView(tx, row);
    });
  });

  app.post('/incidents/:incidentId/events', { schema: { params: IncidentParams, body: CreateIncidentEventRequest, response: { 200: IncidentView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const row = await incidentFor(db, actor, request.params.incidentId, 'readiness.operate');
    const { kind, contactKey, at, text } = request.body;
    if (kind === 'contact' && !row.steps.some((s) => s.key === contactKey)) throw invalid('validation_error', 'body.contactKey', '連絡先が連絡体制図にありません');
    if (kind !== 'contact' && !text) throw invalid('validation_error', 'body.text', '何をしたかを書いてください');
    return db.transaction(async (tx) => {
      const [event] = await tx
        .insert(incidentEvents)
        .values({ incidentId: row.id, at: at ? new Date(at) : new Date(), kind, contactKey: kind === 'contact' ? contactKey : null, text, recordedBy: user.id })
        .returning();
      await recordAudit(tx, auditContext(request), {
        action: 'incident.event', entityType: 'incident_event', entityId: event!.id, organizationId: row.organizationId, facilityId: row.facilityId,
        changes: { kind: { before: null, after: kind }, text: { before: null, after: text }, contactKey: { before: null, after: event!.contactKey } },
      });
      return incidentView(tx, row);
    });
  });
};
