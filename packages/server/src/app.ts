import { logIngestRoutes } from './access-logs/ingest-routes.js';
import { accessLogRoutes } from './access-logs/routes.js';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Catalog } from '@mamori/domain';
import type { AppDeps } from './http/types.js';
import { loadCatalog } from './checklist/catalog-loader.js';
import { assessmentRoutes } from './assessments/routes.js';
import { assessmentExportRoutes } from './assessments/export-routes.js';
import { ledgerRoutes } from './ledgers/routes.js';
import { ledgerImportRoutes } from './ledgers/import-routes.js';
import { ledgerReviewRoutes } from './ledgers/review-routes.js';
import { endOfLifeRoutes } from './ledgers/end-of-life-routes.js';
import { accountSystemRoutes } from './ledgers/system-scope-routes.js';
import { findingRoutes } from './findings/routes.js';
import { contactChartRoutes } from './contact-chart/routes.js';
import { backupPlanRoutes } from './backup-plans/routes.js';
import { bcpRoutes } from './bcp/routes.js';
import { incidentRoutes } from './incidents/routes.js';
import { vendorRoutes } from './vendors/routes.js';
import { editionRoutes } from './checklist/routes.js';
import { registerAuthentication } from './auth/authenticate.js';
import { registerErrorHandler, registerNotFound } from './http/error-handler.js';
import { validatorCompiler } from './http/validator.js';
import { serializerCompiler } from './http/serializer.js';
import { authRoutes } from './auth/routes.js';
import { accountRoutes } from './auth/account-routes.js';
import { setupRoutes } from './setup/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { facilityRoutes } from './facilities/routes.js';
import { memberRoutes } from './members/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { auditRoutes } from './audit/routes.js';
import { userRoutes } from './users/routes.js';
import { inspectorRoutes } from './inspectors/routes.js';
import { oversightRoutes } from './oversight/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { serveWebApp } from './web/static.js';
import { openWorkers } from './workers/pool.js';
import { createLogger } from './log/logger.js';
import { trustProxyOption } from './http/trust-proxy.js';
import { registerSecurityHeaders } from './http/security-headers.js';

z.config(z.locales.ja());

export type { AppDeps };
export interface RouteEntry {
  method: string;
  url: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its request schemas (zod), for the tests that walk them all. */
    routeTable: RouteEntry[];
  }
}

export async function buildApp(input: Omit<AppDeps, 'catalog' | 'workers'> & { catalog?: Catalog }): Promise<FastifyInstance> {
  const deps: AppDeps = { ...input, catalog: input.catalog ?? loadCatalog(), workers: openWorkers(input.config.workerThreads) };
  const { config } = deps;
  const app = Fastify({
    // Typed as Fastify's logger so the instance keeps the FastifyInstance type every route module uses.
    loggerInstance: (deps.log ?? createLogger(config.logLevel)) as FastifyBaseLogger,
    bodyLimit: config.bodyMaxBytes,
    trustProxy: trustProxyOption(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is accepted: a text/plain POST is a classic cross-site request that skips CORS preflight.
  app.removeContentTypeParser('text/plain');
  registerErrorHandler(app);
  app.addHook('onClose', () => deps.workers.close());

  // First of the request hooks, so that a request refused by any later one still gets the headers.
  registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  // One file per upload, bounded by the file limit; parts are read only by the routes that expect them.
  await app.register(fastifyMultipart, { limits: { fileSize: config.fileMaxBytes, files: 1, fields: 10, parts: 11 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Mamori API', version: '1.0.0', description: '医療機関のサイバーセキュリティ対策チェックリスト運用システム' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'mamori_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  // Every API route, so the tenancy and input tests can prove they walked them all.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      if (route.url.startsWith('/api/') && method !== 'HEAD') routeTable.push({ method, url: route.url, schema: route.schema ?? {} });
  });

  registerAuthentication(app, deps.database.db, config);

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get('/health', { config: { access: 'public' }, schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
        status: 'ok' as const,
      }));
      typed.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
      for (const routes of [
        setupRoutes,
        authRoutes,
        accountRoutes,
        organizationRoutes,
        facilityRoutes,
        memberRoutes,
        invitationRoutes,
        userRoutes,
        inspectorRoutes,
        oversightRoutes,
        auditRoutes,
        editionRoutes,
        assessmentRoutes,
        assessmentExportRoutes,
        ledgerRoutes,
        ledgerImportRoutes,
        ledgerReviewRoutes,
        endOfLifeRoutes,
        accountSystemRoutes,
        findingRoutes,
        contactChartRoutes,
        backupPlanRoutes,
        bcpRoutes,
        incidentRoutes,
        vendorRoutes,
        accessLogRoutes,
        logIngestRoutes,
        notificationRoutes,
      ]) {
        routes(typed, deps);
      }
    },
    { prefix: '/api/v1' },
  );

  registerNotFound(app, deps.serveWeb ? await serveWebApp(app) : false);
  return app;
}
