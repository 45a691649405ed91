import { LoginRequest, SessionInfo } from '@mamori/domain';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from './context.js';
import { clearSessionCookie } from './cookie.js';
import { authenticateCredentials } from './login.js';
import { presentSession } from './presenter.js';
import { SESSION_COOKIE } from './sessions.js';
import { signIn } from './sign-in.js';
import { signOut, signOutEverywhere } from './sign-out.js';

export const authRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.post('/auth/login', { config: { access: 'public' }, schema: { body: LoginRequest, response: { 200: SessionInfo } } }, async (request, reply) => {
    const user = await authenticateCredentials(db, deps.config, deps.secrets, { ...request.body, ip: request.ip });
    return signIn(deps, request, reply, user);
  });

  app.post('/auth/logout', { config: { access: 'self' } }, async (request, reply) => {
    await signOut(db, auditContext(request), requireAuth(request).user.id, request.cookies[SESSION_COOKIE]);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.post('/auth/logout-all', { config: { access: 'self' } }, async (request, reply) => {
    await signOutEverywhere(db, auditContext(request), requireAuth(request).user.id);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/auth/session', { config: { access: 'self' }, schema: { response: { 200: SessionInfo } } }, async (request) => {
    const auth = requireAuth(request);
    return presentSession(deps, auth.user, auth.session?.csrfToken ?? '', auth.restricted);
  });
};
