import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Every route module: routes.ts and *-routes.ts in a feature folder. */
const routeFiles = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => /(^|[/-])routes\.ts$/.test(path.basename(file)) || path.basename(file).endsWith('-routes.ts'))
  .map((file) => file.split(path.sep).join('/'))
  .sort();

/** What only services may do: reach the database, write the audit trail, open a transaction. */
const forbidden: { what: string; pattern: RegExp }[] = [
  { what: 'imports drizzle-orm', pattern: /from 'drizzle-orm(\/[^']*)?'/ },
  { what: 'imports the schema or the connection', pattern: /from '\.\.\/db\/[^']+'/ },
  { what: 'imports the audit writer', pattern: /from '\.\.\/audit\/record\.js'/ },
  { what: 'opens a transaction', pattern: /\.transaction\(/ },
  { what: 'writes through the write path itself', pattern: /from '\.\.\/writes\/[^']+'/ },
];

const violations = (file: string) => {
  const text = readFileSync(path.join(src, file), 'utf8');
  return forbidden.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what);
};

describe('route files stay thin', () => {
  it('finds the route files', () => {
    expect(routeFiles.length).toBeGreaterThan(20);
    expect(routeFiles).toContain('backup-plans/routes.ts');
  });

  it.each(routeFiles)('%s leaves the database and the audit trail to services', (file) => {
    expect(violations(file)).toEqual([]);
  });
});
