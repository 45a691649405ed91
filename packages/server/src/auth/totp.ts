import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Db } from '../db/connect.js';
import { users } from '../db/schema.js';

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, email: string) => generateURI({ issuer: 'Mamori', label: email, secret });

const STEP_SECONDS = 30;

/**
 * Accepts the current code or one step either side; returns the time step used so a code cannot be
 * replayed, or null when it does not match.
 */
export async function checkTotp(secret: string, code: string, lastUsedStep: number | null): Promise<number | null> {
  const result = await verify({ secret, token: code, epochTolerance: STEP_SECONDS });
  if (!result.valid) return null;
  const step = Math.floor(('epoch' in result && typeof result.epoch === 'number' ? result.epoch : Date.now() / 1000) / STEP_SECONDS);
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/**
 * Marks a code's time step used, in one conditional update: true for exactly one of any number of
 * concurrent requests with the same code (or an older one), false for the rest.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastUsedStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastUsedStep), lt(users.totpLastUsedStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}
