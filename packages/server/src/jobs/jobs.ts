import { PgBoss, type Job } from 'pg-boss';
import type { BaseLogger } from 'pino';
import type { Database, Tx } from '../db/connect.js';
import { bossDatabase, transactionDatabase } from './database.js';
import { queueOptions, type QueueDefinition } from './queues.js';
import { JOB_SCHEMA } from './schema.js';
import { drainQueues } from './drain.js';

interface EnqueueOptions {
  /** What it means depends on the queue's policy (see QueueDefinition.policy). */
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
}

type JobHandler<T> = (data: T) => Promise<void>;

export interface Jobs {
  /** Enqueue inside the caller's drizzle transaction, so the job exists iff the transaction commits. */
  enqueue(tx: Tx, queue: string, data: object, options?: EnqueueOptions): Promise<void>;
  /** Enqueue many jobs of one queue in one insert, inside the caller's transaction (the queue's retry settings apply). */
  enqueueMany(tx: Tx, queue: string, data: readonly object[]): Promise<void>;
  /** Register the handler of a queue (at start-up, by the feature that owns the queue). A handler that throws is retried. */
  work<T>(queue: string, handler: JobHandler<T>): void;
  /** A recurring job by cron expression, in Asia/Tokyo time, kept once in the database however many app servers declare it. */
  schedule(queue: string, cron: string, data?: object): void;
  /** Begins polling for jobs and firing schedules (serve calls it; tests use drain instead). */
  start(): Promise<void>;
  /** Stops polling, lets running jobs finish for a few seconds, and releases nothing it does not own (the database stays open). */
  stop(): Promise<void>;
  /** Runs every job due now in these queues (default: every queue with a handler), retries included, and resolves with how many attempts ran. */
  drain(queues?: string[]): Promise<number>;
}

export interface JobsOptions {
  queues: QueueDefinition[];
  log: BaseLogger;
  /** Tests shorten these to see a schedule fire within seconds; the defaults suit reminders. */
  intervals?: { pollSeconds?: number; cronSeconds?: number };
}

/** Every schedule is read in the time zone of the clinics that use Mamori. */
const SCHEDULE_TIME_ZONE = 'Asia/Tokyo';
/** How long stop() waits for running jobs before failing them (they are retried later). */
const STOP_GRACE_MS = 10_000;

/**
 * Opens the job scheduler on the app's database. Its queues are created here, before any request,
 * because pg-boss sends only to existing queues and its queue cache must be warm: on PGlite a cache
 * miss inside a request's transaction would wait for that same transaction.
 */
export async function openJobs(database: Database, options: JobsOptions): Promise<Jobs> {
  const { log } = options;
  const db = bossDatabase(database);
  const base = { db, backend: database.kind, schema: JOB_SCHEMA } as const;
  const definitions = new Map(options.queues.map((q) => [q.name, q]));

  // Sends, fetches and settles; no timers of its own beyond pg-boss's queue cache, so API tests that never start() stay quiet.
  const client = new PgBoss({ ...base, migrate: false, supervise: false, schedule: false });
  client.on('error', (error) => log.error({ err: error }, 'job scheduler error'));
  // Queues first: start() fills pg-boss's queue cache, and createQueue/updateQueue evict their entry from it.
  await ensureQueues(client, options.queues);
  await client.start();
  const handlers = new Map<string, JobHandler<unknown>>();
  const schedules = new Map<string, { cron: string; data: object | null }>();
  let runner: PgBoss | undefined;

  const declared = (queue: string) => {
    if (!definitions.has(queue)) throw new Error(`job queue "${queue}" is not declared (add it to the queues passed to openJobs)`);
  };

  // Logs a failure with what an operator needs, then rethrows so pg-boss records it and schedules the retry.
  const run = async (queue: string, job: Job<unknown>) => {
    const handler = handlers.get(queue)!;
    try {
      await handler(job.data);
    } catch (error) {
      log.warn({ err: error, queue, jobId: job.id, retryCount: job.retryCount }, `job failed: ${queue}`);
      throw error;
    }
  };

  return {
    async enqueue(tx, queue, data, enqueueOptions = {}) {
      declared(queue);
      await client.send(queue, data, { ...enqueueOptions, db: transactionDatabase(tx) });
    },

    async enqueueMany(tx, queue, data) {
      declared(queue);
      if (data.length === 0) return;
      await client.insert(
        queue,
        data.map((d) => ({ data: d })),
        { db: transactionDatabase(tx) },
      );
    },

    work(queue, handler) {
      declared(queue);
      if (handlers.has(queue)) throw new Error(`job queue "${queue}" already has a handler`);
      if (runner) throw new Error('register job handlers before jobs.start()');
      handlers.set(queue, handler as JobHandler<unknown>);
    },

    schedule(queue, cron, data) {
      declared(queue);
      if (runner) throw new Error('declare schedules before jobs.start()');
      schedules.set(queue, { cron, data: data ?? null });
    },

    async start() {
      if (runner) return;
      // Supervises (expiry, retention) and fires schedules; pg-boss elects one instance per pass through advisory locks.
      // migrate: true is a no-op check at the current version, and runs any background index builds a pg-boss upgrade left.
      const cronSeconds = options.intervals?.cronSeconds;
      runner = new PgBoss({
        ...base,
        migrate: true,
        supervise: true,
        schedule: true,
        ...(cronSeconds ? { cronMonitorIntervalSeconds: cronSeconds, cronWorkerIntervalSeconds: cronSeconds } : {}),
      });
      runner.on('error', (error) => log.error({ err: error }, 'job scheduler error'));
      runner.on('warning', (warning) => log.warn({ warning }, 'job scheduler warning'));
      await runner.start();
      for (const queue of handlers.keys()) {
        await runner.work(queue, { batchSize: 1, pollingIntervalSeconds: options.intervals?.pollSeconds ?? 2 }, async ([job]) => run(queue, job!));
      }
      await syncSchedules(runner, schedules);
    },

    async stop() {
      const stopping = runner;
      runner = undefined;
      await stopping?.stop({ graceful: true, timeout: STOP_GRACE_MS, close: false });
      await client.stop({ graceful: false, close: false });
    },

    drain(queues = [...handlers.keys()]) {
      for (const queue of queues) {
        declared(queue);
        if (!handlers.has(queue)) throw new Error(`job queue "${queue}" has no handler to drain it with`);
      }
      return drainQueues(client, queues, run);
    },
  };
}

/** Creates missing queues and brings existing ones to the retry settings in code. */
async function ensureQueues(boss: PgBoss, definitions: QueueDefinition[]): Promise<void> {
  const existing = new Map((await boss.getQueues(definitions.map((d) => d.name))).map((q) => [q.name, q]));
  for (const definition of definitions) {
    const { policy, ...options } = queueOptions(definition);
    const queue = existing.get(definition.name);
    if (!queue) await boss.createQueue(definition.name, { ...options, policy });
    else if (queue.policy !== policy) throw new Error(`job queue "${definition.name}" has policy ${queue.policy} in the database, ${policy} in code`);
    else if (Object.entries(options).some(([key, value]) => queue[key as keyof typeof queue] !== value)) await boss.updateQueue(definition.name, options);
  }
}

/** The declared schedules are the whole truth: one a schedule no longer declares is removed. */
async function syncSchedules(boss: PgBoss, schedules: Map<string, { cron: string; data: object | null }>): Promise<void> {
  for (const [queue, { cron, data }] of schedules) {
    // missed: 'once' — a clinic PC switched off at the due time still sends the reminder when it comes back.
    await boss.schedule(queue, cron, data, { tz: SCHEDULE_TIME_ZONE, missed: 'once' });
  }
  for (const existing of await boss.getSchedules()) {
    if (!schedules.has(existing.name)) await boss.unschedule(existing.name, existing.key);
  }
}
