import {
  Id,
  MarkedRead,
  NotificationPage,
  NotificationPageQuery,
  NotificationPreferences,
  UnreadCount,
  UnsubscribeView,
  UpdateNotificationPreferencesRequest,
} from '@mamori/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, requireAuth } from '../auth/context.js';
import { requestLocale } from '../http/locale.js';
import type { Routes } from '../http/types.js';
import { previewUnsubscribe, readPreferences, unsubscribe, updatePreferences } from './preferences.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './service.js';

const TokenParams = z.object({ token: z.string().min(40).max(100) });

/** The signed-in user's inbox and notification settings, and the unsubscribe link of the e-mails (no sign-in). */
export const notificationRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/me/notifications', { schema: { querystring: NotificationPageQuery, response: { 200: NotificationPage } } }, async (request) =>
    listNotifications(db, requireAuth(request).user.id, request.query, requestLocale(request)),
  );

  app.get('/me/notifications/unread-count', { schema: { response: { 200: UnreadCount } } }, async (request) => unreadCount(db, requireAuth(request).user.id));

  app.post('/me/notifications/:notificationId/read', { schema: { params: z.object({ notificationId: Id }) } }, async (request, reply) => {
    await markRead(db, requireAuth(request).user.id, request.params.notificationId);
    return reply.status(204).send();
  });

  app.post('/me/notifications/read-all', { schema: { response: { 200: MarkedRead } } }, async (request) => markAllRead(db, requireAuth(request).user.id));

  app.get('/me/notification-preferences', { schema: { response: { 200: NotificationPreferences } } }, async (request) => ({
    preferences: await readPreferences(db, requireAuth(request).user.id),
  }));

  app.put(
    '/me/notification-preferences',
    { schema: { body: UpdateNotificationPreferencesRequest, response: { 200: NotificationPreferences } } },
    async (request) => ({
      preferences: await updatePreferences(db, auditContext(request), requireAuth(request).user.id, request.body.preferences),
    }),
  );

  app.get('/unsubscribe/:token', { config: { access: 'public' }, schema: { params: TokenParams, response: { 200: UnsubscribeView } } }, async (request) =>
    previewUnsubscribe(db, deps.secrets, request.params.token, requestLocale(request)),
  );

  // The page's button posts nothing; a mail program's one-click unsubscribe (RFC 8058) posts a form with
  // List-Unsubscribe=One-Click, which only this route reads (its own scope), and which changes nothing about what it does.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, body));
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post('/unsubscribe/:token', { config: { access: 'public' }, schema: { params: TokenParams, response: { 200: UnsubscribeView } } }, async (request) =>
        unsubscribe(db, deps.secrets, request.ip ?? null, request.params.token, requestLocale(request)),
      );
  });
};
