import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Catalog } from '@mamori/domain';
import type { Database } from '../db/connect.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Mailer } from '../mail/mailer.js';
import type { Workers } from '../workers/pool.js';

type TypedApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface AppDeps {
  config: Config;
  database: Database;
  /** Checklist editions, loaded from their data files once at start. */
  catalog: Catalog;
  /** Durable background jobs; enqueue inside the request's transaction. */
  jobs: Jobs;
  /** Sends mail directly; features enqueue mail with enqueueMail instead, so a failing mail server is retried. */
  mailer: Mailer;
  /** PDF, Excel and spreadsheet work off the request thread (worker threads). */
  workers: Workers;
  /** Seals secrets stored at rest (TOTP secrets, queued mail). */
  secrets: Keyring;
  /** The process's logger (requests and jobs share it); by default one at the configured level. */
  log?: Logger;
  /** Serve the built SPA from packages/web/dist (off in API tests). */
  serveWeb?: boolean;
}

export type Routes = (app: TypedApp, deps: AppDeps) => void;
