// `node --import tsx packages/server/bench/heavy-work.ts [--duration S] [--no-record]` — issue 12's figure:
// /health latency while four clients keep asking for the 200-entry contact chart PDF (about 2 s of CPU
// each), with rendering on the request thread (MAMORI_WORKER_THREADS=0, as before the worker pool) and on
// the worker pool (the default). Each server is started the way `npx mamori serve` starts it, on a fresh
// PGlite data dir, one at a time; autocannon measures /health from here. Recorded in docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cleanupAll, cleanUpOnSignals, freePort, onCleanup, startServer, waitForHttp } from './processes.js';
import { recordSection } from './report.js';
import { seedAdminWithCli, seedSuffix } from './seed.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const serverDir = path.join(root, 'packages/server');
const cliMain = path.join(serverDir, 'src/cli/main.ts');
const bin = path.join(serverDir, 'bin/mamori.js');
const docsFile = path.join(root, 'docs/benchmarks.md');
const HEADING = '## Issue 12 — /health under concurrent PDF load (worker pool)';
const PDF_CLIENTS = 4;

const { values: opts } = parseArgs({ options: { duration: { type: 'string', default: '20' }, 'no-record': { type: 'boolean', default: false } } });
const duration = Number(opts.duration);
if (!Number.isInteger(duration) || duration < 5) throw new Error('--duration must be a whole number of seconds, at least 5');

cleanUpOnSignals('servers');
const log = (message: string) => console.log(`[bench heavy-work] ${message}`);

interface Figures {
  mode: string;
  threads: string;
  p50: number;
  p99: number;
  max: number;
  healthRequests: number;
  pdfs: number;
  pdfSeconds: number;
}

async function api<T>(base: string, token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The largest chart the schema allows: 200 entries, each called by one of the eight before it. */
function bigChart() {
  const kinds = ['director', 'security_manager', 'it', 'department', 'vendor', 'police'] as const;
  const entries = Array.from({ length: 200 }, (_, i) => ({
    key: `k${i}`,
    kind: kinds[i % kinds.length]!,
    name: `連絡先${i} 山田 太郎`,
    organization: `医療法人さくら会 部署${i}`,
    phone: '03-0000-0000',
    hours: '平日 9:00〜17:00',
  }));
  const edges = entries.slice(1).map((_, i) => ({ from: `k${Math.max(0, i - (i % 8))}`, to: `k${i + 1}`, order: 1 + (i % 8) }));
  return { entries, edges, note: '', baseVersion: null };
}

async function measure(mode: string, threads: string | null): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-heavy-'));
  onCleanup(`data dir ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: String(port),
    MAMORI_DATA_DIR: dataDir,
    ...(threads === null ? {} : { MAMORI_WORKER_THREADS: threads }),
  };
  delete env.DATABASE_URL;
  const token = await seedAdminWithCli(cliMain, env, root, seedSuffix());
  const server = startServer(`mamori (${mode})`, process.execPath, [bin, 'serve'], { env, cwd: root });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(mode, server, `${base}/api/v1/health`);
  const organization = await api<{ id: string }>(base, token, 'POST', '/organizations', { name: 'ベンチ医療法人' });
  const facility = await api<{ id: string }>(base, token, 'POST', `/organizations/${organization.id}/facilities`, {
    name: 'ベンチ病院',
    kind: 'hospital',
    prefecture: '13',
    bedCount: 200,
  });
  await api(base, token, 'PUT', `/facilities/${facility.id}/contact-chart`, bigChart());
  const pdfUrl = `${base}/api/v1/facilities/${facility.id}/contact-chart/export.pdf`;
  const pdf = async () => {
    const response = await fetch(pdfUrl, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok || bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`the chart PDF failed: ${response.status}`);
  };
  log(`${mode}: warm-up (font, worker start)`);
  await pdf();

  log(`${mode}: ${PDF_CLIENTS} clients asking for the PDF, /health measured for ${duration} s`);
  let stop = false;
  let pdfs = 0;
  let pdfMs = 0;
  const clients = Array.from({ length: PDF_CLIENTS }, async () => {
    while (!stop) {
      const started = performance.now();
      await pdf();
      pdfMs += performance.now() - started;
      pdfs++;
    }
  });
  // One connection: each /health waits for the previous one, as a load balancer's probe would. A long
  // timeout, so a stalled answer is measured rather than dropped.
  const health = await autocannon({ url: `${base}/api/v1/health`, connections: 1, duration, timeout: 120 });
  stop = true;
  await Promise.all(clients);
  await server.stop();
  if (health.errors || health.non2xx) throw new Error(`${mode}: /health failed ${health.errors + health.non2xx} times`);
  return {
    mode,
    threads: threads ?? 'default',
    p50: health.latency.p50,
    p99: health.latency.p99,
    max: health.latency.max,
    healthRequests: health.requests.total,
    pdfs,
    pdfSeconds: pdfs ? pdfMs / pdfs / 1000 : 0,
  };
}

try {
  const before = await measure('request thread (before)', '0');
  const after = await measure('worker pool (after)', null);
  const ratio = before.p99 / Math.max(after.p99, 1);
  const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const rows = [before, after].map(
    (f) => `| ${f.mode} | ${f.threads} | ${fmt(f.p50)} | ${fmt(f.p99)} | ${fmt(f.max)} | ${fmt(f.healthRequests)} | ${f.pdfs} | ${fmt(f.pdfSeconds, 1)} |`,
  );
  const table = [
    '| rendering on | MAMORI_WORKER_THREADS | /health p50 (ms) | /health p99 (ms) | max (ms) | /health answered | PDFs done | s per PDF |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ];
  console.log(table.join('\n'));
  console.log(`/health p99 before / after: ${fmt(ratio, 1)}×`);
  if (!opts['no-record']) {
    const section = [
      HEADING,
      '',
      `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${os.availableParallelism()} cores · ${os.cpus()[0]?.model ?? ''} · Node ${process.version}. Load average at start: ${os.loadavg()[0]!.toFixed(2)}.`,
      '',
      `**Method.** \`node --import tsx packages/server/bench/heavy-work.ts\` (part of \`npm run bench\`). Each server is started as \`npx mamori serve\` starts it (bin/mamori.js), on a fresh PGlite data dir, with a 200-entry contact chart; after one warm-up PDF, ${PDF_CLIENTS} clients keep requesting its PDF while autocannon sends /health over one connection for ${duration} s. "Before" renders on the request thread (\`MAMORI_WORKER_THREADS=0\`), "after" on the worker pool with its default size.`,
      '',
      ...table,
      '',
      `**/health p99, before ÷ after: ${fmt(ratio, 1)}×.**`,
      '',
      'Notes: on a machine shared with other work (see the load average) absolute times are high; the ratio is the figure.',
      'With one worker thread (the default on 2 cores) the PDFs themselves finish somewhat slower than on the request thread,',
      'which is the price of /health and every other request staying responsive; `MAMORI_WORKER_THREADS` trades the two on bigger machines.',
      '',
    ].join('\n');
    fs.mkdirSync(path.dirname(docsFile), { recursive: true });
    recordSection(docsFile, section, HEADING);
    console.log(`recorded in ${docsFile}`);
  }
} finally {
  await cleanupAll();
}
