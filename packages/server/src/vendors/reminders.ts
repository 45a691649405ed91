import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { assessments, vendorContracts } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import type { AppDeps } from '../http/types.js';
import type { QueueDefinition } from '../jobs/queues.js';
import { deliverNotices, facilityRecipients, type Notice } from '../notifications/deliver.js';
import type { VendorFormRow } from './access.js';
import { invitationUsed, issueVendorInvitation, publicBaseUrl } from './invitations-service.js';
import { reminderMail } from './mail-texts.js';
import { mailVendor } from './notify.js';
import { isReminderDue } from './presenter.js';
import { contractNames } from './requests-service.js';

const VENDOR_REMINDER_QUEUE = 'vendor-forms.remind';
/** Every morning at nine, Tokyo time. */
const VENDOR_REMINDER_CRON = '0 9 * * *';

/** The scheduler runs the reminders as the system, not as a user. */
const systemContext = { actorId: null, ip: null };

/**
 * E-mails every vendor whose requested form is still not submitted after the form's reminder interval.
 * Each form is reminded in its own transaction, locked with SKIP LOCKED and re-checked, so two app
 * servers (or a job retried after a crash) never send the same reminder twice. The facility's managers and
 * planners get a `vendor-form` notification with it (notifications/deliver.ts).
 */
export async function remindVendors(deps: Pick<AppDeps, 'database' | 'config' | 'jobs' | 'secrets'>, now = new Date()): Promise<number> {
  const { db } = deps.database;
  const candidates = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        isNotNull(assessments.contractId),
        inArray(assessments.status, ['requested', 'in-progress']),
        sql`coalesce(${assessments.remindedAt}, ${assessments.requestedAt}) + make_interval(days => ${assessments.reminderDays}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  let sent = 0;
  for (const { id } of candidates) {
    const reminded = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(assessments).where(eq(assessments.id, id)).for('update', { skipLocked: true });
      const form = row as VendorFormRow | undefined;
      if (!form?.invitedEmail || !isReminderDue(form, now)) return false;
      const [contract] = await tx.select().from(vendorContracts).where(eq(vendorContracts.id, form.contractId));
      if (!contract) return false;
      const count = form.reminderCount + 1;
      await tx.update(assessments).set({ remindedAt: now, reminderCount: count }).where(eq(assessments.id, form.id));
      await recordAudit(tx, systemContext, {
        action: 'vendorForm.remind',
        entityType: 'assessment',
        entityId: form.id,
        organizationId: form.organizationId,
        facilityId: form.facilityId,
        changes: { reminderCount: { before: form.reminderCount, after: count }, to: { before: null, after: form.invitedEmail } },
      });
      // Until the vendor has signed up, a reminder carries a fresh sign-up link (the first one lasts 7 days).
      const link = (await invitationUsed(tx, form.id))
        ? `${publicBaseUrl(deps.config)}/vendor-forms/${form.id}`
        : (await issueVendorInvitation(tx, systemContext, deps.config, form, form.invitedEmail)).link;
      const names = await contractNames(tx, contract);
      await mailVendor(deps, tx, form.invitedEmail, reminderMail({ ...names, fiscalYear: form.fiscalYear }, link, form.requestedAt ?? form.createdAt, count));
      // The facility's side hears of it too: in the inbox of its managers and planners, and by e-mail as they chose.
      const facility = { id: form.facilityId, organizationId: form.organizationId, name: names.facilityName };
      const notices: Notice[] = [
        {
          kind: 'vendor-form',
          subjectId: form.id,
          occasion: `reminder-${count}`,
          phase: 'overdue',
          params: {
            formId: form.id,
            contractId: contract.id,
            vendorName: names.vendorName,
            contractTitle: names.contractTitle,
            fiscalYear: form.fiscalYear,
            reminderCount: count,
          },
        },
      ];
      await deliverNotices(deps, tx, [{ facility, notices, recipients: await facilityRecipients(tx, form.facilityId) }]);
      return true;
    });
    if (reminded) sent++;
  }
  return sent;
}

export const vendorReminderQueue: QueueDefinition = { name: VENDOR_REMINDER_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 300 };

/** Daily reminders, declared by every app server and kept once in the database by the scheduler. */
export function registerVendorReminders(deps: Pick<AppDeps, 'database' | 'config' | 'jobs' | 'secrets'>): void {
  deps.jobs.work(VENDOR_REMINDER_QUEUE, async () => {
    await remindVendors(deps);
  });
  deps.jobs.schedule(VENDOR_REMINDER_QUEUE, VENDOR_REMINDER_CRON);
}
