import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { apiTokens } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { principalByApiToken, principalBySession, restrictionOf } from './principal.js';
import { API_TOKEN_PREFIX, safeEqual, sha256 } from './secrets.js';
import { SESSION_COOKIE, touchSession } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Records token use at most once a minute, so reads stay reads. */
async function touchToken(db: Db, tokenId: string, lastUsedAt: Date | null) {
  if (!lastUsedAt || Date.now() - lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, tokenId));
  }
}

/**
 * Resolves the caller from a bearer token or the session cookie, enforces CSRF for cookie-based
 * mutations, and refuses restricted users everywhere but their own account routes.
 */
export function registerAuthentication(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    // Unmatched paths fall through to the JSON 404; static files need no identity.
    if (!request.url.startsWith('/api/')) return;
    // One read: Fastify builds the routeOptions object anew on every access.
    const route = request.routeOptions;
    if (!route.url) return;
    const access = route.config.access;
    if (access === 'logToken') return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice('Bearer '.length).trim();
      const found = token.startsWith(API_TOKEN_PREFIX) ? await principalByApiToken(db, sha256(token)) : null;
      if (!found) throw new AppError(401, 'unauthorized');
      await touchToken(db, found.tokenId, found.lastUsedAt);
      // A restricted account (temporary password, 2FA required but not set up) is held back whatever the credential.
      request.auth = { user: found.principal.user, actor: found.principal.actor, via: 'token', session: null, restricted: restrictionOf(found.principal) };
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const found = await principalBySession(db, sha256(cookie), config.session.idleMinutes);
        if (found) {
          await touchSession(db, found.session);
          request.auth = {
            user: found.principal.user,
            actor: found.principal.actor,
            via: 'session',
            session: found.session,
            restricted: restrictionOf(found.principal),
          };
        } else if (access !== 'public') {
          throw new AppError(401, 'session_expired');
        }
      }
    }
    const auth = request.auth;
    if (auth?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !auth.session || !safeEqual(header, auth.session.csrfToken)) throw new AppError(403, 'csrf_failed');
    }
    if (access === 'public') return;
    if (!auth) throw new AppError(401, 'unauthorized');
    if (auth.restricted && access !== 'self') throw new AppError(403, auth.restricted);
  });
}
