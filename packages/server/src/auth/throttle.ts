import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { loginThrottles } from '../db/schema.js';

export const ipKey = (ip: string) => `ip:${ip}`;
/** Keyed by the address typed, not the account: a lockout looks the same whether the account exists or not. */
export const emailKey = (email: string) => `email:${email.toLowerCase()}`;

export interface Reservation {
  /** Failures in the window, this attempt included. */
  failures: number;
  /** When the window ends and the count starts over. */
  until: Date;
}

/**
 * Counts this attempt as a failure before any password is checked, in one atomic upsert: of any number of
 * concurrent attempts (on any number of app servers) each gets its own number, so no more than the limit
 * are ever checked. A window older than `windowMinutes` starts over at this attempt.
 */
export async function reserveAttempt(db: Db, key: string, windowMinutes: number): Promise<Reservation> {
  const expired = sql`${loginThrottles.windowStartedAt} <= now() - make_interval(mins => ${windowMinutes}::int)`;
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${expired} THEN now() ELSE ${loginThrottles.windowStartedAt} END`,
      },
    })
    .returning({ failures: loginThrottles.failures, windowStartedAt: loginThrottles.windowStartedAt });
  return { failures: row!.failures, until: new Date(row!.windowStartedAt.getTime() + windowMinutes * 60_000) };
}

/** The attempt turned out not to be a failure (right password): it no longer counts. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(loginThrottles)
    .set({ failures: sql`greatest(${loginThrottles.failures} - 1, 0)` })
    .where(eq(loginThrottles.key, key));
}

/** Starts the count over: a successful sign-in, or an administrator's password reset (which also unlocks). */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}
