import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLogChains } from '../src/access-logs/verify.js';
import { applyRetention, anchorLogHeads } from '../src/access-logs/upkeep.js';
import { call, json, multipartFile, setupAdmin, startTestApp, upload, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'L');
  other = await createTenant(t.app, sysadmin, 'M');
});
afterAll(() => t.close());

const facilityUrl = (path: string, facilityId = tenant.facilityId) => `/api/v1/facilities/${facilityId}${path}`;

/** A month of a small server's auth.log, as Debian writes it (no year, Tokyo time). */
const authLog = [
  'Dec  1 08:59:58 karte-srv sshd[1201]: Accepted password for yamada from 192.168.1.20 port 51022 ssh2',
  'Dec  1 09:00:03 karte-srv sshd[1205]: Failed password for invalid user admin from 203.0.113.9 port 40022 ssh2',
  'Dec  1 09:00:05 karte-srv sshd[1205]: Failed password for invalid user admin from 203.0.113.9 port 40023 ssh2',
  'Dec  1 09:00:07 karte-srv sshd[1205]: Failed password for invalid user admin from 203.0.113.9 port 40024 ssh2',
  'Dec  1 09:00:09 karte-srv sshd[1205]: Failed password for invalid user admin from 203.0.113.9 port 40025 ssh2',
  'Dec  1 09:00:11 karte-srv sshd[1205]: Failed password for invalid user admin from 203.0.113.9 port 40026 ssh2',
  'Dec  1 09:10:00 karte-srv CRON[1300]: pam_unix(cron:session): session closed for user root',
  'this line is not a log line at all',
  'Dec  1 10:00:00 karte-srv sshd[1400]: Accepted publickey for tanaka from 192.168.1.21 port 50000 ssh2',
].join('\n');

async function createSource(name: string, extra: Record<string, unknown> = {}, who = tenant.manager, facilityId = tenant.facilityId) {
  return json(call(t.app, who, 'POST', facilityUrl('/log-sources', facilityId), { name, ...extra }));
}

const uploadLog = (sourceId: string, content: string | Buffer, fields: Record<string, string> = {}, who = tenant.manager) =>
  upload(t.app, who, `/api/v1/log-sources/${sourceId}/uploads`, multipartFile('auth.log', 'text/plain', Buffer.from(content), fields));

const execute = (query: ReturnType<typeof sql>) => t.database.db.execute(query);
/** Tampering as someone with database access would: past the append-only trigger. */
const tamper = async (statement: string) => {
  await t.database.withConnection(async (query) => {
    await query('BEGIN');
    await query('ALTER TABLE log_events DISABLE TRIGGER USER');
    await query(statement);
    await query('ALTER TABLE log_events ENABLE TRIGGER USER');
    await query('COMMIT');
  });
};

describe('sources, upload and search', () => {
  let sourceId: string;

  it('registers a source with a token shown once, and keeps every line of an upload', async () => {
    const created = await createSource('電子カルテサーバ');
    expect(created.token).toMatch(/^mlog_/);
    expect(created.source).toMatchObject({ name: '電子カルテサーバ', timeZone: 'Asia/Tokyo', events: 0, reviewedThrough: null });
    sourceId = created.source.id;
    const counts = await json(uploadLog(sourceId, authLog));
    expect(counts).toEqual({ received: 9, stored: 9, parsed: 8, raw: 1 });
    const [source] = await json(call(t.app, tenant.manager, 'GET', facilityUrl('/log-sources')));
    expect(source.events).toBe(9);
  });

  it('refuses a file that is not text and stores nothing', async () => {
    const response = await uploadLog(sourceId, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('log_file_unreadable');
    const [source] = await json(call(t.app, tenant.manager, 'GET', facilityUrl('/log-sources')));
    expect(source.events).toBe(9);
  });

  it('searches with filters, newest first, one keyset page after another', async () => {
    const base = `/api/v1/log-sources/${sourceId}/events`;
    const failures = await json(call(t.app, tenant.manager, 'GET', `${base}?outcome=failure&limit=2`));
    expect(failures.events).toHaveLength(2);
    expect(failures.events[0]).toMatchObject({ user: 'admin', sourceIp: '203.0.113.9', category: 'failure' });
    expect(failures.next).toBeTruthy();
    const seen = [...failures.events];
    let next = failures.next;
    while (next) {
      const page = await json(call(t.app, tenant.manager, 'GET', `${base}?outcome=failure&limit=2&after=${next}`));
      seen.push(...page.events);
      next = page.next;
    }
    expect(seen.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2]);
    const tanaka = await json(call(t.app, tenant.manager, 'GET', `${base}?user=tanaka`));
    expect(tanaka.events).toHaveLength(1);
    expect(tanaka.events[0].occurredAt.slice(11, 16)).toBe('01:00');
  });

  it('records who read the logs in the audit trail', async () => {
    const audit = await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&action=accessLog.read`));
    expect(audit.items[0]).toMatchObject({ action: 'accessLog.read', entityType: 'log_source', changes: { filters: { after: { user: 'tanaka' } } } });
  });

  it('finds password guessing and an account the ledger does not know', async () => {
    const alerts = await json(call(t.app, tenant.manager, 'GET', facilityUrl('/access-log-alerts')));
    const rules = alerts.map((a: { rule: string; subject: string }) => `${a.rule} ${a.subject}`).sort();
    expect(rules).toContain('failures-per-account admin');
    expect(rules).toContain('failures-per-address 203.0.113.9');
    expect(rules).toContain('unknown-account yamada');
  });

  it('draws a timeline per hour in the source zone', async () => {
    const year = new Date().getFullYear();
    const timeline = await json(
      call(t.app, tenant.manager, 'GET', `/api/v1/log-sources/${sourceId}/timeline?from=${year - 1}-12-01T00:00:00%2B09:00&to=${year}-12-31T00:00:00%2B09:00`),
    );
    expect(timeline.bucket).toBe('day');
    expect(timeline.buckets.length).toBeGreaterThan(0);
  });

  it('ingests through the source token, and refuses a wrong one', async () => {
    const created = await createSource('UTM');
    const post = (token: string, body: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/log-ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: body });
    expect((await post('mlog_wrong', authLog)).statusCode).toBe(401);
    const response = await post(created.token, authLog);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 9, stored: 9, parsed: 8, raw: 1 });
  });

  it('keeps other facilities out, and viewers out of the logs', async () => {
    expect((await call(t.app, other.manager, 'GET', `/api/v1/log-sources/${sourceId}/events`)).statusCode).toBe(404);
    expect((await call(t.app, tenant.viewer, 'GET', `/api/v1/log-sources/${sourceId}/events`)).statusCode).toBe(403);
    expect((await uploadLog(sourceId, authLog, {}, other.manager)).statusCode).toBe(404);
  });
});

describe('2(6) suggestion', () => {
  const finding = async (facilityId: string) => {
    const view = await json(call(t.app, sysadmin, 'GET', facilityUrl('/findings', facilityId)));
    return view.findings.find((f: { topic: string }) => f.topic === 'access-logs');
  };

  it('says いいえ for a source nobody reviewed, and はい once its period is signed off', async () => {
    const facility = (await createTenant(t.app, sysadmin, 'S')).facilityId;
    expect((await finding(facility)).suggestion).toBe('undetermined');
    const { source } = await createSource('NAS', {}, sysadmin, facility);
    await json(upload(t.app, sysadmin, `/api/v1/log-sources/${source.id}/uploads`, multipartFile('auth.log', 'text/plain', Buffer.from(authLog))));
    const before = await finding(facility);
    expect(before.suggestion).toBe('no');
    expect(before.records).toEqual([expect.objectContaining({ ledger: 'logSources', label: 'NAS', reasons: ['access-logs-unreviewed'] })]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const reviews = await json(
      call(t.app, sysadmin, 'POST', `/api/v1/log-sources/${source.id}/reviews`, {
        periodFrom: `${today.slice(0, 8)}01`,
        periodTo: today,
        note: '失敗の連続は海外からの総当たり。対応不要を確認',
      }),
    );
    expect(reviews[0]).toMatchObject({ throughSeq: 9, note: expect.stringContaining('総当たり') });
    expect((await finding(facility)).suggestion).toBe('yes');
  });
});

describe('tamper evidence', () => {
  let sourceId: string;

  const breakOf = async () => (await verifyLogChains(t.database.db, tenant.facilityId)).find((c) => c.sourceId === sourceId)!;

  beforeAll(async () => {
    sourceId = (await createSource('tamper-target')).source.id;
    await json(uploadLog(sourceId, authLog));
  });

  it('is intact as written, and the table refuses updates and deletes', async () => {
    expect(await breakOf()).toMatchObject({ ok: true, events: 9, firstBreak: null });
    await expect(execute(sql`UPDATE log_events SET raw = 'x' WHERE source_id = ${sourceId}`)).rejects.toThrow();
    await expect(execute(sql`DELETE FROM log_events WHERE source_id = ${sourceId}`)).rejects.toThrow();
    await expect(execute(sql`TRUNCATE log_events`)).rejects.toThrow();
    expect((await breakOf()).events).toBe(9);
  });

  it('names a changed event', async () => {
    await tamper(`UPDATE log_events SET user_name = 'someone' WHERE source_id = '${sourceId}' AND seq = 4`);
    expect((await breakOf()).firstBreak).toEqual({ seq: 4, reason: 'content_altered' });
    await tamper(`UPDATE log_events SET user_name = 'admin' WHERE source_id = '${sourceId}' AND seq = 4`);
    expect((await breakOf()).ok).toBe(true);
  });

  it('names a deleted event, and an inserted one', async () => {
    const [row] = ((await execute(sql`SELECT * FROM log_events WHERE source_id = ${sourceId} AND seq = 5`)) as unknown as { rows: Record<string, unknown>[] })
      .rows;
    await tamper(`DELETE FROM log_events WHERE source_id = '${sourceId}' AND seq = 5`);
    expect((await breakOf()).firstBreak).toEqual({ seq: 5, reason: 'sequence_gap' });
    await tamper(
      `INSERT INTO log_events SELECT * FROM json_populate_record(NULL::log_events, '${JSON.stringify({ ...row, raw: 'slipped in' }).replaceAll("'", "''")}')`,
    );
    expect((await breakOf()).firstBreak).toEqual({ seq: 5, reason: 'content_altered' });
    await tamper(`DELETE FROM log_events WHERE source_id = '${sourceId}' AND seq = 5`);
    await tamper(`INSERT INTO log_events SELECT * FROM json_populate_record(NULL::log_events, '${JSON.stringify(row).replaceAll("'", "''")}')`);
    expect((await breakOf()).ok).toBe(true);
  });

  it('names the newest events when they are cut off, even with the source head rewound to match', async () => {
    await tamper(`DELETE FROM log_events WHERE source_id = '${sourceId}' AND seq >= 8`);
    expect((await breakOf()).firstBreak).toEqual({ seq: 8, reason: 'truncated' });
    await execute(
      sql`UPDATE log_sources SET head_seq = 7, head_hash = (SELECT hash FROM log_events WHERE source_id = ${sourceId} AND seq = 7) WHERE id = ${sourceId}`,
    );
    // The audit trail still says the upload reached #9.
    expect((await breakOf()).firstBreak).toEqual({ seq: 8, reason: 'truncated' });
  });
});

describe('retention and checkpoints', () => {
  it('anchors heads that moved without an audit event of their own', async () => {
    const { source } = await createSource('syslog-fed');
    await execute(sql`UPDATE log_sources SET anchored_seq = 0 WHERE id = ${source.id}`);
    await json(uploadLog(source.id, authLog));
    await execute(sql`UPDATE log_sources SET anchored_seq = 0 WHERE id = ${source.id}`);
    expect(await anchorLogHeads(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await anchorLogHeads(t.database.db)).toBe(0);
  });

  it('removes whole old months, leaves a record of what went, and verify still holds', async () => {
    const { source } = await createSource('old-server');
    await json(uploadLog(source.id, authLog));
    // Twelve months later, with a retention of six: everything received now is past it.
    const later = new Date(Date.now() + 366 * 86_400_000);
    const removed = await applyRetention(t.database.db, 6, later);
    expect(removed).toBeGreaterThanOrEqual(9);
    const check = (await verifyLogChains(t.database.db, tenant.facilityId)).find((c) => c.sourceId === source.id)!;
    expect(check).toMatchObject({ ok: true, events: 0 });
    const [row] = ((await execute(sql`SELECT base_seq FROM log_sources WHERE id = ${source.id}`)) as unknown as { rows: { base_seq: string }[] }).rows;
    expect(Number(row!.base_seq)).toBe(10);
  });
});
