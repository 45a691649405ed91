import { normalizeSystemName, type Actor, type DisclosureFields, type DisclosureView, type VendorSide } from '@mamori/domain';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { disclosures, users } from '../db/schema.js';
import type { AuditContext } from '../audit/record.js';
import { evidenceType } from '../assessments/evidence.js';
import { getFile, putFile } from '../files/store.js';
import type { Upload } from '../files/upload.js';
import { AppError, notFound } from '../http/errors.js';
import { deleteAudited, insertAudited, inTransaction, scopeOf } from '../writes/audited.js';
import { contractFor, type ContractRow } from './access.js';
import { presentDisclosure } from './presenter.js';

/** MDS/SDS register: either side files the statement for a contracted system; both can read it. */

type DisclosureRow = typeof disclosures.$inferSelect;

/** Disclosures with the name of whoever filed them. */
function withUploader(db: Db) {
  return db.select({ disclosure: disclosures, uploadedBy: users.name }).from(disclosures).leftJoin(users, eq(users.id, disclosures.uploadedBy));
}

async function disclosureFor(db: Db, actor: Actor, id: string, permission: 'contract.read' | 'disclosure.manage'): Promise<DisclosureRow> {
  const [row] = await db.select().from(disclosures).where(eq(disclosures.id, id));
  if (!row) throw notFound();
  await contractFor(db, actor, row.contractId, permission);
  return row;
}

export async function listDisclosures(db: Db, actor: Actor, contractId: string): Promise<DisclosureView[]> {
  const { contract } = await contractFor(db, actor, contractId, 'contract.read');
  const rows = await withUploader(db).where(eq(disclosures.contractId, contract.id)).orderBy(asc(disclosures.system), asc(disclosures.receivedOn));
  return rows.map((r) => presentDisclosure(r.disclosure, r.uploadedBy));
}

/** The contract a statement is filed on and the side filing it: checked before an upload is read, so an outsider learns nothing. */
export const disclosureContract = (db: Db, actor: Actor, contractId: string) => contractFor(db, actor, contractId, 'disclosure.manage');

export async function fileDisclosure(
  db: Db,
  config: Config,
  context: AuditContext,
  { contract, side }: { contract: ContractRow; side: VendorSide },
  upload: Upload,
  fields: z.infer<typeof DisclosureFields>,
): Promise<DisclosureView> {
  const system = contract.systems.find((s) => normalizeSystemName(s) === normalizeSystemName(fields.system));
  if (!system) throw new AppError(400, 'validation_error', {}, [{ path: 'body.system', code: 'system_not_in_contract', params: { system: fields.system } }]);
  const contentType = await evidenceType(upload.content, upload.mimetype);
  const scope = scopeOf(contract);
  return inTransaction(db, async (tx) => {
    const file = await putFile(tx, config, { content: upload.content, contentType });
    const row = await insertAudited(
      tx,
      context,
      disclosures,
      {
        ...scope,
        contractId: contract.id,
        ...fields,
        system,
        fileSha256: file.sha256,
        fileName: upload.fileName,
        contentType,
        size: file.size,
        uploadedBy: context.actorId,
        uploadedSide: side,
      },
      {
        action: 'disclosure.create',
        entityType: 'disclosure',
        scope,
        fields: [],
        extra: {
          contractId: { before: null, after: contract.id },
          ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { before: null, after: v }])),
          file: { before: null, after: { name: upload.fileName, sha256: file.sha256 } },
        },
      },
    );
    const [filed] = await withUploader(tx).where(eq(disclosures.id, row.id));
    return presentDisclosure(filed!.disclosure, filed!.uploadedBy);
  });
}

export async function readDisclosureFile(db: Db, actor: Actor, id: string) {
  const disclosure = await disclosureFor(db, actor, id, 'contract.read');
  const file = await getFile(db, disclosure.fileSha256);
  if (!file) throw notFound();
  return { disclosure, content: file.content };
}

export async function deleteDisclosure(db: Db, actor: Actor, context: AuditContext, id: string): Promise<void> {
  const row = await disclosureFor(db, actor, id, 'disclosure.manage');
  await inTransaction(db, (tx) =>
    deleteAudited(tx, context, disclosures, row, null, {
      action: 'disclosure.delete',
      entityType: 'disclosure',
      scope: scopeOf(row),
      fields: ['system', 'kind'],
      extra: { file: { before: { name: row.fileName, sha256: row.fileSha256 }, after: null } },
    }),
  );
}
