import { PrefectureCode } from '@mamori/domain';
import { type Command, InvalidArgumentError } from 'commander';
import { eq } from 'drizzle-orm';
import { inspectionGrants } from '../db/schema.js';
import { changeInspectorAccess } from '../inspectors/accounts.js';
import { grantArea } from '../inspectors/area-grants.js';
import { insertGrant, insertInspector, deleteGrant } from '../inspectors/service.js';
import { inspectorByEmail } from '../inspectors/queries.js';
import { cliAudit, facilityById, printJson, withDatabase } from './context.js';

const prefecture = (value: string) => {
  if (!PrefectureCode.safeParse(value).success) throw new InvalidArgumentError('prefecture: 01–47');
  return value;
};

const role = (value: string) => {
  if (value !== 'inspector') throw new InvalidArgumentError('role: inspector (system administrators: mamori admin create)');
  return value;
};

async function facilityOrFail(db: Parameters<typeof facilityById>[0], id: string) {
  const facility = await facilityById(db, id);
  if (!facility) throw new InvalidArgumentError(`施設が見つかりません / no facility ${id}`);
  return facility;
}

/** The inspector of that e-mail, or a message saying there is none. */
async function inspectorOrFail(db: Parameters<typeof inspectorByEmail>[0], email: string) {
  const inspector = await inspectorByEmail(db, email);
  if (!inspector) throw new InvalidArgumentError(`検査員が見つかりません / no inspector with email ${email}`);
  return inspector;
}

export function registerInspectorCommands(program: Command): void {
  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description("create a health center's inspector (立入検査の検査員); prints the temporary password once")
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', 'inspector', role)
    .requiredOption('--prefecture <code>', 'JIS prefecture code 01–47', prefecture)
    .requiredOption('--health-center <name>', '保健所')
    .action((o: { email: string; name: string; prefecture: string; healthCenter: string }) =>
      withDatabase(async ({ db }) => {
        if (!o.healthCenter.trim()) throw new InvalidArgumentError('health-center: 保健所名を入力してください / a name is needed');
        printJson(await insertInspector(db, cliAudit, { email: o.email, name: o.name, prefecture: o.prefecture, healthCenter: o.healthCenter.trim() }));
      }),
    );

  for (const [name, disabled, description] of [
    ['disable', true, "disable an inspector's account (立入検査の検査員 who left): no sign-in; sessions and API tokens end"],
    ['enable', false, "let a disabled inspector's account sign in again with its password"],
  ] as const) {
    user
      .command(name)
      .description(description)
      .requiredOption('--email <email>')
      .action((o: { email: string }) =>
        withDatabase(async ({ db }) => {
          const inspector = await inspectorOrFail(db, o.email);
          const account = await changeInspectorAccess(db, cliAudit, inspector.id, disabled);
          printJson({ id: account.id, email: account.email, disabledAt: account.disabledAt });
        }),
      );
  }

  const inspection = program.command('inspection').description('立入検査: read-only access of inspectors to a facility');
  inspection
    .command('grant')
    .description(
      "grant an inspector read-only access to a facility, or to every facility of a prefecture or health center (a regional deployment's assignment)",
    )
    .option('--facility <id>')
    .option('--prefecture <code>', 'every facility of this prefecture (JIS code 01–47)', prefecture)
    .option('--health-center <name>', 'with --prefecture: only the facilities of this 保健所')
    .requiredOption('--inspector <email>')
    .action((o: { facility?: string; prefecture?: string; healthCenter?: string; inspector: string }) =>
      withDatabase(async ({ db }) => {
        if (Boolean(o.facility) === Boolean(o.prefecture)) {
          throw new InvalidArgumentError('--facility か --prefecture のどちらか一方を指定してください / give either --facility or --prefecture');
        }
        if (o.healthCenter !== undefined && !o.prefecture)
          throw new InvalidArgumentError('--health-center は --prefecture と一緒に指定します / --health-center needs --prefecture');
        if (o.prefecture) {
          const healthCenter = o.healthCenter?.trim();
          printJson(await grantArea(db, cliAudit, o.inspector, { prefecture: o.prefecture, ...(healthCenter ? { healthCenter } : {}) }));
          return;
        }
        const facility = await facilityOrFail(db, o.facility!);
        const grant = await db.transaction((tx) => insertGrant(tx, cliAudit, facility, o.inspector, null));
        printJson({ id: grant.id, facilityId: grant.facilityId, inspectorId: grant.inspectorId, inspectorEmail: o.inspector.toLowerCase() });
      }),
    );
  inspection
    .command('revoke')
    .description("revoke an inspector's access to a facility")
    .requiredOption('--facility <id>')
    .requiredOption('--inspector <email>')
    .action((o: { facility: string; inspector: string }) =>
      withDatabase(async ({ db }) => {
        const facility = await facilityOrFail(db, o.facility);
        const inspector = await inspectorOrFail(db, o.inspector);
        const [grant] = (await db.select().from(inspectionGrants).where(eq(inspectionGrants.inspectorId, inspector.id))).filter(
          (g) => g.facilityId === facility.id,
        );
        if (!grant) throw new InvalidArgumentError('この施設への許可はありません / the inspector has no access to this facility');
        await db.transaction((tx) => deleteGrant(tx, cliAudit, facility, grant.id));
        printJson({ revoked: grant.id, facilityId: facility.id, inspectorEmail: inspector.email });
      }),
    );
}
