import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db } from '../db/connect.js';
import { loginAttempts, users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../http/errors.js';
import type { UserRow } from './context.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { clearAttempts, emailKey, ipKey, releaseAttempt, reserveAttempt, type Reservation } from './throttle.js';
import { checkTotp, claimTotpStep } from './totp.js';

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
 * Checks credentials with throttling that holds across app servers. Every attempt is first counted as a
 * failure, atomically, per address and per email (see throttle.ts); one past either limit is refused
 * without checking anything, so a burst of concurrent guesses checks no more passwords than the limit.
 * An email past its limit answers the same 423 whether or not an account has that address.
 */
export async function authenticateCredentials(db: Db, config: Config, secrets: Keyring, input: LoginInput): Promise<UserRow> {
  const { lockoutMinutes, maxFailures, ipMaxFailures } = config.login;
  const byIp = await reserveAttempt(db, ipKey(input.ip), lockoutMinutes);
  if (byIp.failures > ipMaxFailures) throw new AppError(429, 'too_many_attempts');
  const byEmail = await reserveAttempt(db, emailKey(input.email), lockoutMinutes);
  const locked = (reservation: Reservation) => new AppError(423, 'account_locked', { minutes: minutesUntil(reservation.until) });
  const history = (succeeded: boolean) => db.insert(loginAttempts).values({ ip: input.ip, email: input.email, succeeded });

  const [user] = byEmail.failures > maxFailures ? [] : await db.select().from(users).where(eq(users.email, input.email));
  // The attempt stays counted as a failure; the one that reaches the limit locks, and says so.
  const fail = async (code: 'invalid_credentials' | 'totp_invalid'): Promise<never> => {
    await history(false);
    if (byEmail.failures < maxFailures) throw new AppError(401, code);
    if (user && byEmail.failures === maxFailures) {
      await db.transaction((tx) =>
        recordAudit(
          tx,
          { actorId: null, ip: input.ip },
          { action: 'user.locked', entityType: 'user', entityId: user.id, changes: { lockedUntil: { before: null, after: byEmail.until.toISOString() } } },
        ),
      );
    }
    throw locked(byEmail);
  };

  if (byEmail.failures > maxFailures) {
    await history(false);
    throw locked(byEmail);
  }
  if (!user) {
    await burnPasswordCheck(input.password);
    return fail('invalid_credentials');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail('invalid_credentials');
  if (user.disabledAt) {
    // Said only after the right password, so it reveals nothing to a guesser; not counted as a failure, so the
    // person keeps reading why rather than a lockout.
    await releaseAttempt(db, ipKey(input.ip));
    await releaseAttempt(db, emailKey(input.email));
    await history(false);
    throw new AppError(403, 'account_disabled');
  }
  if (user.totpSecret) {
    if (!input.totpCode) {
      // Not a failure: the web app asks for the code next.
      await releaseAttempt(db, ipKey(input.ip));
      await releaseAttempt(db, emailKey(input.email));
      throw new AppError(401, 'totp_required');
    }
    const step = await checkTotp(secrets.open('totp', user.totpSecret), input.totpCode, user.totpLastUsedStep);
    // Claimed atomically: of concurrent sign-ins with one code, only one gets a session.
    if (step === null || !(await claimTotpStep(db, user.id, step))) return fail('totp_invalid');
  }
  await releaseAttempt(db, ipKey(input.ip));
  await db.transaction(async (tx) => {
    await clearAttempts(tx, emailKey(input.email));
    await tx.insert(loginAttempts).values({ ip: input.ip, email: input.email, succeeded: true });
    await recordAudit(tx, { actorId: user.id, ip: input.ip }, { action: 'user.login', entityType: 'user', entityId: user.id });
  });
  return user;
}
