// `npm run bench:load` — issue 12's load test: MAMORI_LOAD_USERS simulated people (200) working for
// MAMORI_LOAD_MINUTES (10) against one `mamori serve` on PostgreSQL, over HTTP as the web app does. Each
// person, in a loop: signs in (session cookie + CSRF token), opens the dashboard (the requests the
// dashboard page makes, in parallel), answers a checklist item (with the version it read; a 409 means
// someone else saved first: read again and save again, up to 3 attempts), uploads an evidence file, imports a small
// asset ledger CSV, and signs out — with a think time between steps (MAMORI_LOAD_THINK_MS, 3000 ± 50%).
// Reported: per step the count, errors, p50/p99; the server's RSS every 30 s (flat or not).
//
// Every person signs in from an address of its own (X-Forwarded-For, with MAMORI_TRUST_PROXY=loopback on
// the server, as behind a proxy on the same machine): the per-address sign-in limit is left as it is.
// PostgreSQL: DATABASE_URL (a fresh database is created on it and dropped) or a throwaway server.
// Options: --no-record, --record-to FILE (default docs/benchmarks.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { cleanupAll, cleanUpOnSignals, freePort, startServer, waitForHttp, type Server } from './processes.js';
import { freshPostgres, postgresUrl } from './postgres.js';
import { recordSection } from './report.js';
import { seedAdminWithCli } from './seed.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cliMain = path.join(root, 'packages/server/src/cli/main.ts');
const HEADING = '## Issue 12 — 200 people working at once on PostgreSQL';

const { values: opts } = parseArgs({ options: { 'no-record': { type: 'boolean', default: false }, 'record-to': { type: 'string' } } });
const recordFile = opts['record-to'] ? path.resolve(opts['record-to']) : path.join(root, 'docs/benchmarks.md');

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}
const USERS = Math.round(positive('MAMORI_LOAD_USERS', 200));
const MINUTES = positive('MAMORI_LOAD_MINUTES', 10);
const THINK_MS = positive('MAMORI_LOAD_THINK_MS', 3000);
const SAMPLE_MS = 30_000;
/** People per clinic: they share the clinic's checklist (so saves can collide) and its ledger. */
const PER_FACILITY = 5;
const FACILITIES_PER_ORG = 10;
const PASSWORD = 'load-test-password-0123';

cleanUpOnSignals('the server and PostgreSQL');
const log = (message: string) => console.log(`[load] ${message}`);

// ---------------------------------------------------------------- HTTP as the web app speaks it

interface Session {
  cookie: string;
  csrf: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Call {
  token?: string;
  session?: Session;
  ip?: string;
  json?: unknown;
  form?: FormData;
}

async function call<T = any>(base: string, method: string, url: string, c: Call = {}): Promise<{ body: T; response: Response }> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'ja' };
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  if (c.session) headers.cookie = c.session.cookie;
  if (c.session && method !== 'GET') headers['x-csrf-token'] = c.session.csrf;
  if (c.ip) headers['x-forwarded-for'] = c.ip;
  if (c.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/api/v1${url}`, {
    method,
    headers,
    body: c.json !== undefined ? JSON.stringify(c.json) : c.form,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (!response.ok) throw new HttpError(response.status, `${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')} → ${response.status} ${text.slice(0, 200)}`);
  return { body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T, response };
}

const sessionOf = (response: Response, csrf: string): Session => ({
  cookie: response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; '),
  csrf,
});

// ---------------------------------------------------------------- the world: organizations, clinics, people

interface Person {
  email: string;
  ip: string;
  facilityId: string;
  assessmentId: string;
}

async function inParallel<T>(items: T[], width: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await run(items[i]!, i);
      }
    }),
  );
}

async function seed(base: string, adminToken: string, suffix: string): Promise<Person[]> {
  const facilities: { id: string; organizationId: string; assessmentId: string }[] = [];
  const facilityCount = Math.ceil(USERS / PER_FACILITY);
  const fiscalYear = fiscalYearOf(todayInTokyo());
  let organizationId = '';
  for (let f = 0; f < facilityCount; f++) {
    if (f % FACILITIES_PER_ORG === 0) {
      const { body } = await call(base, 'POST', '/organizations', {
        token: adminToken,
        json: { name: `負荷試験医療法人 ${suffix}-${f / FACILITIES_PER_ORG + 1}` },
      });
      organizationId = body.id;
    }
    const { body: facility } = await call(base, 'POST', `/organizations/${organizationId}/facilities`, {
      token: adminToken,
      json: { name: `負荷試験診療所 ${String(f + 1).padStart(3, '0')}`, kind: 'clinic', prefecture: '13', healthCenter: '新宿区保健所', bedCount: null },
    });
    const { body: assessment } = await call(base, 'POST', `/facilities/${facility.id}/assessments`, {
      token: adminToken,
      json: { fiscalYear, hasVendorContract: false },
    });
    facilities.push({ id: facility.id, organizationId, assessmentId: assessment.id });
  }
  const people: Person[] = Array.from({ length: USERS }, (_, i) => {
    const facility = facilities[Math.floor(i / PER_FACILITY)]!;
    return {
      email: `load-${suffix}-${i}@example.test`,
      ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      facilityId: facility.id,
      assessmentId: facility.assessmentId,
    };
  });
  // Accepting hashes the password (argon2): a few at a time.
  await inParallel(people, 4, async (person, i) => {
    const facility = facilities[Math.floor(i / PER_FACILITY)]!;
    const { body: invitation } = await call(base, 'POST', `/organizations/${facility.organizationId}/invitations`, {
      token: adminToken,
      json: { email: person.email, facilityRoles: [{ facilityId: facility.id, role: 'operator' }] },
    });
    await call(base, 'POST', `/invitations/by-token/${invitation.token}/accept`, { ip: person.ip, json: { name: `負荷 ${i}`, password: PASSWORD } });
  });
  return people;
}

// ---------------------------------------------------------------- what each person does

const STEPS = ['sign-in', 'dashboard', 'answer', 'upload', 'import', 'sign-out'] as const;
type Step = (typeof STEPS)[number];

interface StepFigures {
  times: number[];
  errors: number;
  messages: Map<string, number>;
  /** Saves and imports refused with 409 (someone else saved first) and sent again after reading: the protocol working. */
  conflicts: number;
}
const figures = new Map<Step, StepFigures>(STEPS.map((s) => [s, { times: [], errors: 0, messages: new Map(), conflicts: 0 }]));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const think = () => sleep(THINK_MS * (0.5 + Math.random()));

let itemIds: string[] = [];

function ledgerCsv(): Buffer {
  const rows = ['管理番号,コンピュータ名,設置場所,OS,最終パッチ適用日'];
  for (let i = 1; i <= 10; i++)
    rows.push(`PC-${i},受付PC${i},${i % 2 ? '受付' : '診察室'},Windows 11,2025/${1 + (i % 12)}/${1 + Math.floor(Math.random() * 28)}`);
  return Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf8');
}

/** A 409 is the conflict protocol at work: read again (the caller's attempt > 0) and send again, up to 3 times. */
async function withRetries(name: Step, send: (attempt: number) => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(attempt);
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 409) || attempt === 2) throw error;
      figures.get(name)!.conflicts++;
      await sleep(Math.random() * 500);
    }
  }
}

async function step<T>(name: Step, run: () => Promise<T>): Promise<T | undefined> {
  const f = figures.get(name)!;
  const started = performance.now();
  try {
    const value = await run();
    f.times.push(performance.now() - started);
    return value;
  } catch (error) {
    f.errors++;
    const message = error instanceof Error ? error.message : String(error);
    f.messages.set(message, (f.messages.get(message) ?? 0) + 1);
    return undefined;
  }
}

async function personLoop(base: string, person: Person, until: number): Promise<void> {
  await sleep(Math.random() * THINK_MS * 2); // people do not all start in the same millisecond
  while (Date.now() < until) {
    const session = await step('sign-in', async () => {
      const { body, response } = await call(base, 'POST', '/auth/login', { ip: person.ip, json: { email: person.email, password: PASSWORD } });
      return sessionOf(response, body.csrfToken);
    });
    if (!session) {
      await think();
      continue;
    }
    const as = { session, ip: person.ip };
    await think();
    const detail = await step('dashboard', async () => {
      // The members card is only for those who may read members (an operator may not): the SPA skips it too.
      const [, , , , assessment] = await Promise.all([
        call(base, 'GET', '/auth/session', as),
        call(base, 'GET', '/facilities', as),
        call(base, 'GET', `/facilities/${person.facilityId}`, as),
        call(base, 'GET', `/facilities/${person.facilityId}/assessments`, as),
        call(base, 'GET', `/assessments/${person.assessmentId}`, as),
      ]);
      await call(base, 'GET', `/editions/${assessment.body.assessment.edition}/${assessment.body.assessment.form}`, as);
      return assessment.body;
    });
    await think();
    const itemId = itemIds[Math.floor(Math.random() * itemIds.length)]!;
    const url = `/assessments/${person.assessmentId}/items/${encodeURIComponent(itemId)}/rounds/1`;
    const answer = (version: number | null) =>
      call(base, 'PUT', url, { ...as, json: { value: Math.random() < 0.8 ? 'yes' : 'no', date: todayInTokyo(), targetDate: null, note: '負荷試験', version } });
    const versionIn = (d: any) => (d?.answers?.[itemId]?.[0]?.version as number | undefined) ?? null;
    await step('answer', () =>
      withRetries('answer', async (attempt) => {
        const read = attempt === 0 ? detail : (await call(base, 'GET', `/assessments/${person.assessmentId}`, as)).body;
        await answer(versionIn(read));
      }),
    );
    await think();
    await step('upload', async () => {
      const form = new FormData();
      form.append('file', new Blob([`負荷試験の証跡 ${person.email} ${randomBytes(8).toString('hex')}\n`], { type: 'text/plain' }), '証跡.txt');
      await call(base, 'POST', `/assessments/${person.assessmentId}/items/${encodeURIComponent(itemId)}/evidence`, { ...as, form });
    });
    await think();
    await step('import', async () => {
      const send = async () => {
        const form = new FormData();
        form.append('commit', 'true');
        form.append('file', new Blob([ledgerCsv()], { type: 'text/csv' }), '機器台帳.csv');
        const { body } = await call(base, 'POST', `/facilities/${person.facilityId}/ledgers/assets/import`, { ...as, form });
        if (body.errors?.length) throw new Error(`import refused the file: ${JSON.stringify(body.errors[0])}`);
      };
      // A 409: a colleague's import landed while this one ran; the screen asks to preview and import again.
      await withRetries('import', send);
    });
    await think();
    await step('sign-out', () => call(base, 'POST', '/auth/logout', as));
    await think();
  }
}

// ---------------------------------------------------------------- the server's memory

function rssMiB(pid: number): number | null {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- report

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function memoryVerdict(samples: { minute: number; rss: number }[]): { text: string; flat: boolean } {
  if (samples.length < 4) return { text: 'too few samples to tell', flat: false };
  // The first samples include start-up and warm-up (JIT, pools, caches): judge the second half against the first.
  const half = Math.floor(samples.length / 2);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = median(samples.slice(1, half + 1).map((s) => s.rss));
  const last = median(samples.slice(half).map((s) => s.rss));
  const growth = (last - first) / first;
  const flat = growth < 0.1;
  return {
    text: `median ${fmt(first)} MiB in the first half, ${fmt(last)} MiB in the second (${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}%): ${flat ? 'flat' : 'growing'}`,
    flat,
  };
}

async function main(): Promise<void> {
  const started = new Date();
  const target = await postgresUrl();
  if ('skipped' in target) throw new Error(`PostgreSQL is needed: ${target.skipped}`);
  const { config, version } = await freshPostgres(target.url, 10);
  if (config.kind !== 'postgres') throw new Error('unreachable');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['MAMORI_DATA_DIR', 'MAMORI_PUBLIC_URL', 'LOG_LEVEL']) delete env[key];
  Object.assign(env, {
    DATABASE_URL: config.url,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'error',
    MAMORI_SECRET_KEY: randomBytes(32).toString('base64'),
    // As behind a reverse proxy on this machine: each person's address comes from X-Forwarded-For.
    MAMORI_TRUST_PROXY: 'loopback',
  });
  const suffix = randomBytes(3).toString('hex');
  log(`PostgreSQL ${version}; ${USERS} people, ${MINUTES} min, think time ${THINK_MS} ms ± 50%`);
  const adminToken = await seedAdminWithCli(cliMain, env, root, suffix);
  // As `npx mamori serve` starts it (bin/mamori.js): the worker threads that read imports load TypeScript the same way.
  const server: Server = startServer('Mamori', process.execPath, [path.join(root, 'packages/server/bin/mamori.js'), 'serve'], { env, cwd: root });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp('Mamori', server, `${base}/api/v1/health`);
  log(`seeding ${Math.ceil(USERS / PER_FACILITY)} clinics and ${USERS} people through the API`);
  const people = await seed(base, adminToken, suffix);
  {
    const { body } = await call(base, 'GET', `/assessments/${people[0]!.assessmentId}`, { token: adminToken });
    itemIds = (body.evaluation.institution.items as { id: string }[]).map((i) => i.id).filter((id) => id !== 'gate');
    if (!itemIds.length) throw new Error('the checklist has no items to answer');
  }

  const pid = server.child.pid!;
  const samples: { minute: number; rss: number }[] = [];
  const t0 = Date.now();
  const sample = () => {
    const rss = rssMiB(pid);
    if (rss !== null) samples.push({ minute: (Date.now() - t0) / 60_000, rss });
  };
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  const progress = setInterval(() => {
    const done = [...figures.values()].reduce((a, f) => a + f.times.length, 0);
    const errors = [...figures.values()].reduce((a, f) => a + f.errors, 0);
    log(`${fmt((Date.now() - t0) / 60_000, 1)} min: ${done} steps done, ${errors} errors, RSS ${fmt(samples.at(-1)?.rss ?? 0)} MiB`);
  }, 60_000);
  log(`running for ${MINUTES} min`);
  const until = t0 + MINUTES * 60_000;
  await Promise.all(people.map((person) => personLoop(base, person, until)));
  clearInterval(sampler);
  clearInterval(progress);
  sample();
  const ranFor = (Date.now() - t0) / 1000;
  if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`the server died:\n${server.output()}`);
  await server.stop();

  const table = ['| step | done | errors | 409 → sent again | p50 (ms) | p99 (ms) | max (ms) |', '|---|---:|---:|---:|---:|---:|---:|'];
  let totalErrors = 0;
  for (const name of STEPS) {
    const f = figures.get(name)!;
    const sorted = [...f.times].sort((a, b) => a - b);
    totalErrors += f.errors;
    table.push(
      `| ${name} | ${fmt(f.times.length)} | ${f.errors} | ${name === 'answer' || name === 'import' ? fmt(f.conflicts) : '—'} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 99))} | ${fmt(sorted.at(-1) ?? NaN)} |`,
    );
  }
  const memory = memoryVerdict(samples);
  const rssLine = samples.map((s) => `${fmt(s.minute, 1)} min ${fmt(s.rss)}`).join(' · ');
  const errorLines = STEPS.flatMap((name) => [...figures.get(name)!.messages].map(([m, n]) => `${name}: ${n} × ${m}`));
  const steps = [...figures.values()].reduce((a, f) => a + f.times.length, 0);

  console.log('');
  console.log(table.join('\n'));
  console.log(`\nserver RSS (MiB) every ${SAMPLE_MS / 1000} s: ${rssLine}`);
  console.log(`memory: ${memory.text}`);
  if (errorLines.length) console.log(`errors:\n  ${errorLines.slice(0, 20).join('\n  ')}`);

  if (opts['no-record']) return;
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const section = [
    HEADING,
    '',
    `Last run: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${os.availableParallelism()} cores · ${cpu} · Node ${process.version}. Load average at start: ${fmt(os.loadavg()[0] ?? 0, 2)}.`,
    '',
    `**Method.** \`npm run bench:load\` (\`packages/server/bench/load.ts\`): one \`mamori serve\` on PostgreSQL ${version} (${target.source}; pool size 10, \`LOG_LEVEL=error\`), driven over HTTP from one process for ${fmt(ranFor / 60, 1)} min by ${USERS} simulated people — ${PER_FACILITY} per clinic (role operator), ${Math.ceil(USERS / PER_FACILITY)} clinics in ${Math.ceil(USERS / PER_FACILITY / FACILITIES_PER_ORG)} organizations, all created through the API. Each person loops: sign in with e-mail and password (session cookie + CSRF token, as the SPA), open the dashboard (session, facility list, facility, checklists and the checklist's detail in parallel, then its form: 6 requests, as the SPA's dashboard for an operator), answer a random item of the clinic's checklist with the version read (on 409: read again and save again, up to 3 attempts), upload a small text evidence file to it, import a 10-row asset ledger CSV (commit; on 409 — a colleague's import landed meanwhile — import again, up to 3 attempts), sign out; ${fmt(THINK_MS)} ms ± 50% think time after every step. Each person has its own client address (\`X-Forwarded-For\`, server started with \`MAMORI_TRUST_PROXY=loopback\`), so the per-address sign-in limit applies as configured. Step times are wall-clock from the client, all requests of the step included.`,
    '',
    ...table,
    '',
    `${fmt(steps)} steps, ${totalErrors} errors (${totalErrors === 0 ? 'none' : `${fmt((100 * totalErrors) / Math.max(1, steps + totalErrors), 2)}%`}).`,
    '',
    `**Server memory** (RSS, MiB, every ${SAMPLE_MS / 1000} s): ${rssLine}.`,
    '',
    `**Memory over time:** ${memory.text}.`,
    ...(errorLines.length ? ['', '**Errors:**', '', ...errorLines.slice(0, 20).map((l) => `- ${l}`)] : []),
    '',
  ].join('\n');
  recordSection(recordFile, section, HEADING);
  log(`recorded in ${path.relative(root, recordFile)}`);
}

try {
  await main();
} catch (error) {
  console.error('\n[load] failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
