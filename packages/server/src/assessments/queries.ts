import { evaluate, todayInTokyo, type Bundle, type Catalog } from '@mamori/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { answerEvidence, answerRounds, users } from '../db/schema.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { facilityYearBundles } from './bundles.js';
import { presentAssessment, presentEvidence, presentRound, type AssessmentRow } from './presenter.js';

export async function roundsOf(db: Db, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({ round: answerRounds, answeredBy: users.name })
    .from(answerRounds)
    .leftJoin(users, eq(users.id, answerRounds.answeredBy))
    .where(inArray(answerRounds.assessmentId, assessmentIds))
    .orderBy(asc(answerRounds.itemId), asc(answerRounds.round));
}

/** Everything the evaluator needs about a facility's year, read from the database. */
export async function facilityYearBundle(db: Db, catalog: Catalog, facility: FacilityRow, own: AssessmentRow, asOf = todayInTokyo()): Promise<Bundle> {
  const [bundle] = await facilityYearBundles(db, catalog, [{ facility, own }], asOf);
  return bundle!;
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
