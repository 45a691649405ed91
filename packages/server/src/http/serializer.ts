import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeEncode, safeParse, type $ZodTypeDef } from 'zod/v4/core';

/** Schema kinds whose parse and encode agree: values pass through unchanged either way. */
const LEAVES = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'null',
  'undefined',
  'void',
  'never',
  'any',
  'unknown',
  'date',
  'enum',
  'literal',
  'nan',
  'template_literal',
  'custom',
  'symbol',
]);

const sameBothWays = new WeakMap<$ZodType, boolean>();

/**
 * Whether checking a response by parsing gives exactly what encoding gives. Defaults, transforms, pipes
 * (codecs), catches and overwriting checks (trim…) act differently in the two directions; a schema with
 * any of them anywhere keeps zod's encode. Anything not known here counts as such.
 */
export function parsesLikeEncode(schema: $ZodType, seen = new Set<$ZodType>()): boolean {
  const known = sameBothWays.get(schema);
  if (known !== undefined) return known;
  if (seen.has(schema)) return false; // recursive (lazy) schemas: not worth the risk
  seen.add(schema);
  const def = schema._zod.def as $ZodTypeDef & Record<string, unknown>;
  const checks = (def.checks ?? []) as { _zod: { def: { check: string } } }[];
  const children = (): unknown[] | null => {
    switch (def.type) {
      case 'object':
        return [...Object.values(def.shape as Record<string, unknown>), def.catchall];
      case 'array':
        return [def.element];
      case 'optional':
      case 'nullable':
      case 'nonoptional':
      case 'readonly':
        return [def.innerType];
      case 'union':
        return def.options as unknown[];
      case 'intersection':
        return [def.left, def.right];
      case 'record':
        return [def.keyType, def.valueType];
      case 'tuple':
        return [...(def.items as unknown[]), def.rest];
      default:
        return LEAVES.has(def.type) ? [] : null;
    }
  };
  const kids = children();
  const result =
    kids !== null &&
    checks.every((c) => c._zod.def.check !== 'overwrite') &&
    kids.every((k) => k === undefined || k === null || (k instanceof $ZodType && parsesLikeEncode(k, seen)));
  sameBothWays.set(schema, result);
  return result;
}

function resolveSchema(maybeSchema: unknown): $ZodType {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | null)?.properties;
  if (properties instanceof $ZodType) return properties;
  throw new Error(`not a zod response schema: ${JSON.stringify(maybeSchema)}`);
}

/**
 * Every response is checked against its zod schema before it leaves (undeclared fields dropped, a wrong
 * shape is a 500, never a leak). fastify-type-provider-zod does that with `encode`, which skips zod's
 * compiled fast path for objects; where parse and encode agree (see above) this parses instead — the
 * same check and the same JSON at about half the cost. Decided once per route, at start.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema: maybeSchema, method, url }) => {
  const schema = resolveSchema(maybeSchema);
  const check = parsesLikeEncode(schema) ? safeParse : safeEncode;
  return (data) => {
    const result = check(schema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
