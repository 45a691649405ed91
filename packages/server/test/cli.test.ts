import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { runMamori } from './helpers/cli.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connect.js';
import { files } from '../src/db/schema.js';
import { archiveData } from './helpers/archive.js';

const bin = fileURLToPath(new URL('../bin/mamori.js', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs `mamori …` as an operator would, on its own PGlite data directory. */
const mamori = (args: string[], dir = dataDir, extraEnv: Record<string, string> = {}) => runMamori(args, dir, { env: extraEnv, timeoutMs: 180_000 });

// Each command is a real process: tsx start-up plus PGlite opening its directory take seconds.
describe('mamori CLI', { timeout: 120_000 }, () => {
  it('onboards by script: admin, token, organization, facility', () => {
    const admin = mamori(['admin', 'create', '--email', 'ops@example.jp', '--password', 'ops-password-1', '--name', '運用担当']);
    expect(admin.code, admin.stderr).toBe(0);
    expect(JSON.parse(admin.stdout)).toMatchObject({ email: 'ops@example.jp' });

    const token = mamori(['token', 'create', '--email', 'ops@example.jp', '--name', 'onboarding']);
    expect(token.stdout.trim()).toMatch(/^mmr_[\w-]{43}$/);

    const org = JSON.parse(mamori(['org', 'create', '--name', '医療法人スクリプト会']).stdout);
    expect(org).toMatchObject({ name: '医療法人スクリプト会', version: 1 });
    const facility = mamori(['facility', 'create', '--org', org.id, '--name', 'スクリプト歯科', '--kind', 'dental_clinic']);
    expect(facility.code, facility.stderr).toBe(0);
    expect(JSON.parse(facility.stdout)).toMatchObject({ organizationId: org.id, kind: 'dental_clinic', prefecture: null });
  });

  it('explains bad arguments and changes nothing', () => {
    const badKind = mamori(['facility', 'create', '--org', '00000000-0000-0000-0000-000000000000', '--name', 'x', '--kind', 'spa']);
    expect(badKind.code).not.toBe(0);
    expect(badKind.stderr).toContain('kind: hospital | clinic | dental_clinic | midwife_home | pharmacy');
    const noBeds = mamori(['facility', 'create', '--org', '00000000-0000-0000-0000-000000000000', '--name', 'x', '--kind', 'hospital']);
    expect(noBeds.code).toBe(1);
    expect(noBeds.stderr).toContain('病院は病床数を入力してください');
  });

  it('stops with a message naming the variable when the configuration is invalid', () => {
    const result = mamori(['migrate'], dataDir, { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('設定値が正しくありません');
    expect(result.stderr).toContain('PORT');
  });

  it('verifies the audit chain, and names the first broken event after tampering', async () => {
    const intact = mamori(['audit', 'verify']);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('監査ログは改ざんされていません');

    const database = await openDatabase({ kind: 'pglite', dataDir });
    await database.db.execute(sql`UPDATE audit_events SET action = 'organization.delete' WHERE sequence = 3`);
    await database.close();

    const broken = mamori(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/#3 .*content_altered/);
  });

  it('refuses to open a data directory the server holds, with a clear message', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const result = mamori(['org', 'create', '--name', '同時実行']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('別のプロセス');
      expect(result.stderr).toContain('サーバーを停止');
    } finally {
      await database.close();
    }
  });

  it('backs up and restores a data directory with identical data', async () => {
    const archive = path.join(dataDir, '..', `${path.basename(dataDir)}.backup.gz`);
    const backup = mamori(['backup', '--out', archive]);
    expect(backup.code, backup.stderr).toBe(0);
    const restoredDir = `${dataDir}-restored`;
    try {
      const restore = mamori(['restore', archive], restoredDir);
      expect(restore.code, restore.stderr).toBe(0);
      const copy = `${archive}.copy`;
      expect(mamori(['backup', '--out', copy], restoredDir).code).toBe(0);
      expect(await archiveData(copy)).toEqual(await archiveData(archive));
      expect(Object.keys(await archiveData(copy))).toEqual(
        expect.arrayContaining(['tables/users/000001.ndjson', 'tables/audit_events/000001.ndjson', 'manifest.json']),
      );
      const again = mamori(['restore', archive], restoredDir);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('復元先が空ではありません');
    } finally {
      fs.rmSync(restoredDir, { recursive: true, force: true });
      fs.rmSync(archive, { force: true });
      fs.rmSync(`${archive}.copy`, { force: true });
    }
  });

  it('refuses to back up a data directory that does not exist, and creates nothing', () => {
    const missing = `${dataDir}-typo`;
    const result = mamori(['backup', '--out', `${missing}.backup.gz`], missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('データディレクトリがありません');
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(`${missing}.backup.gz`)).toBe(false);
  });

  it('a backup killed half-way leaves the previous archive as it was', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    // 40 MB of stored files, so the backup is still writing when it is killed.
    for (let i = 0; i < 8; i++)
      await database.db.insert(files).values({ sha256: `kill-test-${i}`, size: 5 << 20, contentType: 'application/pdf', content: randomBytes(5 << 20) });
    await database.close();
    const archive = path.join(dataDir, '..', `${path.basename(dataDir)}.kill.backup.gz`);
    fs.writeFileSync(archive, 'the previous backup');
    try {
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const child = spawn(process.execPath, [bin, 'backup', '--out', archive], {
        env: { ...env, MAMORI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const temporary = `${archive}.tmp-${child.pid}`;
      // Kill it once the new archive has some of the files in it.
      for (let waited = 0; !(fs.existsSync(temporary) && fs.statSync(temporary).size > 5 << 20); waited += 50) {
        if (waited > 60_000) throw new Error('the backup never started writing');
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      await exited;
      expect(fs.readFileSync(archive, 'utf8')).toBe('the previous backup');
    } finally {
      for (const f of fs.readdirSync(path.dirname(archive)).filter((f) => f.startsWith(path.basename(archive))))
        fs.rmSync(path.join(path.dirname(archive), f), { force: true });
    }
  });

  // Eleven CLI runs: slow on a busy machine.
  it('audit verify anchors the chain in a checkpoint file and fails when the newest events or the whole table are deleted', { timeout: 900_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-audit-'));
    try {
      for (const name of ['一', '二', '三']) expect(mamori(['org', 'create', '--name', `医療法人${name}`], dir).code).toBe(0);
      const first = mamori(['audit', 'verify'], dir);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain('チェックポイントはまだありません');
      expect(first.stdout).toContain('checkpoint written');
      const file = path.join(dir, 'audit-checkpoints.jsonl');
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ sequence: 3, keyId: expect.any(String), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(mamori(['audit', 'verify'], dir).stdout).toContain('最新のチェックポイント');

      const database = await openDatabase({ kind: 'pglite', dataDir: dir });
      await database.db.execute(sql`DELETE FROM audit_events WHERE sequence = 3`);
      await database.close();
      const truncated = mamori(['audit', 'verify'], dir);
      expect(truncated.code).toBe(1);
      expect(truncated.stderr).toContain('監査ログの末尾が削除されています');
      expect(truncated.stderr).toContain('#2');

      const emptied = await openDatabase({ kind: 'pglite', dataDir: dir });
      await emptied.db.execute(sql`DELETE FROM audit_events`);
      await emptied.close();
      const empty = mamori(['audit', 'verify'], dir);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toContain('0件');

      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"sequence":3', '"sequence":0'));
      const tampered = mamori(['audit', 'verify'], dir);
      expect(tampered.code).toBe(1);
      expect(tampered.stderr).toContain('チェックポイントファイルが改ざんされています');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
