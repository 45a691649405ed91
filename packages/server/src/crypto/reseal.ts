import { eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db/connect.js';
import { users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { mailQueue } from '../mail/queue.js';
import { JOB_SCHEMA } from '../jobs/schema.js';
import { isSealed, type Keyring } from './keyring.js';

/**
 * Brings every stored secret under the current key, at start-up: TOTP secrets saved in clear before
 * encryption existed or sealed with a previous key, and queued mail likewise. Runs in one transaction with
 * the rows locked, so app servers starting together do it once. A value sealed with a key that is not
 * configured stops the start with a message naming the key (see openKeyring).
 */
export async function resealSecrets(database: Database, keyring: Keyring): Promise<{ totp: number; mail: number }> {
  return database.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: users.id, totpSecret: users.totpSecret, totpPendingSecret: users.totpPendingSecret })
      .from(users)
      .where(or(isNotNull(users.totpSecret), isNotNull(users.totpPendingSecret)))
      .for('update');
    const reseal = (value: string | null) => {
      if (value === null || !keyring.needsResealing(value)) return value;
      return keyring.seal('totp', isSealed(value) ? keyring.open('totp', value) : value);
    };
    let totp = 0;
    for (const row of rows) {
      const totpSecret = reseal(row.totpSecret);
      const totpPendingSecret = reseal(row.totpPendingSecret);
      if (totpSecret === row.totpSecret && totpPendingSecret === row.totpPendingSecret) continue;
      await tx.update(users).set({ totpSecret, totpPendingSecret }).where(eq(users.id, row.id));
      totp++;
    }
    const jobs = await tx.execute(sql`SELECT id, data FROM ${sql.identifier(JOB_SCHEMA)}.job WHERE name = ${mailQueue.name} AND data IS NOT NULL FOR UPDATE`);
    let mail = 0;
    for (const job of (jobs as unknown as { rows: { id: string; data: Record<string, unknown> }[] }).rows) {
      const sealed = typeof job.data.sealed === 'string' ? job.data.sealed : null;
      if (sealed && !keyring.needsResealing(sealed)) continue;
      const message = sealed ? keyring.open('mail', sealed) : JSON.stringify(job.data);
      await tx.execute(
        sql`UPDATE ${sql.identifier(JOB_SCHEMA)}.job SET data = ${JSON.stringify({ sealed: keyring.seal('mail', message) })}::jsonb WHERE id = ${job.id}`,
      );
      mail++;
    }
    if (totp || mail) {
      await recordAudit(
        tx,
        { actorId: null, ip: null },
        {
          action: 'secrets.reseal',
          entityType: 'system',
          entityId: null,
          changes: { totpSecrets: { before: null, after: totp }, mailJobs: { before: null, after: mail }, keyId: { before: null, after: keyring.currentId } },
        },
      );
    }
    return { totp, mail };
  });
}
