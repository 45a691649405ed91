// `node --import tsx packages/server/bench/oversight.ts [--no-record]` — issue 16's figures on PostgreSQL: a
// regional deployment of 250,000 facilities with this year's checklists (MAMORI_BENCH_FACILITIES to change it).
// The world is written with SQL (generate_series) straight into the app's tables: through the API it would take
// hours, and what is measured only reads it. Then, in process, on the real app (buildApp + openAppJobs):
//   1. the nightly rebuild of the dashboard summaries (every facility evaluated as the checklist page does);
//   2. GET /api/v1/oversight as a signed-in system administrator, through fastify.inject: one prefecture, one
//      prefecture's overdue facilities, and the whole country; p95 of 100 requests each (aim < 300 ms);
//   3. the daily reminder scan (`runReminders`, what the 8:00 job and `mamori reminders run` do) on a day when
//      the reminders are new, then the same day again when every one is already sent (aim < 60 s).
// Every figure is checked against the database (summaries, notifications, mail jobs) or the run stops.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { loadConfig } from '../src/config.js';
import { Keyring } from '../src/crypto/keyring.js';
import { openDatabase, type Database } from '../src/db/connect.js';
import { runMigrations } from '../src/db/migrate.js';
import { openAppJobs } from '../src/jobs/app-jobs.js';
import { refreshSummaries } from '../src/oversight/refresh.js';
import { runReminders } from '../src/reminders/run.js';
import { fmt, msText, percentile, secondsText, timed } from './measure.js';
import { freshPostgres, postgresUrl } from './postgres.js';
import { cleanupAll, cleanUpOnSignals } from './processes.js';
import { recordSection } from './report.js';

const HEADING = '## Issue 16 — a regional deployment: dashboard and daily reminder scan';
const FACILITIES = Number(process.env.MAMORI_BENCH_FACILITIES ?? 250_000);
const REQUESTS = 100;
const WARM_UP = 5;
const DASHBOARD_AIM_MS = 300;
const SCAN_AIM_MS = 60_000;
const TOKYO = '13';

const docsFile = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
const record = !process.argv.includes('--no-record');
const catalog = loadCatalog();
const today = todayInTokyo();
const fiscalYear = fiscalYearOf(today);
const edition = catalog.editionForFiscalYear(fiscalYear) ?? fail(`no checklist edition for fiscal year ${fiscalYear}`);

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function fail(message: string): never {
  throw new Error(message);
}

cleanUpOnSignals('PostgreSQL');

/** The items of the year's own forms; the seed answers them by position, so both forms must list the same ones. */
function ownFormItems(): string[] {
  const institution = catalog.facilityForm(edition, 'clinic')!.items.map((i) => i.id);
  const pharmacy = catalog.facilityForm(edition, 'pharmacy')!.items.map((i) => i.id);
  if (institution.join() !== pharmacy.join()) fail(`the ${edition} institution and pharmacy forms list different items: the seed needs one list per form`);
  return institution;
}

/**
 * The world, by facility number i (1…N): its own organization, a manager who receives the reminders, a kind and a
 * prefecture (one in ten in Tokyo, the rest spread over the 47) and one of 40 health centers. Of every 20: 3 have
 * not started this year's form, 7 are half answered, 10 answered every item; one item in 13 is いいえ with a target
 * date from 30 days ago to 44 days ahead. One in three has a vendor contract, half of those a requested form the
 * vendor has not answered; half keep a backup plan (half of those with a restore test of some age); two in five a
 * BCP, three in five a contact chart, one in ten an access log source.
 */
async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (what: string, query: string, params: unknown[] = []) => {
    const { ms, value } = await timed(() => client.query(query, params));
    log(`  ${what}: ${fmt(value.rowCount ?? 0)} rows in ${secondsText(ms)}`);
  };
  try {
    await client.query('BEGIN');
    await step(
      'numbering',
      `CREATE TEMP TABLE seed ON COMMIT DROP AS
         SELECT i, gen_random_uuid() AS org, gen_random_uuid() AS fac, gen_random_uuid() AS usr, gen_random_uuid() AS own,
                gen_random_uuid() AS contract, gen_random_uuid() AS plan
         FROM generate_series(1, $1::int) AS i`,
      [FACILITIES],
    );
    await step('organizations', `INSERT INTO organizations (id, name) SELECT org, '医療法人ベンチ会' || i FROM seed`);
    await step(
      'facilities',
      `INSERT INTO facilities (id, organization_id, name, kind, prefecture, health_center)
       SELECT fac, org, 'ベンチ診療所' || i, (ARRAY['clinic','dental_clinic','hospital','pharmacy'])[i % 4 + 1],
              CASE WHEN i % 10 = 0 THEN '${TOKYO}' ELSE lpad((i % 47 + 1)::text, 2, '0') END, '第' || (i % 40 + 1) || '保健所'
       FROM seed`,
    );
    await step('users', `INSERT INTO users (id, email, name, password_hash) SELECT usr, 'manager' || i || '@bench.example.jp', '管理者' || i, '!' FROM seed`);
    await step('members', `INSERT INTO facility_members (facility_id, organization_id, user_id, role) SELECT fac, org, usr, 'manager' FROM seed`);
    await step(
      'own forms',
      `INSERT INTO assessments (id, organization_id, facility_id, fiscal_year, edition, form, has_vendor_contract)
       SELECT own, org, fac, $1::int, $2, CASE WHEN i % 4 = 3 THEN 'pharmacy' ELSE 'institution' END, i % 3 = 0
       FROM seed WHERE i % 20 >= 3`,
      [fiscalYear, edition],
    );
    await step(
      'answers',
      `INSERT INTO answer_rounds (assessment_id, item_id, round, value, date, target_date)
       SELECT s.own, item.id, 1, CASE WHEN no THEN 'no' ELSE 'yes' END, $2::int || '-06-' || lpad((1 + s.i % 28)::text, 2, '0'),
              CASE WHEN no THEN to_char($3::date + (s.i % 75 - 30), 'YYYY-MM-DD') END
       FROM seed s
       CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS item(id, k)
       CROSS JOIN LATERAL (SELECT (s.i + item.k) % 13 = 0 AND item.id <> 'gate' AS no) AS answer
       WHERE s.i % 20 >= 3 AND (s.i % 20 >= 10 OR (s.i + item.k) % 3 <> 0)`,
      [ownFormItems(), fiscalYear, today],
    );
    await step(
      'vendors',
      `CREATE TEMP TABLE vendor_seed ON COMMIT DROP AS SELECT v, gen_random_uuid() AS id, 'ベンチシステム' || v || '株式会社' AS name FROM generate_series(0, 49) AS v`,
    );
    await step('vendor companies', `INSERT INTO vendors (id, name) SELECT id, name FROM vendor_seed`);
    await step(
      'contracts',
      `INSERT INTO vendor_contracts (id, organization_id, facility_id, vendor_id, title, systems, maintenance_contract, remote_maintenance)
       SELECT s.contract, s.org, s.fac, v.id, '電子カルテ保守', '["電子カルテ"]', true, true
       FROM seed s JOIN vendor_seed v ON v.v = s.i % 50 WHERE s.i % 3 = 0`,
    );
    await step(
      'vendor forms not answered',
      `INSERT INTO assessments (organization_id, facility_id, fiscal_year, edition, form, vendor_name, contract_id, status, invited_email, requested_at)
       SELECT s.org, s.fac, $1::int, $2, 'vendor', v.name, s.contract, 'requested', 'support' || v.v || '@vendor.example.jp', now() - interval '30 days'
       FROM seed s JOIN vendor_seed v ON v.v = s.i % 50 WHERE s.i % 6 = 0`,
      [fiscalYear, edition],
    );
    await step(
      'backup plans',
      `INSERT INTO backup_plans (id, organization_id, facility_id, system, method, generations) SELECT plan, org, fac, '電子カルテ', 'nas', 3 FROM seed WHERE i % 2 = 0`,
    );
    await step(
      'restore tests',
      `INSERT INTO restore_tests (plan_id, tested_on, result, tested_by) SELECT plan, to_char($1::date - i % 500, 'YYYY-MM-DD'), 'success', '事務長' FROM seed WHERE i % 4 = 0`,
      [today],
    );
    await step(
      'BCPs',
      `INSERT INTO bcp_plans (facility_id, organization_id, essentials) SELECT fac, org, '{"decisionMaker":"院長"}' FROM seed WHERE i % 5 < 2`,
    );
    await step(
      'BCP reviews',
      `INSERT INTO bcp_records (organization_id, facility_id, kind, held_on) SELECT org, fac, 'review', to_char($1::date - i % 700, 'YYYY-MM-DD') FROM seed WHERE i % 5 = 0`,
      [today],
    );
    await step(
      'contact charts',
      `INSERT INTO contact_chart_versions (organization_id, facility_id, chart_version, entries, edges)
       SELECT org, fac, 1, '[{"key":"director","name":"院長","kind":"internal"}]', '[]' FROM seed WHERE i % 5 < 3`,
    );
    await step(
      'access log sources',
      `INSERT INTO log_sources (organization_id, facility_id, name, token_hash, head_hash, base_hash) SELECT org, fac, 'UTM', md5(fac::text), '', '' FROM seed WHERE i % 10 = 0`,
    );
    await client.query('COMMIT');
    await step('ANALYZE', 'ANALYZE');
  } finally {
    await client.end();
  }
}

async function countOf(database: Database, query: string): Promise<number> {
  const result = await database.db.execute(sql.raw(query));
  return Number((result as unknown as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
}

interface Dashboard {
  label: string;
  facilities: number;
  p50: number;
  p95: number;
  max: number;
}

async function measureDashboard(app: FastifyInstance, cookie: string, label: string, query: string): Promise<Dashboard> {
  const call = async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/oversight?${query}`, headers: { cookie } });
    if (response.statusCode !== 200) fail(`${label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return response.json() as { matching: number; facilities: unknown[] };
  };
  for (let i = 0; i < WARM_UP; i++) await call();
  const samples: number[] = [];
  let matching = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const { ms, value } = await timed(call);
    samples.push(ms);
    matching = value.matching;
    if (value.facilities.length === 0 && matching > 0) fail(`${label}: an empty page of ${matching} facilities`);
  }
  return { label, facilities: matching, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: Math.max(...samples) };
}

async function main(): Promise<void> {
  const target = await postgresUrl();
  if ('skipped' in target) {
    log(`PostgreSQL skipped: ${target.skipped}`);
    return;
  }
  const { config: databaseConfig, version } = await freshPostgres(target.url, 10);
  const database = await openDatabase(databaseConfig);
  await runMigrations(database);
  const config = loadConfig({ LOG_LEVEL: 'silent', MAMORI_PUBLIC_URL: 'https://mamori.example.jp' });
  const secrets = new Keyring(randomBytes(32));
  const { jobs, mailer } = await openAppJobs(config, database, secrets, pino({ level: 'silent' }));
  const app = await buildApp({ config, database, jobs, mailer, secrets, catalog });
  await app.ready();
  try {
    // The first run's set-up makes the system administrator; it must come before any other user exists.
    const setup = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'admin@example.jp', password: 'bench-password-0123', name: 'システム管理者' },
    });
    const session = setup.cookies.find((c) => c.name === 'mamori_session') ?? fail(`set-up failed: ${setup.statusCode} ${setup.body}`);
    const cookie = `mamori_session=${session.value}`;

    log(`seeding ${fmt(FACILITIES)} facilities on PostgreSQL ${version}`);
    const seeded = await timed(() => seed(databaseConfig.kind === 'postgres' ? databaseConfig.url : fail('PostgreSQL only')));
    const rounds = await countOf(database, 'SELECT count(*) AS n FROM answer_rounds');

    log('rebuilding the dashboard summaries');
    const rebuild = await timed(() => refreshSummaries(database.db, catalog, { rebuild: true, asOf: today }));
    const summaries = await countOf(database, 'SELECT count(*) AS n FROM facility_year_summaries');
    const expectedSummaries = FACILITIES - Math.floor(FACILITIES / 20) * 3 - [1, 2].filter((r) => r <= FACILITIES % 20).length;
    if (summaries !== expectedSummaries) fail(`expected ${expectedSummaries} summaries, found ${summaries}`);

    log('measuring the dashboard');
    const dashboards = [
      await measureDashboard(app, cookie, 'one prefecture (Tokyo), first page', `prefecture=${TOKYO}`),
      await measureDashboard(app, cookie, "one prefecture's overdue facilities", `prefecture=${TOKYO}&filter=overdue`),
      await measureDashboard(app, cookie, 'one health center', `prefecture=${TOKYO}&healthCenter=${encodeURIComponent('第11保健所')}`),
      await measureDashboard(app, cookie, 'the whole country, first page', ''),
      await measureDashboard(app, cookie, 'the whole country, vendors not answering', 'filter=vendors-not-answering'),
    ];
    if (dashboards[3]!.facilities !== FACILITIES) fail(`the country-wide dashboard counted ${dashboards[3]!.facilities} facilities`);

    log('running the daily reminder scan');
    const firstScan = await timed(() => runReminders({ database, config, jobs, secrets, catalog }, { asOf: today }));
    const notifications = await countOf(database, 'SELECT count(*) AS n FROM notifications');
    const mails = await countOf(database, "SELECT count(*) AS n FROM pgboss.job WHERE name = 'mail.send'");
    if (notifications !== firstScan.value.length) fail(`the scan reported ${firstScan.value.length} reminders but made ${notifications}`);
    const immediate = firstScan.value.filter((r) => r.delivery === 'immediate').length;
    if (mails !== immediate) fail(`${immediate} immediate reminders but ${mails} mail jobs`);
    const secondScan = await timed(() => runReminders({ database, config, jobs, secrets, catalog }, { asOf: today }));
    if (secondScan.value.length !== 0) fail(`the same day scanned again made ${secondScan.value.length} more reminders`);
    const byKind = new Map<string, number>();
    for (const r of firstScan.value) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);

    const worstDashboard = Math.max(...dashboards.map((d) => d.p95));
    const machine = `${os.cpus().length} cores · ${os.cpus()[0]?.model.trim() ?? '?'} · Node ${process.version} · PostgreSQL ${version} (${target.source})`;
    const lines = [
      HEADING,
      '',
      `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${machine}. Load average at start: ${fmt(os.loadavg()[0] ?? 0, 2)}.`,
      '',
      `**Method.** \`packages/server/bench/oversight.ts\`. ${fmt(FACILITIES)} facilities written with SQL (${secondsText(seeded.ms)}): each its own organization with a manager, this fiscal year's (${fiscalYear}, edition ${edition}) own form for 85 % of them, ${fmt(rounds)} answers, vendor contracts, unanswered vendor forms, backup plans and restore tests, BCPs, contact charts and log sources in the proportions the file's comment gives. Then, in process on the real app: the nightly rebuild of the dashboard summaries; ${REQUESTS} sequential \`GET /api/v1/oversight\` requests per view as a signed-in system administrator (fastify.inject, after ${WARM_UP} warm-up requests; each catches up with the audit trail first, as in production); the daily reminder scan on ${today}, then again the same day.`,
      '',
      '| figure | result | aim | |',
      '|---|---:|---|---|',
      ...dashboards.map(
        (d) =>
          `| dashboard: ${d.label} (${fmt(d.facilities)} facilities) | p95 ${msText(d.p95)} (median ${msText(d.p50)}, max ${msText(d.max)}) | p95 < ${DASHBOARD_AIM_MS} ms | ${d.p95 < DASHBOARD_AIM_MS ? 'met' : 'missed'} |`,
      ),
      `| reminder scan, new day: ${fmt(firstScan.value.length)} reminders (${[...byKind].map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}), ${fmt(mails)} e-mails queued | ${secondsText(firstScan.ms)} | < 60 s | ${firstScan.ms < SCAN_AIM_MS ? 'met' : 'missed'} |`,
      `| reminder scan, same day again (nothing new) | ${secondsText(secondScan.ms)} | < 60 s | ${secondScan.ms < SCAN_AIM_MS ? 'met' : 'missed'} |`,
      `| nightly rebuild of ${fmt(summaries)} dashboard summaries | ${secondsText(rebuild.ms)} | — | — |`,
      '',
      `Worst dashboard p95: ${msText(worstDashboard)}.`,
      '',
    ];
    const section = lines.join('\n');
    console.log(`\n${section}`);
    if (record) recordSection(docsFile, section, HEADING);
  } finally {
    await app.close();
    await jobs.stop();
    await database.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
