import { SessionInfo, SetupRequest, SetupStatus } from '@mamori/domain';
import type { Routes } from '../http/types.js';
import { signIn } from '../auth/sign-in.js';
import { createFirstAdmin, needsSetup } from './service.js';

export const setupRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/setup', { config: { access: 'public' }, schema: { response: { 200: SetupStatus } } }, async () => ({ needsSetup: await needsSetup(db) }));

  app.post('/setup', { config: { access: 'public' }, schema: { body: SetupRequest, response: { 200: SessionInfo } } }, async (request, reply) => {
    const user = await createFirstAdmin(db, request.ip, request.body);
    return signIn(deps, request, reply, user);
  });
};
