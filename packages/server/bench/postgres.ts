// The PostgreSQL the benchmarks measure on: DATABASE_URL if set, else a throwaway server of this machine's
// PostgreSQL binaries (scripts/pg-throwaway.sh), with a fresh database per run. Everything registers a cleanup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DatabaseConfig } from '../src/db/connect.js';
import { freePort, onCleanup, runCommand } from './processes.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function log(message: string): void {
  console.log(`[bench] ${message}`);
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

export async function postgresUrl(): Promise<{ url: string; source: string } | { skipped: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, source: 'DATABASE_URL (a fresh database created on it and dropped afterwards)' };
  if (!postgresBinDir())
    return { skipped: 'DATABASE_URL is not set and no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)' };
  const port = await freePort();
  // Not under a mkdtemp dir: pg-throwaway.sh hands the dir to the postgres user, who must reach it.
  const dir = path.join(os.tmpdir(), `mamori-bench-pg-${port}-${randomBytes(4).toString('hex')}`);
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
    return {
      url: out.trim().split('\n').pop() ?? '',
      source: 'throwaway server from `scripts/pg-throwaway.sh` (fsync off, synchronous_commit off, shared_buffers 1 GB)',
    };
  } catch (error) {
    return { skipped: `the throwaway PostgreSQL server did not start: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A fresh database on the server for this run (dropped afterwards), and the server's version. */
export async function freshPostgres(serverUrl: string, poolSize: number): Promise<{ config: DatabaseConfig; version: string }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `mamori_bench_${randomBytes(4).toString('hex')}`;
  let version: string;
  try {
    version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version.split(' ')[0] ?? '?';
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  onCleanup(`database ${name}`, async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { config: { kind: 'postgres', url: url.toString(), poolSize }, version };
}
