import {
  allowsNotApplicable,
  isSingleRound,
  type Actor,
  type AssessmentDetail,
  type AssessmentSummary,
  type Catalog,
  type CreateAssessmentRequest,
  type CreateVendorFormRequest,
  type FacilityKind,
  type FormKind,
  type SaveRound,
} from '@mamori/domain';
import { and, asc, desc, eq, isNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/connect.js';
import { answerRounds, assessments } from '../db/schema.js';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, invalid, notFound, versionConflict } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { insertAudited, inTransaction, scopeOf, updateAudited } from '../writes/audited.js';
import { assessmentFor, ownFormOf } from './access.js';
import { presentAssessment, type AssessmentRow, type RoundRow } from './presenter.js';
import { assessmentDetail } from './queries.js';

const roundFields = ['value', 'date', 'targetDate', 'note', 'riskAcceptance'] as const;

export async function listAssessments(db: Db, actor: Actor, facilityId: string): Promise<AssessmentSummary[]> {
  await facilityFor(db, actor, facilityId, 'assessment.read');
  const rows = await db.select().from(assessments).where(eq(assessments.facilityId, facilityId)).orderBy(asc(assessments.fiscalYear), asc(assessments.form));
  return rows.map(presentAssessment);
}

/** A form as its page shows it: answers, evidence and the evaluation of its year. */
export async function assessmentView(db: Db, catalog: Catalog, actor: Actor, assessmentId: string): Promise<AssessmentDetail> {
  const { assessment, facility } = await assessmentFor(db, actor, assessmentId, 'assessment.read');
  return assessmentDetail(db, catalog, facility, assessment, await ownFormOf(db, assessment));
}

/**
 * Opens the facility's own form for a fiscal year in the edition in force. With carry-over, last
 * year's latest values come along as drafts to confirm: dates are cleared, because a check counts
 * only when it is done again.
 */
export async function createAssessment(
  db: Db,
  catalog: Catalog,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  input: z.infer<typeof CreateAssessmentRequest>,
): Promise<AssessmentSummary> {
  const facility = await facilityFor(db, actor, facilityId, 'assessment.create');
  return presentAssessment(await inTransaction(db, (tx) => openAssessment(tx, context, catalog, facility, input)));
}

/** The transactional part of `createAssessment`, for a caller that already holds the facility and a transaction. */
export async function openAssessment(tx: Tx, context: AuditContext, catalog: Catalog, facility: FacilityRow, input: z.infer<typeof CreateAssessmentRequest>) {
  const edition = catalog.editionForFiscalYear(input.fiscalYear);
  if (!edition) throw invalid('body.fiscalYear', 'edition_missing', { fiscalYear: input.fiscalYear });
  const form = catalog.facilityForm(edition, facility.kind as FacilityKind)!;
  const [existing] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.facilityId, facility.id),
        eq(assessments.fiscalYear, input.fiscalYear),
        eq(assessments.form, form.form),
        isNull(assessments.vendorName),
      ),
    );
  if (existing) throw new AppError(409, 'conflict', {}, [{ path: 'body.fiscalYear', code: 'assessment_exists' }]);

  const [previous] = input.carryOver
    ? await tx
        .select()
        .from(assessments)
        .where(and(eq(assessments.facilityId, facility.id), lt(assessments.fiscalYear, input.fiscalYear), isNull(assessments.vendorName)))
        .orderBy(desc(assessments.fiscalYear))
        .limit(1)
    : [];
  const [row] = await tx
    .insert(assessments)
    .values({
      organizationId: facility.organizationId,
      facilityId: facility.id,
      fiscalYear: input.fiscalYear,
      edition,
      form: form.form,
      hasVendorContract: input.hasVendorContract,
      carriedOverFrom: previous?.id ?? null,
    })
    .returning();
  let carried = 0;
  if (previous) {
    const rounds = await tx
      .select()
      .from(answerRounds)
      .where(and(eq(answerRounds.assessmentId, previous.id), eq(answerRounds.draft, false)));
    const latest = new Map<string, (typeof rounds)[number]>();
    for (const r of rounds) if ((latest.get(r.itemId)?.round ?? 0) < r.round) latest.set(r.itemId, r);
    const known = new Set(form.items.map((i) => i.id));
    const drafts = [...latest.values()].filter((r) => known.has(r.itemId));
    if (drafts.length) {
      await tx.insert(answerRounds).values(
        drafts.map((r) => ({
          assessmentId: row!.id,
          itemId: r.itemId,
          round: 1,
          value: r.value,
          note: r.note,
          riskAcceptance: r.riskAcceptance,
          draft: true,
          answeredBy: context.actorId,
        })),
      );
    }
    carried = drafts.length;
  }
  await recordAudit(tx, context, {
    action: 'assessment.create',
    entityType: 'assessment',
    entityId: row!.id,
    ...scopeOf(row!),
    changes: {
      fiscalYear: { before: null, after: input.fiscalYear },
      edition: { before: null, after: edition },
      hasVendorContract: { before: null, after: input.hasVendorContract },
      ...(previous ? { carriedOverDrafts: { before: null, after: carried } } : {}),
    },
  });
  return row!;
}

export async function updateAssessment(
  db: Db,
  catalog: Catalog,
  actor: Actor,
  context: AuditContext,
  assessmentId: string,
  input: { version: number; hasVendorContract: boolean },
): Promise<AssessmentDetail> {
  const { assessment } = await assessmentFor(db, actor, assessmentId, 'assessment.answer');
  await inTransaction(db, (tx) =>
    updateAudited(
      tx,
      context,
      assessments,
      assessment,
      input.version,
      { hasVendorContract: input.hasVendorContract },
      {
        action: 'assessment.update',
        entityType: 'assessment',
        scope: scopeOf(assessment),
        fields: ['hasVendorContract'],
      },
    ),
  );
  return assessmentView(db, catalog, actor, assessment.id);
}

/** Answers one round of one item of the form (see `saveRound`). */
export async function answerRound(
  db: Db,
  catalog: Catalog,
  actor: Actor,
  context: AuditContext,
  assessmentId: string,
  itemId: string,
  round: number,
  input: SaveRound,
): Promise<AssessmentDetail> {
  const { assessment } = await assessmentFor(db, actor, assessmentId, 'assessment.answer');
  await inTransaction(db, (tx) => saveRound(tx, context, catalog, assessment, itemId, round, input));
  return assessmentView(db, catalog, actor, assessment.id);
}

/** Withdraws the latest round of one item (see `deleteRound`). */
export async function withdrawRound(
  db: Db,
  catalog: Catalog,
  actor: Actor,
  context: AuditContext,
  assessmentId: string,
  itemId: string,
  round: number,
): Promise<AssessmentDetail> {
  const { assessment } = await assessmentFor(db, actor, assessmentId, 'assessment.answer');
  await inTransaction(db, (tx) => deleteRound(tx, context, assessment, itemId, round));
  return assessmentView(db, catalog, actor, assessment.id);
}

/**
 * Records one round of one item. Rounds follow each other without gaps; a single-round item has only
 * the first; a stale version answers 409 and changes nothing.
 */
export async function saveRound(tx: Tx, context: AuditContext, catalog: Catalog, assessment: AssessmentRow, itemId: string, round: number, input: SaveRound) {
  const item = catalog.item(assessment.edition, assessment.form as FormKind, itemId);
  if (!item) throw notFound();
  // The gate and single-round items have one answer column on the printed form.
  if (isSingleRound(item) && round > 1) throw invalid('params.round', 'single_round_item');
  // Q&A 12-B-8: 該当なし is for a device row the facility has none of; the medical information system as a whole always applies.
  if (input.value === 'not_applicable' && !allowsNotApplicable(item)) {
    throw invalid('body.value', 'not_applicable_not_allowed');
  }
  const rows = await tx
    .select()
    .from(answerRounds)
    .where(and(eq(answerRounds.assessmentId, assessment.id), eq(answerRounds.itemId, itemId)))
    .for('update');
  const existing = rows.find((r) => r.round === round);
  if (!existing && round > 1 && !rows.some((r) => r.round === round - 1 && !r.draft)) {
    throw invalid('params.round', 'previous_round_first', { round: round - 1 });
  }
  const values = {
    value: input.value,
    date: input.date,
    targetDate: input.targetDate,
    note: input.note,
    riskAcceptance: input.riskAcceptance,
    draft: false,
    answeredBy: context.actorId,
    answeredAt: new Date(),
  };
  let saved: RoundRow | undefined;
  if (existing) {
    if (input.version !== existing.version) throw versionConflict();
    [saved] = await tx
      .update(answerRounds)
      .set({ ...values, version: existing.version + 1 })
      .where(eq(answerRounds.id, existing.id))
      .returning();
  } else {
    if (input.version !== null) throw versionConflict();
    [saved] = await tx
      .insert(answerRounds)
      .values({ assessmentId: assessment.id, itemId, round, ...values })
      .returning();
  }
  await recordAudit(tx, context, {
    action: existing ? 'answer.update' : 'answer.create',
    entityType: 'answer_round',
    entityId: saved!.id,
    ...scopeOf(assessment),
    changes: { item: { before: null, after: `${itemId}#${round}` }, ...diff(existing ?? null, saved!, roundFields) },
  });
  return saved!;
}

/** Only the latest round can be withdrawn, so rounds never have gaps. */
export async function deleteRound(tx: Tx, context: AuditContext, assessment: AssessmentRow, itemId: string, round: number) {
  const rows = await tx
    .select()
    .from(answerRounds)
    .where(and(eq(answerRounds.assessmentId, assessment.id), eq(answerRounds.itemId, itemId)))
    .for('update');
  const target = rows.find((r) => r.round === round);
  if (!target) throw notFound();
  if (rows.some((r) => r.round > round)) throw invalid('params.round', 'later_round_first');
  await tx.delete(answerRounds).where(eq(answerRounds.id, target.id));
  await recordAudit(tx, context, {
    action: 'answer.delete',
    entityType: 'answer_round',
    entityId: target.id,
    ...scopeOf(assessment),
    changes: { item: { before: `${itemId}#${round}`, after: null }, ...diff(target, null, roundFields) },
  });
}

/** Adds a vendor form beside the facility's own form of the same year; excluded items must exist on it. */
export async function createVendorForm(
  db: Db,
  catalog: Catalog,
  actor: Actor,
  context: AuditContext,
  assessmentId: string,
  input: z.infer<typeof CreateVendorFormRequest>,
): Promise<AssessmentSummary> {
  const { assessment } = await assessmentFor(db, actor, assessmentId, 'assessment.create');
  const own = await ownFormOf(db, assessment);
  const form = catalog.form(own.edition, 'vendor');
  if (!form) throw invalid('body', 'vendor_form_edition_missing', { edition: own.edition });
  input.excludedItems.forEach((id, index) => {
    if (!form.items.some((i) => i.id === id)) throw invalid(`body.excludedItems.${index}`, 'vendor_item_unknown', { item: id });
  });
  const row = await inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.facilityId, own.facilityId), eq(assessments.fiscalYear, own.fiscalYear), eq(assessments.vendorName, input.vendorName)));
    if (existing) throw new AppError(409, 'conflict', {}, [{ path: 'body.vendorName', code: 'vendor_assessment_exists' }]);
    const values = {
      organizationId: own.organizationId,
      facilityId: own.facilityId,
      fiscalYear: own.fiscalYear,
      edition: own.edition,
      form: 'vendor',
      vendorName: input.vendorName,
      excludedItems: input.excludedItems,
      hasVendorContract: true,
    };
    return insertAudited(tx, context, assessments, values, {
      action: 'assessment.create',
      entityType: 'assessment',
      scope: scopeOf(own),
      fields: [],
      extra: {
        vendorName: { before: null, after: input.vendorName },
        excludedItems: { before: null, after: input.excludedItems },
        fiscalYear: { before: null, after: own.fiscalYear },
      },
    });
  });
  return presentAssessment(row);
}
