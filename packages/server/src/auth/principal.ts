import type { Actor, FacilityRole, Grant, OrganizationRole } from '@mamori/domain';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { prepared } from '../db/prepared.js';
import { apiTokens, sessions, users } from '../db/schema.js';
import type { Authenticated, UserRow } from './context.js';

/** One membership: organization, facility, role, vendor, and whether its organization requires a second factor. */
type GrantRow = { o: string | null; f: string | null; r: string; v?: string | null; t?: boolean };

/** Always table-qualified: drizzle leaves single-table selects unqualified, and `id` would bind inside the subquery. */
const userId = sql.raw('"users"."id"');

/**
 * The user's memberships as one JSON array, fetched in the same round trip as the user, each with its
 * organization's "require two-factor" (by primary key: no scan of all organizations per request). The query
 * lives in the `membership_grants` function (migration 0007), so it is planned once per connection.
 */
export const grantsOf = sql<GrantRow[]>`membership_grants(${userId})`;

/** Whether an organization the user belongs to (directly or through a facility) requires a second factor. */
const anyRequiresTotp = (rows: GrantRow[]) => rows.some((row) => row.t === true);

export function toActor(userId: string, isSystemAdmin: boolean, rows: GrantRow[]): Actor {
  const grants: Grant[] = rows.map((row): Grant => {
    if (row.v) return { kind: 'vendor', vendorId: row.v };
    if (row.r === 'inspector') return { kind: 'inspector', organizationId: row.o!, facilityId: row.f! };
    if (row.f) return { kind: 'facility', organizationId: row.o!, facilityId: row.f, role: row.r as FacilityRole };
    return { kind: 'organization', organizationId: row.o!, role: row.r as OrganizationRole };
  });
  if (isSystemAdmin) grants.push({ kind: 'system', role: 'admin' });
  return { userId, grants };
}

export interface Principal {
  user: UserRow;
  actor: Actor;
  requiresTotp: boolean;
}

const byToken = (db: Db) =>
  prepared(db, 'principal_by_api_token', (d) =>
    d
      .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, grants: grantsOf })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      // A disabled account's token answers 401 like an unknown one, whatever is left of it.
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(users.disabledAt)))
      .prepare('principal_by_api_token'),
  );

const bySession = (db: Db) =>
  prepared(db, 'principal_by_session', (d) =>
    d
      .select({ user: users, session: sessions, grants: grantsOf })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder('hash')),
          // Disabling deletes the sessions too; this holds whatever a session row outlives.
          isNull(users.disabledAt),
          gt(sessions.expiresAt, sql`now()`),
          gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${sql.placeholder('idleMinutes')}::int)`),
        ),
      )
      .prepare('principal_by_session'),
  );

/** Token holder, memberships and 2FA requirement in one prepared query. */
export async function principalByApiToken(db: Db, tokenHash: string) {
  const [row] = await byToken(db).execute({ hash: tokenHash });
  if (!row) return null;
  return {
    principal: { user: row.user, actor: toActor(row.user.id, row.user.isSystemAdmin, row.grants), requiresTotp: anyRequiresTotp(row.grants) },
    tokenId: row.tokenId,
    lastUsedAt: row.lastUsedAt,
  };
}

export async function principalBySession(db: Db, tokenHash: string, idleMinutes: number) {
  const [row] = await bySession(db).execute({ hash: tokenHash, idleMinutes });
  if (!row) return null;
  return {
    principal: { user: row.user, actor: toActor(row.user.id, row.user.isSystemAdmin, row.grants), requiresTotp: anyRequiresTotp(row.grants) },
    session: row.session,
  };
}

/** What the user must do before anything but their own account: change a temporary password, or enroll 2FA. */
export function restrictionOf(principal: Pick<Principal, 'user' | 'requiresTotp'>): Authenticated['restricted'] {
  if (principal.user.mustChangePassword) return 'password_change_required';
  if (!principal.user.totpSecret && principal.requiresTotp) return 'totp_enrollment_required';
  return null;
}

/** Whether an organization the user belongs to requires a second factor (at sign-in, outside the prepared lookups). */
export async function requiresTotp(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ grants: grantsOf }).from(users).where(eq(users.id, userId));
  return anyRequiresTotp(row?.grants ?? []);
}
