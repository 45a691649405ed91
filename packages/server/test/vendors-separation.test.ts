import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { asBrowser, call, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { startSmtpCapture, type SmtpCapture } from './helpers/smtp.js';
import { createTenant, type Tenant } from './helpers/world.js';

// Security review, issue 12 finding 7: a facility manager sent the vendor link to their own address, became
// the vendor, answered and submitted the vendor's form, and accepted it as the facility.
let t: TestApp;
let smtp: SmtpCapture;
let sysadmin: Browser;
let tenant: Tenant;
const today = todayInTokyo();
const fiscalYear = fiscalYearOf(today);
const catalog = loadCatalog();
const required = catalog.form(catalog.editionForFiscalYear(fiscalYear)!, 'vendor')!.items.filter((i) => i.requirement === 'required');
const api = (path: string) => `/api/v1${path}`;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApp({ MAMORI_SMTP_URL: smtp.url });
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'S');
  await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/assessments`), { fiscalYear, hasVendorContract: true }));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** A contract whose vendor form is requested from `email`; returns the form and the link's token. */
async function requestFrom(title: string, email: string) {
  const contract = await json(
    call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), {
      vendorName: `${title}株式会社`,
      title,
      systems: ['電子カルテ'],
      maintenanceContract: true,
      remoteMaintenance: false,
      contactName: '担当',
      contactEmail: email,
    }),
  );
  const form = await json(call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear }));
  await t.jobs.drain();
  const mail = await smtp.waitFor((m) => m.to === email.toLowerCase(), 5000);
  const token = /\/vendor-invite\/([\w-]+)/.exec(mail.text)![1]!;
  return { contract, form, token };
}

describe('nobody on the facility’s side can become its vendor', () => {
  it.each([
    ['the facility’s manager', 'manager-S@example.jp', () => tenant.manager],
    ['a viewer of the facility', 'viewer-S@example.jp', () => tenant.viewer],
    ['an administrator of its organization', 'admin-S@example.jp', () => tenant.admin],
  ])('refuses %s opening the vendor link sent to their own address', async (_who, email, browser) => {
    const { token } = await requestFrom(`自社${email.split('-')[0]}`, email);
    const refused = await call(t.app, browser(), 'POST', api(`/vendor-invitations/${token}/accept`), {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({
      code: 'vendor_invitation_own_facility',
      message:
        'この医療機関(法人)の職員のアカウントでは、この医療機関の事業者として登録できません。依頼は事業者の担当者ご本人のメールアドレスに送ってください。',
    });
    expect((await json(call(t.app, browser(), 'GET', api('/auth/session')))).memberships.vendors).toEqual([]);
    // Nothing was used up: the link still opens for the vendor it was meant for.
    expect((await t.app.inject({ method: 'GET', url: api(`/vendor-invitations/${token}`) })).statusCode).toBe(200);
  });
});

describe('whoever answered a vendor form cannot accept it', () => {
  it('refuses the review of a vendor user who later joined the facility, and lets a colleague accept', async () => {
    const { form, token } = await requestFrom('兼任', 'kennin@vendor.example.jp');
    const vendor = asBrowser(
      await t.app.inject({ method: 'POST', url: api(`/vendor-invitations/${token}/accept`), payload: { name: '兼任 一郎', password: 'vendor-password-1' } }),
    );
    for (const item of required) {
      await json(
        call(t.app, vendor, 'PUT', api(`/vendor-forms/${form.id}/items/${encodeURIComponent(item.id)}/rounds/1`), {
          value: 'yes',
          date: today,
          note: '手順書で実施',
        }),
      );
    }
    let detail = await json(call(t.app, vendor, 'GET', api(`/vendor-forms/${form.id}`)));
    detail = await json(call(t.app, vendor, 'POST', api(`/vendor-forms/${form.id}/submit`), { version: detail.form.version }));
    expect(detail.form.status).toBe('submitted');

    // The same person is then made a manager of the facility.
    const invitation = await json(
      call(t.app, tenant.admin, 'POST', api(`/organizations/${tenant.organizationId}/invitations`), {
        email: 'kennin@vendor.example.jp',
        facilityRoles: [{ facilityId: tenant.facilityId, role: 'manager' }],
      }),
    );
    const both = asBrowser(await login(t.app, 'kennin@vendor.example.jp', 'vendor-password-1'));
    await json(call(t.app, both, 'POST', api(`/invitations/by-token/${invitation.token}/accept`), {}));

    const refused = await call(t.app, both, 'POST', api(`/vendor-forms/${form.id}/accept`), { version: detail.form.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({
      code: 'vendor_form_self_review',
      message: 'このチェックリストに回答した方は、確認済みにできません。回答していない別の職員が確認してください。',
    });
    const accepted = await json(call(t.app, tenant.manager, 'POST', api(`/vendor-forms/${form.id}/accept`), { version: detail.form.version }));
    expect(accepted.form.status).toBe('accepted');
  });
});
