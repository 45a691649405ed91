import type { AccessLogFormat, Actor, ColumnMapping, IngestCounts } from '@mamori/domain';
import { parseAuthLogLine } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { logSources } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { decodeText } from '../ledgers/read-file.js';
import { SpreadsheetError } from '../ledgers/spreadsheet-error.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { appendParsed, type AppendResult, type LogSourceRow } from './append.js';
import { scanAlerts } from './alerts.js';
import { readLogLines } from './read-lines.js';
import { insertSource, sourceFor } from './sources.js';

/** UTF-8 or Shift_JIS text; anything else is refused before a line is stored. */
export function decodeLogFile(content: Buffer): string {
  try {
    return decodeText(content).text;
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new AppError(400, 'log_file_unreadable');
    throw error;
  }
}

export interface IngestOptions {
  format?: AccessLogFormat | undefined;
  context: AuditContext;
  origin: string;
  receivedAt?: Date;
}

/** A whole file's text appended to a source (every line kept), without the alert scan: see `ingestAndScan`. */
export function appendText(db: Db, source: LogSourceRow, text: string, options: IngestOptions): Promise<AppendResult> {
  const receivedAt = options.receivedAt ?? new Date();
  const lines = readLogLines(text, {
    format: options.format ?? (source.format as AccessLogFormat | null),
    zone: source.timeZone,
    receivedAt,
    mapping: source.columnMapping as ColumnMapping | null,
  });
  return appendParsed(db, source, lines, { receivedAt, context: options.context, origin: options.origin });
}

const countsOf = ({ received, stored, parsed, raw }: AppendResult): IngestCounts => ({ received, stored, parsed, raw });

/** Appends, then runs the alert rules over what arrived (their e-mail goes out from the upkeep job). */
export async function ingestAndScan(db: Db, source: LogSourceRow, text: string, options: IngestOptions): Promise<IngestCounts> {
  const result = await appendText(db, source, text, options);
  if (result.range) await scanAlerts(db, source, result.range);
  return countsOf(result);
}

/** Syslog lines of one batch, read as auth-log lines in the source's zone; anchored by the upkeep job. */
export async function appendSyslogLines(db: Db, source: LogSourceRow, lines: readonly string[], receivedAt = new Date()): Promise<IngestCounts> {
  const parsed = lines.map((line) => parseAuthLogLine(line, source.timeZone, receivedAt));
  const result = await appendParsed(db, source, parsed, { receivedAt, context: null, origin: 'syslog' });
  if (result.range) await scanAlerts(db, source, result.range);
  return countsOf(result);
}

/** The source an upload goes to, checked before the file is read: an outsider learns nothing from its body. */
export const sourceToUploadTo = (db: Db, actor: Actor, sourceId: string) => sourceFor(db, actor, sourceId, 'accessLog.ingest');

/** An upload in the app. */
export function uploadLog(db: Db, context: AuditContext, source: LogSourceRow, file: { name: string; content: Buffer }, format?: AccessLogFormat) {
  return ingestAndScan(db, source, decodeLogFile(file.content), { format, context, origin: file.name });
}

/** `mamori logs ingest`: the source is made on first use (Asia/Tokyo, format detected). */
export async function sourceByName(db: Db, context: AuditContext, facility: FacilityRow, name: string): Promise<LogSourceRow> {
  const [existing] = await db
    .select()
    .from(logSources)
    .where(and(eq(logSources.facilityId, facility.id), eq(logSources.name, name)));
  if (existing) return existing;
  const input = { name, assetId: null, accountSystem: null, timeZone: 'Asia/Tokyo', format: null, columnMapping: null, syslogAddress: null };
  return (await insertSource(db, context, facility, input)).row;
}
