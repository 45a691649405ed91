import type { Actor, Catalog, VendorFormRequested } from '@mamori/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { assessments, facilities, vendors } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, invalid } from '../http/errors.js';
import type { AppDeps } from '../http/types.js';
import { inTransaction } from '../writes/audited.js';
import { contractFor, lockForm, vendorFormFor, type ContractRow, type VendorFormRow } from './access.js';
import { issueVendorInvitation } from './invitations-service.js';
import { invitationMail } from './mail-texts.js';
import { mailVendor } from './notify.js';
import { vendorFormSummaries } from './queries.js';

/** Names, for e-mails and the evaluation's form label. */
export async function contractNames(db: Db, contract: ContractRow) {
  const [row] = await db
    .select({ facilityName: facilities.name, vendorName: vendors.name })
    .from(facilities)
    .innerJoin(vendors, eq(vendors.id, contract.vendorId))
    .where(eq(facilities.id, contract.facilityId));
  return { facilityName: row?.facilityName ?? '', vendorName: row?.vendorName ?? '', contractTitle: contract.title };
}

/** The label the facility's checklist shows for this vendor form: 事業者名（契約名）. */
export const vendorFormLabel = (vendorName: string, contractTitle: string) => `${vendorName}（${contractTitle}）`;

export function validateExcludedItems(catalog: Catalog, edition: string, items: readonly string[]) {
  const form = catalog.form(edition, 'vendor');
  if (!form) throw invalid('body', 'vendor_form_edition_missing', { edition });
  items.forEach((id, index) => {
    if (!form.items.some((i) => i.id === id)) throw invalid(`body.excludedItems.${index}`, 'vendor_item_unknown', { item: id });
  });
  return [...new Set(items)];
}

/** What the facility is told after a request or resend: the link itself only when no mail server will send it. */
interface InvitationSent {
  form: VendorFormRow;
  mailSent: boolean;
  invitationUrl: string | null;
}

type RequestDeps = Pick<AppDeps, 'catalog' | 'config' | 'jobs' | 'secrets'>;
type RequestInput = { fiscalYear: number; email?: string | undefined; excludedItems: string[]; reminderDays: number };

async function presentSent(db: Db, catalog: Catalog, sent: InvitationSent): Promise<VendorFormRequested> {
  const [summary] = await vendorFormSummaries(db, catalog, [sent.form]);
  return { ...summary!, mailSent: sent.mailSent, invitationUrl: sent.invitationUrl };
}

export async function requestVendorForm(
  db: Db,
  deps: RequestDeps,
  actor: Actor,
  context: AuditContext,
  contractId: string,
  input: RequestInput,
): Promise<VendorFormRequested> {
  const { contract } = await contractFor(db, actor, contractId, 'vendorForm.request');
  return presentSent(db, deps.catalog, await inTransaction(db, (tx) => openVendorForm(tx, context, deps, contract, input)));
}

/** A new link (the old one stops working), to the same or a corrected address. */
export async function resendInvitation(
  db: Db,
  deps: RequestDeps,
  actor: Actor,
  context: AuditContext,
  formId: string,
  email: string | undefined,
): Promise<VendorFormRequested> {
  const { contract } = await vendorFormFor(db, actor, formId, 'vendorForm.request');
  return presentSent(
    db,
    deps.catalog,
    await inTransaction(db, async (tx) => reissueInvitation(tx, context, deps, await lockForm(tx, formId), contract, email)),
  );
}

/**
 * Opens this year's vendor form for a contract and e-mails the vendor a single-use link. The form sits
 * beside the facility's own form of the year, in the same edition.
 */
async function openVendorForm(tx: Tx, context: AuditContext, deps: RequestDeps, contract: ContractRow, input: RequestInput): Promise<InvitationSent> {
  const email = input.email ?? contract.contactEmail;
  if (!email) throw invalid('body.email', 'request_email_missing_on_contract');
  const [own] = await tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.facilityId, contract.facilityId), eq(assessments.fiscalYear, input.fiscalYear), isNull(assessments.vendorName)));
  if (!own)
    throw new AppError(400, 'own_form_missing', {}, [{ path: 'body.fiscalYear', code: 'own_form_missing_for_year', params: { fiscalYear: input.fiscalYear } }]);
  const excludedItems = validateExcludedItems(deps.catalog, own.edition, input.excludedItems);
  const [existing] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.contractId, contract.id), eq(assessments.fiscalYear, input.fiscalYear)));
  if (existing) throw new AppError(409, 'conflict', {}, [{ path: 'body.fiscalYear', code: 'request_exists' }]);
  const names = await contractNames(tx, contract);
  const now = new Date();
  const [row] = await tx
    .insert(assessments)
    .values({
      organizationId: contract.organizationId,
      facilityId: contract.facilityId,
      fiscalYear: input.fiscalYear,
      edition: own.edition,
      form: 'vendor',
      vendorName: vendorFormLabel(names.vendorName, contract.title),
      excludedItems,
      contractId: contract.id,
      status: 'requested',
      invitedEmail: email,
      requestedAt: now,
      reminderDays: input.reminderDays,
    })
    .returning();
  const form = row as VendorFormRow;
  await recordAudit(tx, context, {
    action: 'vendorForm.request',
    entityType: 'assessment',
    entityId: form.id,
    organizationId: form.organizationId,
    facilityId: form.facilityId,
    changes: {
      contractId: { before: null, after: contract.id },
      fiscalYear: { before: null, after: input.fiscalYear },
      excludedItems: { before: null, after: excludedItems },
      invitedEmail: { before: null, after: email },
      reminderDays: { before: null, after: input.reminderDays },
    },
  });
  return sendInvitation(tx, context, deps, form, names, email);
}

async function sendInvitation(
  tx: Tx,
  context: AuditContext,
  deps: Pick<AppDeps, 'config' | 'jobs' | 'secrets'>,
  form: VendorFormRow,
  names: { facilityName: string; vendorName: string; contractTitle: string },
  email: string,
): Promise<InvitationSent> {
  const { link, expiresAt } = await issueVendorInvitation(tx, context, deps.config, form, email);
  await mailVendor(deps, tx, email, invitationMail({ ...names, fiscalYear: form.fiscalYear }, link, expiresAt));
  // Without MAMORI_SMTP_URL the mail is only logged: the facility gets the link to pass on, as with member invitations.
  const mailSent = Boolean(deps.config.mail.smtpUrl);
  return { form, mailSent, invitationUrl: mailSent ? null : link };
}

async function reissueInvitation(
  tx: Tx,
  context: AuditContext,
  deps: RequestDeps,
  form: VendorFormRow,
  contract: ContractRow,
  email: string | undefined,
): Promise<InvitationSent> {
  const to = email ?? form.invitedEmail ?? contract.contactEmail;
  if (!to) throw invalid('body.email', 'request_email_required');
  const [row] = await tx
    .update(assessments)
    .set({ invitedEmail: to, version: form.version + 1, updatedAt: new Date() })
    .where(eq(assessments.id, form.id))
    .returning();
  await recordAudit(tx, context, {
    action: 'vendorForm.resend',
    entityType: 'assessment',
    entityId: form.id,
    organizationId: form.organizationId,
    facilityId: form.facilityId,
    changes: { invitedEmail: { before: form.invitedEmail, after: to } },
  });
  return sendInvitation(tx, context, deps, row as VendorFormRow, await contractNames(tx, contract), to);
}
