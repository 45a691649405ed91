import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { FastifyRequest } from 'fastify';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

/** Paths whose next part is a bearer secret: invitation, vendor-link and unsubscribe tokens, in API routes and the web app's pages. */
const TOKEN_IN_PATH = /(\/(?:invite|vendor-invite|invitations\/by-token|vendor-invitations|unsubscribe)\/)[^/?#]+/g;

const redactUrl = (url: string) => url.replace(TOKEN_IN_PATH, '$1[redacted]');

/** Fastify's request serializer, with the secrets taken out of the URL. */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * A database error carries the statement's values — a new user's password hash, say — in drizzle's message,
 * in `params` (drizzle's and PGlite's errors) and in PostgreSQL's `detail` ("Failing row contains (...)",
 * "Key (email)=(...)"). The log keeps the SQL text, the SQLSTATE code, the constraint and the table: enough
 * to act on, without the values.
 */
function withoutQueryValues(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error) as Error & Record<string, unknown>;
  copy.message = error.message;
  copy.stack = error.stack;
  if (error instanceof DrizzleQueryError) {
    copy.message = `Failed query: ${error.query}`;
    copy.stack = error.stack?.replace(error.message, copy.message);
  }
  delete copy.params;
  delete copy.detail;
  if (error.cause !== undefined) copy.cause = withoutQueryValues(error.cause, depth + 1);
  return copy;
}

const logSerializers = {
  req: requestForLog,
  err: (error: unknown) => stdSerializers.err(withoutQueryValues(error) as Error),
};

/** The one logger of a server process (requests and jobs alike), always with the serializers above. */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  return pino({ level, serializers: logSerializers }, destination);
}
