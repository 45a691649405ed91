import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/connect.js';
import { auditEvents } from '../src/db/schema.js';
import { runMamori } from './helpers/cli.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-inspectors-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const mamori = (args: string[]) => runMamori(args, dataDir, { env: {}, timeoutMs: 180_000 });

/** 立入検査 by script: an inspector account, then a facility's grant and its revocation. */
describe('mamori user create|disable|enable / inspection grant|revoke', { timeout: 180_000 }, () => {
  it('creates an inspector with a temporary password shown once, grants and revokes access', () => {
    const org = JSON.parse(mamori(['org', 'create', '--name', '医療法人検査会']).stdout);
    const facility = JSON.parse(mamori(['facility', 'create', '--org', org.id, '--name', '検査クリニック', '--kind', 'clinic', '--prefecture', '13']).stdout);

    const created = mamori([
      'user',
      'create',
      '--email',
      'Kensa@Hokenjo.example.jp',
      '--name',
      '検査 一郎',
      '--role',
      'inspector',
      '--prefecture',
      '13',
      '--health-center',
      '新宿区保健所',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const inspector = JSON.parse(created.stdout);
    expect(inspector).toMatchObject({ email: 'kensa@hokenjo.example.jp', name: '検査 一郎', prefecture: '13', healthCenter: '新宿区保健所' });
    expect(inspector.temporaryPassword).toMatch(/.{10,}/);

    const wrongRole = mamori(['user', 'create', '--email', 'x@example.jp', '--name', 'x', '--role', 'admin', '--prefecture', '13', '--health-center', 'x']);
    expect(wrongRole.code).not.toBe(0);
    expect(wrongRole.stderr).toContain('role: inspector');

    const granted = mamori(['inspection', 'grant', '--facility', facility.id, '--inspector', 'kensa@hokenjo.example.jp']);
    expect(granted.code, granted.stderr).toBe(0);
    expect(JSON.parse(granted.stdout)).toMatchObject({ facilityId: facility.id, inspectorId: inspector.id });
    const twice = mamori(['inspection', 'grant', '--facility', facility.id, '--inspector', 'kensa@hokenjo.example.jp']);
    expect(twice.code).toBe(1);
    const unknown = mamori(['inspection', 'grant', '--facility', facility.id, '--inspector', 'nobody@example.jp']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('検査員は登録されていません');

    const revoked = mamori(['inspection', 'revoke', '--facility', facility.id, '--inspector', 'kensa@hokenjo.example.jp']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ facilityId: facility.id, inspectorEmail: 'kensa@hokenjo.example.jp' });
    const again = mamori(['inspection', 'revoke', '--facility', facility.id, '--inspector', 'kensa@hokenjo.example.jp']);
    expect(again.code).toBe(1);

    // An inspector who left: disabled, no facility can grant them access, then enabled again.
    const disabled = mamori(['user', 'disable', '--email', 'kensa@hokenjo.example.jp']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ id: inspector.id, disabledAt: expect.any(String) });
    const grantDisabled = mamori(['inspection', 'grant', '--facility', facility.id, '--inspector', 'kensa@hokenjo.example.jp']);
    expect(grantDisabled.code).toBe(1);
    expect(grantDisabled.stderr).toContain('無効になっています');
    const enabled = mamori(['user', 'enable', '--email', 'kensa@hokenjo.example.jp']);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(JSON.parse(enabled.stdout)).toMatchObject({ id: inspector.id, disabledAt: null });
    const notInspector = mamori(['user', 'disable', '--email', 'nobody@example.jp']);
    expect(notInspector.code).toBe(1);
    expect(notInspector.stderr).toContain('検査員が見つかりません');

    const verified = mamori(['audit', 'verify']);
    expect(verified.code, verified.stderr).toBe(0);
  });

  it("assigns a jurisdiction's facilities at once (a regional deployment), each grant audited, again only the new ones", async () => {
    const org = JSON.parse(mamori(['org', 'create', '--name', '医療法人広域会']).stdout);
    const facility = (name: string, prefecture: string, healthCenter: string) =>
      JSON.parse(
        mamori(['facility', 'create', '--org', org.id, '--name', name, '--kind', 'clinic', '--prefecture', prefecture, '--health-center', healthCenter]).stdout,
      ).id as string;
    facility('横浜第一クリニック', '14', '横浜市保健所');
    facility('川崎クリニック', '14', '川崎市保健所');
    facility('千葉クリニック', '12', '千葉市保健所');
    const inspector = mamori([
      'user',
      'create',
      '--email',
      'kanagawa@pref.example.jp',
      '--name',
      '神奈川 検査',
      '--role',
      'inspector',
      '--prefecture',
      '14',
      '--health-center',
      '横浜市保健所',
    ]);
    expect(inspector.code, inspector.stderr).toBe(0);

    const oneCenter = mamori(['inspection', 'grant', '--inspector', 'kanagawa@pref.example.jp', '--prefecture', '14', '--health-center', '横浜市保健所']);
    expect(oneCenter.code, oneCenter.stderr).toBe(0);
    expect(JSON.parse(oneCenter.stdout)).toEqual({
      inspectorEmail: 'kanagawa@pref.example.jp',
      prefecture: '14',
      healthCenter: '横浜市保健所',
      facilities: 1,
      granted: 1,
    });
    const wholePrefecture = mamori(['inspection', 'grant', '--inspector', 'kanagawa@pref.example.jp', '--prefecture', '14']);
    expect(JSON.parse(wholePrefecture.stdout)).toEqual({ inspectorEmail: 'kanagawa@pref.example.jp', prefecture: '14', facilities: 2, granted: 1 });
    const again = mamori(['inspection', 'grant', '--inspector', 'kanagawa@pref.example.jp', '--prefecture', '14']);
    expect(JSON.parse(again.stdout)).toMatchObject({ facilities: 2, granted: 0 });

    const both = mamori(['inspection', 'grant', '--inspector', 'kanagawa@pref.example.jp', '--prefecture', '14', '--facility', org.id]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('どちらか一方');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const events = await database.db
        .select({ facilityId: auditEvents.facilityId })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'inspectionGrant.create'), sql`${auditEvents.changes}->'inspectorEmail'->>'after' = 'kanagawa@pref.example.jp'`));
      expect(events).toHaveLength(2);
    } finally {
      await database.close();
    }
  });
});
