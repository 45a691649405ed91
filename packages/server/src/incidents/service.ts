import type {
  Actor,
  ContactChartContent,
  CreateIncidentEventRequest,
  CreateIncidentRequest,
  IncidentView,
  Permission,
  UpdateIncidentRequest,
} from '@mamori/domain';
import { callingOrder } from '@mamori/domain';
import { asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Db, Tx } from '../db/connect.js';
import { incidentEvents, incidents, users } from '../db/schema.js';
import { invalid } from '../http/errors.js';
import { facilityFor, facilityRecord } from '../tenancy/scope.js';
import { chartVersion } from '../contact-chart/queries.js';
import { facilityScope, insertAudited, inTransaction, scopeOf, updateAudited } from '../writes/audited.js';

/** An incident as it happens: who to call in which order (the chart at that moment) and what was done, when. */
type IncidentRow = typeof incidents.$inferSelect;

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
  for (const { event } of events)
    if (event.kind === 'contact' && event.contactKey && !firstContact.has(event.contactKey)) firstContact.set(event.contactKey, event.at.toISOString());
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
  return facilityRecord(db, actor, row, permission);
}

export async function listIncidents(db: Db, actor: Actor, facilityId: string) {
  await facilityFor(db, actor, facilityId, 'readiness.read');
  const rows = await db.select().from(incidents).where(eq(incidents.facilityId, facilityId)).orderBy(desc(incidents.startedAt)).limit(200);
  return rows.map(summary);
}

/** Opens an incident with the calling order of the contact chart as it stands now. */
export async function openIncident(db: Db, actor: Actor, context: AuditContext, facilityId: string, input: z.infer<typeof CreateIncidentRequest>) {
  const facility = await facilityFor(db, actor, facilityId, 'readiness.operate');
  const chart = await chartVersion(db, facility.id);
  const content = chart
    ? ({ entries: chart.row.entries, edges: chart.row.edges, note: chart.row.note } as ContactChartContent)
    : { entries: [], edges: [], note: '' };
  const names = new Map(content.entries.map((e) => [e.key, e.name]));
  const steps = callingOrder(content).map((s) => ({
    key: s.entry.key,
    name: s.entry.name,
    organization: s.entry.organization,
    phone: s.entry.phone,
    calledBy: s.calledByKey ? (names.get(s.calledByKey) ?? null) : null,
    order: s.order,
  }));
  const scope = facilityScope(facility);
  return inTransaction(db, async (tx) => {
    const row = await insertAudited(
      tx,
      context,
      incidents,
      { ...scope, title: input.title, chartVersion: chart?.row.chartVersion ?? null, steps },
      {
        action: 'incident.open',
        entityType: 'incident',
        scope,
        fields: ['title', 'chartVersion'],
      },
    );
    return incidentView(tx, row);
  });
}

export async function readIncident(db: Db, actor: Actor, incidentId: string) {
  return incidentView(db, await incidentFor(db, actor, incidentId, 'readiness.read'));
}

export async function updateIncident(db: Db, actor: Actor, context: AuditContext, incidentId: string, input: z.infer<typeof UpdateIncidentRequest>) {
  const before = await incidentFor(db, actor, incidentId, 'readiness.operate');
  const { version, title, status } = input;
  const closedAt = status === undefined ? before.closedAt : status === 'closed' ? (before.closedAt ?? new Date()) : null;
  return inTransaction(db, async (tx) => {
    const row = await updateAudited(
      tx,
      context,
      incidents,
      before,
      version,
      { title: title ?? before.title, status: status ?? before.status, closedAt },
      {
        action: 'incident.update',
        entityType: 'incident',
        scope: scopeOf(before),
        fields: ['title', 'status'],
      },
    );
    return incidentView(tx, row);
  });
}

export async function recordIncidentEvent(
  db: Db,
  actor: Actor,
  context: AuditContext,
  incidentId: string,
  recordedBy: string,
  input: z.infer<typeof CreateIncidentEventRequest>,
) {
  const row = await incidentFor(db, actor, incidentId, 'readiness.operate');
  const { kind, contactKey, at, text } = input;
  if (kind === 'contact' && !row.steps.some((s) => s.key === contactKey)) throw invalid('body.contactKey', 'contact_not_on_chart');
  if (kind !== 'contact' && !text) throw invalid('body.text', 'incident_text_required');
  return inTransaction(db, async (tx) => {
    await insertAudited(
      tx,
      context,
      incidentEvents,
      { incidentId: row.id, at: at ? new Date(at) : new Date(), kind, contactKey: kind === 'contact' ? contactKey : null, text, recordedBy },
      {
        action: 'incident.event',
        entityType: 'incident_event',
        scope: scopeOf(row),
        fields: ['kind', 'text', 'contactKey'],
      },
    );
    return incidentView(tx, row);
  });
}
