import {
  accessLogFormats,
  AccessLogSettingsView,
  CreateLogReviewRequest,
  CreateLogSourceRequest,
  Id,
  IngestCounts,
  LogAlertView,
  LogChainCheck,
  LogReviewView,
  LogSearchPage,
  LogSearchQuery,
  LogSourceView,
  LogSourceWithToken,
  LogTimeline,
  LogTimelineQuery,
  RotateLogTokenRequest,
  UpdateAccessLogSettingsRequest,
  UpdateLogSourceRequest,
} from '@mamori/domain';
import { z } from 'zod';
import { auditContext, requireAuth } from '../auth/context.js';
import { readUpload } from '../files/upload.js';
import type { Routes } from '../http/types.js';
import { listAlerts } from './alerts.js';
import { sourceToUploadTo, uploadLog } from './ingest.js';
import { listReviews, signOffPeriod } from './reviews.js';
import { checkFacilityChains } from './integrity.js';
import { readEvents, timeline } from './search.js';
import { readAccessLogSettings, updateAccessLogSettings } from './settings.js';
import { createSource, listSources, rotateToken, updateSource } from './sources.js';

const FacilityParams = z.object({ facilityId: Id });
const SourceParams = z.object({ sourceId: Id });
const UploadFormat = z.enum(accessLogFormats).optional();

/** 2(6): log sources, ingest by upload, search, timeline, alerts, period sign-off and the chain check. */
export const accessLogRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/log-sources', { schema: { params: FacilityParams, response: { 200: z.array(LogSourceView) } } }, async (request) =>
    listSources(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/log-sources',
    { schema: { params: FacilityParams, body: CreateLogSourceRequest, response: { 200: LogSourceWithToken } } },
    async (request) => createSource(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );

  app.patch('/log-sources/:sourceId', { schema: { params: SourceParams, body: UpdateLogSourceRequest, response: { 200: LogSourceView } } }, async (request) =>
    updateSource(db, requireAuth(request).actor, auditContext(request), request.params.sourceId, request.body),
  );

  app.post(
    '/log-sources/:sourceId/token',
    { schema: { params: SourceParams, body: RotateLogTokenRequest, response: { 200: LogSourceWithToken } } },
    async (request) => rotateToken(db, requireAuth(request).actor, auditContext(request), request.params.sourceId, request.body.version),
  );

  app.post(
    '/log-sources/:sourceId/uploads',
    { schema: { params: SourceParams, consumes: ['multipart/form-data'], response: { 200: IngestCounts } } },
    async (request) => {
      const source = await sourceToUploadTo(db, requireAuth(request).actor, request.params.sourceId);
      const upload = await readUpload(request, deps.config);
      const format = UploadFormat.parse(upload.fields.format || undefined);
      return uploadLog(db, auditContext(request), source, { name: upload.fileName, content: upload.content }, format);
    },
  );

  app.get(
    '/log-sources/:sourceId/events',
    { schema: { params: SourceParams, querystring: LogSearchQuery, response: { 200: LogSearchPage } } },
    async (request) => readEvents(db, requireAuth(request).actor, auditContext(request), request.params.sourceId, request.query),
  );

  app.get(
    '/log-sources/:sourceId/timeline',
    { schema: { params: SourceParams, querystring: LogTimelineQuery, response: { 200: LogTimeline } } },
    async (request) => timeline(db, requireAuth(request).actor, request.params.sourceId, request.query),
  );

  app.get('/log-sources/:sourceId/reviews', { schema: { params: SourceParams, response: { 200: z.array(LogReviewView) } } }, async (request) =>
    listReviews(db, requireAuth(request).actor, request.params.sourceId),
  );

  app.post(
    '/log-sources/:sourceId/reviews',
    { schema: { params: SourceParams, body: CreateLogReviewRequest, response: { 200: z.array(LogReviewView) } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      return signOffPeriod(db, actor, auditContext(request), request.params.sourceId, user.id, request.body);
    },
  );

  app.get(
    '/facilities/:facilityId/access-log-alerts',
    { schema: { params: FacilityParams, querystring: z.object({ sourceId: Id.optional() }), response: { 200: z.array(LogAlertView) } } },
    async (request) => listAlerts(db, requireAuth(request).actor, request.params.facilityId, request.query.sourceId),
  );

  app.get('/facilities/:facilityId/access-log-integrity', { schema: { params: FacilityParams, response: { 200: z.array(LogChainCheck) } } }, async (request) =>
    checkFacilityChains(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.get('/facilities/:facilityId/access-log-settings', { schema: { params: FacilityParams, response: { 200: AccessLogSettingsView } } }, async (request) =>
    readAccessLogSettings(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.put(
    '/facilities/:facilityId/access-log-settings',
    { schema: { params: FacilityParams, body: UpdateAccessLogSettingsRequest, response: { 200: AccessLogSettingsView } } },
    async (request) => updateAccessLogSettings(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );
};
