import { auditActionsOf, todayInTokyo, type AuditAction, type Catalog } from '@mamori/domain';
import { and, asc, eq, gt, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import { loadCatalog } from '../checklist/catalog-loader.js';
import type { Db, Tx } from '../db/connect.js';
import { auditEvents, facilities, facilityYearSummaries, oversightCursor } from '../db/schema.js';
import type { Jobs } from '../jobs/jobs.js';
import type { QueueDefinition } from '../jobs/queues.js';
import { summarizeFacilities } from './summaries.js';

/**
 * The summaries follow the audit trail: every change to a checklist, a vendor form or contract, the contact chart or
 * a facility is an audit event in the same transaction as the change, so the events after the cursor name exactly
 * the facilities whose summaries are out of date. Nothing is added to the write path, and any app server may catch up.
 */
const changingActions: readonly AuditAction[] = [
  ...auditActionsOf('checklist'),
  ...auditActionsOf('vendor'),
  'contactChart.save',
  'facility.create',
  'facility.update',
];

/** Transaction-scoped: one server refreshes at a time; the others read the summaries as they stand. */
const REFRESH_LOCK_KEY = 727_016;
/** Audit events read per step: bounds the work a dashboard request may do before answering. */
const EVENTS_PER_STEP = 20_000;
const FACILITIES_PER_CHUNK = 500;

/** A dashboard request rebuilds lost summaries itself only up to this many facilities; beyond, the job does (5 min). */
const INLINE_REBUILD_LIMIT = 2_000;

export type RefreshResult = { refreshed: number; rebuilt: boolean } | 'busy' | 'deferred';

/** `everyFacility`: the ids are all facilities in id order, so each chunk is every facility between its ends (read as a range). */
async function summarizeInChunks(tx: Tx, catalog: Catalog, facilityIds: readonly string[], asOf: string, everyFacility = false): Promise<number> {
  let count = 0;
  for (let i = 0; i < facilityIds.length; i += FACILITIES_PER_CHUNK) {
    const chunk = facilityIds.slice(i, i + FACILITIES_PER_CHUNK);
    count += await summarizeFacilities(tx, catalog, chunk, asOf, everyFacility ? [chunk[0]!, chunk.at(-1)!] : undefined);
  }
  return count;
}

/**
 * Brings the summaries up to the audit trail's head. The first run (or `rebuild`) summarizes every facility; later
 * runs only the facilities changed since the cursor, at most `steps` windows of events (the rest on the next run).
 * `inline` (a request waiting for the answer) leaves a rebuild of a large deployment to the job.
 */
export async function refreshSummaries(
  db: Db,
  catalog: Catalog,
  options: { asOf?: string; rebuild?: boolean; steps?: number; inline?: boolean } = {},
): Promise<RefreshResult> {
  const asOf = options.asOf ?? todayInTokyo();
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK_KEY}) AS locked`);
    const locked = (result as unknown as { rows: { locked: boolean }[] }).rows[0]?.locked === true;
    if (!locked) return 'busy';
    const [cursor] = await tx.select().from(oversightCursor).where(eq(oversightCursor.id, 1));
    const [head] = await tx.select({ sequence: max(auditEvents.sequence) }).from(auditEvents);
    const headSequence = Number(head?.sequence ?? 0);
    if (!cursor || options.rebuild) {
      const all = await tx.select({ id: facilities.id }).from(facilities).orderBy(asc(facilities.id));
      if (options.inline && all.length > INLINE_REBUILD_LIMIT) return 'deferred';
      const refreshed = await summarizeInChunks(
        tx,
        catalog,
        all.map((f) => f.id),
        asOf,
        true,
      );
      await saveCursor(tx, headSequence);
      // Every row was just rewritten: without fresh statistics the planner takes the table for a few hundred rows
      // and the next dashboards join it the slow way until autovacuum gets round to it (measured: 360 ms, not 60).
      await tx.execute(sql`ANALYZE ${facilityYearSummaries}`);
      return { refreshed, rebuilt: true };
    }
    let from = cursor.auditSequence;
    const changed = new Set<string>();
    for (let step = 0; step < (options.steps ?? Number.POSITIVE_INFINITY) && from < headSequence; step++) {
      const to = Math.min(from + EVENTS_PER_STEP, headSequence);
      const rows = await tx
        .selectDistinct({ facilityId: auditEvents.facilityId })
        .from(auditEvents)
        .where(
          and(
            gt(auditEvents.sequence, from),
            lte(auditEvents.sequence, to),
            isNotNull(auditEvents.facilityId),
            inArray(auditEvents.action, [...changingActions]),
          ),
        );
      for (const row of rows) changed.add(row.facilityId!);
      from = to;
    }
    const refreshed = await summarizeInChunks(tx, catalog, [...changed], asOf);
    if (from !== cursor.auditSequence) await saveCursor(tx, from);
    return { refreshed, rebuilt: false };
  });
}

function saveCursor(tx: Tx, auditSequence: number) {
  return tx.insert(oversightCursor).values({ id: 1, auditSequence }).onConflictDoUpdate({ target: oversightCursor.id, set: { auditSequence } });
}

const CATCH_UP_QUEUE = 'oversight.catchUp';
const REBUILD_QUEUE = 'oversight.rebuild';

export const summaryQueues: QueueDefinition[] = [
  { name: CATCH_UP_QUEUE, policy: 'singleton', retryLimit: 1, retryDelay: 60 },
  { name: REBUILD_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 600 },
];

/**
 * Changes are caught up every five minutes (a dashboard catches up itself before answering, so this only keeps the
 * step it takes short). Every night the summaries are rebuilt whole, so what moves with the calendar alone (a check
 * dated ahead that becomes valid, a new fiscal year) is counted right the next morning, before the reminders (8:00).
 */
export function registerSummaryRefresh(deps: { db: Db; jobs: Jobs }): void {
  let catalog: Catalog | undefined;
  const run = (rebuild: boolean) => async () => {
    catalog ??= loadCatalog();
    await refreshSummaries(deps.db, catalog, { rebuild });
  };
  deps.jobs.work(CATCH_UP_QUEUE, run(false));
  deps.jobs.work(REBUILD_QUEUE, run(true));
  deps.jobs.schedule(CATCH_UP_QUEUE, '*/5 * * * *');
  deps.jobs.schedule(REBUILD_QUEUE, '30 7 * * *');
}
