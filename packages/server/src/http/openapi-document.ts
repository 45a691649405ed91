import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { AppDeps } from './types.js';

/** A dependency the document never needs: any use while building it is a mistake, named here. */
function absent<T>(name: string): T {
  return new Proxy({} as object, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise: awaiting it must not look for `then`
      throw new Error(`${name}.${String(property)} was used while building the OpenAPI document`);
    },
  }) as T;
}

/**
 * The document GET /api/v1/openapi.json serves, without a database, mail, jobs or worker threads: building the
 * app only registers routes and their schemas, and no request is answered. `scripts/generate-api-types.mjs`
 * generates the web app's client types from it (`npm run generate:api`).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Defaults only, never this process's environment: the document does not depend on the configuration.
  const config = loadConfig({ LOG_LEVEL: 'silent', MAMORI_WORKER_THREADS: '0' });
  const app = await buildApp({
    config,
    database: { db: absent('database.db') } as AppDeps['database'],
    jobs: absent('jobs'),
    mailer: absent('mailer'),
    secrets: absent('secrets'),
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
