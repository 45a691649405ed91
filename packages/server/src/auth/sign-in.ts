import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo } from '@mamori/domain';
import type { AppDeps } from '../http/types.js';
import type { UserRow } from './context.js';
import { setSessionCookie } from './cookie.js';
import { presentSession } from './presenter.js';
import { requiresTotp, restrictionOf } from './principal.js';
import { createSession } from './sessions.js';

/** Opens a session for a user whose identity is established, and answers what the web app needs. */
export async function signIn(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, user: UserRow): Promise<SessionInfo> {
  const { db } = deps.database;
  const session = await createSession(db, deps.config, user.id, request.ip, request.headers['user-agent'] ?? null);
  setSessionCookie(request, reply, session.token, session.expiresAt);
  const restricted = restrictionOf({ user, requiresTotp: await requiresTotp(db, user.id) });
  return presentSession(deps, user, session.csrfToken, restricted);
}
