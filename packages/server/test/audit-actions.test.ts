import { auditActionLabel, auditActionsOf, isAuditAction, type AuditAction } from '@mamori/domain';
import { recordAudit } from '../src/audit/record.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema.js';
import { call, json, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/* Issue 13: the audit trail in plain words, filtered by the kind of record. */
let t: TestApp;
let sysadmin: Browser;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'Words');
  await json(call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assets`, { managementNumber: 'PC-1', kind: 'terminal' }));
  await json(
    call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/contracts`, {
      vendorName: 'A社',
      title: '保守',
      systems: ['電子カルテ'],
      maintenanceContract: true,
      remoteMaintenance: false,
    }),
  );
});
afterAll(() => t.close());

describe('audit actions', () => {
  it('every action written is in the one typed list, and has Japanese and English words', async () => {
    const actions = new Set((await t.database.db.select({ action: auditEvents.action }).from(auditEvents)).map((e) => e.action));
    expect(actions.size).toBeGreaterThan(5);
    for (const action of actions) {
      expect(isAuditAction(action), action).toBe(true);
      expect(auditActionLabel(action, 'ja')).not.toBe(action);
      expect(auditActionLabel(action, 'en')).not.toBe(action);
    }
  });

  it('filters by the kind of record: ledgers, vendors', async () => {
    const url = (kind: string) => `/api/v1/audit-events?facilityId=${tenant.facilityId}&kind=${kind}`;
    const ledger = await json(call(t.app, tenant.manager, 'GET', url('ledger')));
    expect(ledger.items.map((e: { action: string }) => e.action)).toEqual(['asset.create']);
    const vendor = await json(call(t.app, tenant.manager, 'GET', url('vendor')));
    expect(vendor.items.map((e: { action: string }) => e.action).sort()).toEqual(['contract.create', 'vendor.create']);
    expect(vendor.items.every((e: { action: string }) => (auditActionsOf('vendor') as string[]).includes(e.action))).toBe(true);
    expect((await call(t.app, tenant.manager, 'GET', url('nonsense'))).statusCode).toBe(400);
  });

  it('an event stored under a former spelling reads, labels and filters as the action it means', async () => {
    await t.database.db.transaction((tx) =>
      recordAudit(
        tx,
        { actorId: null, ip: null },
        {
          action: 'vendor_form.request' as AuditAction,
          entityType: 'vendor_form',
          entityId: null,
          facilityId: tenant.facilityId,
          organizationId: tenant.organizationId,
        },
      ),
    );
    expect(auditActionLabel('vendor_form.request', 'ja')).toBe(auditActionLabel('vendorForm.request', 'ja'));
    expect(auditActionLabel('vendor_form.request', 'en')).toBe('Vendor form requested');
    const byKind = await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&kind=vendor`));
    expect(byKind.items.map((e: { action: string }) => e.action)).toContain('vendor_form.request');
    const byAction = await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&action=vendorForm.request`));
    expect(byAction.items.map((e: { action: string }) => e.action)).toEqual(['vendor_form.request']);
  });
});
