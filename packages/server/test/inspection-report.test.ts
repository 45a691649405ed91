import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspectionReport, inspectionReportWords, type Evaluation } from '@mamori/domain';
import { asBrowser, call, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/**
 * Issue 16: the inspector's readiness report (立入検査 準備状況レポート) as PDF. It matches the evaluation the checklist
 * page shows, follows the inspection guide's points, and is read by the facility's people and by an inspector the
 * facility granted access; anyone else gets 404.
 */
let t: TestApp;
let a: Tenant;
let b: Tenant;
let inspector: Browser;
let stranger: Browser;
let assessmentId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-inspection-report-'));

async function inspectorAccount(sysadmin: Browser, email: string, healthCenter: string): Promise<Browser> {
  const created = await json(call(t.app, sysadmin, 'POST', '/api/v1/inspectors', { email, name: `検査 ${healthCenter}`, prefecture: '13', healthCenter }));
  const first = asBrowser(await login(t.app, email, created.temporaryPassword));
  await json(call(t.app, first, 'POST', '/api/v1/me/password', { currentPassword: created.temporaryPassword, newPassword: 'inspector-password-1' }));
  return asBrowser(await login(t.app, email, 'inspector-password-1'));
}

beforeAll(async () => {
  t = await startTestApp();
  const sysadmin = await setupAdmin(t.app);
  a = await createTenant(t.app, sysadmin, 'A');
  b = await createTenant(t.app, sysadmin, 'B');
  inspector = await inspectorAccount(sysadmin, 'kensa@hokenjo.example.jp', '新宿区保健所');
  stranger = await inspectorAccount(sysadmin, 'other@hokenjo.example.jp', '大阪市保健所');
  await json(call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/inspection-grants`, { inspectorEmail: 'kensa@hokenjo.example.jp' }));
  // A 2023 clinic with a vendor contract: the gate and 2(6) answered (2(6) いいえ without a target date), nothing else,
  // no vendor form, no contact chart.
  const assessment = await json(
    call(t.app, a.manager, 'POST', `/api/v1/facilities/${a.facilityId}/assessments`, { fiscalYear: 2023, hasVendorContract: true }),
  );
  assessmentId = assessment.id;
  await json(call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessmentId}/items/gate/rounds/1`, { value: 'yes', date: '2023-07-01' }));
  await json(call(t.app, a.manager, 'PUT', `/api/v1/assessments/${assessmentId}/items/2(6)@server/rounds/1`, { value: 'no', date: '2023-07-01' }));
  const inspection = await json(
    call(t.app, inspector, 'POST', `/api/v1/facilities/${a.facilityId}/inspections`, {
      inspectedOn: '2023-11-20',
      findings: [{ itemId: '3(1)', text: '連絡体制図が作成されていない', followUpRequested: true }],
    }),
  );
  await json(
    call(t.app, a.manager, 'PUT', `/api/v1/inspection-findings/${inspection.findings[0].id}/answer`, {
      version: 1,
      answer: '連絡体制図を作成中（12月末まで）',
    }),
  );
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const url = (facilityId = a.facilityId, id = assessmentId, query = '') => `/api/v1/facilities/${facilityId}/assessments/${id}/inspection-report.pdf${query}`;

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  // Without -layout, a wrapped line joins the next: the checks below look for short phrases only.
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

async function download(who: Browser, name: string, query = '') {
  const response = await call(t.app, who, 'GET', url(a.facilityId, assessmentId, query));
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return { text: pdfText(response.rawPayload, name), disposition: String(response.headers['content-disposition']) };
}

describe('the readiness report PDF', () => {
  it("a member downloads it: the guide's points, their statuses and the verdict the checklist page shows", async () => {
    const { evaluation } = (await json(call(t.app, a.viewer, 'GET', `/api/v1/assessments/${assessmentId}`))) as { evaluation: Evaluation };
    expect(evaluation.inspection.ready).toBe(false);
    const report = buildInspectionReport(evaluation);
    const { text, disposition } = await download(a.viewer, 'member');
    const words = inspectionReportWords.ja;
    for (const expected of [
      words.title,
      'Aクリニック',
      '令和5年度（2023年度）',
      words.verdict.notReady,
      words.parts.institution,
      words.parts.vendor,
      '［①-2］',
      '［①-3］',
      '［①-4］',
      '［②-1］',
      words.problems.unanswered,
      words.problems['missing-target-date'],
      words.problems['contact-chart-missing'],
      words.problems['vendor-form-missing'],
      '2(6) サーバ',
      words.reference.heading,
      words.labels.inspections,
      '連絡体制図が作成されていない',
      '連絡体制図を作成中（12月末まで）',
      '新宿区保健所',
    ])
      expect(text).toContain(expected);
    // Every point's status as the report built from the page's evaluation has it.
    const statuses = [...text.matchAll(/^(満たしている|満たしていない|対象外)/gm)].map((m) => m[1]);
    expect(statuses).toEqual(report.points.map((p) => words.status[p.status]));
    expect(disposition).toContain('mamori-2023-inspection-report.pdf');
    expect(decodeURIComponent(disposition)).toContain('Aクリニック_令和5年度_立入検査準備状況レポート.pdf');
  });

  it('a granted inspector downloads it too, in English on request', async () => {
    const { text } = await download(inspector, 'inspector-en', '?locale=en');
    const words = inspectionReportWords.en;
    for (const expected of [words.title, words.verdict.notReady, 'FY2023', '[①-1]', words.status['not-met'], '2(6) servers']) expect(text).toContain(expected);
  });

  it('a facility that meets every point reads 満たしている overall, with ② 対象外 without a vendor contract', async () => {
    const own = await json(call(t.app, b.manager, 'POST', `/api/v1/facilities/${b.facilityId}/assessments`, { fiscalYear: 2023, hasVendorContract: false }));
    for (const item of ['gate', '1(1)', '2(1)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network', '3(1)'])
      await json(call(t.app, b.manager, 'PUT', `/api/v1/assessments/${own.id}/items/${item}/rounds/1`, { value: 'yes', date: '2023-07-01' }));
    await json(
      call(t.app, b.manager, 'PUT', `/api/v1/facilities/${b.facilityId}/contact-chart`, {
        entries: [{ key: 'd', kind: 'director', name: 'B院長' }],
        edges: [],
        baseVersion: null,
      }),
    );
    const { evaluation } = (await json(call(t.app, b.manager, 'GET', `/api/v1/assessments/${own.id}`))) as { evaluation: Evaluation };
    expect(evaluation.inspection.ready).toBe(true);
    const response = await call(t.app, b.manager, 'GET', url(b.facilityId, own.id));
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload, 'ready');
    const words = inspectionReportWords.ja;
    expect(text).toContain(words.verdict.ready);
    expect(text).not.toContain(words.status['not-met']);
    expect(text).toContain(words.notApplicable['no-vendor-contract']);
    expect(text).toContain('2(2)、2(3)');
    expect(text).toContain(words.labels.noInspections);
  });

  it('an inspector the facility did not grant, another tenant, or a mismatched facility in the path get 404', async () => {
    expect((await call(t.app, stranger, 'GET', url())).statusCode).toBe(404);
    expect((await call(t.app, b.manager, 'GET', url())).statusCode).toBe(404);
    expect((await call(t.app, b.admin, 'GET', url())).statusCode).toBe(404);
    expect((await call(t.app, a.manager, 'GET', url(b.facilityId))).statusCode).toBe(404);
    expect((await call(t.app, inspector, 'GET', url(b.facilityId))).statusCode).toBe(404);
  });
});
