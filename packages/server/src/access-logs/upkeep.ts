import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { BaseLogger } from 'pino';
import { recordAudit } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { facilities, facilityMembers, logAlerts, logEvents, logSources, users } from '../db/schema.js';
import type { AppDeps } from '../http/types.js';
import type { QueueDefinition } from '../jobs/queues.js';
import { enqueueMail } from '../mail/index.js';
import { publicBaseUrl } from '../vendors/invitations-service.js';
import { anchorChanges } from './append.js';
import { alertMail } from './mail-text.js';
import { monthBounds } from './partitions.js';

/** The scheduler acts as the system, not as a user. */
const systemContext = { actorId: null, ip: null };

/**
 * Writes the head of every source that moved since its last anchor (syslog batches have none of their own) into
 * the audit trail, whose checkpoints anchor it outside the database. Returns how many sources were anchored.
 */
export async function anchorLogHeads(db: Db): Promise<number> {
  const moved = await db.select({ id: logSources.id }).from(logSources).where(gt(logSources.headSeq, logSources.anchoredSeq));
  for (const { id } of moved) {
    await db.transaction(async (tx) => {
      const [source] = await tx.select().from(logSources).where(eq(logSources.id, id)).for('update', { skipLocked: true });
      if (!source || source.headSeq <= source.anchoredSeq) return;
      await recordAudit(tx, systemContext, {
        action: 'accessLog.checkpoint',
        entityType: 'log_source',
        entityId: source.id,
        organizationId: source.organizationId,
        facilityId: source.facilityId,
        changes: anchorChanges({ headSeq: source.anchoredSeq, headHash: null }, source.headSeq, source.headHash),
      });
      await tx.update(logSources).set({ anchoredSeq: source.headSeq }).where(eq(logSources.id, source.id));
    });
  }
  return moved.length;
}

/** E-mails each facility's managers and planners the alerts not yet sent, one message per facility. */
export async function notifyAlerts(deps: Pick<AppDeps, 'database' | 'config' | 'jobs' | 'secrets'>): Promise<number> {
  const { db } = deps.database;
  const pending = await db.selectDistinct({ facilityId: logAlerts.facilityId }).from(logAlerts).where(isNull(logAlerts.notifiedAt));
  let sent = 0;
  for (const { facilityId } of pending) {
    await db.transaction(async (tx) => {
      const alerts = await tx
        .select({ alert: logAlerts, sourceName: logSources.name })
        .from(logAlerts)
        .innerJoin(logSources, eq(logSources.id, logAlerts.sourceId))
        .where(and(eq(logAlerts.facilityId, facilityId), isNull(logAlerts.notifiedAt)))
        .for('update', { of: logAlerts, skipLocked: true });
      if (alerts.length === 0) return;
      const [facility] = await tx.select({ name: facilities.name }).from(facilities).where(eq(facilities.id, facilityId));
      const recipients = await tx
        .select({ email: users.email })
        .from(facilityMembers)
        .innerJoin(users, eq(users.id, facilityMembers.userId))
        .where(and(eq(facilityMembers.facilityId, facilityId), inArray(facilityMembers.role, ['manager', 'planner'])));
      const link = `${publicBaseUrl(deps.config)}/facilities/${facilityId}/access-logs`;
      const message = alertMail(facility?.name ?? '', alerts, link);
      for (const { email } of recipients) await enqueueMail(deps.jobs, deps.secrets, tx, { to: email, ...message });
      await tx
        .update(logAlerts)
        .set({ notifiedAt: new Date() })
        .where(
          inArray(
            logAlerts.id,
            alerts.map((a) => a.alert.id),
          ),
        );
      sent += recipients.length;
    });
  }
  return sent;
}

/**
 * Removes events that arrived before the first of the month `months` ago, source by source, oldest first: each
 * source's chain then starts after the last removed event, and an audit event says what went (how many, through
 * which number, with which hash) so `logs verify` knows the gap is retention and not tampering. Emptied month
 * partitions are dropped.
 */
export async function applyRetention(db: Db, months: number, now = new Date()): Promise<number> {
  const cutoffDay = new Date(now);
  cutoffDay.setUTCMonth(cutoffDay.getUTCMonth() - months);
  const cutoff = new Date(monthBounds(cutoffDay).from);
  let removed = 0;
  for (const { id } of await db.select({ id: logSources.id }).from(logSources)) {
    removed += await db.transaction(async (tx) => {
      const [source] = await tx.select().from(logSources).where(eq(logSources.id, id)).for('update');
      if (!source) return 0;
      const [last] = await tx
        .select({ seq: logEvents.seq, hash: logEvents.hash })
        .from(logEvents)
        .where(and(eq(logEvents.sourceId, id), lt(logEvents.receivedAt, cutoff)))
        .orderBy(sql`${logEvents.seq} DESC`)
        .limit(1);
      if (!last || last.seq < source.baseSeq) return 0;
      await tx.execute(sql`SET LOCAL mamori.log_retention = 'on'`);
      await tx.delete(logEvents).where(and(eq(logEvents.sourceId, id), sql`${logEvents.seq} <= ${last.seq}`));
      // The chain is gapless from baseSeq (verify says so otherwise), so this is how many went.
      const gone = last.seq - source.baseSeq + 1;
      await tx
        .update(logSources)
        .set({ baseSeq: last.seq + 1, baseHash: last.hash })
        .where(eq(logSources.id, id));
      await recordAudit(tx, systemContext, {
        action: 'accessLog.retention',
        entityType: 'log_source',
        entityId: id,
        organizationId: source.organizationId,
        facilityId: source.facilityId,
        changes: {
          baseSeq: { before: source.baseSeq, after: last.seq + 1 },
          baseHash: { before: source.baseHash, after: last.hash },
          removed: { before: null, after: gone },
          receivedBefore: { before: null, after: cutoff.toISOString() },
        },
      });
      return gone;
    });
  }
  await dropEmptyPartitions(db, cutoff);
  return removed;
}

async function dropEmptyPartitions(db: Db, cutoff: Date) {
  const result = await db.execute(
    sql`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'log_events'`,
  );
  for (const { name } of (result as unknown as { rows: { name: string }[] }).rows) {
    const match = /^log_events_(\d{4})_(\d{2})$/.exec(name);
    if (!match) continue;
    const end = new Date(monthBounds(new Date(`${match[1]}-${match[2]}-15T00:00:00+09:00`)).to);
    if (end > cutoff) continue;
    const rows = await db.execute(sql.raw(`SELECT 1 FROM "${name}" LIMIT 1`));
    if ((rows as unknown as { rows: unknown[] }).rows.length === 0) await db.execute(sql.raw(`DROP TABLE "${name}"`));
  }
}

const ACCESS_LOG_UPKEEP_QUEUE = 'access-logs.upkeep';
/** With the audit checkpoint: a syslog head is anchored within five minutes, alerts mailed within five. */
const ACCESS_LOG_UPKEEP_CRON = '*/5 * * * *';

export const accessLogUpkeepQueue: QueueDefinition = {
  name: ACCESS_LOG_UPKEEP_QUEUE,
  policy: 'singleton',
  retryLimit: 1,
  retryDelay: 60,
  deleteAfterSeconds: 60 * 60,
};

export function registerAccessLogUpkeep(deps: Pick<AppDeps, 'database' | 'config' | 'jobs' | 'secrets'> & { log: BaseLogger }): void {
  deps.jobs.work(ACCESS_LOG_UPKEEP_QUEUE, async () => {
    const { db } = deps.database;
    await anchorLogHeads(db);
    await notifyAlerts(deps);
    if (deps.config.accessLogRetentionMonths) {
      const removed = await applyRetention(db, deps.config.accessLogRetentionMonths);
      if (removed) deps.log.info({ removed }, '保存期間を過ぎたアクセスログを削除しました / access log events past retention removed');
    }
  });
  deps.jobs.schedule(ACCESS_LOG_UPKEEP_QUEUE, ACCESS_LOG_UPKEEP_CRON);
}
