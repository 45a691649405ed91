import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connect.js';
import { backupPlans, facilityMembers, notifications, users } from '../src/db/schema.js';

const bin = fileURLToPath(new URL('../bin/mamori.js', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-reminders-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function mamori(args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...env, MAMORI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The data directory opened between two commands, as only one process may hold it. */
async function withData<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

// Real processes on a real data directory, as an operator runs them.
describe('mamori reminders run', { timeout: 120_000 }, () => {
  it('--dry-run prints what the day would send as JSON and writes nothing; a run sends it once', async () => {
    const org = JSON.parse(mamori(['org', 'create', '--name', '医療法人督促会']).stdout);
    const facility = JSON.parse(mamori(['facility', 'create', '--org', org.id, '--name', '督促クリニック', '--kind', 'clinic']).stdout);
    // A 安全管理責任者 and a backup plan never restore-tested (overdue), written as the app would have.
    await withData(async (db) => {
      const [user] = await db.insert(users).values({ email: 'kanri@clinic.example.jp', name: '管理 太郎', passwordHash: 'x' }).returning();
      await db.insert(facilityMembers).values({ facilityId: facility.id, organizationId: org.id, userId: user!.id, role: 'manager' });
      await db.insert(backupPlans).values({ facilityId: facility.id, organizationId: org.id, system: '電子カルテ', method: 'nas', generations: 3 });
    });
    const expected = [
      {
        kind: 'restore-test',
        facility: facility.id,
        facilityName: '督促クリニック',
        item: '電子カルテ',
        occasion: 'overdue:2026-12',
        recipient: 'kanri@clinic.example.jp',
        delivery: 'immediate',
      },
    ];

    const dry = mamori(['reminders', 'run', '--as-of', '2026-12-06', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual(expected);
    expect(await withData((db) => db.$count(notifications))).toBe(0);
    expect(JSON.parse(mamori(['reminders', 'run', '--as-of', '2026-12-06', '--dry-run']).stdout)).toEqual(expected);

    const run = mamori(['reminders', 'run', '--as-of', '2026-12-06']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected);
    expect(JSON.parse(mamori(['reminders', 'run', '--as-of', '2026-12-20']).stdout)).toEqual([]);
    expect(await withData((db) => db.$count(notifications))).toBe(1);
  });

  it('refuses a day that is not a date', () => {
    const bad = mamori(['reminders', 'run', '--as-of', '2026-02-30']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  });
});
