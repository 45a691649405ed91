import { generate } from 'otplib';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../src/db/schema.js';
import { PASSWORD, asBrowser, call, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { createTenant } from './helpers/world.js';

// Security review, issue 12 finding 6: the count and the decision were not atomic, so a concurrent burst
// was checked past every limit; a TOTP code could open several sessions; a lockout told which accounts exist.
let t: TestApp;
let servers: FastifyInstance[];

beforeAll(async () => {
  t = await startTestApp({ MAMORI_LOGIN_MAX_FAILURES: '5', MAMORI_LOGIN_IP_MAX_FAILURES: '30' });
  servers = [t.app, await t.secondServer()];
  const admin = await setupAdmin(t.app);
  await createTenant(t.app, admin, 'L');
});
afterAll(() => t.close());

/** A sign-in from an address, through one of the two app servers. */
function attempt(i: number, ip: string, email: string, password: string, totpCode?: string) {
  return servers[i % servers.length]!.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    payload: { email, password, ...(totpCode ? { totpCode } : {}) },
  });
}

function statuses(responses: LightMyRequestResponse[]) {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
}

describe('per-address limit under a concurrent burst', () => {
  it('checks exactly the limit of 120 concurrent failures from one address, across two app servers', async () => {
    const burst = await Promise.all(Array.from({ length: 120 }, (_, i) => attempt(i, '198.51.100.7', `guess-${i}@example.jp`, 'wrong-password')));
    expect(statuses(burst)).toEqual({ 401: 30, 429: 90 });
    expect(burst.find((r) => r.statusCode === 429)!.json().error.code).toBe('too_many_attempts');
    // Another address is not affected.
    expect((await attempt(0, '198.51.100.99', 'viewer-L@example.jp', PASSWORD)).statusCode).toBe(200);
  });
});

describe('account lockout under a concurrent burst', () => {
  it('checks at most the limit of 20 concurrent wrong passwords, locks once, and then refuses the right password', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i, `203.0.113.${i}`, 'admin-L@example.jp', 'wrong-password')));
    // Four failures answer 401; the fifth reaches the limit and says so; the other fifteen are refused unchecked.
    expect(statuses(burst)).toEqual({ 401: 4, 423: 16 });
    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'admin-l@example.jp'));
    const locks = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.locked'), eq(auditEvents.entityId, user!.id)));
    expect(locks).toHaveLength(1);
    const right = await attempt(0, '203.0.113.200', 'admin-L@example.jp', PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.cookies).toHaveLength(0);
  });

  it('lets the right password in a burst of wrong ones through only if it was among the first five', async () => {
    const passwords = Array.from({ length: 21 }, (_, i) => (i === 10 ? PASSWORD : 'wrong-password'));
    const burst = await Promise.all(passwords.map((password, i) => attempt(i, `203.0.113.${100 + i}`, 'manager-L@example.jp', password)));
    const counts = statuses(burst);
    expect((counts[200] ?? 0) + (counts[401] ?? 0)).toBeLessThanOrEqual(5);
    expect(counts[423]).toBeGreaterThanOrEqual(16);
  });
});

describe('a lockout does not tell whether an account exists', () => {
  it('answers a real and a nonexistent address alike, failure by failure and after the lockout', async () => {
    for (let i = 1; i <= 5; i++) {
      const real = await attempt(i, '192.0.2.10', 'viewer-L@example.jp', 'wrong-password');
      const nobody = await attempt(i, '192.0.2.11', 'nobody-L@example.jp', 'wrong-password');
      expect([nobody.statusCode, nobody.json()], `failure ${i}`).toEqual([real.statusCode, real.json()]);
    }
    const real = await attempt(0, '192.0.2.10', 'viewer-L@example.jp', PASSWORD);
    const nobody = await attempt(0, '192.0.2.11', 'nobody-L@example.jp', PASSWORD);
    expect(real.statusCode).toBe(423);
    expect(nobody.statusCode).toBe(423);
    expect(nobody.json()).toEqual(real.json());
    expect(real.json().error.message).toMatch(/^ログインに続けて失敗したため、このメールアドレスでのログインは一時的にロックされています。\d+分後/);
  });
});

describe('a TOTP code is single-use under concurrency', () => {
  it('opens one session from five concurrent sign-ins with the same code', async () => {
    const owner: Browser = asBrowser(await setupUser());
    const { secret } = await json(call(t.app, owner, 'POST', '/api/v1/me/totp/setup'));
    await json(call(t.app, owner, 'POST', '/api/v1/me/totp/enable', { code: await generate({ secret }) }), 204);
    // As if the enrolment code were from an earlier step, so the current code is fresh for sign-in.
    await t.database.db.update(users).set({ totpLastUsedStep: null }).where(eq(users.id, owner.userId));
    const code = await generate({ secret });
    const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => attempt(i, `198.51.100.${50 + i}`, 'totp-owner@example.jp', PASSWORD, code)));
    expect(burst.filter((r) => r.statusCode === 200)).toHaveLength(1);
    // The others are failures like any wrong code (the fifth failure of the account answers as a lockout).
    for (const refused of burst.filter((r) => r.statusCode !== 200)) {
      expect(['totp_invalid', 'account_locked']).toContain(refused.json().error.code);
      expect(refused.cookies).toHaveLength(0);
    }
  });
});

/** The TOTP owner: a fresh organization admin (not the tenant's users, whom the lockout tests lock). */
async function setupUser(): Promise<LightMyRequestResponse> {
  const admin = asBrowser(await login(t.app, 'admin@example.jp'));
  const organization = await json(call(t.app, admin, 'POST', '/api/v1/organizations', { name: 'TOTP同時法人' }));
  const invitation = await json(
    call(t.app, admin, 'POST', `/api/v1/organizations/${organization.id}/invitations`, { email: 'totp-owner@example.jp', organizationRole: 'admin' }),
  );
  return t.app.inject({ method: 'POST', url: `/api/v1/invitations/by-token/${invitation.token}/accept`, payload: { name: 'TOTP', password: PASSWORD } });
}
