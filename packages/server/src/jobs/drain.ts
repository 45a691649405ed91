import type { Job, PgBoss } from 'pg-boss';

/** A bound on one drain, so a handler that keeps enqueueing into its own queue fails the test instead of hanging it. */
const MAX_ATTEMPTS = 10_000;
const BATCH = 20;

/**
 * Fetches and runs what is due in the queues, settling each job as pg-boss's own worker would
 * (complete, or fail so its retry policy applies), until a pass finds nothing due. Deterministic:
 * no polling timers, so tests and the CLI see the effects as soon as it resolves.
 */
export async function drainQueues(boss: PgBoss, queues: string[], run: (queue: string, job: Job<unknown>) => Promise<void>): Promise<number> {
  let attempts = 0;
  for (;;) {
    let ran = 0;
    for (const queue of queues) {
      for (const job of await boss.fetch<unknown>(queue, { batchSize: BATCH })) {
        ran++;
        try {
          await run(queue, job);
        } catch (error) {
          await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
          continue;
        }
        await boss.complete(queue, job.id);
      }
    }
    attempts += ran;
    if (ran === 0) return attempts;
    if (attempts > MAX_ATTEMPTS) throw new Error(`jobs.drain gave up after ${attempts} attempts in ${queues.join(', ')}`);
  }
}
