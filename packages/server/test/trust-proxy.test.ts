import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema.js';
import { PASSWORD, setupAdmin, startTestApp, type TestApp } from './helpers/app.js';

// Security review, issue 12 finding 5: with MAMORI_TRUST_PROXY=true the left-most X-Forwarded-For entry,
// which the client writes itself, was taken as the client's address.
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ MAMORI_LOGIN_IP_MAX_FAILURES: '30' });
  await setupAdmin(t.app);
});
afterAll(() => t.close());

/** An app server with this MAMORI_TRUST_PROXY, on the same database. */
const serverTrusting = (setting: string) => t.secondServer({ MAMORI_TRUST_PROXY: setting });

/** A sign-in as the proxy passes it on: from the proxy's socket, with the header the proxy built. */
function viaProxy(app: FastifyInstance, socket: string, forwardedFor: string, email = 'admin@example.jp', password = PASSWORD) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: socket,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { email, password },
  });
}

async function signedInFrom(app: FastifyInstance, socket: string, forwardedFor: string) {
  expect((await viaProxy(app, socket, forwardedFor)).statusCode).toBe(200);
  const [event] = await t.database.db
    .select({ ip: auditEvents.ip })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'user.login'))
    .orderBy(desc(auditEvents.sequence))
    .limit(1);
  return event?.ip;
}

describe('MAMORI_TRUST_PROXY=true: one proxy in front', () => {
  it('limits 60 failed sign-ins with forged left-most addresses by the address the proxy appended', async () => {
    const app = await serverTrusting('true');
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      // The client sends "X-Forwarded-For: <forged>"; the proxy appends the address it saw.
      statuses.push((await viaProxy(app, '10.0.0.2', `192.0.2.${i}, 203.0.113.9`, `guess-${i}@example.jp`, 'wrong-password')).statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });

  it('records the proxy-appended address in the audit trail, never the forged one', async () => {
    expect(await signedInFrom(await serverTrusting('true'), '10.0.0.2', '6.6.6.6, 198.51.100.23')).toBe('198.51.100.23');
  });
});

describe('MAMORI_TRUST_PROXY as a hop count or as the proxies’ addresses', () => {
  it('with 2 hops takes the address the outer proxy appended', async () => {
    expect(await signedInFrom(await serverTrusting('2'), '10.0.0.2', '6.6.6.6, 198.51.100.24, 10.0.0.1')).toBe('198.51.100.24');
  });

  it('with CIDRs believes the header only from those proxies', async () => {
    const app = await serverTrusting('10.0.0.0/8, 192.168.1.1');
    expect(await signedInFrom(app, '10.1.2.3', '6.6.6.6, 198.51.100.25')).toBe('198.51.100.25');
    // A client reaching the app directly cannot claim another address.
    expect(await signedInFrom(app, '198.51.100.77', '10.9.9.9')).toBe('198.51.100.77');
    // Proxies chained inside the trusted range are skipped too.
    expect(await signedInFrom(app, '192.168.1.1', '6.6.6.6, 198.51.100.26, 10.0.0.5')).toBe('198.51.100.26');
  });

  it('without it ignores the header', async () => {
    expect(await signedInFrom(t.app, '198.51.100.30', '6.6.6.6')).toBe('198.51.100.30');
  });
});
