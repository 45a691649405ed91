import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the built SPA. Returns whether it did, so unknown non-API paths can fall back to index.html
 * and client-side routes survive a reload.
 */
export async function serveWebApp(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(`${webDist}/index.html`)) {
    app.log.warn(`web app not built (${webDist}); run "npm run build"`);
    return false;
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  return true;
}
