import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, users } from '../src/db/schema.js';
import { asBrowser, call, callWithToken, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

// Security review, issue 12 finding 4: personal API tokens outlived the recovery steps.
let t: TestApp;
let admin: Browser;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  admin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, admin, 'K');
});
afterAll(() => t.close());

const newToken = async (who: Browser, name = 'スクリプト') => (await json(call(t.app, who, 'POST', '/api/v1/me/tokens', { name }))).token as string;
const facilityPath = () => `/api/v1/facilities/${tenant.facilityId}`;

describe('personal API tokens and the recovery steps', () => {
  it('an administrator’s password reset revokes the user’s tokens, and says how many', async () => {
    const viewer = asBrowser(await login(t.app, 'viewer-K@example.jp'));
    const tokens = [await newToken(viewer, 'a'), await newToken(viewer, 'b')];
    expect((await callWithToken(t.app, tokens[0]!, 'GET', facilityPath())).statusCode).toBe(200);
    const reset = await json(call(t.app, tenant.admin, 'POST', `/api/v1/users/${viewer.userId}/password-reset`));
    expect(reset).toEqual({ temporaryPassword: expect.any(String), revokedTokens: 2 });
    for (const token of tokens) expect((await callWithToken(t.app, token, 'GET', facilityPath())).statusCode).toBe(401);
    const events = await json(call(t.app, admin, 'GET', `/api/v1/audit-events?limit=20`));
    expect(events.items.find((e: { action: string }) => e.action === 'user.passwordReset').changes).toEqual({ revokedTokens: { before: null, after: 2 } });
    // Back to a usable account for the tests below.
    const temporary = asBrowser(await login(t.app, 'viewer-K@example.jp', reset.temporaryPassword));
    await json(call(t.app, temporary, 'POST', '/api/v1/me/password', { currentPassword: reset.temporaryPassword, newPassword: 'viewer-password-2' }));
  });

  it('changing one’s own password revokes one’s tokens and answers how many', async () => {
    const manager = asBrowser(await login(t.app, 'manager-K@example.jp'));
    const token = await newToken(manager);
    const changed = await json(
      call(t.app, manager, 'POST', '/api/v1/me/password', { currentPassword: 'correct-horse-battery', newPassword: 'manager-password-2' }),
    );
    expect(changed).toEqual({ revokedTokens: 1 });
    expect((await callWithToken(t.app, token, 'GET', facilityPath())).statusCode).toBe(401);
    expect((await call(t.app, manager, 'GET', facilityPath())).statusCode).toBe(200);
    expect(
      await json(call(t.app, manager, 'POST', '/api/v1/me/password', { currentPassword: 'manager-password-2', newPassword: 'manager-password-3' })),
    ).toEqual({ revokedTokens: 0 });
  });

  it('a token of an account held for a password change gets the same 403 as its session', async () => {
    const viewer = asBrowser(await login(t.app, 'viewer-K@example.jp', 'viewer-password-2'));
    const token = await newToken(viewer);
    // As `mamori token create` could give one to an account whose temporary password is still unchanged.
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, viewer.userId));
    const bySession = await call(t.app, viewer, 'GET', facilityPath());
    const byToken = await callWithToken(t.app, token, 'GET', facilityPath());
    expect(bySession.statusCode).toBe(403);
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json()).toEqual(bySession.json());
    expect(byToken.json().error.code).toBe('password_change_required');
    await t.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, viewer.userId));
    expect((await callWithToken(t.app, token, 'GET', facilityPath())).statusCode).toBe(200);
  });

  it('under the organization’s “require two-factor” a token of a member without it is held back like the session', async () => {
    const viewer = asBrowser(await login(t.app, 'viewer-K@example.jp', 'viewer-password-2'));
    const token = await newToken(viewer);
    const organization = await json(call(t.app, admin, 'GET', `/api/v1/organizations/${tenant.organizationId}`));
    await json(call(t.app, admin, 'PATCH', `/api/v1/organizations/${tenant.organizationId}`, { version: organization.version, requireTotp: true }));
    const byToken = await callWithToken(t.app, token, 'GET', facilityPath());
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json().error).toEqual({ code: 'totp_enrollment_required', message: 'この法人では二要素認証が必須です。認証アプリを登録してください。' });
    expect((await callWithToken(t.app, token, 'POST', '/api/v1/me/tokens', { name: '抜け道' })).statusCode).toBe(403);
    const after = await json(call(t.app, admin, 'GET', `/api/v1/organizations/${tenant.organizationId}`));
    await json(call(t.app, admin, 'PATCH', `/api/v1/organizations/${tenant.organizationId}`, { version: after.version, requireTotp: false }));
  });

  it('a token cannot create tokens, nor change the password or the second factor: only a signed-in session can', async () => {
    const token = await newToken(admin);
    const before = await t.database.db.select().from(apiTokens).where(eq(apiTokens.userId, admin.userId));
    const bred = await callWithToken(t.app, token, 'POST', '/api/v1/me/tokens', { name: '増殖' });
    expect(bred.statusCode).toBe(403);
    expect(bred.json().error).toEqual({
      code: 'session_required',
      message: 'この操作(APIトークンの作成、パスワードや二要素認証の変更)はAPIトークンではできません。ブラウザでログインして行ってください。',
    });
    expect(await t.database.db.select().from(apiTokens).where(eq(apiTokens.userId, admin.userId))).toHaveLength(before.length);
    // Enrolling its own authenticator would lift "require two-factor" for the token, or lock the owner out.
    for (const [url, body] of [
      ['/api/v1/me/totp/setup', undefined],
      ['/api/v1/me/totp/enable', { code: '123456' }],
      ['/api/v1/me/totp/disable', { code: '123456' }],
      ['/api/v1/me/password', { currentPassword: 'correct-horse-battery', newPassword: 'token-chosen-password' }],
    ] as const) {
      expect((await callWithToken(t.app, token, 'POST', url, body)).json().error?.code, url).toBe('session_required');
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.id, admin.userId));
    expect(row!.totpPendingSecret).toBeNull();
    // Reading and revoking stay open to scripts.
    expect((await callWithToken(t.app, token, 'GET', '/api/v1/me/tokens')).statusCode).toBe(200);
  });
});
