import type { Actor, ColumnMapping, LogSourceView, Permission } from '@mamori/domain';
import type { CreateLogSourceRequest, UpdateLogSourceRequest } from '@mamori/domain';
import { and, asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import type { Db } from '../db/connect.js';
import { assets, logReviews, logSources } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { facilityFor, facilityRecord, type FacilityRow } from '../tenancy/scope.js';
import { facilityScope, insertAudited, inTransaction, scopeOf, updateAudited } from '../writes/audited.js';
import type { LogSourceRow } from './append.js';
import { LOG_GENESIS_HASH } from './chain.js';

/** The fields of a source whose before and after go into the audit trail (never the token's hash). */
const sourceFields = ['name', 'assetId', 'accountSystem', 'timeZone', 'format', 'columnMapping', 'syslogAddress'] as const;

const TOKEN_PREFIX = 'mlog_';
/** Only the hash is kept: a database dump does not hand out the right to write into a source's log. */
const hashLogToken = sha256;
const newToken = () => `${TOKEN_PREFIX}${randomToken()}`;

export async function sourceFor(db: Db, actor: Actor, sourceId: string, permission: Permission): Promise<LogSourceRow> {
  const [row] = await db.select().from(logSources).where(eq(logSources.id, sourceId));
  return facilityRecord(db, actor, row, permission);
}

/** The source a token belongs to; undefined for an unknown token (the caller answers 401). */
export async function sourceForToken(db: Db, token: string): Promise<LogSourceRow | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .select()
    .from(logSources)
    .where(eq(logSources.tokenHash, hashLogToken(token)));
  return row;
}

/** The source a syslog sender belongs to, matched on the address registered on it. */
export async function sourceForSyslogSender(db: Db, address: string): Promise<LogSourceRow | undefined> {
  const [row] = await db
    .select()
    .from(logSources)
    .where(eq(logSources.syslogAddress, address.replace(/^::ffff:/, '')));
  return row;
}

async function presentSources(db: Db, rows: LogSourceRow[]): Promise<LogSourceView[]> {
  if (rows.length === 0) return [];
  const facilityId = rows[0]!.facilityId;
  const [assetRows, reviews] = await Promise.all([
    db.select({ id: assets.id, number: assets.managementNumber, name: assets.computerName }).from(assets).where(eq(assets.facilityId, facilityId)),
    db
      .select({ sourceId: logReviews.sourceId, through: max(logReviews.periodTo) })
      .from(logReviews)
      .where(eq(logReviews.facilityId, facilityId))
      .groupBy(logReviews.sourceId),
  ]);
  const assetName = new Map(assetRows.map((a) => [a.id, a.name ? `${a.number} ${a.name}` : a.number]));
  const reviewedThrough = new Map(reviews.map((r) => [r.sourceId, r.through]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    assetId: row.assetId,
    assetName: row.assetId ? (assetName.get(row.assetId) ?? null) : null,
    accountSystem: row.accountSystem,
    timeZone: row.timeZone,
    format: row.format as LogSourceView['format'],
    columnMapping: row.columnMapping as ColumnMapping | null,
    syslogAddress: row.syslogAddress,
    events: row.headSeq - row.baseSeq + 1,
    lastReceivedAt: row.lastReceivedAt?.toISOString() ?? null,
    reviewedThrough: reviewedThrough.get(row.id) ?? null,
    version: row.version,
  }));
}

const presentSource = async (db: Db, row: LogSourceRow) => (await presentSources(db, [row]))[0]!;

async function facilitySources(db: Db, facilityId: string): Promise<LogSourceRow[]> {
  return db.select().from(logSources).where(eq(logSources.facilityId, facilityId)).orderBy(asc(logSources.name));
}

export async function listSources(db: Db, actor: Actor, facilityId: string): Promise<LogSourceView[]> {
  await facilityFor(db, actor, facilityId, 'accessLog.read');
  return presentSources(db, await facilitySources(db, facilityId));
}

async function checkAsset(db: Db, facilityId: string, assetId: string | null | undefined) {
  if (!assetId) return;
  const [asset] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.id, assetId), eq(assets.facilityId, facilityId)));
  if (!asset) throw new AppError(400, 'validation_error', {}, [{ path: 'assetId', code: 'log_source_asset_unknown', message: '機器台帳にない機器です' }]);
}

/** Inserts a source; a name or syslog address already taken is a 409 naming the field. */
export async function insertSource(db: Db, context: AuditContext, facility: FacilityRow, input: z.infer<typeof CreateLogSourceRequest>) {
  const token = newToken();
  const scope = facilityScope(facility);
  try {
    const row = await inTransaction(db, (tx) =>
      insertAudited(
        tx,
        context,
        logSources,
        { ...input, ...scope, tokenHash: hashLogToken(token), headHash: LOG_GENESIS_HASH, baseHash: LOG_GENESIS_HASH },
        { action: 'logSource.create', entityType: 'log_source', scope, fields: sourceFields },
      ),
    );
    return { row, token };
  } catch (error) {
    throw duplicateAs409(error) ?? error;
  }
}

function duplicateAs409(error: unknown): AppError | null {
  const text = String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
  if (text.includes('log_sources_facility_name_idx')) return new AppError(409, 'log_source_name_taken');
  if (text.includes('log_sources_syslog_address_idx')) return new AppError(409, 'log_source_address_taken');
  return null;
}

export async function createSource(db: Db, actor: Actor, context: AuditContext, facilityId: string, input: z.infer<typeof CreateLogSourceRequest>) {
  const facility = await facilityFor(db, actor, facilityId, 'accessLog.manage');
  await checkAsset(db, facility.id, input.assetId);
  const { row, token } = await insertSource(db, context, facility, input);
  return { source: await presentSource(db, row), token };
}

export async function updateSource(db: Db, actor: Actor, context: AuditContext, sourceId: string, input: z.infer<typeof UpdateLogSourceRequest>) {
  const before = await sourceFor(db, actor, sourceId, 'accessLog.manage');
  const { version, ...changes } = input;
  await checkAsset(db, before.facilityId, changes.assetId);
  try {
    const row = await inTransaction(db, (tx) =>
      updateAudited(tx, context, logSources, before, version, changes, {
        action: 'logSource.update',
        entityType: 'log_source',
        scope: scopeOf(before),
        fields: sourceFields,
      }),
    );
    return presentSource(db, row);
  } catch (error) {
    throw duplicateAs409(error) ?? error;
  }
}

/** A new token; the old one stops working at once. */
export async function rotateToken(db: Db, actor: Actor, context: AuditContext, sourceId: string, version: number) {
  const before = await sourceFor(db, actor, sourceId, 'accessLog.manage');
  const token = newToken();
  const row = await inTransaction(db, (tx) =>
    updateAudited(
      tx,
      context,
      logSources,
      before,
      version,
      { tokenHash: hashLogToken(token) },
      { action: 'logSource.rotateToken', entityType: 'log_source', scope: scopeOf(before), fields: [] },
    ),
  );
  return { source: await presentSource(db, row), token };
}
