import {
  ApiToken,
  ChangePasswordRequest,
  ChangePasswordResponse,
  CreateTokenRequest,
  CreatedToken,
  CurrentUser,
  Id,
  TotpCodeRequest,
  TotpSetupResponse,
  UpdateMeRequest,
} from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { changePassword, createApiToken, deleteApiToken, disableTotp, enableTotp, startTotpSetup, updateProfile } from './account-service.js';
import { auditContext, requireAuth, requireSession } from './context.js';
import { presentToken, presentUser } from './presenter.js';
import { listApiTokens } from './tokens.js';

/** The signed-in user's own account: profile, password, second factor, API tokens. */
export const accountRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const self = { access: 'self' } as const;

  app.patch('/me', { config: self, schema: { body: UpdateMeRequest, response: { 200: CurrentUser } } }, async (request) => {
    const auth = requireAuth(request);
    return presentUser(await updateProfile(db, auditContext(request), auth.user, request.body), auth.restricted);
  });

  app.post('/me/password', { config: self, schema: { body: ChangePasswordRequest, response: { 200: ChangePasswordResponse } } }, async (request) =>
    changePassword(db, auditContext(request), requireSession(request), request.body),
  );

  app.post('/me/totp/setup', { config: self, schema: { response: { 200: TotpSetupResponse } } }, async (request) =>
    startTotpSetup(db, deps.secrets, requireSession(request).user),
  );

  app.post('/me/totp/enable', { config: self, schema: { body: TotpCodeRequest } }, async (request, reply) => {
    await enableTotp(db, deps.secrets, auditContext(request), requireSession(request).user, request.body.code);
    return reply.status(204).send();
  });

  app.post('/me/totp/disable', { config: self, schema: { body: TotpCodeRequest } }, async (request, reply) => {
    await disableTotp(db, deps.secrets, auditContext(request), requireSession(request).user, request.body.code);
    return reply.status(204).send();
  });

  app.get('/me/tokens', { schema: { response: { 200: z.array(ApiToken) } } }, async (request) =>
    (await listApiTokens(db, requireAuth(request).user.id)).map(presentToken),
  );

  app.post('/me/tokens', { schema: { body: CreateTokenRequest, response: { 200: CreatedToken } } }, async (request) =>
    createApiToken(db, auditContext(request), requireSession(request).user.id, request.body.name),
  );

  app.delete('/me/tokens/:tokenId', { schema: { params: z.object({ tokenId: Id }) } }, async (request, reply) => {
    await deleteApiToken(db, auditContext(request), requireAuth(request).user.id, request.params.tokenId);
    return reply.status(204).send();
  });
};
