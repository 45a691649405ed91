import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, type ErrorCode, type Locale } from '@mamori/domain';
import type { z } from 'zod';
import { AppError, isUniqueViolation, presentDetail, type ErrorDetail } from './errors.js';
import { zodDetails, zodErrorMap } from './zod-details.js';
import { requestLocale } from './locale.js';

const fastifyCodes: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'malformed_json' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_FILES_LIMIT: { status: 413, code: 'payload_too_large' },
};

/** Every error leaves as {"error":{"code","message"}}, in the caller's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof AppError) {
      const details = error.details?.map((d) => presentDetail(d, locale));
      const base = errorMessage(error.code, locale, error.params);
      const message = details?.length ? `${base} ${details.map((d) => `${d.path}: ${d.message}`).join(' / ')}` : base;
      return reply.status(error.status).send({ error: { code: error.code, message, ...(details ? { details } : {}) } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = validationDetails(error, request, locale).map((d) => presentDetail(d, locale));
      const message = `${errorMessage('validation_error', locale)} ${details.map((d) => `${d.path}: ${d.message}`).join(' / ')}`;
      return reply.status(400).send({ error: { code: 'validation_error', message, details } });
    }
    // Two first saves of one record at once: the loser of the race sees what a stale version sees.
    if (isUniqueViolation(error)) return reply.status(409).send({ error: { code: 'version_conflict', message: errorMessage('version_conflict', locale) } });
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return reply.status(known.status).send({ error: { code: known.code, message: errorMessage(known.code, locale) } });
    if (error.statusCode === 429) return reply.status(429).send({ error: { code: 'too_many_attempts', message: errorMessage('too_many_attempts', locale) } });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: 'validation_error', message: `${errorMessage('validation_error', locale)} ${error.message}` } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: errorMessage('internal_error', locale) } });
  });
}

type ValidationError = FastifyError & { validation: { instancePath: string; keyword: string; message?: string }[]; validationContext?: string };

/**
 * zod's issues in the caller's language: the route's schema for the failing part is parsed again with the
 * caller's error map (only on failure, so it costs nothing on the way in). Schema-level messages stay.
 */
function validationDetails(error: ValidationError, request: FastifyRequest, locale: Locale): ErrorDetail[] {
  const part = error.validationContext ?? 'body';
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[part] as z.ZodType | undefined;
  const data = part === 'querystring' ? request.query : part === 'params' ? request.params : part === 'headers' ? request.headers : request.body;
  const again = schema?.safeParse?.(data, { error: zodErrorMap(locale) });
  if (again && !again.success) return zodDetails(again.error.issues, part);
  return error.validation.map((v) => ({ path: `${part}${v.instancePath.replaceAll('/', '.').replace(/\.$/, '')}`, code: v.keyword, message: v.message ?? '' }));
}

/** 404 as JSON for the API; with the SPA served, other GETs get index.html and the client routes them. */
export function registerNotFound(app: FastifyInstance, spaFallback: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    if (spaFallback && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'not_found', message: errorMessage('not_found', requestLocale(request)) } });
  });
}
