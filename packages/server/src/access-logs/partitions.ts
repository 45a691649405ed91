import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';

/** Serializes partition creation across app servers (two creating the same month would collide). */
const PARTITION_LOCK_KEY = 727_003;

/** The first instant of the month of `at`, and of the next, in Japan (a clinic's "December" is Japan's). */
export function monthBounds(at: Date): { name: string; from: string; to: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(at).split('-').map(Number) as [
    number,
    number,
  ];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    name: `log_events_${year}_${pad(month)}`,
    from: `${year}-${pad(month)}-01T00:00:00+09:00`,
    to: `${next[0]}-${pad(next[1]!)}-01T00:00:00+09:00`,
  };
}

/** Per database handle: tests and the CLI open several in one process. */
/** The statement that makes the month partition `at` falls in, if it is not there yet. */
export function partitionDdl(at: Date): string {
  const { name, from, to } = monthBounds(at);
  return `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF log_events FOR VALUES FROM ('${from}') TO ('${to}')`;
}

const known = new WeakMap<Db, Set<string>>();

/**
 * Makes sure the month partition `at` falls in exists (log_events is partitioned by month of receipt, migration
 * 0008). Remembered per process: after the first append of a month this costs nothing.
 */
export async function ensureMonthPartition(db: Db, at: Date): Promise<void> {
  const { name } = monthBounds(at);
  const names = known.get(db) ?? known.set(db, new Set()).get(db)!;
  if (names.has(name)) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PARTITION_LOCK_KEY})`);
    await tx.execute(sql.raw(partitionDdl(at)));
  });
  names.add(name);
}
