import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AppError } from '../http/errors.js';
import type { TaskMessage, TaskName, Tasks } from './tasks.js';

export interface Workers {
  /** Runs a task of tasks.ts off the request thread; Buffers come back as Buffers. */
  run<K extends TaskName>(name: K, ...args: Parameters<Tasks[K]>): Promise<Awaited<ReturnType<Tasks[K]>>>;
  close(): Promise<void>;
}

/** Tasks waiting per thread before a request is answered 503 instead of queueing further. */
const QUEUE_PER_THREAD = 32;
/**
 * A worker's heap: reading the largest ledger the limits allow takes about 800 MB with exceljs; past this the
 * worker is ended and replaced, and only its request fails.
 */
const WORKER_HEAP_MB = 2048;
/** Idle workers end after this; the pool starts them again on demand. */
const IDLE_MS = 5 * 60_000;

const busy = () => new AppError(503, 'server_busy');
const tooLarge = () => new AppError(413, 'payload_too_large');

/**
 * A bounded pool of worker threads (piscina) for CPU-heavy work, so one large PDF or spreadsheet never
 * stalls every other request. `threads` 0 runs the tasks on the calling thread instead: the CLI (one
 * command, nothing else waiting) and the benchmark's "before" figure.
 */
export function openWorkers(threads: number): Workers {
  if (threads === 0) return inlineWorkers();
  const pool = new Piscina<TaskMessage, unknown>({
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    minThreads: 0,
    maxThreads: threads,
    maxQueue: threads * QUEUE_PER_THREAD,
    idleTimeout: IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return {
    async run(name, ...args) {
      try {
        return asBuffers(await pool.run({ name, args })) as never;
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        if (message === 'Task queue is at limit') throw busy();
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw tooLarge();
        throw error;
      }
    },
    close: () => pool.destroy(),
  };
}

function inlineWorkers(): Workers {
  return {
    async run(name, ...args) {
      const { runTask } = await import('./tasks.js');
      return (await runTask({ name, args } as TaskMessage)) as never;
    },
    close: async () => {},
  };
}

/** A Buffer crosses threads as a plain Uint8Array; fastify and callers want a Buffer again. */
function asBuffers(value: unknown): unknown {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}
