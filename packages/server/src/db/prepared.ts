import type { Db } from './connect.js';

const cache = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement built once per database handle and prepared by name, for queries on every request:
 * drizzle then skips rebuilding the SQL and PostgreSQL skips re-planning it.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  if (!statements.has(name)) statements.set(name, build(db));
  return statements.get(name) as T;
}
