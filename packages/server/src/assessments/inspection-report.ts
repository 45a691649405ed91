import { buildInspectionReport, evaluate, todayInTokyo, type Actor, type Catalog, type Locale } from '@mamori/domain';
import type { Db } from '../db/connect.js';
import type { InspectionReportModel } from '../exports/inspection-report-pdf.js';
import { notFound } from '../http/errors.js';
import { listInspections } from '../inspectors/inspections.js';
import { assessmentFor, ownFormOf } from './access.js';
import { facilityYearBundle } from './queries.js';

/**
 * What the readiness report prints for a facility's checklist year: the evaluation as the inspection guide's points,
 * and the inspections already recorded with their 指摘事項 and the facility's answers. Readable by whoever reads the
 * checklist (its people, a granted inspector); the assessment must be the facility's in the path, else 404.
 */
export async function inspectionReportModel(
  db: Db,
  catalog: Catalog,
  actor: Actor,
  facilityId: string,
  assessmentId: string,
  locale: Locale,
): Promise<{ model: InspectionReportModel; fiscalYear: number }> {
  const { assessment, facility } = await assessmentFor(db, actor, assessmentId, 'assessment.read');
  if (assessment.facilityId !== facilityId) throw notFound();
  const own = await ownFormOf(db, assessment);
  const printedAt = todayInTokyo();
  const report = buildInspectionReport(evaluate(catalog, await facilityYearBundle(db, catalog, facility, own, printedAt)));
  const inspections = (await listInspections(db, actor, facility.id)).map((inspection) => ({
    inspectedOn: inspection.inspectedOn,
    inspector: inspection.inspector.name,
    healthCenter: inspection.inspector.healthCenter,
    notes: inspection.notes,
    findings: inspection.findings.map((f) => ({ itemId: f.itemId, text: f.text, followUpRequested: f.followUpRequested, answer: f.answer })),
  }));
  return { model: { report, facilityName: facility.name, locale, printedAt, inspections }, fiscalYear: own.fiscalYear };
}
