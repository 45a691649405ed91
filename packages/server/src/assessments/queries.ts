import {
  evaluate,
  todayInTokyo,
  vendorFormExemption,
  vendorFormReview,
  type AnswerValue,
  type Bundle,
  type Catalog,
  type FacilityKind,
  type Round,
  type VendorFormStatus,
} from '@mamori/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { answerEvidence, answerRounds, assessments, users, vendorContracts, vendors } from '../db/schema.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { hasContactChart } from '../contact-chart/queries.js';
import { vendorFormLabel } from '../vendors/requests-service.js';

function contractsOf(db: Db, facilityId: string) {
  return db
    .select({
      id: vendorContracts.id,
      title: vendorContracts.title,
      vendorName: vendors.name,
      primeContractId: vendorContracts.primeContractId,
      handlesPatientData: vendorContracts.handlesPatientData,
      maintenanceContract: vendorContracts.maintenanceContract,
    })
    .from(vendorContracts)
    .innerJoin(vendors, eq(vendors.id, vendorContracts.vendorId))
    .where(eq(vendorContracts.facilityId, facilityId));
}
import { presentAssessment, presentEvidence, presentRound, type AssessmentRow, type RoundRow } from './presenter.js';

export async function roundsOf(db: Db, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({ round: answerRounds, answeredBy: users.name })
    .from(answerRounds)
    .leftJoin(users, eq(users.id, answerRounds.answeredBy))
    .where(inArray(answerRounds.assessmentId, assessmentIds))
    .orderBy(asc(answerRounds.itemId), asc(answerRounds.round));
}

/** Confirmed rounds by item, in round order; carried-over drafts are not answers yet. */
function answersOf(rows: RoundRow[]): Record<string, Round[]> {
  const answers: Record<string, Round[]> = {};
  for (const r of rows) {
    if (r.draft) continue;
    (answers[r.itemId] ??= []).push({ value: r.value as AnswerValue, date: r.date, targetDate: r.targetDate, note: r.note });
  }
  return answers;
}

/** Everything the evaluator needs about a facility's year, read from the database. */
export async function facilityYearBundle(db: Db, catalog: Catalog, facility: FacilityRow, own: AssessmentRow, asOf = todayInTokyo()): Promise<Bundle> {
  const vendorForms = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.facilityId, facility.id), eq(assessments.fiscalYear, own.fiscalYear), eq(assessments.form, 'vendor')));
  const rows = (await roundsOf(db, [own.id, ...vendorForms.map((v) => v.id)])).map((r) => r.round);
  const chartItem = catalog.form(own.edition, own.form as 'institution' | 'pharmacy')?.items.find((i) => i.flags.artifact === 'contactChart');
  // The inspector looks at the real chart: one drawn in Mamori, or a scan attached to 3(1).
  const chartEvidence = chartItem
    ? await db
        .select({ id: answerEvidence.id })
        .from(answerEvidence)
        .where(and(eq(answerEvidence.assessmentId, own.id), eq(answerEvidence.itemId, chartItem.id)))
        .limit(1)
    : [];
  const hasChart = chartEvidence.length > 0 || (await hasContactChart(db, facility.id));
  // The inspector asks for a vendor form per contract that needs one (manual I-4, Q&A 12-D-19/22/23): a registered
  // contract without this year's request is a missing form; the others are listed with the reason they need none.
  const contracts = await contractsOf(db, facility.id);
  const exemptionOf = new Map(contracts.map((c) => [c.id, vendorFormExemption(c) ?? undefined]));
  const requested = new Set(vendorForms.flatMap((v) => (v.contractId ? [v.contractId] : [])));
  const unrequested = contracts.filter((c) => !requested.has(c.id));
  return {
    edition: own.edition,
    fiscalYear: own.fiscalYear,
    asOf,
    facility: { kind: facility.kind as FacilityKind, hasVendorContract: own.hasVendorContract },
    institution: { answers: answersOf(rows.filter((r) => r.assessmentId === own.id)) },
    vendors: vendorForms
      .map((v): Bundle['vendors'][number] => {
        const answers = answersOf(rows.filter((r) => r.assessmentId === v.id));
        const exemption = v.contractId ? exemptionOf.get(v.contractId) : undefined;
        const base = { name: v.vendorName ?? '', excludedItems: v.excludedItems, ...(exemption ? { exemption } : {}) };
        // A form requested through Mamori counts once the vendor has returned it, and needs the facility's review.
        const review = v.status ? vendorFormReview(v.status as VendorFormStatus) : null;
        if (review === 'not-returned') return base;
        return { ...base, answers: Object.keys(answers).length ? answers : undefined, ...(review ? { review } : {}) };
      })
      .concat(
        unrequested.map((c) => ({
          name: vendorFormLabel(c.vendorName, c.title),
          excludedItems: [],
          ...(exemptionOf.get(c.id) ? { exemption: exemptionOf.get(c.id)! } : {}),
        })),
      ),
    artifacts: { contactChart: hasChart },
  };
}

/** A form with its answers, evidence and the evaluation of its year (anchored on `own`, the facility's own form). */
export async function assessmentDetail(db: Db, catalog: Catalog, facility: FacilityRow, assessment: AssessmentRow, own: AssessmentRow) {
  const rounds = await roundsOf(db, [assessment.id]);
  const evidence = await db
    .select({ evidence: answerEvidence, uploadedBy: users.name })
    .from(answerEvidence)
    .leftJoin(users, eq(users.id, answerEvidence.uploadedBy))
    .where(eq(answerEvidence.assessmentId, assessment.id))
    .orderBy(asc(answerEvidence.uploadedAt));
  const answers: Record<string, ReturnType<typeof presentRound>[]> = {};
  for (const r of rounds) (answers[r.round.itemId] ??= []).push(presentRound(r.round, r.answeredBy));
  const bundle = await facilityYearBundle(db, catalog, facility, own);
  return {
    assessment: presentAssessment(assessment),
    answers,
    evidence: evidence.map((e) => presentEvidence(e.evidence, e.uploadedBy)),
    evaluation: evaluate(catalog, bundle),
    bundle,
  };
}
