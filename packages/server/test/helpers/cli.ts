import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mamori.js', import.meta.url));

/**
 * Runs the real `mamori` command on an embedded data directory, as an operator would (never on the suite's
 * PostgreSQL: DATABASE_URL is dropped), and returns its exit code and output.
 */
export function runMamori(args: string[], dataDir: string, options: { env?: Record<string, string>; timeoutMs?: number } = {}) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...env, MAMORI_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
