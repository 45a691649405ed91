import type { QueueOptions, QueuePolicy } from 'pg-boss';

/**
 * A queue and how its jobs are retried. Queues are created when the scheduler opens, before any
 * request, because a job can only be sent to an existing queue.
 */
export interface QueueDefinition
  extends Pick<QueueOptions, 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'retryDelayMax' | 'expireInSeconds' | 'deleteAfterSeconds'> {
  name: string;
  /**
   * pg-boss's queue policy; it decides what `singletonKey` means. `standard` (default): a label only.
   * `short`: at most one waiting job per key. `singleton`: at most one running job per key.
   * `stately`: one waiting and one running per key.
   */
  policy?: Extract<QueuePolicy, 'standard' | 'short' | 'singleton' | 'stately'>;
}

/** A throwing handler is retried 4 times, each wait about twice the last (from 15–30 s up to 2–4 minutes; pg-boss adds jitter), then the job is marked failed. */
const defaultQueueOptions = {
  retryLimit: 4,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 60 * 60,
  expireInSeconds: 15 * 60,
  deleteAfterSeconds: 7 * 24 * 60 * 60,
} satisfies QueueOptions;

export function queueOptions(definition: QueueDefinition): QueueOptions & { policy: QueuePolicy } {
  const { name: _name, policy = 'standard', ...options } = definition;
  const { retryDelayMax, ...merged } = { ...defaultQueueOptions, ...options };
  // pg-boss accepts a cap only on a backoff, so a queue that turns backoff off loses the default cap.
  return { ...merged, ...(merged.retryBackoff ? { retryDelayMax } : {}), policy };
}
