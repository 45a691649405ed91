import type { Db, Tx } from './connect.js';

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

const isTransaction = (db: Db | Tx): db is Tx => 'rollback' in db;

/**
 * Runs independent reads side by side on the pool's connections, or one after another inside a transaction, which
 * is one connection (node-postgres would queue them with a deprecation warning, and refuse them from version 9).
 */
export async function sideBySide<const T extends readonly (() => Promise<unknown>)[]>(db: Db | Tx, reads: T): Promise<Results<T>> {
  if (!isTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
