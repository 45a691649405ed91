import { Id, ResetPasswordResponse } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { resetPassword } from './service.js';

export const userRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.post('/users/:userId/password-reset', { schema: { params: z.object({ userId: Id }), response: { 200: ResetPasswordResponse } } }, async (request) =>
    resetPassword(db, requireAuth(request).actor, auditContext(request), request.params.userId),
  );
};
