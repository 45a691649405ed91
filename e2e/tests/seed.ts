import { expect, request as newRequest, type APIRequestContext, type Page } from '@playwright/test';
import { currentFiscalYear } from './planner.js';
import { noMailPort } from './ports.js';

/**
 * Journeys on the second server (no mail server) seed their own clinic through the API, so each runs alone
 * and in any order: the first one to run creates the system administrator, the others sign in as them.
 * Seeding uses request contexts of its own, so the browser page starts signed out.
 */
export const systemAdmin = { name: '北 一郎', email: 'kita@mamori-e2e.example.jp', password: 'kita-system-admin-2026' };

export interface Api {
  post<T = { id: string }>(url: string, data: object): Promise<T>;
  put<T = { id: string }>(url: string, data: object): Promise<T>;
}

async function asSystemAdmin(request: APIRequestContext): Promise<Api> {
  let response = await request.post('/api/v1/setup', { data: systemAdmin });
  if (response.status() === 409) response = await request.post('/api/v1/auth/login', { data: { email: systemAdmin.email, password: systemAdmin.password } });
  expect(response.ok(), await response.text()).toBe(true);
  const headers = { 'X-CSRF-Token': ((await response.json()) as { csrfToken: string }).csrfToken };
  const send = (method: 'post' | 'put') => async <T>(url: string, data: object) => {
    const sent = await request[method](url, { data, headers });
    expect(sent.ok(), `${method.toUpperCase()} ${url}: ${await sent.text()}`).toBe(true);
    return (await sent.json()) as T;
  };
  return { post: send('post'), put: send('put') };
}

export interface Clinic {
  baseURL: string;
  api: Api;
  organizationId: string;
  facilityId: string;
  assessmentId: string;
  facilityName: string;
}

/** An organization with one clinic and this fiscal year's checklist, made by the system administrator. */
export async function seedClinic(baseURL: string, facilityName: string, options: { hasVendorContract: boolean }): Promise<Clinic> {
  const api = await asSystemAdmin(await newRequest.newContext({ baseURL }));
  const organization = await api.post('/api/v1/organizations', { name: `医療法人${facilityName}会` });
  const facility = await api.post(`/api/v1/organizations/${organization.id}/facilities`, { name: facilityName, kind: 'clinic', prefecture: '01', healthCenter: '札幌市保健所' });
  const assessment = await api.post(`/api/v1/facilities/${facility.id}/assessments`, { fiscalYear: currentFiscalYear(), hasVendorContract: options.hasVendorContract });
  return { baseURL, api, organizationId: organization.id, facilityId: facility.id, assessmentId: assessment.id, facilityName };
}

/** A colleague with a role in the clinic, signed up through the invitation link (no mail server needed). */
export async function addColleague(clinic: Clinic, person: { name: string; email: string; password: string }, role: 'manager' | 'planner') {
  const invitation = await clinic.api.post<{ token: string }>(`/api/v1/organizations/${clinic.organizationId}/invitations`, {
    email: person.email,
    facilityRoles: [{ facilityId: clinic.facilityId, role }],
  });
  const invitee = await newRequest.newContext({ baseURL: clinic.baseURL });
  const accepted = await invitee.post(`/api/v1/invitations/by-token/${invitation.token}/accept`, { data: { name: person.name, password: person.password } });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await invitee.dispose();
}

export const noMailBaseURL = `http://127.0.0.1:${noMailPort}`;

/** Signs in through the sign-in screen and waits for the dashboard. */
export async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(person.email);
  await page.getByLabel('パスワード', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'ダッシュボード' })).toBeVisible();
}
