import { generate } from 'otplib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../src/db/schema.js';
import { helmetOptions, securityHeaders } from '../src/http/security-headers.js';
import { PASSWORD, asBrowser, call, callWithToken, json, login, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, inviteAndAccept } from './helpers/world.js';

let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  t = await startTestApp({ MAMORI_LOGIN_MAX_FAILURES: '3', MAMORI_LOGIN_IP_MAX_FAILURES: '1000' });
  admin = await setupAdmin(t.app);
});
afterAll(() => t.close());

describe('first run', () => {
  it('creates the first administrator once, then refuses', async () => {
    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { email: 'second@example.jp', password: PASSWORD, name: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup_done');
    expect(again.json().error.message).toContain('初期設定はすでに完了しています');
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and answers the session', async () => {
    const response = await login(t.app, 'admin@example.jp');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'mamori_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await json(call(t.app, asBrowser(response), 'GET', '/api/v1/auth/session'));
    expect(me.user).toMatchObject({ email: 'admin@example.jp', isSystemAdmin: true });
  });

  it('rejects a wrong password with a Japanese message, and locks the account after repeated failures', async () => {
    await inviteAndAccept(t.app, admin, (await json(call(t.app, admin, 'POST', '/api/v1/organizations', { name: 'ロック法人' }))).id, 'lock@example.jp', {
      organizationRole: 'admin',
    });
    const wrong = await login(t.app, 'lock@example.jp', 'wrong-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'invalid_credentials', message: 'メールアドレスまたはパスワードが正しくありません。' });
    await login(t.app, 'lock@example.jp', 'wrong-password');
    const third = await login(t.app, 'lock@example.jp', 'wrong-password');
    expect(third.statusCode).toBe(423);
    expect(third.json().error.message).toMatch(/一時的にロックされています。\d+分後/);
    const evenRight = await login(t.app, 'lock@example.jp');
    expect(evenRight.statusCode).toBe(423);
    expect(evenRight.cookies).toHaveLength(0);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const response = await login(t.app, 'nobody@example.jp', 'whatever-password');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('speaks English when the client asks for it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { email: 'nobody@example.jp', password: 'x' },
    });
    expect(response.json().error.message).toBe('The email address or password is incorrect.');
  });
});

describe('per-IP throttle', () => {
  it('refuses further attempts from an address with too many failures', async () => {
    const strict = await startTestApp({ MAMORI_LOGIN_IP_MAX_FAILURES: '2' });
    try {
      await setupAdmin(strict.app);
      await login(strict.app, 'a@example.jp', 'bad-password-1');
      await login(strict.app, 'b@example.jp', 'bad-password-2');
      const blocked = await login(strict.app, 'admin@example.jp');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('too_many_attempts');
    } finally {
      await strict.close();
    }
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated mutation without the CSRF token, and changes nothing', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: admin.cookie }, payload: { name: 'CSRF攻撃' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'CSRF攻撃' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await json(call(t.app, admin, 'GET', '/api/v1/auth/session'))).user.name).toBe('システム管理者');
  });

  it('refuses text/plain bodies, which browsers send cross-site without a preflight', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"admin@example.jp","password":"x"}',
    });
    expect(response.statusCode).toBe(415);
  });

  it('tells an expired session apart from no session', async () => {
    const browser = asBrowser(await login(t.app, 'admin@example.jp'));
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const response = await call(t.app, browser, 'GET', '/api/v1/auth/session');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({ code: 'session_expired', message: 'ログインの有効期限が切れました。もう一度ログインしてください。' });
    expect((await t.app.inject({ url: '/api/v1/auth/session' })).json().error.code).toBe('unauthorized');
    admin = asBrowser(await login(t.app, 'admin@example.jp'));
  });

  it('signs out of every session at once', async () => {
    const phone = asBrowser(await login(t.app, 'admin@example.jp'));
    const laptop = asBrowser(await login(t.app, 'admin@example.jp'));
    expect((await call(t.app, laptop, 'POST', '/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await call(t.app, phone, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await call(t.app, admin, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    admin = asBrowser(await login(t.app, 'admin@example.jp'));
  });
});

describe('bad input', () => {
  it('names the field of a validation error and rejects unknown fields', async () => {
    const response = await call(t.app, admin, 'POST', '/api/v1/organizations', { name: '', color: 'red' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_error');
    expect(body.error.message).toContain('入力内容に誤りがあります');
    expect(body.error.details.map((d: { path: string }) => d.path).join(' ')).toMatch(/body/);
    expect((await json(call(t.app, admin, 'GET', '/api/v1/organizations'))).some((o: { name: string }) => o.name === '')).toBe(false);
  });

  it('answers malformed JSON and oversized bodies clearly', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.jp', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('answers unknown API paths as JSON 404', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});

describe('security headers', () => {
  it('sends CSP, nosniff, frame denial and no-store on the API', async () => {
    const response = await t.app.inject({ url: '/api/v1/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('sends every header helmet gives for the configuration on answers, refusals and 404s alike', async () => {
    const expected = securityHeaders(helmetOptions(t.config));
    expect(Object.keys(expected).length).toBeGreaterThan(8);
    const responses = [
      await t.app.inject({ url: '/api/v1/health' }),
      await t.app.inject({ url: '/api/v1/facilities' }),
      await t.app.inject({ url: '/api/v1/facilities', headers: { authorization: 'Bearer mmr_not-a-token' } }),
      await t.app.inject({ url: '/api/v1/nothing-here' }),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 401, 404, 400]);
    for (const response of responses) {
      for (const [name, value] of Object.entries(expected)) expect(response.headers[name], name).toBe(value);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('two-factor authentication', () => {
  it('enrolls a TOTP secret and then asks for a code at sign-in; a code is not accepted twice', async () => {
    const org = await json(call(t.app, admin, 'POST', '/api/v1/organizations', { name: 'TOTP法人' }));
    const user = await inviteAndAccept(t.app, admin, org.id, 'totp@example.jp', { organizationRole: 'admin' });
    const { secret, otpauthUrl } = await json(call(t.app, user, 'POST', '/api/v1/me/totp/setup'));
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Mamori/);
    expect((await call(t.app, user, 'POST', '/api/v1/me/totp/enable', { code: '000000' })).statusCode).toBe(400);
    const code = await generate({ secret });
    expect((await call(t.app, user, 'POST', '/api/v1/me/totp/enable', { code })).statusCode).toBe(204);

    const withoutCode = await login(t.app, 'totp@example.jp');
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().error.code).toBe('totp_required');
    expect(withoutCode.cookies).toHaveLength(0);
    const replayed = await login(t.app, 'totp@example.jp', PASSWORD, code);
    expect(replayed.json().error.code).toBe('totp_invalid');
    const [row] = await t.database.db.select().from(users).where(eq(users.email, 'totp@example.jp'));
    await t.database.db
      .update(users)
      .set({ totpLastUsedStep: row!.totpLastUsedStep! - 2 })
      .where(eq(users.id, row!.id));
    expect((await login(t.app, 'totp@example.jp', PASSWORD, await generate({ secret }))).statusCode).toBe(200);
  });

  it('holds members of an organization that requires it to enrollment until they have a second factor', async () => {
    const tenant = await createTenant(t.app, admin, 'T');
    await json(call(t.app, admin, 'PATCH', `/api/v1/organizations/${tenant.organizationId}`, { version: 1, requireTotp: true }));
    const viewer = asBrowser(await login(t.app, 'viewer-T@example.jp'));
    const session = await json(call(t.app, viewer, 'GET', '/api/v1/auth/session'));
    expect(session.user.mustEnrollTotp).toBe(true);
    const blocked = await call(t.app, viewer, 'GET', `/api/v1/facilities/${tenant.facilityId}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_enrollment_required');
    const { secret } = await json(call(t.app, viewer, 'POST', '/api/v1/me/totp/setup'));
    await json(call(t.app, viewer, 'POST', '/api/v1/me/totp/enable', { code: await generate({ secret }) }), 204);
    expect((await call(t.app, viewer, 'GET', `/api/v1/facilities/${tenant.facilityId}`)).statusCode).toBe(200);
  });
});

describe('personal API tokens', () => {
  it('shows the token once, authenticates scripts without CSRF, and stops working when deleted', async () => {
    const created = await json(call(t.app, admin, 'POST', '/api/v1/me/tokens', { name: '台帳同期スクリプト' }));
    expect(created.token).toMatch(/^mmr_/);
    const listed = await json(call(t.app, admin, 'GET', '/api/v1/me/tokens'));
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await callWithToken(t.app, created.token, 'POST', '/api/v1/organizations', { name: 'スクリプト法人' })).statusCode).toBe(200);
    await json(call(t.app, admin, 'DELETE', `/api/v1/me/tokens/${created.id}`), 204);
    expect((await callWithToken(t.app, created.token, 'GET', '/api/v1/organizations')).statusCode).toBe(401);
    expect((await callWithToken(t.app, 'mmr_forged', 'GET', '/api/v1/organizations')).statusCode).toBe(401);
  });
});

describe('password reset by an administrator', () => {
  it('issues a temporary password that must be changed before anything else', async () => {
    const tenant = await createTenant(t.app, admin, 'R');
    const viewerSession = await json(call(t.app, tenant.viewer, 'GET', '/api/v1/auth/session'));
    const { temporaryPassword } = await json(call(t.app, tenant.admin, 'POST', `/api/v1/users/${viewerSession.user.id}/password-reset`));
    expect((await call(t.app, tenant.viewer, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login(t.app, 'viewer-R@example.jp')).statusCode).toBe(401);
    const signedIn = asBrowser(await login(t.app, 'viewer-R@example.jp', temporaryPassword));
    const blocked = await call(t.app, signedIn, 'GET', `/api/v1/facilities/${tenant.facilityId}`);
    expect(blocked.json().error.code).toBe('password_change_required');
    await json(call(t.app, signedIn, 'POST', '/api/v1/me/password', { currentPassword: temporaryPassword, newPassword: 'a-brand-new-password' }));
    expect((await call(t.app, signedIn, 'GET', `/api/v1/facilities/${tenant.facilityId}`)).statusCode).toBe(200);
  });

  it('does not let an organization admin reset someone outside their organization', async () => {
    const one = await createTenant(t.app, admin, 'P1');
    const two = await createTenant(t.app, admin, 'P2');
    const response = await call(t.app, one.admin, 'POST', `/api/v1/users/${two.viewer.userId}/password-reset`);
    expect(response.statusCode).toBe(404);
    expect((await login(t.app, 'viewer-P2@example.jp')).statusCode).toBe(200);
  });
});
