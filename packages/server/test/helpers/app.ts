import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Keyring } from '../../src/crypto/keyring.js';
import { openKeyring } from '../../src/crypto/open-keyring.js';
import { openDatabase, type Database } from '../../src/db/connect.js';
import { openAppJobs } from '../../src/jobs/app-jobs.js';
import type { Jobs } from '../../src/jobs/jobs.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { freshDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Never started: a test runs what its requests enqueued with jobs.drain(), deterministically. */
  jobs: Jobs;
  mailer: Mailer;
  secrets: Keyring;
  /**
   * Another app server on the same database (PostgreSQL: its own connection pool), closed with this one;
   * `env` changes its configuration (cheaper than a new test app when only the configuration differs).
   */
  secondServer(env?: Record<string, string>): Promise<FastifyInstance>;
  /** The same, with what a background job of that server works with (its database connection and job scheduler). */
  secondServerDeps(env?: Record<string, string>): Promise<SecondServer>;
  close(): Promise<void>;
}

export interface SecondServer {
  app: FastifyInstance;
  database: Database;
  config: Config;
  jobs: Jobs;
}

/** A fresh key per test app, as MAMORI_SECRET_KEY would give (no key file is written). */
export const testSecretKey = () => randomBytes(32).toString('base64');

/** `log`: a logger to capture what the server writes (requests, errors, jobs); silent otherwise. */
export async function startTestApp(env: Record<string, string> = {}, log?: Logger): Promise<TestApp> {
  const { database, url, drop } = await freshDatabase();
  // Checkpoints of a test's audit trail go to a file of its own, never into the working directory.
  const checkpoints = path.join(os.tmpdir(), `mamori-test-checkpoints-${randomBytes(6).toString('hex')}.jsonl`);
  const baseEnv = { LOG_LEVEL: 'silent', MAMORI_SECRET_KEY: testSecretKey(), MAMORI_AUDIT_CHECKPOINT_FILE: checkpoints, ...env };
  const config = loadConfig(baseEnv);
  const secrets = openKeyring(config);
  const { jobs, mailer } = await openAppJobs(config, database, secrets, log);
  const app = await buildApp({ config, database, jobs, mailer, secrets, ...(log ? { log } : {}) });
  await app.ready();
  const others: { app: FastifyInstance; jobs: Jobs; database: Database | null }[] = [];
  const secondServerDeps = async (overrides: Record<string, string> = {}): Promise<SecondServer> => {
    const secondConfig = loadConfig({ ...baseEnv, ...overrides });
    // PGlite is one connection in this process: the second server shares it, as two servers would share PostgreSQL.
    const own = url ? await openDatabase({ kind: 'postgres', url, poolSize: 5 }) : null;
    const other = await openAppJobs(secondConfig, own ?? database, secrets, log);
    const second = await buildApp({
      config: secondConfig,
      database: own ?? database,
      jobs: other.jobs,
      mailer: other.mailer,
      secrets,
      ...(log ? { log } : {}),
    });
    await second.ready();
    others.push({ app: second, jobs: other.jobs, database: own });
    return { app: second, database: own ?? database, config: secondConfig, jobs: other.jobs };
  };
  return {
    app,
    database,
    config,
    jobs,
    mailer,
    secrets,
    async secondServer(overrides = {}) {
      return (await secondServerDeps(overrides)).app;
    },
    secondServerDeps,
    async close() {
      for (const other of others) {
        await other.app.close();
        await other.jobs.stop();
        await other.database?.close();
      }
      await app.close();
      await jobs.stop();
      await drop();
      fs.rmSync(checkpoints, { force: true });
    },
  };
}

/** A signed-in browser: the session cookie plus the CSRF token the web app would send. */
export interface Browser {
  cookie: string;
  csrf: string;
  userId: string;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'mamori_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `mamori_session=${cookie.value}`;
}

export function asBrowser(response: LightMyRequestResponse): Browser {
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: sessionCookieOf(response), csrf: body.csrfToken, userId: body.user.id };
}

export const PASSWORD = 'correct-horse-battery';

export async function setupAdmin(app: FastifyInstance, email = 'admin@example.jp'): Promise<Browser> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { email, password: PASSWORD, name: 'システム管理者' } });
  if (response.statusCode !== 200) throw new Error(response.body);
  return asBrowser(response);
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD, totpCode?: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...(totpCode ? { totpCode } : {}) } });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API as a signed-in browser (cookie + CSRF header). */
export function call(app: FastifyInstance, who: Browser, method: Method, url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Calls the API with a personal API token, as a script would. */
export function callWithToken(app: FastifyInstance, token: string, method: Method, url: string, payload?: unknown) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export async function json<T = any>(responsePromise: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const response = await responsePromise;
  if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return (status === 204 ? undefined : response.json()) as T;
}

/** A multipart/form-data body with one file, as a browser's file input sends it. */
/** A multipart body with text fields first and then the file, as the web app sends it. */
export function multipartFile(fileName: string, contentType: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = `----mamori${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const head = Buffer.from(
    `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(app: FastifyInstance, who: Browser, url: string, file: ReturnType<typeof multipartFile>) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': file.contentType },
    payload: file.payload,
  });
}

/** The smallest valid PDF header: enough for type detection. */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
