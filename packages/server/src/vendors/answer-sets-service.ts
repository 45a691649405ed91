import {
  allowsNotApplicable,
  can,
  vendorMayEditForm,
  type Actor,
  type AnswerSetInput,
  type AuditAction,
  type AnswerSetView,
  type ApplyAnswerSetResult,
  type Catalog,
  type VendorFormStatus,
} from '@mamori/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { answerRounds, answerSets, assessments, users, vendorContracts } from '../db/schema.js';
import { bulkInsert } from '../db/bulk.js';
import { recordAuditBatch, type AuditContext, type AuditEntry } from '../audit/record.js';
import { invalid, notFound } from '../http/errors.js';
import { deleteAudited, inTransaction, insertAudited, updateAudited, type Audit } from '../writes/audited.js';
import { presentAnswerSet } from './presenter.js';

type AnswerSetRow = typeof answerSets.$inferSelect;

/** A vendor company is only ever visible to its own users: anyone else gets 404. */
function assertVendor(actor: Actor, vendorId: string) {
  if (!can(actor, 'vendor.manage', { kind: 'vendor', vendorId })) throw notFound();
}

/** Answer sets with the name of whoever last changed them, in one query. */
function withEditor(db: Db) {
  return db.select({ set: answerSets, updatedBy: users.name }).from(answerSets).leftJoin(users, eq(users.id, answerSets.updatedBy));
}

async function answerSetFor(db: Db, actor: Actor, id: string) {
  const [row] = await withEditor(db).where(eq(answerSets.id, id));
  if (!row) throw notFound();
  assertVendor(actor, row.set.vendorId);
  return row;
}

async function oneAnswerSet(db: Db, id: string): Promise<AnswerSetView> {
  const [row] = await withEditor(db).where(eq(answerSets.id, id));
  return presentAnswerSet(row!.set, row!.updatedBy);
}

/** An answer set is for one edition: every item and exclusion must exist on that edition's vendor form. */
function validated(catalog: Catalog, input: AnswerSetInput) {
  const form = catalog.form(input.edition, 'vendor');
  if (!form) throw invalid('body.edition', 'vendor_form_edition_missing', { edition: input.edition });
  const known = new Set(form.items.map((i) => i.id));
  for (const id of Object.keys(input.answers)) if (!known.has(id)) throw invalid(`body.answers.${id}`, 'vendor_item_unknown', { item: id });
  (input.excludedItems ?? []).forEach((id, index) => {
    if (!known.has(id)) throw invalid(`body.excludedItems.${index}`, 'vendor_item_unknown', { item: id });
  });
  for (const [id, answer] of Object.entries(input.answers)) {
    if (answer.value !== 'no' && answer.targetDate) throw invalid(`body.answers.${id}.targetDate`, 'target_date_only_for_no');
    if (answer.value === 'not_applicable' && !allowsNotApplicable(form.items.find((i) => i.id === id)!)) {
      throw invalid(`body.answers.${id}.value`, 'not_applicable_not_allowed');
    }
  }
  const answers = Object.fromEntries(
    Object.entries(input.answers).map(([id, a]) => [id, { value: a.value, targetDate: a.targetDate ?? null, note: a.note ?? '' }]),
  );
  return { product: input.product, edition: input.edition, excludedItems: [...new Set(input.excludedItems ?? [])], answers };
}

/** Answer sets belong to a vendor company, not to a tenant. */
const audit = (action: AuditAction, fields: Audit<AnswerSetRow>['fields'], extra?: Audit<AnswerSetRow>['extra']): Audit<AnswerSetRow> => ({
  action,
  entityType: 'answer_set',
  scope: { organizationId: null, facilityId: null },
  fields,
  ...(extra ? { extra } : {}),
});

export async function listAnswerSets(db: Db, actor: Actor, vendorId: string): Promise<AnswerSetView[]> {
  assertVendor(actor, vendorId);
  const rows = await withEditor(db).where(eq(answerSets.vendorId, vendorId)).orderBy(asc(answerSets.product));
  return rows.map((r) => presentAnswerSet(r.set, r.updatedBy));
}

export async function readAnswerSet(db: Db, actor: Actor, id: string): Promise<AnswerSetView> {
  const { set, updatedBy } = await answerSetFor(db, actor, id);
  return presentAnswerSet(set, updatedBy);
}

export async function createAnswerSet(
  db: Db,
  actor: Actor,
  context: AuditContext,
  catalog: Catalog,
  vendorId: string,
  input: AnswerSetInput,
): Promise<AnswerSetView> {
  assertVendor(actor, vendorId);
  return inTransaction(db, async (tx) => {
    const row = await insertAudited(
      tx,
      context,
      answerSets,
      { vendorId, ...validated(catalog, input), updatedBy: context.actorId },
      audit('answerSet.create', ['vendorId', 'product', 'edition']),
    );
    return oneAnswerSet(tx, row.id);
  });
}

export async function updateAnswerSet(
  db: Db,
  actor: Actor,
  context: AuditContext,
  catalog: Catalog,
  id: string,
  input: AnswerSetInput & { version: number },
): Promise<AnswerSetView> {
  const { set } = await answerSetFor(db, actor, id);
  return inTransaction(db, async (tx) => {
    const values = validated(catalog, input);
    const changes = { product: { before: set.product, after: values.product }, answers: { before: set.answers, after: values.answers } };
    await updateAudited(tx, context, answerSets, set, input.version, { ...values, updatedBy: context.actorId }, audit('answerSet.update', [], changes));
    return oneAnswerSet(tx, set.id);
  });
}

export async function deleteAnswerSet(db: Db, actor: Actor, context: AuditContext, id: string): Promise<void> {
  const { set } = await answerSetFor(db, actor, id);
  await inTransaction(db, (tx) => deleteAudited(tx, context, answerSets, set, null, audit('answerSet.delete', ['product'])));
}

export async function applyAnswerSet(db: Db, actor: Actor, context: AuditContext, id: string, formIds: string[], date: string): Promise<ApplyAnswerSetResult> {
  const { set } = await answerSetFor(db, actor, id);
  return inTransaction(db, (tx) => applyToForms(tx, context, set, formIds, date));
}

/**
 * Applies a product's answers to many of the vendor's forms in one transaction. Items a form already
 * answers are left alone (the vendor may have adjusted them for that facility); every new answer is
 * dated `date` and written by the person applying, with its own audit event.
 */
async function applyToForms(tx: Tx, context: AuditContext, set: AnswerSetRow, formIds: string[], date: string): Promise<ApplyAnswerSetResult> {
  const ids = [...new Set(formIds)];
  const forms = await tx
    .select({ form: assessments })
    .from(assessments)
    .innerJoin(vendorContracts, eq(vendorContracts.id, assessments.contractId))
    .where(and(inArray(assessments.id, ids), eq(vendorContracts.vendorId, set.vendorId)))
    .for('update', { of: assessments });
  const byId = new Map(forms.map((f) => [f.form.id, f.form]));
  const existing = await tx
    .select({ assessmentId: answerRounds.assessmentId, itemId: answerRounds.itemId })
    .from(answerRounds)
    .where(inArray(answerRounds.assessmentId, [...byId.keys()]));
  const answered = new Set(existing.map((r) => `${r.assessmentId} ${r.itemId}`));
  const result: ApplyAnswerSetResult = { applied: [], skipped: [] };
  const rounds: (typeof answerRounds.$inferInsert)[] = [];
  const events: AuditEntry[] = [];
  const now = new Date();
  for (const id of ids) {
    const form = byId.get(id);
    // Another vendor's form is reported exactly like a missing one.
    if (!form) result.skipped.push({ formId: id, reason: 'この依頼は見つかりません' });
    else if (form.edition !== set.edition)
      result.skipped.push({ formId: id, reason: `様式の版が違います（依頼は${form.edition}年度版、回答セットは${set.edition}年度版）` });
    else if (!vendorMayEditForm(form.status as VendorFormStatus)) result.skipped.push({ formId: id, reason: '提出済み・確認済みのため変更できません' });
    else {
      const excluded = [...new Set([...form.excludedItems, ...set.excludedItems])];
      let count = 0;
      for (const [itemId, answer] of Object.entries(set.answers)) {
        if (excluded.includes(itemId) || answered.has(`${id} ${itemId}`)) continue;
        const roundId = crypto.randomUUID();
        const targetDate = answer.value === 'no' ? answer.targetDate : null;
        rounds.push({
          id: roundId,
          assessmentId: id,
          itemId,
          round: 1,
          value: answer.value,
          date,
          targetDate,
          note: answer.note,
          answeredBy: context.actorId,
          answeredAt: now,
        });
        events.push({
          action: 'answer.create',
          entityType: 'answer_round',
          entityId: roundId,
          organizationId: form.organizationId,
          facilityId: form.facilityId,
          changes: {
            item: { before: null, after: `${itemId}#1` },
            value: { before: null, after: answer.value },
            date: { before: null, after: date },
            targetDate: { before: null, after: targetDate },
            note: { before: null, after: answer.note },
          },
        });
        count++;
      }
      const status = form.status === 'requested' && count > 0 ? 'in-progress' : form.status;
      await tx.update(assessments).set({ excludedItems: excluded, status, updatedAt: now }).where(eq(assessments.id, id));
      events.push({
        action: 'answerSet.apply',
        entityType: 'assessment',
        entityId: id,
        organizationId: form.organizationId,
        facilityId: form.facilityId,
        changes: {
          answerSet: { before: null, after: { id: set.id, product: set.product } },
          answers: { before: null, after: count },
          excludedItems: { before: form.excludedItems, after: excluded },
        },
      });
      result.applied.push({ formId: id, answers: count });
    }
  }
  await bulkInsert(tx, answerRounds, rounds);
  await recordAuditBatch(tx, context, events);
  return result;
}
