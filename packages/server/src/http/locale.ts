import type { FastifyRequest } from 'fastify';
import type { Locale } from '@mamori/domain';

/** Japanese unless the client clearly prefers English. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
