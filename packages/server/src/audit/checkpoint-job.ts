import type { BaseLogger } from 'pino';
import type { Config } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db } from '../db/connect.js';
import type { Jobs } from '../jobs/jobs.js';
import type { QueueDefinition } from '../jobs/queues.js';
import { writeCheckpoint, type CheckpointOutcome } from './checkpoint.js';

const AUDIT_CHECKPOINT_QUEUE = 'audit.checkpoint';
/**
 * Every 5 minutes: events newer than the last checkpoint are covered by the hash chain only, so deleting the
 * newest few minutes of events (and nothing before them) is the window a checkpoint cannot see.
 */
const AUDIT_CHECKPOINT_CRON = '*/5 * * * *';

/** `singleton`: one run at a time across app servers; finished runs are dropped after an hour (12 an hour otherwise pile up). */
export const auditCheckpointQueue: QueueDefinition = {
  name: AUDIT_CHECKPOINT_QUEUE,
  policy: 'singleton',
  retryLimit: 1,
  retryDelay: 60,
  deleteAfterSeconds: 60 * 60,
};

/**
 * Writes a checkpoint and says so in the log, which is the second copy: a checkpoint line from the log can be
 * given to `mamori audit verify --checkpoint` if the file itself is lost or cut back.
 */
export async function checkpointAuditTrail(deps: {
  db: Db;
  secrets: Keyring;
  config: Pick<Config, 'auditCheckpointFile'>;
  log: BaseLogger;
}): Promise<CheckpointOutcome> {
  const outcome = await writeCheckpoint(deps.db, deps.secrets, deps.config.auditCheckpointFile);
  if ('written' in outcome) deps.log.info({ auditCheckpoint: outcome.written }, 'audit checkpoint');
  if ('refused' in outcome) {
    deps.log.error(
      { file: deps.config.auditCheckpointFile, reason: outcome.refused },
      '監査ログがチェックポイントと一致しません。mamori audit verify で確認してください / the audit trail no longer matches its newest checkpoint: run mamori audit verify',
    );
  }
  return outcome;
}

export function registerAuditCheckpoints(deps: { db: Db; secrets: Keyring; config: Pick<Config, 'auditCheckpointFile'>; jobs: Jobs; log: BaseLogger }): void {
  deps.jobs.work(AUDIT_CHECKPOINT_QUEUE, async () => {
    await checkpointAuditTrail(deps);
  });
  deps.jobs.schedule(AUDIT_CHECKPOINT_QUEUE, AUDIT_CHECKPOINT_CRON);
}
