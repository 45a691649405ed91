// The CI guards that are not tests: each runs a command that must succeed and leave the work tree as it
// was. Prints each result and writes a JSON report that scripts/ci-summary.mjs counts (one check, one test).
//   node scripts/checks.mjs [--report file.json] [name…]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const checks = {
  /** drizzle-kit finds no schema change without a migration (it would write a new one). */
  migrations: {
    command: ['npx', 'drizzle-kit', 'generate', '--name', 'unmigrated_schema_change'],
    cwd: 'packages/server',
    changes: ['packages/server/src/db/migrations'],
  },
  /** The web app's API types match the server's OpenAPI document (`npm run generate:api` would change them). */
  'api-client': {
    command: ['node', 'scripts/generate-api-types.mjs'],
    changes: ['packages/web/src/api/schema.d.ts'],
    fix: 'npm run generate:api, then commit packages/web/src/api/schema.d.ts',
  },
  /** Biome's linter (biome.jsonc: the recommended rules; the few turned off say why). */
  lint: { command: ['npx', 'biome', 'lint', '--error-on-warnings', '.'], fix: 'npx biome lint --write .' },
  /** Every file as Biome formats it. */
  format: { command: ['npx', 'biome', 'format', '.'], fix: 'npx biome format --write .' },
  /** No unused file, export, dependency or type (knip.json says where each workspace starts). */
  unused: { command: ['npx', 'knip'], fix: 'delete what knip lists, or drop its `export`' },
};

const args = process.argv.slice(2);
const reportAt = args.includes('--report') ? args[args.indexOf('--report') + 1] : null;
const chosen = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--report');
const names = chosen.length ? chosen : Object.keys(checks);

/** Paths under `paths` that differ from HEAD or are new: what a check wrote when it should have written nothing. */
function changed(paths) {
  const status = spawnSync('git', ['status', '--porcelain', '--', ...paths], { encoding: 'utf8' });
  return status.stdout.trim();
}

const results = [];
for (const name of names) {
  const check = checks[name];
  if (!check) throw new Error(`unknown check ${name}; known: ${Object.keys(checks).join(', ')}`);
  const before = changed(check.changes ?? []);
  const run = spawnSync(check.command[0], check.command.slice(1), { cwd: check.cwd ?? '.', encoding: 'utf8' });
  const after = changed(check.changes ?? []);
  const wrote = after !== before ? after : '';
  const ok = run.status === 0 && !wrote;
  if (wrote) {
    // Put the tree back: the check's output is the message, not a file to commit by accident.
    spawnSync('git', ['checkout', '--', ...check.changes], { encoding: 'utf8' });
    spawnSync('git', ['clean', '-fdq', '--', ...check.changes], { encoding: 'utf8' });
  }
  const output = `${run.stdout}${run.stderr}`.trim();
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  if (!ok) console.log(`${wrote ? `  it wrote files that should already exist:\n${wrote}\n` : ''}${output}${check.fix ? `\n  fix: ${check.fix}` : ''}`);
  results.push({ name, ok });
}
if (reportAt) fs.writeFileSync(reportAt, JSON.stringify({ checks: results }, null, 2));
process.exit(results.every((r) => r.ok) ? 0 : 1);
