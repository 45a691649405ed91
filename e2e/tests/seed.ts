import { expect, request as newRequest, type APIRequestContext, type Page } from '@playwright/test';
import { appPort, firstRunPort, noMailPort } from './ports.js';

/**
 * Every journey seeds a clinic of its own through the API, so each runs alone and in any order: on a
 * server, the first seeding creates the system administrator, the later ones sign in as them. Seeding uses
 * request contexts of its own, so the browser page starts signed out.
 */
export const systemAdmin = { name: '北 一郎', email: 'kita@mamori-e2e.example.jp', password: 'kita-system-admin-2026' };

/** The main server, whose mail goes to 06-vendor-portal's SMTP capture. */
export const appBaseURL = `http://127.0.0.1:${appPort}`;
/** A server with no MAMORI_SMTP_URL: the embedded default a clinic starts with. */
export const noMailBaseURL = `http://127.0.0.1:${noMailPort}`;
/** A server nobody sets up but 01-platform, through the first-run screen. */
export const firstRunBaseURL = `http://127.0.0.1:${firstRunPort}`;

export const shot = (page: Page, name: string) => page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });

/** Today in Japan, as the app dates answers (YYYY-MM-DD). */
const todayInTokyo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

/** Today's fiscal year in Japan (April–March), as the app computes it. */
export function currentFiscalYear(): number {
  const [year, month] = todayInTokyo().split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

export interface Api {
  get<T>(url: string): Promise<T>;
  post<T = { id: string }>(url: string, data: object): Promise<T>;
  put<T = { id: string }>(url: string, data: object): Promise<T>;
  /** Sends one file as the web app does (multipart, field "file"). */
  upload<T = { id: string }>(url: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<T>;
}

async function asSystemAdmin(request: APIRequestContext): Promise<Api> {
  let response = await request.post('/api/v1/setup', { data: systemAdmin });
  if (response.status() === 409) response = await request.post('/api/v1/auth/login', { data: { email: systemAdmin.email, password: systemAdmin.password } });
  expect(response.ok(), await response.text()).toBe(true);
  const headers = { 'X-CSRF-Token': ((await response.json()) as { csrfToken: string }).csrfToken };
  const ok = async <T>(what: string, sent: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(sent.ok(), `${what}: ${await sent.text()}`).toBe(true);
    return (await sent.json()) as T;
  };
  return {
    get: async (url) => ok(`GET ${url}`, await request.get(url)),
    post: async (url, data) => ok(`POST ${url}`, await request.post(url, { data, headers })),
    put: async (url, data) => ok(`PUT ${url}`, await request.put(url, { data, headers })),
    upload: async (url, file) => ok(`POST ${url}`, await request.post(url, { multipart: { file }, headers })),
  };
}

export interface Facility {
  baseURL: string;
  api: Api;
  organizationId: string;
  facilityId: string;
  facilityName: string;
}

export interface Clinic extends Facility {
  assessmentId: string;
}

/** An organization with one clinic and no checklist yet, made by the system administrator. */
export async function seedFacility(baseURL: string, facilityName: string): Promise<Facility> {
  const api = await asSystemAdmin(await newRequest.newContext({ baseURL }));
  const organization = await api.post('/api/v1/organizations', { name: `医療法人${facilityName}会` });
  const facility = await api.post(`/api/v1/organizations/${organization.id}/facilities`, {
    name: facilityName,
    kind: 'clinic',
    prefecture: '01',
    healthCenter: '札幌市保健所',
  });
  return { baseURL, api, organizationId: organization.id, facilityId: facility.id, facilityName };
}

/** An organization with one clinic and this fiscal year's checklist, made by the system administrator. */
export async function seedClinic(baseURL: string, facilityName: string, options: { hasVendorContract: boolean }): Promise<Clinic> {
  const facility = await seedFacility(baseURL, facilityName);
  const assessment = await facility.api.post(`/api/v1/facilities/${facility.facilityId}/assessments`, {
    fiscalYear: currentFiscalYear(),
    hasVendorContract: options.hasVendorContract,
  });
  return { ...facility, assessmentId: assessment.id };
}

/** A colleague with a role in the clinic, signed up through the invitation link (no mail server needed). */
export async function addColleague(
  clinic: Facility,
  person: { name: string; email: string; password: string },
  role: 'manager' | 'planner' | 'operator' | 'viewer',
) {
  const invitation = await clinic.api.post<{ token: string }>(`/api/v1/organizations/${clinic.organizationId}/invitations`, {
    email: person.email,
    facilityRoles: [{ facilityId: clinic.facilityId, role }],
  });
  const invitee = await newRequest.newContext({ baseURL: clinic.baseURL });
  const accepted = await invitee.post(`/api/v1/invitations/by-token/${invitation.token}/accept`, { data: { name: person.name, password: person.password } });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await invitee.dispose();
}

interface AssessmentDetail {
  answers: Record<string, unknown[]>;
  evaluation: {
    institution: { items: { id: string; requirement: 'required' | 'reference' | 'not-needed' }[] };
    inspection: { ready: boolean; problems: { form: string; item: string | null; code: string; severity: 'blocking' | 'warning' }[] };
  };
}

/**
 * The checklist as 02-checklist.spec.ts leaves it: every item the form asks for answered はい today (the gate
 * first), the items in `no` いいえ with this fiscal year's last day as the target date, and the contact chart
 * (連絡体制図.pdf) attached to 3(1). With a vendor contract the form still lacks a vendor form, so it is not ready.
 */
export async function answerChecklist(clinic: Clinic, options: { no?: string[] } = {}) {
  const url = `/api/v1/assessments/${clinic.assessmentId}`;
  const detail = await clinic.api.get<AssessmentDetail>(url);
  const today = todayInTokyo();
  const targetDate = `${currentFiscalYear() + 1}-03-31`;
  for (const item of detail.evaluation.institution.items) {
    if (item.requirement === 'not-needed' || detail.answers[item.id]?.length) continue;
    const no = options.no?.includes(item.id) ?? false;
    await clinic.api.put(`${url}/items/${encodeURIComponent(item.id)}/rounds/1`, { value: no ? 'no' : 'yes', date: today, targetDate: no ? targetDate : null });
  }
  await clinic.api.upload(`${url}/items/${encodeURIComponent('3(1)')}/evidence`, {
    name: '連絡体制図.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'),
  });
  return clinic.api.get<AssessmentDetail>(url);
}

/** Signs in through the sign-in screen and waits for the dashboard. */
export async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(person.email);
  await page.getByLabel('パスワード', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'ダッシュボード' })).toBeVisible();
}
