import type { Actor, BcpView, CreateBcpRecordRequest, SaveBcpRequest } from '@mamori/domain';
import { eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { bcpDocuments, bcpPlans, bcpRecords } from '../db/schema.js';
import { getFile, putFile } from '../files/store.js';
import type { Upload } from '../files/upload.js';
import { notFound, versionConflict } from '../http/errors.js';
import { facilityFor, facilityRecord, type FacilityRow } from '../tenancy/scope.js';
import { deleteAudited, facilityScope, insertAudited, inTransaction, scopeOf } from '../writes/audited.js';
import { bcpView } from './queries.js';

/** 3(3): the BCP for cyber attacks — essentials, the document in versions, reviews and drills. */

const recordFields = ['kind', 'heldOn', 'participants', 'notes'] as const;

export async function readBcp(db: Db, actor: Actor, facilityId: string): Promise<BcpView> {
  await facilityFor(db, actor, facilityId, 'readiness.read');
  return bcpView(db, facilityId);
}

/** The essentials are one row per facility: the first save creates it (version null), later ones must name the version read. */
export async function saveBcp(db: Db, actor: Actor, context: AuditContext, facilityId: string, input: z.infer<typeof SaveBcpRequest>): Promise<BcpView> {
  const facility = await facilityFor(db, actor, facilityId, 'readiness.plan');
  const { version, essentials, plannedOn } = input;
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(bcpPlans).where(eq(bcpPlans.facilityId, facility.id)).for('update');
    if ((before?.version ?? null) !== version) throw versionConflict();
    if (before)
      await tx
        .update(bcpPlans)
        .set({ essentials, plannedOn, version: before.version + 1, updatedAt: new Date() })
        .where(eq(bcpPlans.facilityId, facility.id));
    else await tx.insert(bcpPlans).values({ facilityId: facility.id, organizationId: facility.organizationId, essentials, plannedOn });
    await recordAudit(tx, context, {
      action: 'bcp.save',
      entityType: 'bcp',
      entityId: facility.id,
      organizationId: facility.organizationId,
      facilityId: facility.id,
      changes: {
        ...diff(before?.essentials ?? null, essentials, Object.keys(essentials) as never),
        ...diff(before ? { plannedOn: before.plannedOn } : null, { plannedOn }, ['plannedOn']),
      },
    });
    return bcpView(tx, facility.id);
  });
}

/** The facility whose BCP the caller may write: checked before an upload is read, so an outsider learns nothing. */
export const bcpFacilityToWrite = (db: Db, actor: Actor, facilityId: string) => facilityFor(db, actor, facilityId, 'readiness.plan');

export async function addBcpDocument(
  db: Db,
  config: Config,
  context: AuditContext,
  facility: FacilityRow,
  uploadedBy: string,
  upload: Upload,
  contentType: string,
): Promise<BcpView> {
  const scope = facilityScope(facility);
  return inTransaction(db, async (tx) => {
    // Versions are numbered per facility; the row lock keeps two uploads from taking the same number.
    await tx.execute(sql`SELECT 1 FROM facilities WHERE id = ${facility.id} FOR UPDATE`);
    const [latest] = await tx
      .select({ n: max(bcpDocuments.documentVersion) })
      .from(bcpDocuments)
      .where(eq(bcpDocuments.facilityId, facility.id));
    const file = await putFile(tx, config, { content: upload.content, contentType });
    const documentVersion = (latest?.n ?? 0) + 1;
    await insertAudited(
      tx,
      context,
      bcpDocuments,
      { ...scope, documentVersion, fileSha256: file.sha256, fileName: upload.fileName, contentType, size: file.size, uploadedBy },
      {
        action: 'bcpDocument.upload',
        entityType: 'bcp_document',
        scope,
        fields: [],
        extra: { file: { before: null, after: { name: upload.fileName, sha256: file.sha256, documentVersion } } },
      },
    );
    return bcpView(tx, facility.id);
  });
}

export async function readBcpDocument(db: Db, actor: Actor, documentId: string) {
  const [found] = await db.select().from(bcpDocuments).where(eq(bcpDocuments.id, documentId));
  const document = await facilityRecord(db, actor, found, 'readiness.read');
  const file = await getFile(db, document.fileSha256);
  if (!file) throw notFound();
  return { document, content: file.content };
}

export async function addBcpRecord(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  recordedBy: string,
  input: z.infer<typeof CreateBcpRecordRequest>,
): Promise<BcpView> {
  const facility = await facilityFor(db, actor, facilityId, 'readiness.plan');
  const scope = facilityScope(facility);
  return inTransaction(db, async (tx) => {
    await insertAudited(
      tx,
      context,
      bcpRecords,
      { ...input, ...scope, recordedBy },
      { action: 'bcpRecord.create', entityType: 'bcp_record', scope, fields: recordFields },
    );
    return bcpView(tx, facility.id);
  });
}

export async function deleteBcpRecord(db: Db, actor: Actor, context: AuditContext, recordId: string): Promise<void> {
  const [found] = await db.select().from(bcpRecords).where(eq(bcpRecords.id, recordId));
  const record = await facilityRecord(db, actor, found, 'readiness.plan');
  const scope = scopeOf(record);
  await inTransaction(db, (tx) =>
    deleteAudited(tx, context, bcpRecords, record, null, { action: 'bcpRecord.delete', entityType: 'bcp_record', scope, fields: recordFields }),
  );
}

/** What the template is filled from: the facility's name and its saved essentials. */
export async function bcpTemplateInput(db: Db, actor: Actor, facilityId: string) {
  const facility = await facilityFor(db, actor, facilityId, 'readiness.read');
  const [plan] = await db.select().from(bcpPlans).where(eq(bcpPlans.facilityId, facility.id));
  return { facility, essentials: plan ? plan.essentials : null };
}
