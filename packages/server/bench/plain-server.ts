// The same-work baseline (issue 14): Mamori's authenticated facility list written plainly — Fastify with
// the logger off, `pg`, the bearer token looked up by its SHA-256, the membership-filtered list, the same
// JSON. No helmet, zod, drizzle or audit hooks: what that route costs at the least with this stack.
// Started by run.ts in its own process on Mamori's database; listens on 127.0.0.1:$PORT.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import './exit-with-parent.js';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('plain-server: PORT is required');
if (!process.env.DATABASE_URL) throw new Error('plain-server: DATABASE_URL is required');

// Same pool size as Mamori's default, so both have the same number of connections to PostgreSQL.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE || 10) });

// Named statements, as Mamori's are: PostgreSQL parses and plans each once per connection.
const tokenQuery = {
  name: 'plain_token',
  text: `select u.id, u.is_system_admin from api_tokens t join users u on u.id = t.user_id where t.token_hash = $1`,
};
const listQuery = {
  name: 'plain_facilities',
  text: `select id, organization_id, name, kind, prefecture, health_center, bed_count, version, created_at from facilities
    where $1::boolean
      or organization_id in (select organization_id from organization_members where user_id = $2 and role = 'admin')
      or id in (select facility_id from facility_members where user_id = $2)
    order by name`,
};

type FacilityRow = {
  id: string;
  organization_id: string;
  name: string;
  kind: string;
  prefecture: string | null;
  health_center: string;
  bed_count: number | null;
  version: number;
  created_at: Date;
};

const app = Fastify({ logger: false });
app.get('/api/v1/facilities', async (request, reply) => {
  const authorization = request.headers.authorization;
  if (!authorization?.startsWith('Bearer ')) return reply.status(401).send({ error: { code: 'unauthorized' } });
  const hash = createHash('sha256').update(authorization.slice(7).trim()).digest('hex');
  const { rows: users } = await pool.query<{ id: string; is_system_admin: boolean }>({ ...tokenQuery, values: [hash] });
  const user = users[0];
  if (!user) return reply.status(401).send({ error: { code: 'unauthorized' } });
  const { rows } = await pool.query<FacilityRow>({ ...listQuery, values: [user.is_system_admin, user.id] });
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    kind: r.kind,
    prefecture: r.prefecture,
    healthCenter: r.health_center,
    bedCount: r.bed_count,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  }));
});

process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
await app.listen({ host: '127.0.0.1', port });
