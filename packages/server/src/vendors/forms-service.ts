import { evaluate, nextVendorFormStatus, todayInTokyo, type AuditAction, type Catalog, type DetailCode, type Round, type SaveRound, type VendorFormEvent, type VendorFormStatus, type VendorSide } from '@mamori/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { answerRounds, assessments, users, vendorFormComments } from '../db/schema.js';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, versionConflict, type ErrorDetail } from '../http/errors.js';
import type { AppDeps } from '../http/types.js';
import { roundsOf } from '../assessments/queries.js';
import { presentRound } from '../assessments/presenter.js';
import { deleteRound, saveRound } from '../assessments/service.js';
import type { ContractRow, VendorFormRow } from './access.js';
import { publicBaseUrl } from './invitations-service.js';
import { questionMail } from './mail-texts.js';
import { mailVendor } from './notify.js';
import { presentComment } from './presenter.js';
import { contractNames, validateExcludedItems } from './requests-service.js';
import { vendorFormSummaries } from './queries.js';

const refusals = { 'form-locked': 'vendor_form_locked', 'not-submitted': 'vendor_form_not_submitted', 'already-accepted': 'vendor_form_already_accepted' } as const;

function transition(form: VendorFormRow, event: VendorFormEvent): VendorFormStatus {
  const next = nextVendorFormStatus(form.status as VendorFormStatus, event);
  if (!next.ok) throw new AppError(409, refusals[next.reason]);
  return next.status;
}

const scopeOf = (form: VendorFormRow) => ({ organizationId: form.organizationId, facilityId: form.facilityId });

/** This form alone, through the checklist's own rules (never the facility's other forms). */
function evaluateForm(catalog: Catalog, form: VendorFormRow, answers: Record<string, Round[]>) {
  const result = evaluate(catalog, {
    edition: form.edition,
    fiscalYear: form.fiscalYear,
    asOf: todayInTokyo(),
    facility: { kind: 'clinic', hasVendorContract: true },
    institution: { answers: {} },
    vendors: [{ name: form.vendorName ?? '', excludedItems: form.excludedItems, answers }],
    artifacts: { contactChart: true },
  });
  const items = result.vendors[0]?.items ?? [];
  return { items, complete: items.every((i) => i.problems.every((p) => p.severity !== 'blocking')) };
}

async function confirmedAnswers(db: Db, formId: string) {
  const rows = await roundsOf(db, [formId]);
  const answers: Record<string, Round[]> = {};
  for (const { round } of rows) if (!round.draft) (answers[round.itemId] ??= []).push({ value: round.value as 'yes' | 'no', date: round.date, targetDate: round.targetDate });
  return { rows, answers };
}

export async function vendorFormDetail(db: Db, catalog: Catalog, form: VendorFormRow, contract: ContractRow, side: VendorSide) {
  const { rows, answers } = await confirmedAnswers(db, form.id);
  const comments = await db
    .select({ comment: vendorFormComments, authorName: users.name })
    .from(vendorFormComments)
    .leftJoin(users, eq(users.id, vendorFormComments.authorId))
    .where(eq(vendorFormComments.assessmentId, form.id))
    .orderBy(asc(vendorFormComments.createdAt), asc(vendorFormComments.id));
  const presented: Record<string, ReturnType<typeof presentRound>[]> = {};
  for (const r of rows) (presented[r.round.itemId] ??= []).push(presentRound(r.round, r.answeredBy));
  const [summary] = await vendorFormSummaries(db, catalog, [form]);
  const names = await contractNames(db, contract);
  return {
    form: summary!,
    contract: { id: contract.id, title: contract.title, facilityName: names.facilityName, vendorName: names.vendorName, systems: contract.systems },
    viewerSide: side,
    answers: presented,
    comments: comments.map((c) => presentComment(c.comment, c.authorName)),
    evaluation: evaluateForm(catalog, form, answers),
  };
}

/** Moves the status without touching the version: answering does not race with the vendor's own submit. */
async function markAnswered(tx: Tx, form: VendorFormRow) {
  const status = transition(form, 'answer');
  if (status !== form.status) await tx.update(assessments).set({ status, updatedAt: new Date() }).where(eq(assessments.id, form.id));
}

export async function saveVendorRound(tx: Tx, context: AuditContext, catalog: Catalog, form: VendorFormRow, itemId: string, round: number, input: SaveRound) {
  await markAnswered(tx, form);
  await saveRound(tx, context, catalog, form, itemId, round, input);
}

export async function deleteVendorRound(tx: Tx, context: AuditContext, form: VendorFormRow, itemId: string, round: number) {
  await markAnswered(tx, form);
  await deleteRound(tx, context, form, itemId, round);
}

async function updateForm(tx: Tx, context: AuditContext, form: VendorFormRow, version: number, set: Partial<typeof assessments.$inferInsert>, action: AuditAction) {
  const [row] = await tx
    .update(assessments)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(assessments.id, form.id), eq(assessments.version, version)))
    .returning();
  if (!row) throw versionConflict();
  const changes = diff<typeof row>(form, row, Object.keys(set) as (keyof typeof row & string)[]);
  await recordAudit(tx, context, { action, entityType: 'assessment', entityId: form.id, ...scopeOf(form), changes });
  return row as VendorFormRow;
}

/** Items out of contract: the vendor's to say while it answers; the facility's only before the vendor starts. */
export async function updateExcludedItems(tx: Tx, context: AuditContext, catalog: Catalog, form: VendorFormRow, side: VendorSide, input: { version: number; excludedItems: string[] }) {
  if (side === 'vendor') transition(form, 'answer');
  else if (form.status !== 'requested') throw new AppError(409, 'vendor_form_locked');
  const excludedItems = validateExcludedItems(catalog, form.edition, input.excludedItems);
  return updateForm(tx, context, form, input.version, { excludedItems }, 'vendor_form.update');
}

export async function submitVendorForm(tx: Tx, context: AuditContext, catalog: Catalog, form: VendorFormRow, version: number) {
  const status = transition(form, 'submit');
  const { answers } = await confirmedAnswers(tx, form.id);
  const { items } = evaluateForm(catalog, form, answers);
  const blocking = items.filter((i) => i.problems.some((p) => p.severity === 'blocking'));
  if (blocking.length) {
    throw new AppError(
      400,
      'vendor_form_incomplete',
      {},
      blocking.flatMap((i) =>
        i.problems
          .filter((p) => p.severity === 'blocking')
          .map((p): ErrorDetail => {
            const code = incompleteReason[p.code];
            return code ? { path: `items.${i.id}`, code, params: { item: i.id } } : { path: `items.${i.id}`, code: 'item_problem', params: { item: i.id, problem: p.code } };
          }),
      ),
    );
  }
  return updateForm(tx, context, form, version, { status, submittedAt: new Date() }, 'vendor_form.submit');
}

const incompleteReason: Partial<Record<string, DetailCode>> = {
  unanswered: 'item_unanswered',
  'missing-date': 'item_missing_date',
  'missing-target-date': 'item_missing_target_date',
  'target-outside-fiscal-year': 'item_target_outside_fiscal_year',
  'round-date-order': 'item_round_date_order',
  'date-in-future': 'item_date_in_future',
};

/** The facility's review is someone else's: whoever answered any round of the form cannot accept it. */
export async function acceptVendorForm(tx: Tx, context: AuditContext, form: VendorFormRow, version: number) {
  const status = transition(form, 'accept');
  if (context.actorId) {
    const [answered] = await tx
      .select({ id: answerRounds.id })
      .from(answerRounds)
      .where(and(eq(answerRounds.assessmentId, form.id), eq(answerRounds.answeredBy, context.actorId)))
      .limit(1);
    if (answered) throw new AppError(403, 'vendor_form_self_review');
  }
  return updateForm(tx, context, form, version, { status, acceptedAt: new Date() }, 'vendor_form.accept');
}

/**
 * A message on the form's thread. The facility's message on a submitted (or accepted) form is a question:
 * the form goes back to the vendor, who is told by e-mail.
 */
export async function postComment(
  tx: Tx,
  context: AuditContext,
  deps: Pick<AppDeps, 'catalog' | 'config' | 'jobs' | 'secrets'>,
  form: VendorFormRow,
  contract: ContractRow,
  side: VendorSide,
  input: { itemId: string | null; body: string },
) {
  if (input.itemId && !deps.catalog.item(form.edition, 'vendor', input.itemId)) throw new AppError(404, 'not_found');
  const [comment] = await tx.insert(vendorFormComments).values({ assessmentId: form.id, itemId: input.itemId, side, authorId: context.actorId, body: input.body }).returning();
  await recordAudit(tx, context, {
    action: 'vendor_form.comment',
    entityType: 'vendor_form_comment',
    entityId: comment!.id,
    ...scopeOf(form),
    changes: { form: { before: null, after: form.id }, item: { before: null, after: input.itemId }, side: { before: null, after: side }, body: { before: null, after: input.body } },
  });
  if (side !== 'facility') return;
  const status = transition(form, 'query');
  if (status === form.status) return;
  await updateForm(tx, context, form, form.version, { status, acceptedAt: null }, 'vendor_form.query');
  if (form.invitedEmail) {
    const names = await contractNames(tx, contract);
    const link = `${publicBaseUrl(deps.config)}/vendor-forms/${form.id}`;
    await mailVendor(deps, tx, form.invitedEmail, questionMail({ ...names, fiscalYear: form.fiscalYear }, link, input.itemId, input.body));
  }
}
