import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../src/db/schema.js';
import { getFile, putFile } from '../src/files/store.js';
import { startTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ MAMORI_FILE_MAX_BYTES: '2048' });
});
afterAll(() => t.close());

describe('file store', () => {
  it('addresses content by SHA-256 and keeps identical uploads once', async () => {
    const content = Buffer.from('連絡体制図 v1');
    const first = await t.database.db.transaction((tx) => putFile(tx, t.config, { content, contentType: 'text/plain' }));
    const second = await t.database.db.transaction((tx) => putFile(tx, t.config, { content, contentType: 'text/plain' }));
    expect(first.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(second).toEqual(first);
    expect(await t.database.db.select().from(files)).toHaveLength(1);
    expect((await getFile(t.database.db, first.sha256))!.content.toString()).toBe('連絡体制図 v1');
  });

  it('refuses a file over the configured limit and stores nothing', async () => {
    const tooBig = Buffer.alloc(2049);
    await expect(t.database.db.transaction((tx) => putFile(tx, t.config, { content: tooBig, contentType: 'application/pdf' }))).rejects.toMatchObject({
      status: 413,
    });
    expect(await t.database.db.select().from(files)).toHaveLength(1);
  });
});
