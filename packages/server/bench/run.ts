// `npm run bench` — the authenticated GET of the facility list (personal API token):
// - Issue 2: on PGlite and PostgreSQL, as a ratio to a bare Fastify hello route measured in the same run.
// - Issue 14: on PostgreSQL, as a ratio to the same work written plainly (bench/plain-server.ts: Fastify,
//   `pg`, the token looked up by its hash, the same list), in alternating rounds on the same database;
//   and PGlite at 10 connections (ten people of one clinic working at once).
//
// Every server runs in its own child process on 127.0.0.1; autocannon runs here. Only one server is under
// load at a time (Mamori and the plain server both stay up between their alternating rounds, idle in turn).
// Options: --connections N (50) --duration S (10) --warmup S (2) --rounds N (3, plain/Mamori alternations)
// --postgres-only (only the plain/Mamori rounds; records nothing) --no-record (write nothing)
// --record-to FILE (default docs/benchmarks.md)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { cleanupAll, cleanUpOnSignals, freePort, onCleanup, runCommand, startServer, waitForHttp, type Server } from './processes.js';
import { FACILITY_COUNT, seedAdminWithCli, seedOverApi, seedSuffix } from './seed.js';
import { formatRatio, recordSection, renderSection, terminalTable, verdict, type Aim, type Measured } from './report.js';
import { pipelineVerdict, renderPipelineSection, PIPELINE_HEADING, type PipelineAim } from './pipeline-report.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const benchDir = fileURLToPath(new URL('./', import.meta.url));
const serverDir = path.join(root, 'packages/server');
const cliMain = path.join(serverDir, 'src/cli/main.ts');
const docsFile = path.join(root, 'docs/benchmarks.md');

const { values: opts } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    'postgres-only': { type: 'boolean', default: false },
    'no-record': { type: 'boolean', default: false },
    'record-to': { type: 'string' },
  },
});
const rounds = Number(opts.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number ≥ 1');
const recordFile = opts['record-to'] ? path.resolve(opts['record-to']) : docsFile;
const connections = Number(opts.connections);
const duration = Number(opts.duration);
const warmup = Number(opts.warmup);
for (const [name, value] of Object.entries({ connections, duration, warmup })) {
  if (!Number.isInteger(value) || value < (name === 'warmup' ? 0 : 1)) throw new Error(`--${name} must be a whole number`);
}

const aim: Aim = { ratio: 0.3, p99Ms: 25, connections: 50, cores: 2 };
/** Issue 14: against the plain same-work server, and PGlite with ten users of one clinic. */
const pipelineAim: PipelineAim = { ratio: 0.8, p99Factor: 1.5, clinicP99Ms: 50 };
const CLINIC_USERS = 10;
const cores = os.availableParallelism();

cleanUpOnSignals('servers');

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** One key for every server and CLI run of the bench (required with PostgreSQL, where servers share it). */
const secretKey = randomBytes(32).toString('base64');

/** The environment for a child: ours, minus anything that would point it at another server or database. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'MAMORI_DATA_DIR', 'HOST', 'PORT', 'LOG_LEVEL', 'MAMORI_PUBLIC_URL', 'MAMORI_TRUST_PROXY']) delete env[key];
  return { ...env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', MAMORI_SECRET_KEY: secretKey, ...extra };
}

async function measure(target: string, url: string, headers: Record<string, string> = {}, load = connections, warm = warmup): Promise<Measured> {
  if (warm > 0) {
    log(`${target}: warm-up ${warm} s`);
    await autocannon({ url, connections: load, duration: warm, headers });
  }
  log(`${target}: measuring ${duration} s at ${load} connections`);
  const r = await autocannon({ url, connections: load, duration, headers });
  return {
    target,
    requestsPerSecond: r.requests.average,
    totalRequests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
    ratio: null,
  };
}

function assertRunning(label: string, server: Server): void {
  const { exitCode, signalCode } = server.child;
  if (exitCode !== null || signalCode !== null) throw new Error(`${label} died during the measurement (${exitCode ?? signalCode}):\n${server.output()}`);
}

async function benchHello(): Promise<Measured> {
  const port = await freePort();
  const server = startServer('hello server', process.execPath, ['--import', 'tsx', path.join(benchDir, 'hello-server.ts')], {
    env: childEnv({ PORT: String(port) }),
    cwd: root,
  });
  const url = `http://127.0.0.1:${port}/hello`;
  await waitForHttp('hello server', server, url);
  const result = await measure('bare Fastify GET /hello', url);
  assertRunning('hello server', server);
  await server.stop();
  return result;
}

interface Running {
  server: Server;
  base: string;
  /** The organization admin's token (20 facilities). */
  token: string;
}

/** Starts `mamori serve` on the database and seeds it over the API; the caller measures and stops it. */
async function startMamori(target: string, dbEnv: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const env = childEnv({ ...dbEnv, PORT: String(port) });
  const suffix = seedSuffix();
  log(`${target}: seeding system admin + token via the CLI`);
  const adminToken = await seedAdminWithCli(cliMain, env, root, suffix);
  const server = startServer(
    `Mamori (${target})`,
    process.execPath,
    [...profiled('mamori'), '--import', 'tsx', '--import', path.join(benchDir, 'exit-with-parent.ts'), cliMain, 'serve'],
    {
      env,
      cwd: root,
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`Mamori (${target})`, server, `${base}/api/v1/health`);
  log(`${target}: seeding 1 organization, ${FACILITY_COUNT} facilities and an invited organization admin via the API`);
  const seeded = await seedOverApi(base, adminToken, suffix);
  return { server, base, token: seeded.token };
}

const facilityList = (target: string, running: Running, load = connections, warm = warmup) =>
  measure(
    `Mamori ${target} GET /api/v1/facilities${load === connections ? '' : ` (${load} connections)`}`,
    `${running.base}/api/v1/facilities`,
    { authorization: `Bearer ${running.token}` },
    load,
    warm,
  );

/**
 * With MAMORI_BENCH_PROFILE=1, Mamori and the plain server each write a V8 CPU profile when they stop, to
 * <tmp>/mamori-bench-profiles/<which>/ (open in Chrome DevTools): how docs/benchmarks.md's issue 14 breakdown was made.
 */
function profiled(which: 'mamori' | 'plain'): string[] {
  return process.env.MAMORI_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'mamori-bench-profiles', which)}`] : [];
}

/** The plain same-work server on Mamori's database; checks it answers the same list as Mamori. */
async function startPlain(databaseUrl: string, mamori: Running): Promise<{ server: Server; url: string }> {
  const port = await freePort();
  const server = startServer('plain server', process.execPath, [...profiled('plain'), '--import', 'tsx', path.join(benchDir, 'plain-server.ts')], {
    env: childEnv({ PORT: String(port), DATABASE_URL: databaseUrl }),
    cwd: root,
  });
  const url = `http://127.0.0.1:${port}/api/v1/facilities`;
  const headers = { authorization: `Bearer ${mamori.token}` };
  const deadline = Date.now() + 30_000;
  for (;;) {
    assertRunning('plain server', server);
    const plain = await fetch(url, { headers }).then(
      (r) => (r.ok ? r.text() : null),
      () => null,
    );
    if (plain !== null) {
      const ours = await fetch(`${mamori.base}/api/v1/facilities`, { headers }).then((r) => r.text());
      if (plain !== ours) throw new Error(`the plain server answers differently from Mamori:\n${plain.slice(0, 300)}\n${ours.slice(0, 300)}`);
      return { server, url };
    }
    if (Date.now() > deadline) throw new Error(`plain server not ready:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Requests/s summed over rounds (total requests ÷ total time), latencies as the worst round's. */
function combine(target: string, runs: Measured[]): Measured {
  const sum = (f: (m: Measured) => number) => runs.reduce((a, m) => a + f(m), 0);
  return {
    target,
    requestsPerSecond: sum((m) => m.requestsPerSecond) / runs.length,
    totalRequests: sum((m) => m.totalRequests),
    p50: Math.max(...runs.map((m) => m.p50)),
    p99: Math.max(...runs.map((m) => m.p99)),
    errors: sum((m) => m.errors),
    timeouts: sum((m) => m.timeouts),
    non2xx: sum((m) => m.non2xx),
    bytesPerResponse:
      sum((m) => m.bytesPerResponse * m.totalRequests) /
      Math.max(
        1,
        sum((m) => m.totalRequests),
      ),
    ratio: null,
  };
}

function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  const last = versions.at(-1);
  return last ? path.join(base, last, 'bin') : null;
}

/** A PostgreSQL URL to benchmark against, or why there is none. */
async function postgresUrl(): Promise<{ url: string; source: string } | { skipped: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, source: 'DATABASE_URL (seed rows are added to it)' };
  if (!postgresBinDir())
    return { skipped: 'DATABASE_URL is not set and no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)' };
  const port = await freePort();
  // Not under a mkdtemp dir: pg-throwaway.sh hands the dir to the postgres user, who must reach it.
  const dir = path.join(os.tmpdir(), `mamori-bench-pg-${port}-${seedSuffix()}`);
  onCleanup('throwaway PostgreSQL', async () => {
    try {
      if (fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) await runCommand('bash', [path.join(root, 'scripts/pg-stop.sh'), String(port), dir]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  log(`starting a throwaway PostgreSQL on 127.0.0.1:${port}`);
  try {
    const out = await runCommand('bash', [path.join(root, 'scripts/pg-throwaway.sh'), String(port), dir]);
    const url = out.trim().split('\n').pop() ?? '';
    return { url, source: 'throwaway server from `scripts/pg-throwaway.sh` (fsync off, synchronous_commit off, shared_buffers 1 GB)' };
  } catch (error) {
    return { skipped: `the throwaway PostgreSQL server did not start: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version.split(' ')[0] ?? '?';
  } finally {
    await client.end();
  }
}

/** Share of all cores busy over one second before the run (Linux /proc/stat), to flag a machine busy with other work. */
async function backgroundLoad(): Promise<number | null> {
  const sample = () => {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { idle, total: ticks.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = sample();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const b = sample();
    return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
  } catch {
    return null;
  }
}

function gitRevision(): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return `${rev}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

function packageVersion(name: string): string {
  try {
    const file = path.join(root, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const poolSize = process.env.DATABASE_POOL_SIZE || '10';
  log(`${cores} cores, Node ${process.version}; ${connections} connections, ${warmup} s warm-up + ${duration} s per target`);
  const busy = await backgroundLoad();
  const load1 = os.loadavg()[0] ?? 0;
  const busyText = `${busy === null ? '' : `${Math.round(busy * 100)}% CPU busy with other work just before the run, `}load average ${load1.toFixed(2)}`;
  const busyWarning = busy === null ? load1 > cores / 2 : busy > 0.1;
  if (busyWarning) log(`warning: the machine is not idle (${busyText}); figures will be noisy`);

  const postgresOnly = opts['postgres-only'];
  if (postgresOnly) opts['no-record'] = true;
  const skipped = (target: string): Measured => ({
    target: `${target} (skipped)`,
    requestsPerSecond: 0,
    totalRequests: 1,
    p50: 0,
    p99: 0,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    bytesPerResponse: 0,
    ratio: null,
  });
  const hello = postgresOnly ? skipped('bare Fastify GET /hello') : await benchHello();
  const rows: Measured[] = [hello];
  let pgliteClinic = skipped('PGlite');
  if (!postgresOnly) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-pglite-'));
    onCleanup('PGlite data dir', () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const embedded = await startMamori('PGlite', { MAMORI_DATA_DIR: dataDir });
    rows.push(await facilityList('PGlite', embedded));
    // Ten people of one clinic working at once, each sending the next request as soon as the last returned.
    pgliteClinic = await facilityList('PGlite', embedded, CLINIC_USERS);
    assertRunning('Mamori (PGlite)', embedded.server);
    await embedded.server.stop();
  }

  const pgTarget = await postgresUrl();
  let postgres: Measured | undefined;
  let plain: Measured | undefined;
  const roundRows: Measured[] = [];
  let postgresNote: string;
  let postgresSkipped: string | null = null;
  if ('skipped' in pgTarget) {
    postgresSkipped = pgTarget.skipped;
    postgresNote = `PostgreSQL skipped: ${pgTarget.skipped}`;
    log(postgresNote);
  } else {
    const version = await postgresVersion(pgTarget.url);
    postgresNote = `PostgreSQL ${version}, ${pgTarget.source}; on the same machine; pool size ${poolSize} (Mamori and the plain server)`;
    const mamori = await startMamori('PostgreSQL', { DATABASE_URL: pgTarget.url });
    const baseline = await startPlain(pgTarget.url, mamori);
    const headers = { authorization: `Bearer ${mamori.token}` };
    const plainRuns: Measured[] = [];
    const mamoriRuns: Measured[] = [];
    for (let round = 1; round <= rounds; round++) {
      // Alternating, so a neighbour's burst of work on the machine hits both sides alike.
      // The first round warms both servers longer: Mamori has far more code for the JIT to settle.
      const warm = round === 1 ? Math.max(warmup, 5) : warmup;
      const p = await measure(`plain same-work server, round ${round}`, baseline.url, headers, connections, warm);
      const m = await facilityList('PostgreSQL', mamori, connections, warm);
      m.target = `Mamori PostgreSQL, round ${round}`;
      m.ratio = m.requestsPerSecond / p.requestsPerSecond;
      p.ratio = 1;
      plainRuns.push(p);
      mamoriRuns.push(m);
      roundRows.push(p, m);
    }
    assertRunning('plain server', baseline.server);
    assertRunning('Mamori (PostgreSQL)', mamori.server);
    await baseline.server.stop();
    await mamori.server.stop();
    plain = combine('plain same-work server (Fastify + pg) GET /api/v1/facilities', plainRuns);
    postgres = combine('Mamori PostgreSQL GET /api/v1/facilities', mamoriRuns);
    rows.push(postgres);
  }

  for (const row of rows.slice(1)) row.ratio = row.requestsPerSecond / hello.requestsPerSecond;
  hello.ratio = 1;

  const result = verdict(postgres, aim, cores, postgresSkipped);
  const aimText = `ratio ≥ ${aim.ratio} on PostgreSQL, p99 < ${aim.p99Ms} ms at ${aim.connections} connections on ${aim.cores} cores`;
  // Non-2xx means the request itself is wrong (auth, seeding); that run measures nothing useful.
  // Errors/timeouts (a server that can't keep up) are figures in their own right and are recorded.
  const bad = [...rows, ...roundRows, pgliteClinic].filter((r) => r.non2xx > 0 || r.totalRequests === 0);

  console.log('');
  console.log(terminalTable(rows));
  console.log('');
  console.log(`token: an organization admin's personal API token (invited via the API; not a system admin); the list has ${FACILITY_COUNT} facilities`);
  console.log(postgresNote);
  const pglite = rows[1];
  if (pglite) console.log(`PGlite (for information): ratio ${formatRatio(pglite.ratio)}, p99 ${pglite.p99} ms`);
  console.log(`aim (${aimText}): ${result.text}`);
  const pipeline = pipelineVerdict(postgres, plain, pgliteClinic, pipelineAim);
  console.log('');
  console.log(
    terminalTable([
      ...roundRows,
      ...(plain ? [plain] : []),
      ...(postgres ? [{ ...postgres, ratio: plain ? postgres.requestsPerSecond / plain.requestsPerSecond : null }] : []),
      pgliteClinic,
    ]),
  );
  console.log(`issue 14 aim (${pipeline.aimText}): ${pipeline.text}`);

  if (bad.length) {
    console.error(`\nInvalid run — non-2xx responses or no responses for: ${bad.map((r) => r.target).join(', ')}. Not recorded.`);
    process.exitCode = 1;
    return;
  }
  if (opts['no-record']) {
    log('--no-record: nothing recorded');
    return;
  }

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${cores} cores (nproc) · ${cpu} · ${os.type()} ${os.release()} · ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM · Node ${process.version} · commit ${gitRevision()}`;
  const method = [
    `Load: autocannon ${packageVersion('autocannon')} in the benchmark process, ${connections} connections, pipelining 1; per target a ${warmup} s warm-up (discarded), then ${duration} s measured. Requests/s is autocannon's mean of per-second samples; latencies are autocannon's percentiles.`,
    `Servers: each in its own child process on 127.0.0.1, only one under load at a time, so the server and the load generator never share a thread but do share the machine's cores.`,
    `Baseline: bare Fastify ${packageVersion('fastify')} \`GET /hello\` → \`{"hello":"world"}\`, logger off, no plugins (\`packages/server/bench/hello-server.ts\`).`,
    `Mamori: \`mamori serve\` with \`LOG_LEVEL=silent\`. Request: \`GET /api/v1/facilities\` with \`Authorization: Bearer mmr_…\` — the personal API token of an organization admin (invited and accepted through the API, not a system admin) whose organization has ${FACILITY_COUNT} facilities; every response lists all ${FACILITY_COUNT}.`,
    `PGlite: a fresh data dir in a temp directory. ${postgresNote}.`,
  ];
  const notes = [`Bytes/response includes headers (autocannon throughput ÷ requests). Errors are connection errors incl. timeouts (autocannon's 10 s).`];
  notes.push(
    `Machine state at start: ${busyText}.${busyWarning ? ' The machine was not idle, so these figures are noisy; re-run on an idle machine for a clean record.' : ''}`,
  );
  for (const r of rows)
    if (r.errors > 0)
      notes.push(`${r.target}: ${r.errors} connection errors (${r.timeouts} timeouts) — the server did not keep up at ${connections} connections.`);
  if (cores !== aim.cores) notes.push(`The aim is stated for ${aim.cores} cores; this run had ${cores}.`);
  if (connections !== aim.connections) notes.push(`This run used ${connections} connections, not the aim's ${aim.connections}.`);
  const section = renderSection({
    date: `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    machine,
    method,
    rows,
    aimText,
    verdict: result,
    notes,
  });
  recordSection(recordFile, section);
  const pipelineSection = renderPipelineSection({
    date: `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    machine,
    method: [
      `Same load as above (autocannon, ${connections} connections, ${warmup} s warm-up — ${Math.max(warmup, 5)} s in the first round — + ${duration} s per measurement), PostgreSQL only, ${rounds} rounds: the plain server, then Mamori, then again; both stay up on the same database and only one is under load at a time.`,
      `Plain same-work server (\`packages/server/bench/plain-server.ts\`): Fastify ${packageVersion('fastify')} with the logger off and \`pg\` ${packageVersion('pg')}; it hashes the bearer token (SHA-256), looks it up joined to its user in one named statement, lists the facilities the user's memberships make visible in a second one, and returns the same JSON (the bench checks both answers are byte-identical before measuring). No security headers, no schema validation, no holding back of restricted accounts, no token-use stamp, no audit hooks.`,
      `Mamori: \`mamori serve\` as above, with everything it does on every request (token and session lookup with memberships and the account's restrictions, security headers, querystring validation, response schema).`,
      `PGlite, ${CLINIC_USERS} users of one clinic: ${CLINIC_USERS} connections, each sending its next request as soon as the last one is answered (far more than ten people reading screens); ${postgresNote}.`,
    ],
    rounds: roundRows,
    plain,
    postgres,
    pgliteClinic,
    verdict: pipeline,
    notes: [
      `Machine state at start: ${busyText}.${busyWarning ? ' Other work was running on the machine, so absolute figures are noisy; the ratios come from alternating rounds in the same run.' : ''}`,
    ],
  });
  recordSection(recordFile, pipelineSection, PIPELINE_HEADING);
  log(`recorded in ${path.relative(root, recordFile)}`);
}

try {
  await main();
} catch (error) {
  console.error('\n[bench] failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
