import { type Command, InvalidArgumentError } from 'commander';
import { writeCheckpoint } from '../audit/checkpoint.js';
import { verifyAgainstCheckpoints, verifyAuditChain, type AnchorFailure } from '../audit/verify.js';
import { openKeyring } from '../crypto/open-keyring.js';
import { withDatabase } from './context.js';

const reasonText = {
  malformed: '形式が不正 / malformed',
  bad_signature: '署名が一致しない / bad signature',
  unknown_key: '署名の鍵が未設定 / signed with a key that is not configured',
} as const;

function anchorMessage(failure: AnchorFailure, file: string): string {
  switch (failure.kind) {
    case 'checkpoint_file':
      return `チェックポイントファイルが改ざんされています (${file} ${failure.line}行目: ${reasonText[failure.reason]}) / the checkpoint file was tampered with (${file} line ${failure.line}: ${failure.reason})`;
    case 'given_checkpoint':
      return `指定されたチェックポイントは正しくありません (${reasonText[failure.reason]}) / the given checkpoint is not valid (${failure.reason})`;
    case 'truncated': {
      const { sequence, at } = failure.checkpoint;
      const now = failure.newestSequence ? `#${failure.newestSequence} まで / up to #${failure.newestSequence}` : '0件 / empty';
      return `監査ログの末尾が削除されています: ${at} のチェックポイントでは #${sequence} までありましたが、現在は ${now} / the newest audit events were deleted: the checkpoint of ${at} recorded events up to #${sequence}`;
    }
    case 'rewritten':
      return `監査ログが書き換えられています: ${failure.checkpoint.at} のチェックポイントが記録した #${failure.checkpoint.sequence} のハッシュと一致しません / the audit trail was rewritten: event #${failure.checkpoint.sequence} no longer has the hash its checkpoint of ${failure.checkpoint.at} recorded`;
  }
}

const parseCheckpoint = (value: string, previous: unknown[] = []) => {
  try {
    // A log line is accepted whole: its auditCheckpoint field is the checkpoint.
    const parsed = JSON.parse(value) as { auditCheckpoint?: unknown };
    return [...previous, parsed.auditCheckpoint ?? parsed];
  } catch {
    throw new InvalidArgumentError('チェックポイントのJSON (ログの行でも可) / a checkpoint as JSON (a log line will do)');
  }
};

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('audit trail')
    .command('verify')
    .description('check the hash chain and that it still reaches its newest signed checkpoint; exits 1 and says what was altered or deleted')
    .option('--checkpoint <json>', 'also compare with this checkpoint (e.g. copied from the log); repeatable', parseCheckpoint)
    .action((o: { checkpoint?: unknown[] }) =>
      withDatabase(async ({ db }, config) => {
        const keyring = openKeyring(config);
        const file = config.auditCheckpointFile;
        const chain = await verifyAuditChain(db);
        const anchor = await verifyAgainstCheckpoints(db, keyring, file, o.checkpoint);
        if (!chain.ok) {
          const b = chain.firstBreak;
          console.error(
            `監査ログの改ざんを検出しました / audit chain broken at event #${b.sequence} (id ${b.id}): ${b.reason}; ${chain.events} events before it are intact`,
          );
        }
        if (!anchor.ok) console.error(anchorMessage(anchor.failure, file));
        if (!chain.ok || !anchor.ok) {
          process.exitCode = 1;
          return;
        }
        console.log(`監査ログは改ざんされていません / audit chain intact: ${chain.events} events`);
        console.log(
          anchor.newest
            ? `最新のチェックポイント (${anchor.newest.at}, #${anchor.newest.sequence}) と一致 / matches its newest checkpoint (${anchor.newest.at}, #${anchor.newest.sequence}; ${anchor.checkpoints} in ${file})`
            : `チェックポイントはまだありません / no checkpoint yet (${file})`,
        );
        const outcome = await writeCheckpoint(db, keyring, file);
        if ('written' in outcome) console.log(`チェックポイントを記録しました / checkpoint written: ${JSON.stringify(outcome.written)}`);
      }),
    );
}
