import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { findUnsafeText } from '@mamori/domain';
import type { z } from 'zod';
import { AppError } from './errors.js';

/**
 * The zod validator of every route's body, querystring and params, preceded by one check of all their
 * strings and keys for text PostgreSQL cannot store (NUL, unpaired surrogates): one place for every route,
 * including fields a schema leaves open (z.unknown(), record keys), so such input is a 400 naming the field.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data) => {
    const unsafe = findUnsafeText(data);
    if (!unsafe) return validate(data);
    const path = [route.httpPart ?? 'body', unsafe.path].filter(Boolean).join('.');
    return { error: new AppError(400, 'validation_error', {}, [{ path, code: `unsafe_${unsafe.kind}` as const }]) };
  };
};
