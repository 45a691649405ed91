import { accessLogAlerts, type AccessLogEvent, type Actor, type Alert, type LedgerAccount, type LogAlertView } from '@mamori/domain';
import { and, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { accounts, facilities, logAlerts, logEvents, logSources } from '../db/schema.js';
import { facilityFor } from '../tenancy/scope.js';
import type { LogSourceRow } from './append.js';
import { accessLogSettingsOf } from './settings.js';

/** How far back a new address is compared with earlier sign-ins. */
const KNOWN_ADDRESS_DAYS = 90;

/** The account ledger the source's users are matched against: its system's rows, or the facility's whole ledger. */
async function ledgerAccounts(db: Db, source: LogSourceRow): Promise<LedgerAccount[]> {
  const where = source.accountSystem
    ? and(eq(accounts.facilityId, source.facilityId), eq(accounts.system, source.accountSystem))
    : eq(accounts.facilityId, source.facilityId);
  return db
    .select({ loginId: accounts.loginId, role: accounts.role, enabled: accounts.enabled, retired: accounts.retired, validTo: accounts.validTo })
    .from(accounts)
    .where(where);
}

const toEvent = (row: typeof logEvents.$inferSelect): AccessLogEvent => ({
  occurredAt: row.occurredAt.toISOString(),
  host: row.host,
  user: row.userName,
  category: row.category as AccessLogEvent['category'],
  outcome: row.outcome as AccessLogEvent['outcome'],
  sourceIp: row.sourceIp,
  action: row.action ?? '',
  raw: row.raw,
});

/**
 * Runs the rules over a stretch of a source's events (widened by the failure window, so a burst split across two
 * uploads is still seen) and keeps what they find. An alert already kept for the same rule, subject and start is
 * updated, not repeated. Only sign-ins and failures are read: the rules look at nothing else.
 */
export async function scanAlerts(db: Db, source: LogSourceRow, range: { from: Date; to: Date }): Promise<number> {
  const [facility] = await db.select().from(facilities).where(eq(facilities.id, source.facilityId));
  const settings = accessLogSettingsOf(facility!);
  const from = new Date(range.from.getTime() - settings.failures.withinMinutes * 60_000);
  const [rows, ledger, known] = await Promise.all([
    db
      .select()
      .from(logEvents)
      .where(
        and(
          eq(logEvents.sourceId, source.id),
          gte(logEvents.occurredAt, from),
          lte(logEvents.occurredAt, range.to),
          or(eq(logEvents.outcome, 'failure'), and(eq(logEvents.category, 'login'), eq(logEvents.outcome, 'success'))),
        ),
      )
      .orderBy(logEvents.occurredAt, logEvents.seq),
    ledgerAccounts(db, source),
    db
      .selectDistinct({ user: logEvents.userName, address: logEvents.sourceIp })
      .from(logEvents)
      .where(
        and(
          eq(logEvents.sourceId, source.id),
          eq(logEvents.category, 'login'),
          eq(logEvents.outcome, 'success'),
          lt(logEvents.occurredAt, from),
          gte(logEvents.occurredAt, new Date(from.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000)),
        ),
      ),
  ]);
  const knownAddresses = new Map<string, Set<string>>();
  for (const { user, address } of known) if (user && address) (knownAddresses.get(user) ?? knownAddresses.set(user, new Set()).get(user)!).add(address);
  const found = accessLogAlerts({
    events: rows.map(toEvent),
    accounts: ledger,
    knownAddresses,
    settings: { failures: settings.failures, adminHours: settings.adminHours, zone: source.timeZone },
  });
  await keepAlerts(db, source, found);
  return found.length;
}

async function keepAlerts(db: Db, source: LogSourceRow, found: Alert[]) {
  if (found.length === 0) return;
  await db
    .insert(logAlerts)
    .values(
      found.map((a) => ({
        organizationId: source.organizationId,
        facilityId: source.facilityId,
        sourceId: source.id,
        rule: a.rule,
        subject: a.subject,
        count: a.count,
        firstAt: new Date(a.first),
        lastAt: new Date(a.last),
        reason: a.reason ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [logAlerts.sourceId, logAlerts.rule, logAlerts.subject, logAlerts.firstAt],
      set: { count: sql`greatest(${logAlerts.count}, excluded.count)`, lastAt: sql`greatest(${logAlerts.lastAt}, excluded.last_at)` },
    });
}

function presentAlert(row: typeof logAlerts.$inferSelect, sourceName: string): LogAlertView {
  return {
    id: row.id,
    sourceId: row.sourceId,
    sourceName,
    rule: row.rule as LogAlertView['rule'],
    subject: row.subject,
    count: row.count,
    first: row.firstAt.toISOString(),
    last: row.lastAt.toISOString(),
    reason: row.reason as LogAlertView['reason'],
    detectedAt: row.detectedAt.toISOString(),
  };
}

/** A facility's alerts, newest first (optionally one source's). */
export async function facilityAlerts(db: Db, facilityId: string, sourceIds?: string[], limit = 500): Promise<LogAlertView[]> {
  const rows = await db
    .select({ alert: logAlerts, sourceName: logSources.name })
    .from(logAlerts)
    .innerJoin(logSources, eq(logSources.id, logAlerts.sourceId))
    .where(and(eq(logAlerts.facilityId, facilityId), sourceIds ? inArray(logAlerts.sourceId, sourceIds) : undefined))
    .orderBy(desc(logAlerts.lastAt))
    .limit(limit);
  return rows.map((r) => presentAlert(r.alert, r.sourceName));
}

export async function listAlerts(db: Db, actor: Actor, facilityId: string, sourceId?: string): Promise<LogAlertView[]> {
  await facilityFor(db, actor, facilityId, 'accessLog.read');
  return facilityAlerts(db, facilityId, sourceId ? [sourceId] : undefined);
}
