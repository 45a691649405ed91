import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMamori } from './helpers/cli.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connect.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/access-logs/${name}`, import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-logs-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const mamori = (args: string[]) => runMamori(args, dataDir);

/** What someone with the data directory (and no Mamori) could do: change a row past the append-only trigger. */
async function tamper(statement: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await database.withConnection(async (query) => {
      await query('ALTER TABLE log_events DISABLE TRIGGER USER');
      await query(statement);
      await query('ALTER TABLE log_events ENABLE TRIGGER USER');
    });
  } finally {
    await database.close();
  }
}

// Real processes on a real data directory, as an operator runs them.
describe('mamori logs', { timeout: 120_000 }, () => {
  let facilityId: string;

  it('ingests an auth.log into a source it makes on first use, keeping every line', () => {
    const org = JSON.parse(mamori(['org', 'create', '--name', '医療法人ログ会']).stdout);
    facilityId = JSON.parse(mamori(['facility', 'create', '--org', org.id, '--name', 'ログクリニック', '--kind', 'clinic']).stdout).id;
    const ingested = mamori(['logs', 'ingest', '--facility', facilityId, '--source', '電子カルテサーバ', fixture('auth.log')]);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(JSON.parse(ingested.stdout)).toEqual({ received: 15, stored: 15, parsed: 13, raw: 2 });
  });

  it('reads the manual’s CSV columns in Shift_JIS, keeping a row with a broken time raw', () => {
    const ingested = mamori(['logs', 'ingest', '--facility', facilityId, '--source', '電子カルテ', '--format', 'manual-csv', fixture('manual-sjis.csv')]);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(JSON.parse(ingested.stdout)).toEqual({ received: 4, stored: 4, parsed: 3, raw: 1 });
  });

  it('refuses a file it cannot read with exit 2, storing nothing', () => {
    const binary = path.join(dataDir, 'not-a-log.bin');
    fs.writeFileSync(binary, Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]));
    const refused = mamori(['logs', 'ingest', '--facility', facilityId, '--source', '電子カルテサーバ', binary]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('何も保存していません');
    expect(mamori(['logs', 'ingest', '--facility', facilityId, '--source', 'x', path.join(dataDir, 'missing.log')]).code).toBe(2);
    const verified = JSON.parse(mamori(['logs', 'verify', '--facility', facilityId]).stdout);
    expect(verified).toMatchObject({ ok: true, sources: 2, events: 19 });
  });

  it('prints the alerts as JSON: rule, subject, count, first and last', () => {
    const alerts = JSON.parse(mamori(['logs', 'alerts', '--facility', facilityId]).stdout) as { rule: string; subject: string; count: number }[];
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'failures-per-address', subject: '203.0.113.9', count: 7, first: expect.any(String), last: expect.any(String) }),
        expect.objectContaining({ rule: 'unknown-account', subject: 'yamada' }),
      ]),
    );
  });

  it('exits 1 naming the first event changed in the data directory', async () => {
    await tamper(`UPDATE log_events SET source_ip = '192.168.1.99' WHERE seq = 4 AND raw LIKE '%port 40022%'`);
    const verified = mamori(['logs', 'verify']);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain('電子カルテサーバ');
    expect(verified.stderr).toContain('#4');
    expect(JSON.parse(verified.stdout).broken).toEqual([
      expect.objectContaining({ sourceName: '電子カルテサーバ', firstBreak: { seq: 4, reason: 'content_altered' } }),
    ]);
  });
});
