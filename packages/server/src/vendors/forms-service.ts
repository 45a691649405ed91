import {
  evaluate,
  nextVendorFormStatus,
  todayInTokyo,
  type Actor,
  type AuditAction,
  type Catalog,
  type DetailCode,
  type Round,
  type SaveRound,
  type VendorFormDetail,
  type VendorFormEvent,
  type VendorFormStatus,
  type VendorSide,
} from '@mamori/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { answerRounds, assessments, users, vendorFormComments } from '../db/schema.js';
import type { AuditContext } from '../audit/record.js';
import { AppError, type ErrorDetail } from '../http/errors.js';
import type { AppDeps } from '../http/types.js';
import { roundsOf } from '../assessments/queries.js';
import { presentRound } from '../assessments/presenter.js';
import { deleteRound, saveRound } from '../assessments/service.js';
import { insertAudited, inTransaction, scopeOf, updateAudited } from '../writes/audited.js';
import { lockForm, vendorFormFor, type ContractPermission, type ContractRow, type VendorFormRow } from './access.js';
import { publicBaseUrl } from './invitations-service.js';
import { questionMail } from './mail-texts.js';
import { mailVendor } from './notify.js';
import { presentComment } from './presenter.js';
import { contractNames, validateExcludedItems } from './requests-service.js';
import { vendorFormSummaries } from './queries.js';

const refusals = {
  'form-locked': 'vendor_form_locked',
  'not-submitted': 'vendor_form_not_submitted',
  'already-accepted': 'vendor_form_already_accepted',
} as const;

function transition(form: VendorFormRow, event: VendorFormEvent): VendorFormStatus {
  const next = nextVendorFormStatus(form.status as VendorFormStatus, event);
  if (!next.ok) throw new AppError(409, refusals[next.reason]);
  return next.status;
}

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
  for (const { round } of rows)
    if (!round.draft) (answers[round.itemId] ??= []).push({ value: round.value as 'yes' | 'no', date: round.date, targetDate: round.targetDate });
  return { rows, answers };
}

async function vendorFormDetail(db: Db, catalog: Catalog, form: VendorFormRow, contract: ContractRow, side: VendorSide): Promise<VendorFormDetail> {
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

/**
 * Checks access, runs the change on the locked form in one transaction, and answers with the form as
 * that transaction left it.
 */
async function change(
  db: Db,
  catalog: Catalog,
  actor: Actor,
  formId: string,
  permission: ContractPermission,
  run: (tx: Tx, form: VendorFormRow, contract: ContractRow, side: VendorSide) => Promise<unknown>,
): Promise<VendorFormDetail> {
  const { contract, side } = await vendorFormFor(db, actor, formId, permission);
  const fresh = await inTransaction(db, async (tx) => {
    await run(tx, await lockForm(tx, formId), contract, side);
    return lockForm(tx, formId);
  });
  return vendorFormDetail(db, catalog, fresh, contract, side);
}

export async function readVendorForm(db: Db, catalog: Catalog, actor: Actor, formId: string): Promise<VendorFormDetail> {
  const { form, contract, side } = await vendorFormFor(db, actor, formId, 'contract.read');
  return vendorFormDetail(db, catalog, form, contract, side);
}

/** One answer round of a vendor form's item. */
export interface RoundAt {
  formId: string;
  itemId: string;
  round: number;
}

/** Moves the status without touching the version: answering does not race with the vendor's own submit. */
async function markAnswered(tx: Tx, form: VendorFormRow) {
  const status = transition(form, 'answer');
  if (status !== form.status) await tx.update(assessments).set({ status, updatedAt: new Date() }).where(eq(assessments.id, form.id));
}

export const saveVendorRound = (db: Db, catalog: Catalog, actor: Actor, context: AuditContext, at: RoundAt, input: SaveRound) =>
  change(db, catalog, actor, at.formId, 'vendorForm.answer', async (tx, form) => {
    await markAnswered(tx, form);
    await saveRound(tx, context, catalog, form, at.itemId, at.round, input);
  });

export const deleteVendorRound = (db: Db, catalog: Catalog, actor: Actor, context: AuditContext, at: RoundAt) =>
  change(db, catalog, actor, at.formId, 'vendorForm.answer', async (tx, form) => {
    await markAnswered(tx, form);
    await deleteRound(tx, context, form, at.itemId, at.round);
  });

async function updateForm(
  tx: Tx,
  context: AuditContext,
  form: VendorFormRow,
  version: number,
  set: Partial<typeof assessments.$inferInsert>,
  action: AuditAction,
) {
  const fields = Object.keys(set) as (keyof VendorFormRow & string)[];
  return (await updateAudited(tx, context, assessments, form, version, set, {
    action,
    entityType: 'assessment',
    scope: scopeOf(form),
    fields,
  })) as VendorFormRow;
}

/** Items out of contract: the vendor's to say while it answers; the facility's only before the vendor starts. */
export const updateExcludedItems = (
  db: Db,
  catalog: Catalog,
  actor: Actor,
  context: AuditContext,
  formId: string,
  input: { version: number; excludedItems: string[] },
) =>
  change(
    db,
    catalog,
    actor,
    formId,
    (side) => (side === 'vendor' ? 'vendorForm.answer' : 'vendorForm.request'),
    async (tx, form, _contract, side) => {
      if (side === 'vendor') transition(form, 'answer');
      else if (form.status !== 'requested') throw new AppError(409, 'vendor_form_locked');
      const excludedItems = validateExcludedItems(catalog, form.edition, input.excludedItems);
      return updateForm(tx, context, form, input.version, { excludedItems }, 'vendorForm.update');
    },
  );

export const submitVendorForm = (db: Db, catalog: Catalog, actor: Actor, context: AuditContext, formId: string, version: number) =>
  change(db, catalog, actor, formId, 'vendorForm.answer', (tx, form) => submit(tx, context, catalog, form, version));

async function submit(tx: Tx, context: AuditContext, catalog: Catalog, form: VendorFormRow, version: number) {
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
            return code
              ? { path: `items.${i.id}`, code, params: { item: i.id } }
              : { path: `items.${i.id}`, code: 'item_problem', params: { item: i.id, problem: p.code } };
          }),
      ),
    );
  }
  return updateForm(tx, context, form, version, { status, submittedAt: new Date() }, 'vendorForm.submit');
}

const incompleteReason: Partial<Record<string, DetailCode>> = {
  unanswered: 'item_unanswered',
  'missing-date': 'item_missing_date',
  'missing-target-date': 'item_missing_target_date',
  'target-outside-fiscal-year': 'item_target_outside_fiscal_year',
  'round-date-order': 'item_round_date_order',
  'date-in-future': 'item_date_in_future',
};

export const acceptVendorForm = (db: Db, catalog: Catalog, actor: Actor, context: AuditContext, formId: string, version: number) =>
  change(db, catalog, actor, formId, 'vendorForm.review', (tx, form) => accept(tx, context, form, version));

/** The facility's review is someone else's: whoever answered any round of the form cannot accept it. */
async function accept(tx: Tx, context: AuditContext, form: VendorFormRow, version: number) {
  const status = transition(form, 'accept');
  if (context.actorId) {
    const [answered] = await tx
      .select({ id: answerRounds.id })
      .from(answerRounds)
      .where(and(eq(answerRounds.assessmentId, form.id), eq(answerRounds.answeredBy, context.actorId)))
      .limit(1);
    if (answered) throw new AppError(403, 'vendor_form_self_review');
  }
  return updateForm(tx, context, form, version, { status, acceptedAt: new Date() }, 'vendorForm.accept');
}

type CommentDeps = Pick<AppDeps, 'catalog' | 'config' | 'jobs' | 'secrets'>;
type CommentInput = { itemId: string | null; body: string };

/**
 * A message on the form's thread. The facility's message on a submitted (or accepted) form is a question:
 * the form goes back to the vendor, who is told by e-mail.
 */
export const postComment = (db: Db, deps: CommentDeps, actor: Actor, context: AuditContext, formId: string, input: CommentInput) =>
  change(
    db,
    deps.catalog,
    actor,
    formId,
    (side) => (side === 'vendor' ? 'vendorForm.answer' : 'vendorForm.review'),
    (tx, form, contract, side) => comment(tx, context, deps, form, contract, side, input),
  );

async function comment(tx: Tx, context: AuditContext, deps: CommentDeps, form: VendorFormRow, contract: ContractRow, side: VendorSide, input: CommentInput) {
  if (input.itemId && !deps.catalog.item(form.edition, 'vendor', input.itemId)) throw new AppError(404, 'not_found');
  await insertAudited(
    tx,
    context,
    vendorFormComments,
    { assessmentId: form.id, itemId: input.itemId, side, authorId: context.actorId, body: input.body },
    {
      action: 'vendorForm.comment',
      entityType: 'vendor_form_comment',
      scope: scopeOf(form),
      fields: [],
      extra: {
        form: { before: null, after: form.id },
        item: { before: null, after: input.itemId },
        side: { before: null, after: side },
        body: { before: null, after: input.body },
      },
    },
  );
  if (side !== 'facility') return;
  const status = transition(form, 'query');
  if (status === form.status) return;
  await updateForm(tx, context, form, form.version, { status, acceptedAt: null }, 'vendorForm.query');
  if (form.invitedEmail) {
    const names = await contractNames(tx, contract);
    const link = `${publicBaseUrl(deps.config)}/vendor-forms/${form.id}`;
    await mailVendor(deps, tx, form.invitedEmail, questionMail({ ...names, fiscalYear: form.fiscalYear }, link, input.itemId, input.body));
  }
}
