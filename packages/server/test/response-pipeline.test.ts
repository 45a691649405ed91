// The request pipeline's shortcuts (issue 14) keep their checks: security headers are helmet's, and
// responses are still checked against their schemas, with parse only where it gives what encode gives.
import { Facility } from '@mamori/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { helmetOptions, securityHeaders } from '../src/http/security-headers.js';
import { parsesLikeEncode, serializerCompiler } from '../src/http/serializer.js';

const serializerFor = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' } as never);

describe('security headers', () => {
  it("are helmet's for the configuration: CSP for the SPA, no framing, HSTS only behind https", () => {
    const plain = securityHeaders(helmetOptions({ publicUrl: undefined }));
    expect(plain['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(plain['content-security-policy']).toContain("script-src 'self'");
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain['x-content-type-options']).toBe('nosniff');
    expect(plain['x-frame-options']).toBe('SAMEORIGIN');
    expect(plain['strict-transport-security']).toBeUndefined();
    const https = securityHeaders(helmetOptions({ publicUrl: 'https://mamori.example.jp' }));
    expect(https['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('response serialization', () => {
  it('parses plain schemas and keeps encode for anything direction-dependent', () => {
    expect(parsesLikeEncode(z.array(Facility))).toBe(true);
    expect(parsesLikeEncode(z.object({ a: z.string().nullable(), b: z.union([z.literal('x'), z.int()]), c: z.record(z.string(), z.unknown()) }))).toBe(true);
    expect(parsesLikeEncode(z.object({ a: z.string().default('') }))).toBe(false);
    expect(parsesLikeEncode(z.object({ a: z.array(z.string().trim()) }))).toBe(false);
    expect(parsesLikeEncode(z.object({ a: z.string().transform((s) => s.length) }))).toBe(false);
    expect(parsesLikeEncode(z.object({ a: z.optional(z.string().pipe(z.string())) }))).toBe(false);
    const Tree: z.ZodType = z.lazy(() => z.object({ children: z.array(Tree) }));
    expect(parsesLikeEncode(Tree)).toBe(false);
  });

  it('writes only declared fields and refuses a response of the wrong shape', () => {
    const serialize = serializerFor(z.object({ id: z.uuid(), name: z.string() }));
    const id = '8d0f6b0e-4c7e-4a8e-9d8e-3f0f6b0e4c7e';
    expect(serialize({ id, name: 'さくら', passwordHash: 'secret' })).toBe(JSON.stringify({ id, name: 'さくら' }));
    expect(() => serialize({ id: 'not-a-uuid', name: 'x' })).toThrow();
    expect(() => serialize({ id })).toThrow();
  });

  it('gives what encode gives where it uses encode', () => {
    const serialize = serializerFor(z.object({ at: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }) }));
    expect(serialize({ at: new Date('2025-04-01T00:00:00Z') })).toBe('{"at":"2025-04-01T00:00:00.000Z"}');
  });
});
