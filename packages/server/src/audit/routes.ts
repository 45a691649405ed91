import { AuditPage, AuditQuery } from '@mamori/domain';
import type { Routes } from '../http/types.js';
import { requireAuth } from '../auth/context.js';
import { auditPage } from './service.js';

export const auditRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/audit-events', { schema: { querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) =>
    auditPage(db, requireAuth(request).actor, request.query),
  );
};
