import { BcpEssentials, type BcpView } from '@mamori/domain';
import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { bcpDocuments, bcpPlans, bcpRecords, users } from '../db/schema.js';

const emptyEssentials = BcpEssentials.parse({});

/** The facility's BCP: essentials, every document version (newest first) and the review / drill records. */
export async function bcpView(db: Db | Tx, facilityId: string): Promise<BcpView> {
  const [[plan], documents, records] = await Promise.all([
    db.select().from(bcpPlans).where(eq(bcpPlans.facilityId, facilityId)),
    db
      .select({ document: bcpDocuments, uploadedBy: users.name })
      .from(bcpDocuments)
      .leftJoin(users, eq(users.id, bcpDocuments.uploadedBy))
      .where(eq(bcpDocuments.facilityId, facilityId))
      .orderBy(desc(bcpDocuments.documentVersion)),
    db
      .select({ record: bcpRecords, recordedBy: users.name })
      .from(bcpRecords)
      .leftJoin(users, eq(users.id, bcpRecords.recordedBy))
      .where(eq(bcpRecords.facilityId, facilityId))
      .orderBy(desc(bcpRecords.heldOn), desc(bcpRecords.createdAt)),
  ]);
  return {
    essentials: plan ? BcpEssentials.parse(plan.essentials) : emptyEssentials,
    plannedOn: plan?.plannedOn ?? null,
    version: plan?.version ?? null,
    updatedAt: plan?.updatedAt.toISOString() ?? null,
    documents: documents.map(({ document, uploadedBy }) => ({
      id: document.id,
      documentVersion: document.documentVersion,
      fileName: document.fileName,
      contentType: document.contentType,
      size: document.size,
      uploadedBy,
      uploadedAt: document.uploadedAt.toISOString(),
    })),
    records: records.map(({ record, recordedBy }) => ({
      id: record.id,
      kind: record.kind as 'review' | 'drill',
      heldOn: record.heldOn,
      participants: record.participants,
      notes: record.notes,
      recordedBy,
      createdAt: record.createdAt.toISOString(),
    })),
  };
}
