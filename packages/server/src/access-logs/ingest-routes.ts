import { IngestCounts, accessLogFormats } from '@mamori/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../http/errors.js';
import type { Routes } from '../http/types.js';
import { decodeLogFile, ingestAndScan } from './ingest.js';
import { sourceForToken } from './sources.js';

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '');

/**
 * For scripts: `curl -H "Authorization: Bearer mlog_…" --data-binary @/var/log/auth.log …/api/v1/log-ingest`. The
 * source's own token is the only credential (it can append to that source and nothing else), so there is no session
 * and no CSRF; the body is the log file as it is, UTF-8 or Shift_JIS.
 */
export const logIngestRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // Raw bytes here only: the rest of the API accepts JSON alone (see app.ts).
    for (const type of ['text/plain', 'application/octet-stream'])
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: deps.config.fileMaxBytes }, (_request, body, done) => done(null, body));
    scope.post(
      '/log-ingest',
      {
        config: { access: 'logToken' },
        schema: {
          consumes: ['text/plain', 'application/octet-stream'],
          querystring: z.object({ format: z.enum(accessLogFormats).optional() }),
          response: { 200: IngestCounts },
        },
      },
      async (request) => {
        const source = await sourceForToken(db, bearer(request.headers.authorization));
        if (!source) throw new AppError(401, 'log_token_invalid');
        if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'unsupported_media_type');
        const text = decodeLogFile(request.body);
        return ingestAndScan(db, source, text, { format: request.query.format, context: { actorId: null, ip: request.ip }, origin: 'http' });
      },
    );
  });
};
