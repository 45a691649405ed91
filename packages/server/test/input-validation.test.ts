import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteEntry } from '../src/app.js';
import { call, json, multipartFile, setupAdmin, startTestApp, upload, type Browser, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/**
 * Text PostgreSQL cannot store (NUL in text, unpaired surrogates in jsonb) and dates it cannot hold (year
 * 0000) must be a 400 naming the field on every route, never a 500. The table is every registered route's
 * own schema, so a route added later is walked too. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
let t: TestApp;
let admin: Browser;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  admin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, admin, 'A');
});
afterAll(async () => t?.close());

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Path = (string | number)[];
interface StringLeaf {
  path: Path;
  format?: string;
  enum?: unknown[];
}

function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const types = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Every place a string goes in a request part, found by walking its JSON Schema. */
function stringLeaves(schema: JsonSchema, path: Path = [], out = new Map<string, StringLeaf>()): Map<string, StringLeaf> {
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) stringLeaves(branch, path, out);
  if (types(schema).includes('string')) out.set(path.join('.'), { path, format: schema.format, enum: schema.enum });
  if (schema.properties) for (const [key, child] of Object.entries(schema.properties)) stringLeaves(child, [...path, key], out);
  if (typeof schema.additionalProperties === 'object') {
    const key = (schema.propertyNames?.enum?.[0] as string | undefined) ?? 'k';
    stringLeaves(schema.additionalProperties, [...path, key], out);
  }
  if (schema.items) stringLeaves(schema.items, [...path, 0], out);
  schema.prefixItems?.forEach((item, i) => void stringLeaves(item, [...path, i], out));
  return out;
}

function withValue(path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') return [withValue(rest, value)];
  return { [head!]: withValue(rest, value) };
}

const someId = '00000000-0000-4000-8000-000000000000';

/** A URL with each :param filled by a value its schema accepts. */
function fillParams(route: RouteEntry, override: Record<string, string> = {}): string {
  const params = jsonSchemaOf(route.schema.params)?.properties ?? {};
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (name in override) return override[name]!;
    const p = params[name];
    if (p?.enum) return String(p.enum[0]);
    if (p?.format === 'uuid') return someId;
    if (p && (types(p).includes('integer') || types(p).includes('number'))) return '1';
    return 'x'.repeat(Math.max(1, p?.minLength ?? 1));
  });
}

const probes = [
  { name: 'NUL', value: 'a\u0000b', message: 'NUL' },
  { name: 'a lone surrogate', value: 'a\uD800b', message: 'サロゲート' },
] as const;

describe('hostile text and dates in every route', () => {
  const methods = (r: RouteEntry) => r.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

  it('every string of every JSON body: NUL and lone surrogates are a 400 naming the field; year 0000 is refused in every date', async () => {
    let checked = 0;
    for (const route of t.app.routeTable) {
      const body = jsonSchemaOf(route.schema.body);
      if (!body) continue;
      const url = fillParams(route);
      for (const leaf of stringLeaves(body).values()) {
        const field = ['body', ...leaf.path].join('.');
        for (const probe of probes) {
          const response = await call(t.app, admin, methods(route), url, withValue(leaf.path, probe.value));
          const where = `${route.method} ${route.url} ${field} with ${probe.name}: ${response.body}`;
          expect.soft(response.statusCode, where).toBe(400);
          expect.soft(response.json().error.message, where).toContain(`${field}: `);
          checked++;
        }
        const zeroDate = leaf.format === 'date' ? '0000-01-01' : leaf.format === 'date-time' ? '0000-01-01T00:00:00Z' : null;
        const response = await call(t.app, admin, methods(route), url, withValue(leaf.path, zeroDate ?? '0000-01-01'));
        const where = `${route.method} ${route.url} ${field} with year 0000: ${response.body}`;
        expect.soft(response.statusCode, where).not.toBe(500);
        if (zeroDate) {
          expect.soft(response.statusCode, where).toBe(400);
          expect
            .soft(
              response.json().error.details.map((d: { path: string }) => d.path),
              where,
            )
            .toContain(field);
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('every querystring field and path parameter: NUL is a 400 naming it; year 0000 is refused in query dates', async () => {
    let checked = 0;
    for (const route of t.app.routeTable) {
      const query = jsonSchemaOf(route.schema.querystring);
      for (const leaf of query ? stringLeaves(query).values() : []) {
        if (leaf.path.length !== 1) continue;
        const name = String(leaf.path[0]);
        const response = await call(t.app, admin, methods(route), `${fillParams(route)}?${name}=a%00b`, route.method === 'GET' ? undefined : {});
        expect.soft(response.statusCode, `${route.method} ${route.url} ?${name}: ${response.body}`).toBe(400);
        expect.soft(response.json().error.message).toContain(`querystring.${name}: `);
        if (leaf.format === 'date') {
          const zero = await call(t.app, admin, methods(route), `${fillParams(route)}?${name}=0000-01-01`, route.method === 'GET' ? undefined : {});
          expect.soft(zero.statusCode, `${route.method} ${route.url} ?${name}=0000-01-01: ${zero.body}`).toBe(400);
        }
        checked++;
      }
      const params = jsonSchemaOf(route.schema.params);
      for (const name of Object.keys(params?.properties ?? {})) {
        const response = await call(t.app, admin, methods(route), fillParams(route, { [name]: 'a%00b' }), route.method === 'GET' ? undefined : {});
        expect.soft(response.statusCode, `${route.method} ${route.url} :${name}: ${response.body}`).toBe(400);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('hostile text on the paths that used to reach the database', () => {
  it('a NUL in a new asset, a lone surrogate in an edit (audited as jsonb): 400, nothing written', async () => {
    const assets = `/api/v1/facilities/${tenant.facilityId}/assets`;
    const nul = await call(t.app, tenant.manager, 'POST', assets, { managementNumber: 'PC\u0000-1' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.message).toContain('body.managementNumber');
    const asset = await json(call(t.app, tenant.manager, 'POST', assets, { managementNumber: 'PC-1' }));
    const surrogate = await call(t.app, tenant.manager, 'PATCH', `/api/v1/assets/${asset.id}`, { version: asset.version, location: '受付\uDC00' });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.message).toContain('body.location');
    expect((await json(call(t.app, tenant.manager, 'GET', `/api/v1/assets/${asset.id}`))).location).toBe('');
  });

  it('the ledger search with a NUL, and dates of year 0000 in queries and bodies: 400', async () => {
    const search = await call(t.app, tenant.manager, 'GET', `/api/v1/facilities/${tenant.facilityId}/assets?q=%00`);
    expect(search.statusCode).toBe(400);
    expect(search.json().error.message).toContain('querystring.q');
    expect((await call(t.app, admin, 'GET', '/api/v1/audit-events?from=0000-01-01')).statusCode).toBe(400);
    const asset = await call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/assets`, {
      managementNumber: 'PC-2',
      registeredOn: '0000-01-01',
    });
    expect(asset.statusCode).toBe(400);
    expect(asset.json().error.message).toContain('body.registeredOn');
    const incident = await json(call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/incidents`, { title: '障害' }));
    const event = await call(t.app, tenant.manager, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'note', text: 'x', at: '0000-01-01T00:00:00Z' });
    expect(event.statusCode).toBe(400);
    expect(event.json().error.message).toContain('body.at');
  });

  it('a multipart text field with a NUL (the import mapping) is a 400 naming it', async () => {
    const file = multipartFile('assets.csv', 'text/csv', Buffer.from('管理番号\nPC-9\n'), { mapping: JSON.stringify({ 'x\u0000': 'ignore' }) });
    const response = await upload(t.app, tenant.manager, `/api/v1/facilities/${tenant.facilityId}/ledgers/assets/import`, file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('mapping');
  });
});
