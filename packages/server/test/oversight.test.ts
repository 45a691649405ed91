import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilityYearSummaries, oversightCursor } from '../src/db/schema.js';
import { asBrowser, call, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { clinic, createTenant, type Tenant } from './helpers/world.js';

/**
 * Issue 16, the dashboards: a corporation sees all its facilities (progress, overdue いいえ, vendors not answering) and
 * exports them; an inspector sees only the facilities that granted access; a system administrator (a prefectural
 * deployment) sees every facility by area; facility staff and vendors see no dashboard.
 */
let t: TestApp;
let sysadmin: Browser;
let a: Tenant;
let b: Tenant;
let inspector: Browser;
let secondFacilityId: string;
let assessmentId: string;

const get = async (who: Browser, query = '') => json(call(t.app, who, 'GET', `/api/v1/oversight?fiscalYear=2023${query}`));
const namesOf = (dashboard: { facilities: { name: string }[] }) => dashboard.facilities.map((f) => f.name);

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  a = await createTenant(t.app, sysadmin, 'A');
  b = await createTenant(t.app, sysadmin, 'B');
  const second = await json(
    call(t.app, sysadmin, 'POST', `/api/v1/organizations/${a.organizationId}/facilities`, {
      ...clinic,
      name: '=HYPERLINK("http://evil.example")分院',
      prefecture: '27',
      healthCenter: '大阪市保健所',
    }),
  );
  secondFacilityId = second.id;

  const assessment = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/assessments`, { fiscalYear: 2023, hasVendorContract: true }),
  );
  assessmentId = assessment.id;
  await json(call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessment.id}/items/gate/rounds/1`, { value: 'yes', date: '2023-07-01' }));
  await json(
    call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessment.id}/items/1(1)/rounds/1`, { value: 'no', date: '2023-07-01', targetDate: '2024-02-01' }),
  );
  const contract = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/contracts`, {
      vendorName: 'カルテ社',
      title: '電子カルテ保守',
      systems: ['電子カルテ'],
      maintenanceContract: true,
      remoteMaintenance: true,
      contactEmail: 'vendor@example.jp',
    }),
  );
  await json(call(t.app, a.manager, 'POST', `/api/v1/contracts/${contract.id}/vendor-forms`, { fiscalYear: 2023 }));

  const created = await json(
    call(t.app, sysadmin, 'POST', '/api/v1/inspectors', {
      email: 'kensa@hokenjo.example.jp',
      name: '検査 一郎',
      prefecture: '13',
      healthCenter: '新宿区保健所',
    }),
  );
  const first = asBrowser(await login(t.app, 'kensa@hokenjo.example.jp', created.temporaryPassword));
  await json(call(t.app, first, 'POST', '/api/v1/me/password', { currentPassword: created.temporaryPassword, newPassword: 'inspector-password-1' }));
  inspector = asBrowser(await login(t.app, 'kensa@hokenjo.example.jp', 'inspector-password-1'));
  await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, { inspectorEmail: 'kensa@hokenjo.example.jp' }));
});
afterAll(() => t.close());

describe('the corporation dashboard', () => {
  it('shows every facility of the corporation with its progress, open targets and vendors not answering', async () => {
    const dashboard = await get(a.admin);
    expect(dashboard.fiscalYear).toBe(2023);
    expect(dashboard.totals).toEqual({ facilities: 2, notStarted: 1, inProgress: 1, ready: 0, overdue: 1, vendorsNotAnswering: 1 });
    const [started] = dashboard.facilities.filter((f: { facilityId: string }) => f.facilityId === a.facilityId);
    expect(started).toMatchObject({
      progress: 'in-progress',
      assessmentId,
      answeredItems: 2,
      overdueItems: 1,
      nextTargetDate: '2024-02-01',
      vendorFormsExpected: 1,
    });
    expect(started.vendorsNotAnswering).toEqual([expect.stringContaining('カルテ社')]);
    expect(dashboard.facilities.find((f: { facilityId: string }) => f.facilityId === secondFacilityId)).toMatchObject({
      progress: 'not-started',
      assessmentId: null,
    });
  });

  it('filters by progress, problem, area and name, and pages', async () => {
    expect(namesOf(await get(a.admin, '&filter=not-started'))).toEqual(['=HYPERLINK("http://evil.example")分院']);
    expect(namesOf(await get(a.admin, '&filter=overdue'))).toEqual(['Aクリニック']);
    expect(namesOf(await get(a.admin, '&filter=vendors-not-answering'))).toEqual(['Aクリニック']);
    expect(namesOf(await get(a.admin, '&filter=ready'))).toEqual([]);
    expect(namesOf(await get(a.admin, '&prefecture=27'))).toEqual(['=HYPERLINK("http://evil.example")分院']);
    expect(namesOf(await get(a.admin, '&q=クリニック'))).toEqual(['Aクリニック']);
    expect(namesOf(await get(a.admin, '&q=%25'))).toEqual([]);
    const paged = await get(a.admin, '&pageSize=1&page=2');
    expect(paged).toMatchObject({ matching: 2, page: 2, pageSize: 1 });
    expect(paged.facilities).toHaveLength(1);
    expect((await call(t.app, a.admin, 'GET', '/api/v1/oversight?filter=late')).statusCode).toBe(400);
  });

  it('counts an answer the moment it is saved', async () => {
    await json(call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessmentId}/items/2(1)/rounds/1`, { value: 'yes', date: '2023-07-02' }));
    const [row] = (await get(a.admin, `&q=${encodeURIComponent('Aクリニック')}`)).facilities;
    expect(row.answeredItems).toBe(3);
  });

  it('exports what the filters keep as CSV (UTF-8 and Shift_JIS) and .xlsx, with formulas neutralised', async () => {
    const csv = await call(t.app, a.admin, 'GET', '/api/v1/oversight/export?fiscalYear=2023&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('facilities_2023_');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('施設名,種別,都道府県,保健所,状況');
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")分院"`);
    expect(csv.body).toContain('東京都');
    expect(csv.body).toContain('2024/02/01');

    const sjis = await call(t.app, a.admin, 'GET', '/api/v1/oversight/export?fiscalYear=2023&format=csv-sjis&filter=overdue');
    expect(iconv.decode(sjis.rawPayload, 'Shift_JIS')).toContain('Aクリニック,診療所,東京都,新宿区保健所,記入中・不備あり');

    const xlsx = await call(t.app, a.admin, 'GET', '/api/v1/oversight/export?fiscalYear=2023&format=xlsx&locale=en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Facilities')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Facility');
    const values = [sheet.getRow(2), sheet.getRow(3)].map((row) => row.getCell(1).value);
    expect(values).toContain('\'=HYPERLINK("http://evil.example")分院');
  });
});

describe('who sees which facilities', () => {
  it('an inspector sees only the facilities that granted access', async () => {
    const dashboard = await get(inspector);
    expect(dashboard.facilities.map((f: { facilityId: string }) => f.facilityId)).toEqual([a.facilityId]);
    expect(dashboard.totals.facilities).toBe(1);
  });

  it('a system administrator sees every facility, and narrows by prefecture and health center', async () => {
    expect((await get(sysadmin)).totals.facilities).toBe(3);
    expect(namesOf(await get(sysadmin, `&prefecture=13&healthCenter=${encodeURIComponent('新宿区保健所')}`))).toEqual(['Aクリニック', 'Bクリニック']);
  });

  it("another corporation's administrator sees only its own, even when asking for A's", async () => {
    expect(namesOf(await get(b.admin))).toEqual(['Bクリニック']);
    const asked = await get(b.admin, `&organizationId=${a.organizationId}`);
    expect(asked.totals.facilities).toBe(0);
    expect(JSON.stringify(asked)).not.toContain('Aクリニック');
  });

  it('facility staff and vendors oversee nothing: 403', async () => {
    expect((await call(t.app, a.manager, 'GET', '/api/v1/oversight')).statusCode).toBe(403);
    expect((await call(t.app, a.viewer, 'GET', '/api/v1/oversight/export?format=csv')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/oversight' })).statusCode).toBe(401);
  });
});

describe('the summaries behind the dashboards', () => {
  it('are rebuilt from the checklists when they are lost (a restore from an older backup, a new server)', async () => {
    const before = await get(sysadmin);
    await t.database.db.delete(facilityYearSummaries);
    await t.database.db.delete(oversightCursor);
    const after = await get(sysadmin);
    expect(after.totals).toEqual(before.totals);
    expect(after.facilities.map((f: { answeredItems: number }) => f.answeredItems)).toEqual(
      before.facilities.map((f: { answeredItems: number }) => f.answeredItems),
    );
  });
});
