import { Command, InvalidArgumentError } from 'commander';
import { FacilityKind, facilityKinds, PrefectureCode } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import { ConfigError } from '../config.js';
import { UnknownKeyError } from '../crypto/keyring.js';
import { DataDirBusyError } from '../db/data-dir-lock.js';
import { users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { hashPassword } from '../auth/password.js';
import { createApiToken } from '../auth/account-service.js';
import { presentOrganization } from '../organizations/presenter.js';
import { insertOrganization } from '../organizations/service.js';
import { presentFacility } from '../facilities/presenter.js';
import { insertFacility } from '../facilities/service.js';
import { AppError, presentDetail } from '../http/errors.js';
import { errorMessage } from '@mamori/domain';
import { restoreBackup, RestoreError, writeBackup } from '../backup/backup.js';
import { cliAudit, printJson, withDatabase } from './context.js';
import { serve } from './serve.js';
import { registerAuditCommands } from './audit.js';
import { registerChecklistCommands } from './checklist.js';
import { registerLedgerCommands } from './ledgers.js';
import { registerLogCommands } from './logs.js';
import { registerReminderCommands } from './reminders.js';
import { registerInspectorCommands } from './inspectors.js';

const program = new Command('mamori').description('Mamori — 医療機関のサイバーセキュリティ対策チェックリスト');

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, what: string) {
  return (value: string): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw new InvalidArgumentError(what);
    return result.data;
  };
}

program.command('serve').description('start the web server').action(serve);

program
  .command('migrate')
  .description('apply database migrations')
  .action(() => withDatabase(async () => console.log('migrations applied')));

program
  .command('admin')
  .description('administrators')
  .command('create')
  .description('create a system administrator')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>')
  .requiredOption('--name <name>')
  .action((o: { email: string; password: string; name: string }) =>
    withDatabase(async ({ db }) => {
      if (o.password.length < 10) throw new InvalidArgumentError('パスワードは10文字以上にしてください / the password needs 10+ characters');
      const passwordHash = await hashPassword(o.password);
      const user = await db.transaction(async (tx) => {
        const [created] = await tx.insert(users).values({ email: o.email.toLowerCase(), name: o.name, passwordHash, isSystemAdmin: true }).returning();
        await recordAudit(tx, cliAudit, {
          action: 'user.create',
          entityType: 'user',
          entityId: created!.id,
          changes: { email: { before: null, after: created!.email }, isSystemAdmin: { before: null, after: true } },
        });
        return created!;
      });
      printJson({ id: user.id, email: user.email });
    }),
  );

program
  .command('token')
  .description('personal API tokens')
  .command('create')
  .description('create an API token for a user and print it')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>', 'what the token is for')
  .action((o: { email: string; name: string }) =>
    withDatabase(async ({ db }) => {
      const [user] = await db.select().from(users).where(eq(users.email, o.email.toLowerCase()));
      if (!user) throw new InvalidArgumentError(`ユーザーが見つかりません / no user with email ${o.email}`);
      const { token } = await createApiToken(db, cliAudit, user.id, o.name);
      console.log(token);
    }),
  );

program
  .command('org')
  .description('organizations (法人)')
  .command('create')
  .requiredOption('--name <name>')
  .option('--require-totp', 'members must use two-factor authentication', false)
  .action((o: { name: string; requireTotp: boolean }) =>
    withDatabase(async ({ db }) => {
      const row = await db.transaction((tx) => insertOrganization(tx, cliAudit, { name: o.name, requireTotp: o.requireTotp }));
      printJson(presentOrganization(row));
    }),
  );

program
  .command('facility')
  .description('facilities (医療機関)')
  .command('create')
  .requiredOption('--org <id>', 'organization id')
  .requiredOption('--name <name>')
  .requiredOption('--kind <kind>', facilityKinds.join(' | '), parseWith(FacilityKind, `kind: ${facilityKinds.join(' | ')}`))
  .option('--prefecture <code>', 'JIS prefecture code 01–47', parseWith(PrefectureCode, 'prefecture: 01–47'))
  .option('--health-center <name>', '管轄保健所', '')
  .option('--beds <n>', '病床数 (hospitals)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('beds: a whole number');
    return n;
  })
  .action((o: { org: string; name: string; kind: FacilityKind; prefecture?: string; healthCenter: string; beds?: number }) =>
    withDatabase(async ({ db }) => {
      const row = await db.transaction((tx) =>
        insertFacility(tx, cliAudit, o.org, {
          name: o.name,
          kind: o.kind,
          prefecture: o.prefecture ?? null,
          healthCenter: o.healthCenter,
          bedCount: o.beds ?? null,
        }),
      );
      printJson(presentFacility(row));
    }),
  );

registerAuditCommands(program);

program
  .command('backup')
  .description('write a consistent archive of the whole database, stored files and queued jobs (replaces --out only once complete)')
  .requiredOption('--out <file>')
  .action((o: { out: string }) =>
    withDatabase(
      async (database) => {
        const summary = await writeBackup(database, o.out);
        printJson({ file: o.out, ...summary });
      },
      { existing: true },
    ),
  );

program
  .command('restore')
  .description('restore an archive into an empty data directory or database')
  .argument('<file>')
  .action((file: string) =>
    withDatabase(async (database) => {
      const summary = await restoreBackup(database, file);
      printJson({ restored: file, tables: summary.tables, files: summary.files, fileBytes: summary.fileBytes });
    }),
  );

registerChecklistCommands(program);
registerLedgerCommands(program);
registerLogCommands(program);
registerReminderCommands(program);
registerInspectorCommands(program);

try {
  await program.parseAsync();
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof UnknownKeyError ||
    error instanceof DataDirBusyError ||
    error instanceof RestoreError ||
    error instanceof InvalidArgumentError
  ) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(
      `${errorMessage(error.code, 'ja', error.params)}${error.details ? ` ${error.details.map((d) => `${d.path}: ${presentDetail(d, 'ja').message}`).join(' / ')}` : ''}`,
    );
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
