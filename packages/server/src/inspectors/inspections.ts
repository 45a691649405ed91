import type { Actor, Inspection } from '@mamori/domain';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { inspectionFindings, inspections } from '../db/schema.js';
import { forbidden } from '../http/errors.js';
import { facilityFor, facilityRecord } from '../tenancy/scope.js';
import { facilityScope, inTransaction, insertAudited, scopeOf, updateAudited } from '../writes/audited.js';
import { inspectorById } from './queries.js';

type InspectionRow = typeof inspections.$inferSelect;
type FindingRow = typeof inspectionFindings.$inferSelect;

export interface NewInspection {
  inspectedOn: string;
  notes: string;
  findings: { itemId: string | null; text: string; followUpRequested: boolean }[];
}

const presentFinding = (row: FindingRow) => ({
  id: row.id,
  itemId: row.itemId,
  text: row.text,
  followUpRequested: row.followUpRequested,
  answer: row.answer,
  answeredAt: row.answeredAt?.toISOString() ?? null,
  version: row.version,
});

const presentInspection = (row: InspectionRow, findings: FindingRow[]): Inspection => ({
  id: row.id,
  facilityId: row.facilityId,
  inspector: { id: row.inspectorId, name: row.inspectorName, healthCenter: row.healthCenter },
  inspectedOn: row.inspectedOn,
  notes: row.notes,
  findings: findings.filter((f) => f.inspectionId === row.id).map(presentFinding),
  createdAt: row.createdAt.toISOString(),
});

async function inspectionsOf(db: Db, facilityId: string, only?: string): Promise<Inspection[]> {
  const rows = await db
    .select()
    .from(inspections)
    .where(only ? eq(inspections.id, only) : eq(inspections.facilityId, facilityId))
    .orderBy(desc(inspections.inspectedOn), desc(inspections.createdAt));
  if (rows.length === 0) return [];
  const findings = await db
    .select()
    .from(inspectionFindings)
    .where(
      inArray(
        inspectionFindings.inspectionId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(inspectionFindings.position));
  return rows.map((row) => presentInspection(row, findings));
}

/** The facility's inspections with their findings and answers: its people and the inspectors it granted read them. */
export async function listInspections(db: Db, actor: Actor, facilityId: string) {
  await facilityFor(db, actor, facilityId, 'inspection.read');
  return inspectionsOf(db, facilityId);
}

/**
 * An inspector records an inspection of a facility that granted them access, with its 指摘事項. One audit event, the
 * findings in it: they are written with the inspection and only their answers change later.
 */
export async function recordInspection(db: Db, actor: Actor, context: AuditContext, facilityId: string, input: NewInspection) {
  const facility = await facilityFor(db, actor, facilityId, 'inspection.record');
  const inspector = await inspectorById(db, actor.userId);
  if (!inspector) throw forbidden();
  const row = await inTransaction(db, async (tx) => {
    const inspection = await insertAudited(
      tx,
      context,
      inspections,
      {
        facilityId: facility.id,
        organizationId: facility.organizationId,
        inspectorId: inspector.id,
        inspectorName: inspector.name,
        healthCenter: inspector.healthCenter,
        inspectedOn: input.inspectedOn,
        notes: input.notes,
      },
      {
        action: 'inspection.record',
        entityType: 'inspection',
        scope: facilityScope(facility),
        fields: ['inspectedOn', 'inspectorName', 'healthCenter', 'notes'],
        extra: { findings: { before: null, after: input.findings } },
      },
    );
    if (input.findings.length > 0)
      await tx.insert(inspectionFindings).values(
        input.findings.map((f, position) => ({
          inspectionId: inspection.id,
          facilityId: facility.id,
          organizationId: facility.organizationId,
          position,
          itemId: f.itemId,
          text: f.text,
          followUpRequested: f.followUpRequested,
        })),
      );
    return inspection;
  });
  return (await inspectionsOf(db, facility.id, row.id))[0]!;
}

/** The facility answers one finding (改善報告); a later answer replaces it, at the version the caller read. */
export async function answerFinding(db: Db, actor: Actor, context: AuditContext, findingId: string, input: { version: number; answer: string }) {
  const [found] = await db.select().from(inspectionFindings).where(eq(inspectionFindings.id, findingId));
  const finding = await facilityRecord(db, actor, found, 'inspection.answer');
  const row = await inTransaction(db, (tx) =>
    updateAudited(
      tx,
      context,
      inspectionFindings,
      finding,
      input.version,
      { answer: input.answer, answeredBy: actor.userId, answeredAt: new Date() },
      { action: 'inspectionFinding.answer', entityType: 'inspection_finding', scope: scopeOf(finding), fields: ['answer'] },
    ),
  );
  return presentFinding(row);
}
