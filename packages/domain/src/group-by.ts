/** Rows by key, in their order; a row whose key is null belongs to no group. */
export function groupBy<T>(rows: Iterable<T>, keyOf: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) (groups.get(key) ?? groups.set(key, []).get(key)!).push(row);
  }
  return groups;
}
