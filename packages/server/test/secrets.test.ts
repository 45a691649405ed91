import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { Keyring, UnknownKeyError } from '../src/crypto/keyring.js';
import { KEY_FILE, openKeyring } from '../src/crypto/open-keyring.js';
import { resealSecrets } from '../src/crypto/reseal.js';
import { users } from '../src/db/schema.js';
import { openAppJobs } from '../src/jobs/app-jobs.js';
import { enqueueMail } from '../src/mail/queue.js';
import { PASSWORD, call, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { captureLog } from './helpers/log.js';
import { startSmtpCapture, type SmtpCapture } from './helpers/smtp.js';
import { createTenant, type Tenant } from './helpers/world.js';

// Security review, issue 12 finding 9: tokens in the request log, vendor links in clear in the job table,
// a new user's password hash in an error log, TOTP secrets in clear.
let t: TestApp;
let smtp: SmtpCapture;
let admin: Browser;
let tenant: Tenant;
const captured = captureLog();
const fiscalYear = fiscalYearOf(todayInTokyo());
const api = (p: string) => `/api/v1${p}`;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApp({ MAMORI_SMTP_URL: smtp.url }, captured.log);
  admin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, admin, 'Z');
  await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/assessments`), { fiscalYear, hasVendorContract: true }));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const mailJobData = async () => {
  const { rows } = await t.database.withConnection((query) => query(`SELECT data::text AS data FROM pgboss.job WHERE name = 'mail.send'`));
  return rows.map((r) => String(r.data));
};

describe('invitation and vendor-link tokens', () => {
  let vendorToken: string;

  it('keeps a vendor link out of the job table: the queued mail is sealed, and sent intact', async () => {
    const contract = await json(
      call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), {
        vendorName: '秘密株式会社',
        title: '保守',
        systems: ['電子カルテ'],
        maintenanceContract: true,
        remoteMaintenance: true,
        contactName: '担当',
        contactEmail: 'vendor@secret.example.jp',
      }),
    );
    await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear }));
    const queued = await mailJobData();
    expect(queued.length).toBeGreaterThan(0);
    for (const data of queued) {
      expect(data).toMatch(/^\{"sealed": "mk1\./);
      expect(data).not.toContain('vendor-invite');
      expect(data).not.toContain('vendor@secret.example.jp');
    }
    await t.jobs.drain();
    const mail = await smtp.waitFor((m) => m.to === 'vendor@secret.example.jp', 5000);
    vendorToken = /\/vendor-invite\/([\w-]+)/.exec(mail.text)![1]!;
    for (const data of await mailJobData()) expect(data).not.toContain(vendorToken);
  });

  it('writes no token into the request log, for API routes and the web app’s pages alike', async () => {
    const invitation = await json(
      call(t.app, tenant.admin, 'POST', api(`/organizations/${tenant.organizationId}/invitations`), {
        email: 'new-z@example.jp',
        facilityRoles: [{ facilityId: tenant.facilityId, role: 'viewer' }],
      }),
    );
    for (const url of [
      api(`/invitations/by-token/${invitation.token}`),
      api(`/vendor-invitations/${vendorToken}`),
      `/invite/${invitation.token}`,
      `/vendor-invite/${vendorToken}?from=mail`,
    ]) {
      await t.app.inject({ method: 'GET', url });
    }
    await t.app.inject({ method: 'POST', url: api(`/invitations/by-token/${invitation.token}/accept`), payload: { name: '新人', password: PASSWORD } });
    await t.app.inject({ method: 'POST', url: api(`/vendor-invitations/${vendorToken}/accept`), payload: { name: '事業者', password: PASSWORD } });
    const log = captured.text();
    expect(log).toContain('/api/v1/vendor-invitations/[redacted]/accept');
    expect(log).toContain('/invite/[redacted]');
    expect(log).toContain('/vendor-invite/[redacted]?from=mail');
    expect(log).not.toContain(invitation.token);
    expect(log).not.toContain(vendorToken);
  });
});

describe('database errors in the log', () => {
  it('logs a failed sign-up without the new user’s password hash or any other value of the statement', async () => {
    // A database refusing the new user's row, as a constraint or a disk error would; PostgreSQL's own
    // messages put the row in `detail` ("Failing row contains ...") and drizzle puts the parameters in its message.
    await t.database.db.execute(
      sql.raw(`
      CREATE FUNCTION refuse_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '失敗' THEN RAISE EXCEPTION 'refused' USING DETAIL = 'Failing row contains (' || NEW.email || ', ' || NEW.password_hash || ')'; END IF;
        RETURN NEW;
      END $$`),
    );
    await t.database.db.execute(sql.raw(`CREATE TRIGGER refuse_user BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION refuse_user()`));
    try {
      const invitation = await json(
        call(t.app, tenant.admin, 'POST', api(`/organizations/${tenant.organizationId}/invitations`), {
          email: 'fail-z@example.jp',
          facilityRoles: [{ facilityId: tenant.facilityId, role: 'viewer' }],
        }),
      );
      const failed = await t.app.inject({
        method: 'POST',
        url: api(`/invitations/by-token/${invitation.token}/accept`),
        payload: { name: '失敗', password: 'my-secret-password-9' },
      });
      expect(failed.statusCode).toBe(500);
      expect(failed.json().error.code).toBe('internal_error');
    } finally {
      await t.database.db.execute(sql.raw(`DROP TRIGGER refuse_user ON users`));
      await t.database.db.execute(sql.raw(`DROP FUNCTION refuse_user()`));
    }
    const log = captured.text();
    const errorLine = log.split('\n').find((line) => line.includes('unhandled error'))!;
    expect(errorLine).toContain('Failed query: insert into \\"users\\"');
    expect(errorLine).toContain('refused');
    expect(log).not.toContain('$argon2');
    expect(log).not.toContain('fail-z@example.jp');
    expect(log).not.toContain('my-secret-password-9');
  });
});

describe('TOTP secrets at rest', () => {
  let user: Browser;
  let secret: string;

  it('stores the secret sealed, and still signs in with the code', async () => {
    user = tenant.viewer;
    ({ secret } = await json(call(t.app, user, 'POST', api('/me/totp/setup'))));
    const [pending] = await t.database.db.select().from(users).where(eq(users.id, user.userId));
    expect(pending!.totpPendingSecret).toMatch(/^mk1\./);
    expect(pending!.totpPendingSecret).not.toContain(secret);
    await json(call(t.app, user, 'POST', api('/me/totp/enable'), { code: await generate({ secret }) }), 204);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.userId));
    expect(row!.totpSecret).toMatch(/^mk1\./);
    expect(row!.totpSecret).not.toContain(secret);
    await t.database.db.update(users).set({ totpLastUsedStep: null }).where(eq(users.id, user.userId));
    expect((await login(t.app, 'viewer-Z@example.jp', PASSWORD, await generate({ secret }))).statusCode).toBe(200);
  });

  it('encrypts a secret stored in clear before this version, at start-up', async () => {
    await t.database.db.update(users).set({ totpSecret: secret, totpLastUsedStep: null }).where(eq(users.id, user.userId));
    expect(await resealSecrets(t.database, t.secrets)).toMatchObject({ totp: 1 });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.userId));
    expect(row!.totpSecret).toMatch(new RegExp(`^mk1\\.${t.secrets.currentId}\\.`));
    expect((await login(t.app, 'viewer-Z@example.jp', PASSWORD, await generate({ secret }))).statusCode).toBe(200);
    expect(await resealSecrets(t.database, t.secrets)).toEqual({ totp: 0, mail: 0 });
  });

  it('rotates the key: a new key with the old one as previous reseals everything, and then the old key can go', async () => {
    const oldKey = t.config.secretKey.current!;
    const newKey = randomBytes(32);
    const next = new Keyring(newKey, [oldKey]);
    await t.database.db.transaction((tx) =>
      enqueueMail(t.jobs, t.secrets, tx, { to: 'rotate@example.jp', subject: '鍵の交換', text: 'https://mamori.example.jp/vendor-invite/rotation-token' }),
    );
    // Every mail job, sent or not, is resealed: their rows stay in the table for days.
    expect(await resealSecrets(t.database, next)).toEqual({ totp: 1, mail: (await mailJobData()).length });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.userId));
    expect(row!.totpSecret).toMatch(new RegExp(`^mk1\\.${next.currentId}\\.`));

    // Only the new key from here on: the secret opens, and the queued mail is sent.
    const newKeyOnly = new Keyring(newKey);
    expect(newKeyOnly.open('totp', row!.totpSecret!)).toBe(secret);
    const config = loadConfig({ LOG_LEVEL: 'silent', MAMORI_SMTP_URL: smtp.url });
    const server = await openAppJobs(config, t.database, newKeyOnly);
    try {
      await server.jobs.drain(['mail.send']);
    } finally {
      await server.jobs.stop();
    }
    expect((await smtp.waitFor((m) => m.to === 'rotate@example.jp', 5000)).text).toContain('rotation-token');
    // The old key alone no longer opens anything: a server started with it stops and names the key.
    await expect(resealSecrets(t.database, new Keyring(oldKey))).rejects.toThrow(UnknownKeyError);
  });
});

describe('the embedded database’s key file', () => {
  it('is made on first start, readable by its owner only, and read again after', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-key-'));
    try {
      const config = loadConfig({ MAMORI_DATA_DIR: dataDir });
      const first = openKeyring(config);
      const file = path.join(dataDir, KEY_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(openKeyring(config).currentId).toBe(first.currentId);
      fs.writeFileSync(file, 'not a key\n');
      expect(() => openKeyring(config)).toThrow(ConfigError);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
