import { and, count, eq, gt } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { loginAttempts, users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../http/errors.js';
import type { UserRow } from './context.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { checkTotp } from './totp.js';

interface LoginInput {
  email: string;
  password: string;
  totpCode?: string | undefined;
  ip: string;
}

function minutesUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}

/**
 * Checks credentials with throttling that holds across app servers: failures per IP are counted in the
 * database, and an account locks for a while after repeated failures.
 */
export async function authenticateCredentials(db: Db, config: Config, input: LoginInput): Promise<UserRow> {
  const window = new Date(Date.now() - config.login.lockoutMinutes * 60_000);
  const [ipFailures] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, input.ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, window)));
  if ((ipFailures?.n ?? 0) >= config.login.ipMaxFailures) throw new AppError(429, 'too_many_attempts');

  const fail = async (error: AppError): Promise<never> => {
    await db.insert(loginAttempts).values({ ip: input.ip, email: input.email, succeeded: false });
    throw error;
  };

  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  if (!user) {
    await burnPasswordCheck(input.password);
    return fail(new AppError(401, 'invalid_credentials'));
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    return fail(new AppError(423, 'account_locked', { minutes: minutesUntil(user.lockedUntil) }));
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await registerFailure(db, config, user);
    const [after] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
    if (after?.lockedUntil && after.lockedUntil > new Date()) {
      return fail(new AppError(423, 'account_locked', { minutes: minutesUntil(after.lockedUntil) }));
    }
    return fail(new AppError(401, 'invalid_credentials'));
  }
  if (user.totpSecret) {
    if (!input.totpCode) throw new AppError(401, 'totp_required');
    const step = await checkTotp(user.totpSecret, input.totpCode, user.totpLastUsedStep);
    if (step === null) {
      await registerFailure(db, config, user);
      return fail(new AppError(401, 'totp_invalid'));
    }
    await db.update(users).set({ totpLastUsedStep: step }).where(eq(users.id, user.id));
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(loginAttempts).values({ ip: input.ip, email: input.email, succeeded: true });
    await recordAudit(tx, { actorId: user.id, ip: input.ip }, { action: 'user.login', entityType: 'user', entityId: user.id });
  });
  return user;
}

async function registerFailure(db: Db, config: Config, user: UserRow): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ n: users.failedLoginCount }).from(users).where(eq(users.id, user.id)).for('update');
    const failures = (row?.n ?? 0) + 1;
    if (failures >= config.login.maxFailures) {
      const lockedUntil = new Date(Date.now() + config.login.lockoutMinutes * 60_000);
      await tx.update(users).set({ failedLoginCount: 0, lockedUntil }).where(eq(users.id, user.id));
      await recordAudit(tx, { actorId: null, ip: null }, {
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        changes: { lockedUntil: { before: null, after: lockedUntil.toISOString() } },
      });
    } else {
      await tx.update(users).set({ failedLoginCount: failures }).where(eq(users.id, user.id));
    }
  });
}
