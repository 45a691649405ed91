// `node --import tsx packages/server/bench/access-logs.ts [--no-record]` — issue 15's figures: ingesting a
// 1,000,000-line auth.log through Mamori's own path (read, parse, hash chain, insert) against a COPY of the same
// already-normalised rows into the same table in the same run; verifying the 1,000,000-event chain; and search
// p95 over 10,000,000 events of one source (PostgreSQL; PGlite searches its 1,000,000).
// MAMORI_BENCH_LOG_LINES and MAMORI_BENCH_SEARCH_EVENTS make it smaller for a quick look.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ColumnMapping } from '@mamori/domain';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { appendText } from '../src/access-logs/ingest.js';
import { logEventHash, LOG_GENESIS_HASH } from '../src/access-logs/chain.js';
import { readLogLines } from '../src/access-logs/read-lines.js';
import { ensureMonthPartition } from '../src/access-logs/partitions.js';
import { searchEvents } from '../src/access-logs/search.js';
import { insertSource } from '../src/access-logs/sources.js';
import { verifySource } from '../src/access-logs/verify.js';
import { copyLine, logEventColumns, toStored, type LogSourceRow } from '../src/access-logs/append.js';
import { openDatabase, type Database, type DatabaseConfig } from '../src/db/connect.js';
import { runMigrations } from '../src/db/migrate.js';
import { logSources } from '../src/db/schema.js';
import { insertFacility } from '../src/facilities/service.js';
import { insertOrganization } from '../src/organizations/service.js';
import type { FacilityRow } from '../src/tenancy/scope.js';
import { fmt, msText, percentile, secondsText, timed } from './measure.js';
import { freshPostgres, postgresUrl } from './postgres.js';
import { cleanupAll, cleanUpOnSignals, onCleanup } from './processes.js';
import { recordSection } from './report.js';

const HEADING = '## Issue 15 — access logs: ingest, verify, search';
const LINES = Number(process.env.MAMORI_BENCH_LOG_LINES ?? 1_000_000);
const SEARCH_EVENTS = Number(process.env.MAMORI_BENCH_SEARCH_EVENTS ?? 10_000_000);
const SEARCH_RUNS = 20;
const AIM = { eventsPerSecond: 50_000, copyRatio: 0.5, verifyMs: 10_000, searchP95Ms: 200 };
const root = fileURLToPath(new URL('../../../', import.meta.url));
const docsFile = path.join(root, 'docs/benchmarks.md');
const record = !process.argv.includes('--no-record');
const context = { actorId: null, ip: 'bench' };

const log = (message: string) => console.log(`[bench] ${message}`);
cleanUpOnSignals('PostgreSQL');

/** A month of a busy server's auth.log: sign-ins, failures, guessing, PAM sessions, and 5% lines no parser knows. */
function authLog(lines: number): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const start = Date.now() - 30 * 86_400_000 - 60_000;
  const step = (30 * 86_400_000) / lines;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    // Stamps in Tokyo wall time, as the server writes them (no year).
    const at = new Date(start + i * step + 9 * 3_600_000);
    const stamp = `${months[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2, ' ')} ${at.toISOString().slice(11, 19)}`;
    // Every user gets every kind of line (i % 500 would tie user and kind together, both stepping with i).
    const user = `user${Math.floor(i / 20) % 500}`;
    const ip = `10.${(i >> 8) % 4}.${(i >> 2) % 250}.${i % 200}`;
    const kind = i % 20;
    const message =
      kind < 11
        ? `Accepted ${kind % 2 ? 'publickey' : 'password'} for ${user} from ${ip} port ${40000 + (i % 20000)} ssh2`
        : kind < 16
          ? `Failed password for ${user} from 203.0.113.${Math.floor(i / 20) % 60} port ${40000 + (i % 20000)} ssh2`
          : kind === 16
            ? `Invalid user guest${i % 90} from 198.51.100.${i % 40} port ${40000 + (i % 20000)}`
            : kind === 17
              ? `pam_unix(sshd:session): session opened for user ${user}(uid=${1000 + (i % 500)}) by (uid=0)`
              : kind === 18
                ? `Disconnected from user ${user} ${ip} port ${40000 + (i % 20000)}`
                : null;
    out.push(
      message ? `${stamp} srv${i % 5} sshd[${1000 + (i % 30000)}]: ${message}` : `${stamp} srv${i % 5} kernel: [${i}.000] eth0: link ${i % 2 ? 'up' : 'down'}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The same events as Mamori stores them (normalised and hashed, by the append path's own functions), as COPY text for another source. */
function normalisedRows(text: string, sourceId: string, receivedAt: Date): string {
  const lines = readLogLines(text, { format: null, zone: 'Asia/Tokyo', receivedAt, mapping: null as ColumnMapping | null });
  const received = receivedAt.toISOString();
  let out = '';
  let hash = LOG_GENESIS_HASH;
  let seq = 0;
  for (const line of lines) {
    const event = toStored(line, ++seq, receivedAt);
    hash = logEventHash(hash, event);
    out += copyLine(sourceId, received, event, hash);
  }
  return out;
}

async function setupFacility(database: Database): Promise<FacilityRow> {
  return database.db.transaction(async (tx) => {
    const organization = await insertOrganization(tx, context, { name: 'ベンチマーク医療法人', requireTotp: false });
    return insertFacility(tx, context, organization.id, { name: 'ログ病院', kind: 'hospital', prefecture: '13', healthCenter: '新宿区保健所', bedCount: 300 });
  });
}

const newSource = async (database: Database, facility: FacilityRow, name: string): Promise<LogSourceRow> =>
  (
    await insertSource(database.db, context, facility, {
      name,
      assetId: null,
      accountSystem: null,
      timeZone: 'Asia/Tokyo',
      format: null,
      columnMapping: null,
      syslogAddress: null,
    })
  ).row;

/** The COPY itself, on PostgreSQL through pg-copy-streams. */
async function copyIntoPostgres(url: string, text: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = performance.now();
    await pipeline(Readable.from([text]), client.query(copyFrom(`COPY log_events (${logEventColumns.join(', ')}) FROM STDIN`)));
    return performance.now() - start;
  } finally {
    await client.end();
  }
}

/** The COPY on PGlite: its own client on the same data directory (Mamori's is closed meanwhile), reading a blob. */
async function copyIntoPglite(dataDir: string, text: string): Promise<number> {
  const client = await PGlite.create({ dataDir });
  try {
    const start = performance.now();
    await client.query(`COPY log_events (${logEventColumns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    return performance.now() - start;
  } finally {
    await client.close();
  }
}

/** Many rows of one source straight in SQL (hashes not computed: search does not read them). */
async function fillForSearch(database: Database, sourceId: string, events: number): Promise<number> {
  const chunk = 1_000_000;
  const start = performance.now();
  for (let from = 1; from <= events; from += chunk) {
    const to = Math.min(events, from + chunk - 1);
    await database.db.execute(sql`
      INSERT INTO log_events (source_id, seq, received_at, occurred_at, parsed, host, user_name, category, outcome, source_ip, action, raw, hash)
      SELECT ${sourceId}::uuid, g, now(), now() - (${events} - g) * interval '250 milliseconds', true, 'srv' || (g % 5), 'user' || (g % 500),
        CASE WHEN g % 4 = 0 THEN 'failure' WHEN g % 10 = 1 THEN 'logout' ELSE 'login' END,
        CASE WHEN g % 4 = 0 THEN 'failure' ELSE 'success' END,
        CASE WHEN g % 4 = 0 THEN '203.0.113.' || (g % 60) ELSE '10.0.' || (g % 250) || '.' || (g % 200) END,
        CASE WHEN g % 4 = 0 THEN 'failed password' WHEN g % 2 = 1 THEN 'accepted publickey' ELSE 'accepted password' END,
        'srv sshd[' || g || ']: bench line ' || g, 'bench'
      FROM generate_series(${from}::bigint, ${to}::bigint) g`);
    log(`  search data: ${fmt(to)} / ${fmt(events)} events`);
  }
  await database.db.execute(sql`UPDATE log_sources SET head_seq = ${events} WHERE id = ${sourceId}`);
  await database.db.execute(sql`ANALYZE log_events`);
  return performance.now() - start;
}

interface SearchResult {
  samples: number[];
  perQuery: { name: string; p95: number }[];
}

/** The searches a reviewer makes: the newest page, one user, one address, failures, a day's sign-ins, a word in a day, 20 pages deep. */
async function benchSearch(database: Database, sourceId: string, newest: Date, spanDays: number): Promise<SearchResult> {
  const days = Math.max(1, Math.floor(spanDays) - 1);
  const day = (back: number) => {
    const n = back % days;
    return { from: new Date(newest.getTime() - (n + 1) * 86_400_000).toISOString(), to: new Date(newest.getTime() - n * 86_400_000).toISOString() };
  };
  const queries: { name: string; query: (i: number) => Record<string, unknown> }[] = [
    { name: 'newest page', query: () => ({}) },
    { name: 'one user', query: (i) => ({ user: `user${(i * 37) % 500}` }) },
    { name: 'one address', query: (i) => ({ sourceIp: `203.0.113.${(i * 4) % 60}` }) },
    { name: 'failures', query: () => ({ outcome: 'failure' }) },
    { name: "a day's sign-ins", query: (i) => ({ category: 'login', ...day(i % 20) }) },
    { name: 'a word in a day', query: (i) => ({ action: 'publickey', ...day(i % 20) }) },
    {
      name: 'one host, a week',
      query: (i) => ({ host: `srv${i % 5}`, from: new Date(newest.getTime() - Math.min(7, days) * 86_400_000).toISOString(), to: newest.toISOString() }),
    },
  ];
  const source = { id: sourceId };
  const samples: number[] = [];
  const perQuery: SearchResult['perQuery'] = [];
  for (const { name, query } of queries) {
    const times: number[] = [];
    for (let i = 0; i < SEARCH_RUNS; i++) {
      const { ms, value } = await timed(() => searchEvents(database.db, source, { limit: 100, ...query(i) } as never));
      if (value.events.length === 0) throw new Error(`search "${name}" ${JSON.stringify(query(i))} found nothing`);
      times.push(ms);
    }
    perQuery.push({ name, p95: percentile(times, 0.95) });
    samples.push(...times);
  }
  // Keyset paging: each of 20 pages as fast as the first.
  const pages: number[] = [];
  let after: string | undefined;
  for (let i = 0; i < SEARCH_RUNS; i++) {
    const { ms, value } = await timed(() => searchEvents(database.db, source, { limit: 100, outcome: 'failure', ...(after ? { after } : {}) } as never));
    pages.push(ms);
    after = value.next ?? undefined;
  }
  perQuery.push({ name: 'failures, pages 1–20', p95: percentile(pages, 0.95) });
  samples.push(...pages);
  return { samples, perQuery };
}

interface TargetResult {
  label: string;
  note: string;
  ingestMs: number;
  copyMs: number;
  verifyMs: number;
  verifiedEvents: number;
  searchEvents: number;
  fillMs: number | null;
  search: SearchResult;
}

async function benchTarget(label: string, config: DatabaseConfig, note: string, text: string, copy: (rows: string) => Promise<number>): Promise<TargetResult> {
  let database = await openDatabase(config);
  await runMigrations(database);
  const facility = await setupFacility(database);
  const ingested = await newSource(database, facility, 'auth.log');
  const copied = await newSource(database, facility, 'copy');
  const receivedAt = new Date();
  await ensureMonthPartition(database.db, receivedAt);

  log(`${label}: ingesting ${fmt(LINES)} lines`);
  const ingest = await timed(() => appendText(database.db, ingested, text, { context, origin: 'bench', receivedAt }));
  if (ingest.value.stored !== LINES) throw new Error(`${label}: stored ${ingest.value.stored} of ${LINES}`);
  log(
    `${label}: ingest ${secondsText(ingest.ms)} (${fmt(LINES / (ingest.ms / 1000))} events/s; parsed ${fmt(ingest.value.parsed)}, raw ${fmt(ingest.value.raw)})`,
  );

  const rows = normalisedRows(text, copied.id, receivedAt);
  if (config.kind === 'pglite') await database.close();
  const copyMs = await copy(rows);
  if (config.kind === 'pglite') database = await openDatabase(config);
  log(`${label}: COPY of the same rows ${secondsText(copyMs)} (${fmt(LINES / (copyMs / 1000))} rows/s)`);

  const [source] = await database.db.select().from(logSources).where(eq(logSources.id, ingested.id));
  const verify = await timed(() => verifySource(database.db, source!, {}));
  if (!verify.value.ok || verify.value.events !== LINES) throw new Error(`${label}: verify ${JSON.stringify(verify.value)}`);
  log(`${label}: verify of ${fmt(LINES)} events ${secondsText(verify.ms)}`);

  let searchSource = ingested.id;
  let searchEvents = LINES;
  let fillMs: number | null = null;
  if (config.kind === 'postgres') {
    const filled = await newSource(database, facility, 'search');
    log(`${label}: generating ${fmt(SEARCH_EVENTS)} events for search`);
    fillMs = await fillForSearch(database, filled.id, SEARCH_EVENTS);
    searchSource = filled.id;
    searchEvents = SEARCH_EVENTS;
  }
  const newest = new Date();
  // The generated events are 250 ms apart; the ingested log spans 30 days.
  const search = await benchSearch(database, searchSource, newest, config.kind === 'postgres' ? (SEARCH_EVENTS * 0.25) / 86_400 : 30);
  log(`${label}: search p95 ${msText(percentile(search.samples, 0.95))} over ${fmt(searchEvents)} events`);
  await database.close();
  return { label, note, ingestMs: ingest.ms, copyMs, verifyMs: verify.ms, verifiedEvents: LINES, searchEvents, fillMs, search };
}

function section(results: TargetResult[], skipped: string | null, started: Date): string {
  const rows = results.map((r) => {
    const rate = LINES / (r.ingestMs / 1000);
    const ratio = r.copyMs / r.ingestMs;
    return `| ${r.label} | ${fmt(rate)} events/s (${secondsText(r.ingestMs)}) | ${fmt(LINES / (r.copyMs / 1000))} rows/s | **${fmt(ratio, 2)}** | ${secondsText(r.verifyMs)} | ${msText(percentile(r.search.samples, 0.95))} over ${fmt(r.searchEvents)} |`;
  });
  const postgres = results.find((r) => r.label === 'PostgreSQL');
  const verdict = postgres
    ? [
        `${fmt(LINES / (postgres.ingestMs / 1000))} events/s ${LINES / (postgres.ingestMs / 1000) >= AIM.eventsPerSecond ? '≥' : '<'} ${fmt(AIM.eventsPerSecond)}`,
        `ratio ${fmt(postgres.copyMs / postgres.ingestMs, 2)} ${postgres.copyMs / postgres.ingestMs >= AIM.copyRatio ? '≥' : '<'} ${AIM.copyRatio}`,
        `verify ${secondsText(postgres.verifyMs)} ${postgres.verifyMs < AIM.verifyMs ? '<' : '≥'} 10 s`,
        `search p95 ${msText(percentile(postgres.search.samples, 0.95))} ${percentile(postgres.search.samples, 0.95) < AIM.searchP95Ms ? '<' : '≥'} 200 ms`,
      ].join('; ')
    : `not evaluated: ${skipped}`;
  return [
    HEADING,
    '',
    `Run ${started.toISOString()} on ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, load average at start ${fmt(os.loadavg()[0] ?? 0, 2)}.`,
    '',
    '**Method.**',
    '',
    `- A ${fmt(LINES)}-line auth.log (sshd sign-ins, failures, invalid users, PAM sessions, disconnects; 5% kernel lines no parser knows) ingested through \`appendText\`: decode, detect, parse, hash chain, insert in one transaction (what \`mamori logs ingest\` and an upload do, without the alert scan).`,
    '- Baseline in the same run: `COPY log_events FROM STDIN` (PostgreSQL, pg-copy-streams) or `FROM /dev/blob` (PGlite) of the same rows already parsed and hashed, into another source of the same table. Ratio = COPY time / ingest time.',
    `- Verify: \`verifySource\` walks the ${fmt(LINES)}-event chain (every hash recomputed).`,
    `- Search: ${SEARCH_RUNS} runs each of seven reviewer searches (newest page, one user, one address, failures, a day's sign-ins, a word within a day, one host over a week) and 20 keyset pages, 100 events a page; p95 of all. PostgreSQL searches ${fmt(SEARCH_EVENTS)} events of one source generated in SQL${postgres?.fillMs ? ` (${secondsText(postgres.fillMs)})` : ''}; PGlite searches the ${fmt(LINES)} it ingested (10 million in PGlite's single-process WASM Postgres was not generated).`,
    ...results.map((r) => `- ${r.label}: ${r.note}.`),
    '',
    '| Database | Ingest | COPY | Ratio | Verify 1M | Search p95 |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Per search (p95): ${results.map((r) => `${r.label}: ${r.search.perQuery.map((q) => `${q.name} ${msText(q.p95)}`).join(', ')}`).join('; ')}.`,
    '',
    `**Aim** (PostgreSQL: ≥ ${fmt(AIM.eventsPerSecond)} events/s and ≥ ${AIM.copyRatio} of COPY; verify < 10 s; search p95 < 200 ms): ${verdict}.`,
    '',
  ].join('\n');
}

async function main() {
  const started = new Date();
  log(`generating a ${fmt(LINES)}-line auth.log`);
  const text = authLog(LINES);
  log(`${fmt(Buffer.byteLength(text) / 2 ** 20, 1)} MiB`);
  const results: TargetResult[] = [];

  const target = await postgresUrl();
  let skipped: string | null = null;
  if ('skipped' in target) {
    skipped = target.skipped;
    log(`PostgreSQL not measured: ${skipped}`);
  } else {
    const { config, version } = await freshPostgres(target.url, 10);
    const url = (config as { url: string }).url;
    results.push(await benchTarget('PostgreSQL', config, `PostgreSQL ${version}, ${target.source}`, text, (rows) => copyIntoPostgres(url, rows)));
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-logs-'));
  onCleanup('PGlite data dir', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  results.push(
    await benchTarget('PGlite', { kind: 'pglite', dataDir }, 'PGlite (embedded, a data directory on this disk)', text, (rows) => copyIntoPglite(dataDir, rows)),
  );

  const rendered = section(results, skipped, started);
  console.log(`\n${rendered}`);
  if (record) {
    recordSection(docsFile, rendered, HEADING);
    log(`recorded in ${path.relative(root, docsFile)}`);
  }
}

try {
  await main();
} catch (error) {
  console.error('\n[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
