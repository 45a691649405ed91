import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organizations } from '../src/db/schema.js';
import { verifyAuditChain } from '../src/audit/verify.js';
import { call, json, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'Audit');
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records who changed which fields, before and after, from where', async () => {
    const org = await json(call(t.app, tenant.admin, 'GET', `/api/v1/organizations/${tenant.organizationId}`));
    await json(call(t.app, tenant.admin, 'PATCH', `/api/v1/organizations/${tenant.organizationId}`, { version: org.version, name: '医療法人監査会' }));
    const page = await json(call(t.app, tenant.admin, 'GET', `/api/v1/audit-events?organizationId=${tenant.organizationId}&action=organization.update`));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'organization.update',
      entityType: 'organization',
      entityId: tenant.organizationId,
      actorName: 'admin-Audit',
      changes: { name: { before: '医療法人Audit会', after: '医療法人監査会' } },
      ip: '127.0.0.1',
    });
  });

  it('writes nothing when the change fails', async () => {
    const before = (await t.database.db.select().from(auditEvents)).length;
    const stale = await call(t.app, tenant.admin, 'PATCH', `/api/v1/organizations/${tenant.organizationId}`, { version: 1, name: '失敗' });
    expect(stale.statusCode).toBe(409);
    expect((await t.database.db.select().from(auditEvents)).length).toBe(before);
  });

  it('lets a manager browse their facility, pages with nextBefore, and filters by date in Japan time', async () => {
    const first = await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&limit=1`));
    expect(first.items).toHaveLength(1);
    expect(first.nextBefore).toBe(first.items[0].sequence);
    const second = await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&limit=1&before=${first.nextBefore}`));
    expect(second.items[0].sequence).toBeLessThan(first.items[0].sequence);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
    expect(
      (await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&from=${today}&to=${today}`))).items.length,
    ).toBeGreaterThan(0);
    expect((await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&to=2020-01-01`))).items).toHaveLength(0);
    expect((await call(t.app, tenant.viewer, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}`)).statusCode).toBe(403);
    expect((await call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?organizationId=${tenant.organizationId}`)).statusCode).toBe(403);
  });

  it('never records secrets', async () => {
    await json(call(t.app, tenant.admin, 'POST', '/api/v1/me/tokens', { name: 'secret-check' }));
    const all = JSON.stringify(await t.database.db.select().from(auditEvents));
    expect(all).not.toMatch(/mmr_|\$argon2/);
  });
});

describe('hash chain', () => {
  it('is intact after normal use', async () => {
    const result = await verifyAuditChain(t.database.db, 7);
    expect(result).toMatchObject({ ok: true });
    expect(result.events).toBeGreaterThan(10);
  });

  /** Edits the table directly, as someone with database access would, checks, then rolls back. */
  const tamper = async (statements: ReturnType<typeof sql>[], check: (r: Awaited<ReturnType<typeof verifyAuditChain>>) => void) => {
    await t.database.db
      .transaction(async (tx) => {
        for (const statement of statements) await tx.execute(statement);
        check(await verifyAuditChain(tx));
        tx.rollback();
      })
      .catch((error: Error) => {
        if (!/rollback/i.test(error.message)) throw error;
      });
  };

  it('names the first event edited behind the application’s back', async () => {
    await tamper([sql`UPDATE audit_events SET changes = '{"name":{"before":"x","after":"y"}}' WHERE sequence = 5`], (r) => {
      expect(r).toMatchObject({ ok: false, firstBreak: { sequence: 5, reason: 'content_altered' } });
    });
  });

  it('detects a deleted event', async () => {
    await tamper([sql`DELETE FROM audit_events WHERE sequence = 4`], (r) => {
      expect(r).toMatchObject({ ok: false, firstBreak: { sequence: 5, reason: 'sequence_gap' } });
    });
  });

  it('detects an inserted event, even one with a plausible hash of its own', async () => {
    await tamper(
      [
        sql`UPDATE audit_events SET sequence = sequence + 1000000 WHERE sequence >= 3`,
        sql`UPDATE audit_events SET sequence = sequence - 999999 WHERE sequence >= 1000000`,
        sql`INSERT INTO audit_events (sequence, occurred_at, action, entity_type, changes, prev_hash, hash)
            SELECT 3, now(), 'user.create', 'user', '{}', hash, md5('x') || md5('y') FROM audit_events WHERE sequence = 2`,
      ],
      (r) => {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.firstBreak.sequence).toBe(3);
      },
    );
  });

  it('the organization table and the chain tell the same story', async () => {
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.id, tenant.organizationId));
    const creates = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, tenant.organizationId)).orderBy(asc(auditEvents.sequence));
    expect(creates[0]!.action).toBe('organization.create');
    expect(creates.at(-1)!.changes).toMatchObject({ name: { after: org!.name } });
  });
});
