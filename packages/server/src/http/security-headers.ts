import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.js';

/** Mamori's security headers: helmet's defaults with a CSP for the SPA (no inline scripts, no framing). */
export function helmetOptions(config: Pick<Config, 'publicUrl'>): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.publicUrl?.startsWith('https:') ? { maxAge: 31536000 } : false,
  };
}

/**
 * The headers helmet writes for these options, worked out once. They depend on the configuration only
 * (no nonces), so asking helmet per request — as @fastify/helmet does, rebuilding its middleware and
 * re-serializing the CSP every time — only repeats the same answer.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)({} as never, response as never, (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed;
  return headers;
}

/**
 * Every response — API, static files, errors and 404s alike — carries the security headers, and API
 * responses `Cache-Control: no-store`. Set on the raw response at the start of the request (as helmet
 * did), so an error thrown by any later hook still leaves with them.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'publicUrl'>): void {
  const common = Object.entries(securityHeaders(helmetOptions(config)));
  const api: [string, string][] = [...common, ['cache-control', 'no-store']];
  app.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of request.url.startsWith('/api/') ? api : common) raw.setHeader(name, value);
    done();
  });
}
