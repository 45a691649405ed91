import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = ANY($1::type[])`: the values travel as one array parameter. `inArray` makes a parameter of each, and
 * building a statement of a thousand ids costs more than running it (the reminder scan reads a thousand facilities at once).
 */
export function anyOf(column: PgColumn, values: readonly (string | number)[]): SQL {
  return sql`${column} = ANY(${sql.param([...values])}::${sql.raw(column.getSQLType())}[])`;
}
