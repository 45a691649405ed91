import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, json, setupAdmin, startTestApp, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/**
 * PDF rendering runs on the worker pool, not on the thread that answers requests: while four contact
 * charts of 200 entries (about 2 s of CPU each) are drawn at once, /health keeps answering quickly.
 * With MAMORI_WORKER_THREADS=0 (rendering on the request thread, as before) this test fails.
 */
let t: TestApp;
let tenant: Tenant;

/** The largest chart the schema allows: 200 entries, each called by one of the eight before it. */
function bigChart() {
  const kinds = ['director', 'security_manager', 'it', 'department', 'vendor', 'police'] as const;
  const entries = Array.from({ length: 200 }, (_, i) => ({
    key: `k${i}`,
    kind: kinds[i % kinds.length]!,
    name: `連絡先${i} 山田 太郎`,
    organization: `医療法人さくら会 部署${i}`,
    phone: '03-0000-0000',
    hours: '平日 9:00〜17:00',
  }));
  const edges = entries.slice(1).map((_, i) => ({ from: `k${Math.max(0, i - (i % 8))}`, to: `k${i + 1}`, order: 1 + (i % 8) }));
  return { entries, edges, note: '', baseVersion: null };
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await createTenant(t.app, await setupAdmin(t.app), 'A');
  await json(call(t.app, tenant.manager, 'PUT', `/api/v1/facilities/${tenant.facilityId}/contact-chart`, bigChart()));
  // The pool starts its worker on first use: start it here, so the figure below is of the rendering.
  expect((await call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/ledgers/assets/export?format=csv`)).statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('heavy work off the request thread', () => {
  it('four concurrent 200-entry contact chart PDFs while /health answers within 200 ms', { timeout: 180_000 }, async () => {
    const url = `/api/v1/facilities/${tenant.facilityId}/contact-chart/export.pdf`;
    const pdfs = Promise.all(Array.from({ length: 4 }, () => call(t.app, tenant.manager, 'GET', url)));
    let done = false;
    void pdfs.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      latencies.push(performance.now() - started);
      expect(health.statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const pdf of await pdfs) {
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(latencies.length).toBeGreaterThan(10);
    // The first /health may wait behind the four requests' own reads (PGlite runs on this thread); every
    // one after it is answered while the PDFs are being drawn. Drawn on this thread, each chart held /health
    // for seconds (7.4 s p99 in the benchmark); the bound leaves room for a machine busy with other suites.
    const [first, ...during] = latencies;
    expect(first).toBeLessThan(1_000);
    expect(Math.max(...during)).toBeLessThan(1_000);
  });
});
