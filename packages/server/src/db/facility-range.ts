import { between, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { anyOf } from './any-of.js';

/**
 * The first and last id of a chunk that holds every facility between them (a scan in id order). A loader given one
 * reads each table as one index range instead of one index lookup per id: a thousand lookups cost the database
 * more than the rows they find.
 */
export type FacilityRange = readonly [first: string, last: string];

/** The rows of these facilities: by their range when the caller knows the ids are all of it, else by the ids. */
export function ofFacilities(column: PgColumn, ids: readonly string[], range?: FacilityRange): SQL {
  return range ? between(column, range[0], range[1]) : anyOf(column, ids);
}
