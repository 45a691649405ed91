import { allowsNotApplicable, vendorMayEditForm, type AnswerSetInput, type AuditAction, type ApplyAnswerSetResult, type Catalog, type VendorFormStatus } from '@mamori/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { answerRounds, answerSets, assessments, vendorContracts } from '../db/schema.js';
import { bulkInsert } from '../db/bulk.js';
import { recordAudit, recordAuditBatch, type AuditContext, type AuditEntry } from '../audit/record.js';
import { invalid, versionConflict } from '../http/errors.js';

export type AnswerSetRow = typeof answerSets.$inferSelect;

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
  const answers = Object.fromEntries(Object.entries(input.answers).map(([id, a]) => [id, { value: a.value, targetDate: a.targetDate ?? null, note: a.note ?? '' }]));
  return { product: input.product, edition: input.edition, excludedItems: [...new Set(input.excludedItems ?? [])], answers };
}

const audited = (row: AnswerSetRow, action: AuditAction, changes: AuditEntry['changes']): AuditEntry => ({ action, entityType: 'answer_set', entityId: row.id, changes });

export async function createAnswerSet(tx: Tx, context: AuditContext, catalog: Catalog, vendorId: string, input: AnswerSetInput) {
  const [row] = await tx.insert(answerSets).values({ vendorId, ...validated(catalog, input), updatedBy: context.actorId }).returning();
  await recordAudit(tx, context, audited(row!, 'answer_set.create', { vendorId: { before: null, after: vendorId }, product: { before: null, after: row!.product }, edition: { before: null, after: row!.edition } }));
  return row!;
}

export async function updateAnswerSet(tx: Tx, context: AuditContext, catalog: Catalog, set: AnswerSetRow, input: AnswerSetInput & { version: number }) {
  const [row] = await tx
    .update(answerSets)
    .set({ ...validated(catalog, input), updatedBy: context.actorId, version: input.version + 1, updatedAt: new Date() })
    .where(and(eq(answerSets.id, set.id), eq(answerSets.version, input.version)))
    .returning();
  if (!row) throw versionConflict();
  await recordAudit(tx, context, audited(row, 'answer_set.update', { product: { before: set.product, after: row.product }, answers: { before: set.answers, after: row.answers } }));
  return row;
}

export async function deleteAnswerSet(tx: Tx, context: AuditContext, set: AnswerSetRow) {
  await tx.delete(answerSets).where(eq(answerSets.id, set.id));
  await recordAudit(tx, context, audited(set, 'answer_set.delete', { product: { before: set.product, after: null } }));
}

/**
 * Applies a product's answers to many of the vendor's forms in one transaction. Items a form already
 * answers are left alone (the vendor may have adjusted them for that facility); every new answer is
 * dated `date` and written by the person applying, with its own audit event.
 */
export async function applyAnswerSet(tx: Tx, context: AuditContext, set: AnswerSetRow, formIds: string[], date: string): Promise<ApplyAnswerSetResult> {
  const ids = [...new Set(formIds)];
  const forms = await tx
    .select({ form: assessments })
    .from(assessments)
    .innerJoin(vendorContracts, eq(vendorContracts.id, assessments.contractId))
    .where(and(inArray(assessments.id, ids), eq(vendorContracts.vendorId, set.vendorId)))
    .for('update', { of: assessments });
  const byId = new Map(forms.map((f) => [f.form.id, f.form]));
  const existing = await tx.select({ assessmentId: answerRounds.assessmentId, itemId: answerRounds.itemId }).from(answerRounds).where(inArray(answerRounds.assessmentId, [...byId.keys()]));
  const answered = new Set(existing.map((r) => `${r.assessmentId} ${r.itemId}`));
  const result: ApplyAnswerSetResult = { applied: [], skipped: [] };
  const rounds: (typeof answerRounds.$inferInsert)[] = [];
  const events: AuditEntry[] = [];
  const now = new Date();
  for (const id of ids) {
    const form = byId.get(id);
    // Another vendor's form is reported exactly like a missing one.
    if (!form) result.skipped.push({ formId: id, reason: 'この依頼は見つかりません' });
    else if (form.edition !== set.edition) result.skipped.push({ formId: id, reason: `様式の版が違います（依頼は${form.edition}年度版、回答セットは${set.edition}年度版）` });
    else if (!vendorMayEditForm(form.status as VendorFormStatus)) result.skipped.push({ formId: id, reason: '提出済み・確認済みのため変更できません' });
    else {
      const excluded = [...new Set([...form.excludedItems, ...set.excludedItems])];
      let count = 0;
      for (const [itemId, answer] of Object.entries(set.answers)) {
        if (excluded.includes(itemId) || answered.has(`${id} ${itemId}`)) continue;
        const roundId = crypto.randomUUID();
        const targetDate = answer.value === 'no' ? answer.targetDate : null;
        rounds.push({ id: roundId, assessmentId: id, itemId, round: 1, value: answer.value, date, targetDate, note: answer.note, answeredBy: context.actorId, answeredAt: now });
        events.push({
          action: 'answer.create',
          entityType: 'answer_round',
          entityId: roundId,
          organizationId: form.organizationId,
          facilityId: form.facilityId,
          changes: { item: { before: null, after: `${itemId}#1` }, value: { before: null, after: answer.value }, date: { before: null, after: date }, targetDate: { before: null, after: targetDate }, note: { before: null, after: answer.note } },
        });
        count++;
      }
      const status = form.status === 'requested' && count > 0 ? 'in-progress' : form.status;
      await tx.update(assessments).set({ excludedItems: excluded, status, updatedAt: now }).where(eq(assessments.id, id));
      events.push({
        action: 'answer_set.apply',
        entityType: 'assessment',
        entityId: id,
        organizationId: form.organizationId,
        facilityId: form.facilityId,
        changes: { answerSet: { before: null, after: { id: set.id, product: set.product } }, answers: { before: null, after: count }, excludedItems: { before: form.excludedItems, after: excluded } },
      });
      result.applied.push({ formId: id, answers: count });
    }
  }
  await bulkInsert(tx, answerRounds, rounds);
  await recordAuditBatch(tx, context, events);
  return result;
}
