import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../src/backup/backup.js';
import { verifyAuditChain } from '../src/audit/verify.js';
import { files } from '../src/db/schema.js';
import { putFile } from '../src/files/store.js';
import { call, json, setupAdmin, startTestApp, type TestApp } from './helpers/app.js';
import { freshDatabase } from './helpers/database.js';
import { createTenant } from './helpers/world.js';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-backup-'));

beforeAll(async () => {
  t = await startTestApp();
  const admin = await setupAdmin(t.app);
  const tenant = await createTenant(t.app, admin, 'B');
  await json(call(t.app, tenant.admin, 'POST', '/api/v1/me/tokens', { name: 'バックアップ確認' }));
  await t.database.db.transaction((tx) => putFile(tx, t.config, { content: Buffer.from([0, 1, 2, 255]), contentType: 'application/octet-stream' }));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The archive's rows without its header, which carries the time it was written. */
const rowsOf = (file: string) => gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1).join('\n');

describe('backup and restore', () => {
  it('restores onto an empty database with identical data, and the audit chain still verifies', async () => {
    const original = path.join(dir, 'original.mamori.gz');
    const header = await writeBackup(t.database, original);
    expect(header.tables.users).toBe(4);
    expect(header.tables.files).toBe(1);

    const target = await freshDatabase();
    try {
      await restoreBackup(target.database, original);
      const copy = path.join(dir, 'copy.mamori.gz');
      await writeBackup(target.database, copy);
      expect(rowsOf(copy)).toBe(rowsOf(original));
      expect(await verifyAuditChain(target.database.db)).toMatchObject({ ok: true });
      const [file] = await target.database.db.select().from(files);
      expect([...file!.content]).toEqual([0, 1, 2, 255]);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore over existing data and changes nothing', async () => {
    const archive = path.join(dir, 'again.mamori.gz');
    await writeBackup(t.database, archive);
    await expect(restoreBackup(t.database, archive)).rejects.toThrow(/復元先が空ではありません/);
  });

  it('refuses a file that is not a Mamori backup', async () => {
    const bogus = path.join(dir, 'bogus.gz');
    fs.writeFileSync(bogus, gunzipSync(fs.readFileSync(path.join(dir, 'original.mamori.gz'))).subarray(0, 0));
    const target = await freshDatabase();
    try {
      await expect(restoreBackup(target.database, bogus)).rejects.toThrow();
    } finally {
      await target.drop();
    }
  });
});
