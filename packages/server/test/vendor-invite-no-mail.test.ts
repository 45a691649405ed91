import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, json, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

// A clinic on one PC has no mail server: the facility must get the link to pass on itself (issue 13, item 1).
let t: TestApp;
let tenant: Tenant;
let sysadmin: Browser;
const fiscalYear = fiscalYearOf(todayInTokyo());
const api = (path: string) => `/api/v1${path}`;
const linkPattern = /^https:\/\/clinic\.example\.jp\/vendor-invite\/[\w-]+$/;

beforeAll(async () => {
  t = await startTestApp({ MAMORI_PUBLIC_URL: 'https://clinic.example.jp' });
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'N');
  await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/assessments`), { fiscalYear, hasVendorContract: true }));
});
afterAll(() => t.close());

describe('vendor invitations without a mail server', () => {
  it('requesting a form returns the link to pass on; the link opens the invitation', async () => {
    const contract = await json(
      call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), {
        vendorName: 'カルテ株式会社',
        title: '電子カルテ保守',
        systems: ['電子カルテ'],
        maintenanceContract: true,
        remoteMaintenance: false,
        contactName: '鈴木',
        contactEmail: 'desk@karte.example.jp',
      }),
    );
    const requested = await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear }));
    expect(requested).toMatchObject({ status: 'requested', mailSent: false });
    expect(requested.invitationUrl).toMatch(linkPattern);
    const token = requested.invitationUrl.split('/').pop();
    const preview = await json(t.app.inject({ method: 'GET', url: api(`/vendor-invitations/${token}`) }));
    expect(preview).toMatchObject({ email: 'desk@karte.example.jp', vendorName: 'カルテ株式会社' });

    const resent = await json(call(t.app, tenant.manager, 'POST', api(`/vendor-forms/${requested.id}/invitation`), { email: 'desk2@karte.example.jp' }));
    expect(resent).toMatchObject({ mailSent: false });
    expect(resent.invitationUrl).toMatch(linkPattern);
    expect(resent.invitationUrl).not.toBe(requested.invitationUrl);
    expect((await t.app.inject({ method: 'GET', url: api(`/vendor-invitations/${token}`) })).statusCode).toBe(404);
  });

  it('a viewer cannot request a form, and so never sees a link', async () => {
    const contracts = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/contracts`)));
    const denied = await call(t.app, tenant.viewer, 'POST', api(`/contracts/${contracts[0].id}/vendor-forms`), { fiscalYear });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain('vendor-invite');
  });
});
