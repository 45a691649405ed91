import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../src/backup/backup.js';
import { verifyAuditChain } from '../src/audit/verify.js';
import type { Database } from '../src/db/connect.js';
import { files } from '../src/db/schema.js';
import { putFile } from '../src/files/store.js';
import { mailQueue } from '../src/mail/queue.js';
import { archiveData, archiveEntries } from './helpers/archive.js';
import { call, json, multipartFile, setupAdmin, startTestApp, upload, type TestApp } from './helpers/app.js';
import { verifyLogChains } from '../src/access-logs/verify.js';
import { freshDatabase } from './helpers/database.js';
import { createTenant } from './helpers/world.js';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-backup-'));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Distinct random files of 3 MB: about 30 MB in all, enough to go through the streaming path many times over. */
const bigFiles = Array.from({ length: 10 }, () => randomBytes(3 * 1024 * 1024));

beforeAll(async () => {
  t = await startTestApp();
  const admin = await setupAdmin(t.app);
  const tenant = await createTenant(t.app, admin, 'B');
  await json(call(t.app, tenant.admin, 'POST', '/api/v1/me/tokens', { name: 'バックアップ確認' }));
  // Access log events live in month partitions, which the restore target has to make.
  const { source } = await json(call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/log-sources`, { name: 'カルテサーバ' }));
  await json(
    upload(
      t.app,
      tenant.manager,
      `/api/v1/log-sources/${source.id}/uploads`,
      multipartFile(
        'auth.log',
        'text/plain',
        Buffer.from('Dec  1 09:00:00 srv sshd[1]: Accepted password for doctor from 10.0.0.1 port 22 ssh2\nnot a log line\n'),
      ),
    ),
  );
  await t.database.db.transaction(async (tx) => {
    await putFile(tx, t.config, { content: Buffer.from([0, 1, 2, 255]), contentType: 'application/octet-stream' });
    for (const content of bigFiles) await putFile(tx, t.config, { content, contentType: 'application/pdf' });
    // Queued mail and a reminder due later: the job tables are part of the backup.
    await t.jobs.enqueue(tx, mailQueue.name, { sealed: 'queued-mail' });
    await t.jobs.enqueue(tx, mailQueue.name, { sealed: 'later' }, { startAfter: new Date(Date.now() + 86_400_000) });
  });
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const jobRows = async (database: Database) =>
  ((await database.db.execute(sql`SELECT id, name, state::text, data, start_after::text FROM pgboss.job ORDER BY id`)) as unknown as { rows: unknown[] }).rows;

describe('backup and restore', { timeout: 120_000 }, () => {
  it('restores onto an empty database with identical data, files and queued jobs, and the audit chain still verifies', async () => {
    const original = path.join(dir, 'original.mamori.tar.gz');
    // Small chunks: the users table alone spans several row entries.
    const header = await writeBackup(t.database, original, { chunkBytes: 1024 });
    expect(header.tables.users).toBe(4);
    expect(header.tables.files).toBe(11);
    expect(header.fileBytes).toBe(4 + 30 * 1024 * 1024);
    expect(header.tables['pgboss.job']).toBe(2);
    const entries = await archiveEntries(original);
    expect([...entries.keys()].filter((n) => n.startsWith('tables/users/')).length).toBeGreaterThan(1);
    expect(Math.max(...[...entries.values()].map((e) => e.size))).toBe(3 * 1024 * 1024);

    const target = await freshDatabase();
    try {
      const restored = await restoreBackup(target.database, original);
      expect(restored.tables).toEqual(header.tables);
      const copy = path.join(dir, 'copy.mamori.tar.gz');
      await writeBackup(target.database, copy, { chunkBytes: 1024 });
      expect(await archiveData(copy)).toEqual(await archiveData(original));
      expect(await verifyAuditChain(target.database.db)).toMatchObject({ ok: true });
      expect(header.tables.log_events).toBe(2);
      expect(await verifyLogChains(target.database.db)).toEqual([expect.objectContaining({ ok: true, events: 2 })]);
      const stored = await target.database.db.select().from(files);
      expect(stored.map((f) => sha256(f.content)).sort()).toEqual([Buffer.from([0, 1, 2, 255]), ...bigFiles].map(sha256).sort());
      expect(stored.every((f) => f.sha256 === sha256(f.content))).toBe(true);
      const jobs = await jobRows(t.database);
      expect(jobs).toHaveLength(2);
      expect(await jobRows(target.database)).toEqual(jobs);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore over existing data and changes nothing', async () => {
    const archive = path.join(dir, 'again.mamori.tar.gz');
    await writeBackup(t.database, archive);
    await expect(restoreBackup(t.database, archive)).rejects.toThrow(/復元先が空ではありません/);
  });

  it('refuses a file that is not a Mamori backup, and an archive cut short, restoring nothing', async () => {
    const bogus = path.join(dir, 'bogus.gz');
    fs.writeFileSync(bogus, 'not a backup');
    const archive = path.join(dir, 'original.mamori.tar.gz');
    const cut = path.join(dir, 'cut.mamori.tar.gz');
    fs.writeFileSync(cut, fs.readFileSync(archive).subarray(0, Math.floor(fs.statSync(archive).size * 0.6)));
    const target = await freshDatabase();
    try {
      await expect(restoreBackup(target.database, bogus)).rejects.toThrow();
      await expect(restoreBackup(target.database, cut)).rejects.toThrow(/壊れています|途中で切れています/);
      expect(await target.database.db.select().from(files)).toEqual([]);
    } finally {
      await target.drop();
    }
  });

  it('a backup that fails half-way leaves the previous archive as it was, and no temporary file', async () => {
    const archive = path.join(dir, 'kept.mamori.tar.gz');
    await writeBackup(t.database, archive);
    const before = sha256(fs.readFileSync(archive));
    let queries = 0;
    // The connection dies while the stored files are being read.
    const failing: Database = {
      ...t.database,
      withConnection: (fn) =>
        t.database.withConnection((query) =>
          fn(async (text, params) => {
            if (++queries === 60 && !/^(COMMIT|ROLLBACK)/.test(text)) throw new Error('connection lost');
            return query(text, params);
          }),
        ),
    };
    await expect(writeBackup(failing, archive)).rejects.toThrow('connection lost');
    expect(sha256(fs.readFileSync(archive))).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
