import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { fromDrizzle, fromPglite, type Db as BossDb, type DrizzleTransactionLike } from 'pg-boss';
import type { Database, Tx } from '../db/connect.js';

export type { BossDb };
/** Our database kinds are also pg-boss backend profiles of the same names. */
export type Backend = Database['kind'];

/**
 * pg-boss runs its SQL on our own connection: the PGlite instance (pg-boss's adapter sends its
 * multi-statement blocks through exec(), which PGlite's query() refuses) or the shared pg Pool, so
 * jobs cost no connections beyond DATABASE_POOL_SIZE. The driver object is drizzle's public $client.
 */
export function bossDatabase(database: Database): BossDb {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') return fromPglite(client as PGlite);
  const pool = client as pg.Pool;
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** Runs pg-boss's SQL inside the caller's drizzle transaction, on either driver: the job exists iff the transaction commits. */
export function transactionDatabase(tx: Tx): BossDb {
  // drizzle types execute() as a lazy query builder; at run time it resolves to the driver's result, which the adapter reads.
  return fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
}
