import {
  groupBy,
  vendorFormExemption,
  vendorFormReview,
  type AnswerValue,
  type Bundle,
  type Catalog,
  type FacilityKind,
  type Round,
  type VendorFormStatus,
} from '@mamori/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { anyOf } from '../db/any-of.js';
import { type FacilityRange, ofFacilities } from '../db/facility-range.js';
import { sideBySide } from '../db/side-by-side.js';
import { facilitiesWithContactChart } from '../contact-chart/queries.js';
import type { Db, Tx } from '../db/connect.js';
import { answerEvidence, answerRounds, assessments, vendorContracts, vendors } from '../db/schema.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { vendorFormLabel } from '../vendors/requests-service.js';
import type { AssessmentRow } from './presenter.js';

/** A facility and the own form (institution or pharmacy) whose year is evaluated. */
export interface BundleTarget {
  facility: FacilityRow;
  own: AssessmentRow;
}

type RoundFields = Pick<typeof answerRounds.$inferSelect, 'assessmentId' | 'itemId' | 'value' | 'date' | 'targetDate' | 'note'>;

/** Confirmed rounds by item, in round order; carried-over drafts are not answers yet. */
function answersOf(rows: readonly RoundFields[]): Record<string, Round[]> {
  const answers: Record<string, Round[]> = {};
  for (const r of rows) (answers[r.itemId] ??= []).push({ value: r.value as AnswerValue, date: r.date, targetDate: r.targetDate, note: r.note });
  return answers;
}

/**
 * Everything the evaluator needs about these facilities' years, read with one query per table whatever their
 * number: the checklist page reads one facility, the dashboard summaries and the daily reminder scan a thousand.
 */
export async function facilityYearBundles(
  db: Db | Tx,
  catalog: Catalog,
  targets: readonly BundleTarget[],
  asOf: string,
  range?: FacilityRange,
): Promise<Bundle[]> {
  if (targets.length === 0) return [];
  const facilityIds = [...new Set(targets.map((t) => t.facility.id))];
  const ownIds = targets.map((t) => t.own.id);
  const chartItemOf = new Map(
    targets.map(({ own }) => [
      own.id,
      catalog.form(own.edition, own.form as 'institution' | 'pharmacy')?.items.find((i) => i.flags.artifact === 'contactChart')?.id,
    ]),
  );
  const chartItemIds = [...new Set([...chartItemOf.values()].filter((id) => id !== undefined))];
  const [vendorForms, contracts, charts, chartEvidence] = await sideBySide(db, [
    () =>
      db
        .select()
        .from(assessments)
        .where(and(ofFacilities(assessments.facilityId, facilityIds, range), eq(assessments.form, 'vendor')))
        .orderBy(asc(assessments.createdAt), asc(assessments.id)),
    () =>
      db
        .select({
          facilityId: vendorContracts.facilityId,
          id: vendorContracts.id,
          title: vendorContracts.title,
          vendorName: vendors.name,
          primeContractId: vendorContracts.primeContractId,
          handlesPatientData: vendorContracts.handlesPatientData,
          maintenanceContract: vendorContracts.maintenanceContract,
        })
        .from(vendorContracts)
        .innerJoin(vendors, eq(vendors.id, vendorContracts.vendorId))
        .where(ofFacilities(vendorContracts.facilityId, facilityIds, range)),
    () => facilitiesWithContactChart(db, facilityIds, range),
    () =>
      db
        .selectDistinct({ assessmentId: answerEvidence.assessmentId, itemId: answerEvidence.itemId })
        .from(answerEvidence)
        .where(and(anyOf(answerEvidence.assessmentId, ownIds), anyOf(answerEvidence.itemId, chartItemIds))),
  ]);
  // Plain rows, not mapped column by column: the reminder scan reads some four million of them.
  const formIds = [...ownIds, ...vendorForms.map((v) => v.id)];
  const result = await db.execute(sql`
    SELECT ${answerRounds.assessmentId} AS "assessmentId", ${answerRounds.itemId} AS "itemId", ${answerRounds.value} AS "value",
           ${answerRounds.date} AS "date", ${answerRounds.targetDate} AS "targetDate", ${answerRounds.note} AS "note"
    FROM ${answerRounds}
    WHERE ${and(anyOf(answerRounds.assessmentId, formIds), eq(answerRounds.draft, false))}
    ORDER BY ${answerRounds.assessmentId}, ${answerRounds.itemId}, ${answerRounds.round}`);
  const rounds = (result as unknown as { rows: RoundFields[] }).rows;

  const roundsByForm = groupBy(rounds, (r) => r.assessmentId);
  const vendorFormsByYear = groupBy(vendorForms, (v) => `${v.facilityId} ${v.fiscalYear}`);
  const contractsByFacility = groupBy(contracts, (c) => c.facilityId);
  const chartAttached = new Set(chartEvidence.filter((e) => chartItemOf.get(e.assessmentId) === e.itemId).map((e) => e.assessmentId));

  return targets.map(({ facility, own }): Bundle => {
    const forms = vendorFormsByYear.get(`${facility.id} ${own.fiscalYear}`) ?? [];
    // The inspector asks for a vendor form per contract that needs one (manual I-4, Q&A 12-D-19/22/23): a registered
    // contract without this year's request is a missing form; the others are listed with the reason they need none.
    const facilityContracts = contractsByFacility.get(facility.id) ?? [];
    const exemptionOf = new Map(facilityContracts.map((c) => [c.id, vendorFormExemption(c) ?? undefined]));
    const requested = new Set(forms.flatMap((v) => (v.contractId ? [v.contractId] : [])));
    return {
      edition: own.edition,
      fiscalYear: own.fiscalYear,
      asOf,
      facility: { kind: facility.kind as FacilityKind, hasVendorContract: own.hasVendorContract },
      institution: { answers: answersOf(roundsByForm.get(own.id) ?? []) },
      vendors: forms
        .map((v): Bundle['vendors'][number] => {
          const answers = answersOf(roundsByForm.get(v.id) ?? []);
          const exemption = v.contractId ? exemptionOf.get(v.contractId) : undefined;
          const base = { name: v.vendorName ?? '', excludedItems: v.excludedItems, ...(exemption ? { exemption } : {}) };
          // A form requested through Mamori counts once the vendor has returned it, and needs the facility's review.
          const review = v.status ? vendorFormReview(v.status as VendorFormStatus) : null;
          if (review === 'not-returned') return base;
          return { ...base, answers: Object.keys(answers).length ? answers : undefined, ...(review ? { review } : {}) };
        })
        .concat(
          facilityContracts
            .filter((c) => !requested.has(c.id))
            .map((c) => ({
              name: vendorFormLabel(c.vendorName, c.title),
              excludedItems: [],
              ...(exemptionOf.get(c.id) ? { exemption: exemptionOf.get(c.id)! } : {}),
            })),
        ),
      // The inspector looks at the real chart: one drawn in Mamori, or a scan attached to 3(1).
      artifacts: { contactChart: chartAttached.has(own.id) || charts.has(facility.id) },
    };
  });
}
