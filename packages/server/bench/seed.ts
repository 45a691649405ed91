// Seeds a Mamori instance for the benchmark. Before the server starts (the CLI may not open a PGlite
// data dir the server holds): a system admin and their API token via the CLI. Then, over the HTTP API
// with that token: one organization with FACILITY_COUNT facilities and an organization admin who joins
// through an invitation and creates their own personal API token — the token the benchmark uses.
import { randomBytes } from 'node:crypto';
import { runCommand } from './processes.js';

export const FACILITY_COUNT = 20;

export interface Seeded {
  /** Personal API token of the organization admin (not a system admin). */
  token: string;
  organizationId: string;
  facilityCount: number;
}

const PASSWORD = 'bench-password-0123';

function cliArgs(cli: string, ...args: string[]): string[] {
  return ['--import', 'tsx', cli, ...args];
}

/** Creates the system admin and their token through the CLI; returns the token. */
export async function seedAdminWithCli(cli: string, env: NodeJS.ProcessEnv, cwd: string, suffix: string): Promise<string> {
  const email = `bench-sysadmin-${suffix}@example.test`;
  await runCommand(process.execPath, cliArgs(cli, 'admin', 'create', '--email', email, '--password', PASSWORD, '--name', 'Bench SysAdmin'), { env, cwd });
  const out = await runCommand(process.execPath, cliArgs(cli, 'token', 'create', '--email', email, '--name', 'bench seeding'), { env, cwd });
  const token = out.trim().split('\n').pop()?.trim() ?? '';
  if (!token.startsWith('mmr_')) throw new Error(`token create printed no token: ${out}`);
  return token;
}

interface Call {
  token?: string;
  cookie?: string;
  csrf?: string;
  body?: unknown;
}

async function call<T>(base: string, method: string, path: string, c: Call = {}): Promise<{ json: T; setCookie: string[] }> {
  const headers: Record<string, string> = {};
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf) headers['x-csrf-token'] = c.csrf;
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/api/v1${path}`, { method, headers, body: c.body === undefined ? undefined : JSON.stringify(c.body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return { json: (text ? JSON.parse(text) : null) as T, setCookie: response.headers.getSetCookie() };
}

export function seedSuffix(): string {
  return randomBytes(4).toString('hex');
}

/** Builds the organization, its facilities and the org admin's token through the API. */
export async function seedOverApi(base: string, adminToken: string, suffix: string): Promise<Seeded> {
  const { json: organization } = await call<{ id: string }>(base, 'POST', '/organizations', {
    token: adminToken,
    body: { name: `ベンチマーク医療法人 ${suffix}` },
  });
  for (let i = 1; i <= FACILITY_COUNT; i++) {
    await call(base, 'POST', `/organizations/${organization.id}/facilities`, {
      token: adminToken,
      body: {
        name: `ベンチ診療所 ${String(i).padStart(2, '0')}`,
        kind: i % 5 === 0 ? 'hospital' : 'clinic',
        prefecture: '13',
        healthCenter: '新宿区保健所',
        bedCount: i % 5 === 0 ? 120 : null,
      },
    });
  }

  const email = `bench-orgadmin-${suffix}@example.test`;
  const { json: invitation } = await call<{ token: string }>(base, 'POST', `/organizations/${organization.id}/invitations`, {
    token: adminToken,
    body: { email, organizationRole: 'admin' },
  });
  const accepted = await call<{ csrfToken: string }>(base, 'POST', `/invitations/by-token/${invitation.token}/accept`, {
    body: { name: 'Bench OrgAdmin', password: PASSWORD },
  });
  const cookie = accepted.setCookie.map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error('accepting the invitation set no session cookie');
  const { json: created } = await call<{ token: string }>(base, 'POST', '/me/tokens', {
    cookie,
    csrf: accepted.json.csrfToken,
    body: { name: 'bench' },
  });

  const { json: visible } = await call<unknown[]>(base, 'GET', '/facilities', { token: created.token });
  if (visible.length !== FACILITY_COUNT) throw new Error(`the org admin sees ${visible.length} facilities, expected ${FACILITY_COUNT}`);
  return { token: created.token, organizationId: organization.id, facilityCount: visible.length };
}
