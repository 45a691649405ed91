import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connect.js';
import { openJobs, type Jobs, type JobsOptions } from '../src/jobs/jobs.js';
import type { QueueDefinition } from '../src/jobs/queues.js';
import { freshDatabase } from './helpers/database.js';

// Retries without delay, so one drain runs every attempt.
const queues: QueueDefinition[] = [
  { name: 'test.echo', retryLimit: 2, retryDelay: 0, retryBackoff: false },
  { name: 'test.flaky', retryLimit: 2, retryDelay: 0, retryBackoff: false },
  { name: 'test.broken', retryLimit: 2, retryDelay: 0, retryBackoff: false },
  { name: 'test.short', policy: 'short' },
  { name: 'test.tick' },
  { name: 'test.daily' },
  { name: 'test.once' },
];
const silent = pino({ level: 'silent' });

let database: Database;
let drop: () => Promise<void>;
const opened: Jobs[] = [];

async function open(extra: Partial<JobsOptions> = {}): Promise<Jobs> {
  const jobs = await openJobs(database, { queues, log: silent, ...extra });
  opened.push(jobs);
  return jobs;
}

async function jobRows(queue: string) {
  const { rows } = await database.withConnection((query) =>
    query('SELECT state, retry_count, data FROM pgboss.job WHERE name = $1 ORDER BY created_on', [queue]),
  );
  return rows as { state: string; retry_count: number; data: unknown }[];
}

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
});

afterAll(async () => {
  for (const jobs of opened) await jobs.stop();
  await drop();
});

describe('durable jobs', () => {
  it('enqueues with the transaction: a rollback leaves no job, a commit runs the handler once', async () => {
    const jobs = await open();
    const seen: unknown[] = [];
    jobs.work<{ n: number }>('test.echo', async (data) => {
      seen.push(data);
    });

    await expect(
      database.db.transaction(async (tx) => {
        await jobs.enqueue(tx, 'test.echo', { n: 1 });
        await tx.execute(sql`SELECT 1`);
        throw new Error('the request failed after enqueueing');
      }),
    ).rejects.toThrow('the request failed');
    expect(await jobRows('test.echo')).toEqual([]);
    expect(await jobs.drain()).toBe(0);

    await database.db.transaction(async (tx) => {
      await jobs.enqueue(tx, 'test.echo', { n: 2, text: '患者さんへの連絡' });
    });
    expect(await jobs.drain(['test.echo'])).toBe(1);
    expect(seen).toEqual([{ n: 2, text: '患者さんへの連絡' }]);
    expect(await jobs.drain()).toBe(0);
    expect((await jobRows('test.echo')).map((r) => r.state)).toEqual(['completed']);
  });

  it('retries a handler that throws, then marks the job failed when the retries run out', async () => {
    const jobs = await open();
    let flakyCalls = 0;
    jobs.work('test.flaky', async () => {
      flakyCalls++;
      if (flakyCalls < 3) throw new Error(`SMTP 421 try ${flakyCalls}`);
    });
    jobs.work('test.broken', async () => {
      throw new Error('always');
    });
    await database.db.transaction(async (tx) => {
      await jobs.enqueue(tx, 'test.flaky', {});
      await jobs.enqueue(tx, 'test.broken', {});
    });

    // flaky: 2 failures + 1 success; broken: 1 try + 2 retries.
    expect(await jobs.drain()).toBe(6);
    expect(flakyCalls).toBe(3);
    expect(await jobRows('test.flaky')).toMatchObject([{ state: 'completed', retry_count: 2 }]);
    expect(await jobRows('test.broken')).toMatchObject([{ state: 'failed', retry_count: 2 }]);
  });

  it('defers a job until startAfter, and keeps one waiting job per singletonKey on a short queue', async () => {
    const jobs = await open();
    let ran = 0;
    jobs.work('test.short', async () => {
      ran++;
    });
    await database.db.transaction(async (tx) => {
      await jobs.enqueue(tx, 'test.short', { n: 1 }, { singletonKey: 'facility-1' });
      await jobs.enqueue(tx, 'test.short', { n: 2 }, { singletonKey: 'facility-1' });
      await jobs.enqueue(tx, 'test.short', { n: 3 }, { singletonKey: 'facility-2', startAfter: new Date(Date.now() + 60 * 60 * 1000) });
    });
    expect(await jobRows('test.short')).toHaveLength(2);
    expect(await jobs.drain()).toBe(1);
    expect(ran).toBe(1);
  });

  it('refuses a queue nobody declared, so a typo fails at start-up instead of losing jobs', async () => {
    const jobs = await open();
    expect(() => jobs.work('test.typo', async () => {})).toThrow('job queue "test.typo" is not declared');
  });

  it('keeps one schedule row per queue in Asia/Tokyo time however many servers declare it, and drops undeclared ones', async () => {
    const first = await open();
    const second = await open();
    for (const jobs of [first, second]) {
      jobs.work('test.daily', async () => {});
      jobs.schedule('test.daily', '0 9 * * *', { kind: 'target-date-reminders' });
      await jobs.start();
    }
    const { rows } = await database.withConnection((query) => query('SELECT name, cron, timezone, data FROM pgboss.schedule ORDER BY name'));
    expect(rows).toEqual([{ name: 'test.daily', cron: '0 9 * * *', timezone: 'Asia/Tokyo', data: { kind: 'target-date-reminders' } }]);

    await first.stop();
    await second.stop();
    const third = await open();
    third.work('test.once', async () => {});
    third.schedule('test.once', '0 0 1 4 *');
    await third.start();
    const after = await database.withConnection((query) => query('SELECT name FROM pgboss.schedule'));
    expect(after.rows).toEqual([{ name: 'test.once' }]);
    await third.stop();
  });

  it('fires a schedule and runs its job on a started scheduler', async () => {
    const jobs = await open({ intervals: { pollSeconds: 0.5, cronSeconds: 1 } });
    const ticks: unknown[] = [];
    jobs.work('test.tick', async (data) => {
      ticks.push(data);
    });
    // Six fields: every second, so the test does not wait for a minute boundary.
    jobs.schedule('test.tick', '* * * * * *', { tick: true });
    await jobs.start();
    await expect.poll(() => ticks.length, { timeout: 15_000, interval: 200 }).toBeGreaterThan(0);
    expect(ticks[0]).toEqual({ tick: true });
    await jobs.stop();
  });

  // Two schedulers on one database: two app servers on PostgreSQL, two workers in one process on PGlite.
  it('runs a job once with two schedulers on one database', async () => {
    const servers = [await open({ intervals: { pollSeconds: 0.5 } }), await open({ intervals: { pollSeconds: 0.5 } })];
    const runs: string[] = [];
    servers.forEach(
      (jobs, i) =>
        void jobs.work<{ n: number }>('test.echo', async (data) => {
          runs.push(`server ${i}: ${data.n}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }),
    );
    await Promise.all(servers.map((jobs) => jobs.start()));
    await database.db.transaction(async (tx) => {
      for (let n = 0; n < 20; n++) await servers[0]!.enqueue(tx, 'test.echo', { n });
    });
    await expect.poll(() => runs.length, { timeout: 20_000, interval: 100 }).toBe(20);
    // Both drains race the workers too: still nothing runs twice.
    await Promise.all(servers.map((jobs) => jobs.drain(['test.echo'])));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const numbers = runs.map((r) => Number(r.split(': ')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual([...Array(20).keys()]);
    for (const jobs of servers) await jobs.stop();
  });
});
