import fs from 'node:fs';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '../src/audit/canonical.js';
import { checkpointAuditTrail } from '../src/audit/checkpoint-job.js';
import { signCheckpoint, writeCheckpoint, type Checkpoint } from '../src/audit/checkpoint.js';
import { verifyAgainstCheckpoints, verifyAuditChain } from '../src/audit/verify.js';
import { Keyring } from '../src/crypto/keyring.js';
import { auditEvents } from '../src/db/schema.js';
import { call, json, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { captureLog } from './helpers/log.js';

let t: TestApp;
let admin: Browser;
let file: string;

const head = async () => (await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.sequence))).at(-1)!;
const moreEvents = async (n: number) => {
  for (let i = 0; i < n; i++) await json(call(t.app, admin, 'POST', '/api/v1/organizations', { name: `医療法人チェック${Date.now()}-${i}` }));
};
const verify = (given?: unknown[]) => verifyAgainstCheckpoints(t.database.db, t.secrets, file, given);
const deleteFrom = (sequence: number) => t.database.db.execute(sql`DELETE FROM audit_events WHERE sequence >= ${sequence}`);

beforeAll(async () => {
  t = await startTestApp();
  admin = await setupAdmin(t.app);
  file = t.config.auditCheckpointFile;
  await moreEvents(3);
});
afterAll(() => t.close());

describe('audit checkpoints: the chain head anchored outside the table', () => {
  it('a signed checkpoint of the head is appended and logged; verify agrees with it', async () => {
    const { log, text } = captureLog();
    const outcome = await checkpointAuditTrail({ db: t.database.db, secrets: t.secrets, config: t.config, log });
    const newest = await head();
    expect(outcome).toEqual({ written: expect.objectContaining({ sequence: newest.sequence, hash: newest.hash, eventId: newest.id }) });
    expect(text()).toContain('"auditCheckpoint"');
    expect(await verify()).toMatchObject({ ok: true, newest: { sequence: newest.sequence }, checkpoints: 1 });
    // Unchanged head: no new line.
    expect(await writeCheckpoint(t.database.db, t.secrets, file)).toEqual({ skipped: 'unchanged' });
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('deleting the newest events down past the checkpoint is detected, and no checkpoint is written over it', async () => {
    await moreEvents(2);
    const checkpointed = (await writeCheckpoint(t.database.db, t.secrets, file)) as { written: Checkpoint };
    await moreEvents(2);
    // Events after the newest checkpoint are covered by the chain only: deleting just those is the window.
    await deleteFrom(checkpointed.written.sequence + 1);
    expect(await verify()).toMatchObject({ ok: true });
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });

    await deleteFrom(checkpointed.written.sequence - 1);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true }); // the chain alone cannot tell
    expect(await verify()).toEqual({
      ok: false,
      failure: { kind: 'truncated', checkpoint: checkpointed.written, newestSequence: checkpointed.written.sequence - 2 },
    });
    expect(await writeCheckpoint(t.database.db, t.secrets, file)).toEqual({ refused: expect.stringContaining('gone') });
  });

  it('deleting the whole table is detected', async () => {
    await t.database.db.execute(sql`DELETE FROM audit_events`);
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, events: 0 });
    expect(await verify()).toMatchObject({ ok: false, failure: { kind: 'truncated', newestSequence: 0 } });
  });

  it('a chain rewritten with recomputed hashes is detected', async () => {
    fs.rmSync(file);
    await moreEvents(3);
    await writeCheckpoint(t.database.db, t.secrets, file);
    // A forger changes event #2 and recomputes every later hash: the chain verifies, the checkpoint does not.
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.sequence));
    let prevHash = rows[0]!.prevHash;
    for (const row of rows) {
      const { id: _id, hash: _hash, ...fields } = row;
      const forged = { ...fields, prevHash, ip: row.sequence === 2 ? '203.0.113.9' : fields.ip };
      prevHash = eventHash(forged);
      await t.database.db.execute(sql`UPDATE audit_events SET ip = ${forged.ip}, prev_hash = ${forged.prevHash}, hash = ${prevHash} WHERE id = ${row.id}`);
    }
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    expect(await verify()).toMatchObject({ ok: false, failure: { kind: 'rewritten' } });
  });

  it('a tampered checkpoint file is detected: an edited line, a forged line, a line signed with another key', async () => {
    fs.rmSync(file);
    await moreEvents(1);
    const { written } = (await writeCheckpoint(t.database.db, t.secrets, file)) as { written: Checkpoint };
    const original = fs.readFileSync(file, 'utf8');

    // Lowering the sequence to match a truncated table breaks the signature.
    fs.writeFileSync(file, `${JSON.stringify({ ...written, sequence: 1 })}\n`);
    expect(await verify()).toEqual({ ok: false, failure: { kind: 'checkpoint_file', line: 1, reason: 'bad_signature' } });

    fs.writeFileSync(file, `${original}${JSON.stringify({ ...written, sequence: written.sequence + 5, mac: 'f'.repeat(64) })}\n`);
    expect(await verify()).toEqual({ ok: false, failure: { kind: 'checkpoint_file', line: 2, reason: 'bad_signature' } });

    const other = new Keyring(Buffer.alloc(32, 7));
    fs.writeFileSync(file, `${JSON.stringify(signCheckpoint(other, { sequence: 1, id: written.eventId, hash: written.hash }))}\n`);
    expect(await verify()).toEqual({ ok: false, failure: { kind: 'checkpoint_file', line: 1, reason: 'unknown_key' } });
    expect(await writeCheckpoint(t.database.db, t.secrets, file)).toEqual({ refused: expect.stringContaining('not a valid checkpoint') });

    fs.writeFileSync(file, 'not json\n');
    expect(await verify()).toEqual({ ok: false, failure: { kind: 'checkpoint_file', line: 1, reason: 'malformed' } });
    fs.writeFileSync(file, original);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a checkpoint kept from the log still catches a truncation after the file is deleted', async () => {
    await moreEvents(1);
    const { written } = (await writeCheckpoint(t.database.db, t.secrets, file)) as { written: Checkpoint };
    await deleteFrom(written.sequence);
    fs.rmSync(file);
    expect(await verify()).toMatchObject({ ok: true, newest: null });
    expect(await verify([written])).toMatchObject({ ok: false, failure: { kind: 'truncated', checkpoint: written } });
    expect(await verify([{ ...written, sequence: 1 }])).toEqual({ ok: false, failure: { kind: 'given_checkpoint', reason: 'bad_signature' } });
  });

  it('checkpoints signed before a key rotation still verify with the previous key configured', async () => {
    fs.rmSync(file, { force: true });
    await moreEvents(1);
    await writeCheckpoint(t.database.db, t.secrets, file);
    const current = Buffer.alloc(32, 9);
    const previousKey = Buffer.from(t.config.secretKey.current!);
    expect(await verifyAgainstCheckpoints(t.database.db, new Keyring(current, [previousKey]), file)).toMatchObject({ ok: true });
    expect(await verifyAgainstCheckpoints(t.database.db, new Keyring(current), file)).toMatchObject({ ok: false, failure: { reason: 'unknown_key' } });
  });
});
