import type { Actor } from '@mamori/domain';
import type { FastifyRequest } from 'fastify';
import type { users } from '../db/schema.js';
import type { AuditContext } from '../audit/record.js';
import { AppError } from '../http/errors.js';

export type UserRow = typeof users.$inferSelect;

export interface Authenticated {
  user: UserRow;
  actor: Actor;
  via: 'session' | 'token';
  session: { tokenHash: string; csrfToken: string } | null;
  /** The user must change password or enroll TOTP before anything but their own account. */
  restricted: 'password_change_required' | 'totp_enrollment_required' | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** public: no sign-in; self: signed in, allowed even while restricted; default: signed in and unrestricted. */
    /** `logToken`: the route checks a log source's own token itself (access-logs/ingest-routes.ts). */
    access?: 'public' | 'self' | 'logToken';
  }
}

export function requireAuth(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new AppError(401, 'unauthorized');
  return request.auth;
}

/**
 * The caller signed in (password, and the second factor where set), not a script with a token: what
 * guards the account's credentials. A leaked token must not mint tokens, nor enrol its own authenticator
 * (lifting "require two-factor", or locking the owner out), nor change the password.
 */
export function requireSession(request: FastifyRequest): Authenticated {
  const auth = requireAuth(request);
  if (auth.via !== 'session') throw new AppError(403, 'session_required');
  return auth;
}

export function auditContext(request: FastifyRequest): AuditContext {
  return { actorId: request.auth?.user.id ?? null, ip: request.ip ?? null };
}
