import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPREADSHEET_LIMITS } from '../src/ledgers/spreadsheet-error.js';
import { cellsXlsx, inflatingXlsx, lyingXlsx } from './helpers/bombs.js';
import { multipartFile, setupAdmin, startTestApp, upload, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/**
 * Ledger files built to exhaust the server: an .xlsx that inflates a thousandfold, one whose zip directory
 * lies about the sizes, millions of cells or rows, CSVs of tiny cells and a 24 MB cell. Each is refused
 * (413 with the limit in Japanese) or reported, quickly, while the server keeps answering.
 */
let t: TestApp;
let tenant: Tenant;
beforeAll(async () => {
  t = await startTestApp();
  tenant = await createTenant(t.app, await setupAdmin(t.app), 'A');
  // The pool starts its worker on first use; the timings below are of the refusals, not of that start.
  expect((await preview(Buffer.from('管理番号\nPC-0\n'), 'warm.csv', 'text/csv')).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const preview = (content: Buffer, name: string, type: string) =>
  upload(t.app, tenant.manager, `/api/v1/facilities/${tenant.facilityId}/ledgers/assets/import`, multipartFile(name, type, content));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Polls /health until `work` settles; returns the slowest answer in ms and how many were made. */
async function healthWhile(app: FastifyInstance, work: Promise<unknown>): Promise<{ slowest: number; count: number }> {
  let settled = false;
  void work.finally(() => (settled = true));
  let slowest = 0;
  let count = 0;
  while (!settled) {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    slowest = Math.max(slowest, performance.now() - started);
    expect(response.statusCode).toBe(200);
    count++;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { slowest, count };
}

describe('ledger files that would exhaust the server', () => {
  it('an .xlsx of 0.2 MB that inflates to 200 MB (the review stalled the server 19 s with one): 413 naming the limit, refused before it is inflated', async () => {
    const bomb = await inflatingXlsx(200);
    expect(bomb.length).toBeLessThan(512 * 1024);
    const started = performance.now();
    const response = await preview(bomb, 'bomb.xlsx', XLSX);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain(`展開後の上限 ${SPREADSHEET_LIMITS.inflatedBytes / 1024 / 1024}MB`);
  });

  it('an .xlsx whose zip directory says 1 KB but inflates to 50 MB: stopped at the declared size, reported as unreadable', async () => {
    const response = await preview(await lyingXlsx(50), 'liar.xlsx', XLSX);
    expect(response.statusCode).toBe(200);
    expect(response.json().errors[0].reason).toContain('Excel ファイルとして読めません');
  });

  it('3 million cells: 413 naming the cell limit, while /health keeps answering within 200 ms', async () => {
    const bomb = await cellsXlsx(30_000, 100);
    const refused = preview(bomb, 'cells.xlsx', XLSX);
    const health = await healthWhile(t.app, refused);
    const response = await refused;
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain('セルが多すぎます（ファイル全体で上限 2,000,000 セル）');
    expect(health.count).toBeGreaterThan(0);
    expect(health.slowest).toBeLessThan(200);
  });

  it('150,000 rows in an .xlsx, and in a CSV: 413 naming the row limit', async () => {
    const xlsx = await preview(await cellsXlsx(150_000, 1), 'rows.xlsx', XLSX);
    expect(xlsx.statusCode).toBe(413);
    expect(xlsx.json().error.message).toContain('行が多すぎます（上限 100,000 行）');
    const csv = await preview(Buffer.from(`管理番号\n${'PC\n'.repeat(150_000)}`), 'rows.csv', 'text/csv');
    expect(csv.statusCode).toBe(413);
    expect(csv.json().error.message).toContain('行が多すぎます（上限 100,000 行）');
  });

  it('a CSV of 2.1 million empty cells (4 MB of commas): 413 naming the cell limit', async () => {
    const line = `${','.repeat(999)}\n`;
    const response = await preview(Buffer.from(`管理番号,機器名\n${line.repeat(2_100)}`), 'cells.csv', 'text/csv');
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain('セルが多すぎます');
  });

  it('a 24 MB cell is echoed as its first 100 characters and "…", not whole', async () => {
    const response = await preview(Buffer.from(`管理番号,登録日\nPC-1,${'9'.repeat(24 * 1024 * 1024)}\n`), 'huge-cell.csv', 'text/csv');
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBeLessThan(10_000);
    const [problem] = response.json().errors;
    expect(problem).toMatchObject({ row: 2, column: '登録日', value: `${'9'.repeat(100)}…` });
  });
});
