import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db, Tx } from '../db/connect.js';
import { vendorInvitations } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { AppError } from '../http/errors.js';
import type { VendorFormRow } from './access.js';

const VENDOR_INVITATION_DAYS = 7;

/** Where links in e-mails point: the configured public URL, else this server's own address. */
export function publicBaseUrl(config: Config): string {
  return (config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`).replace(/\/$/, '');
}

/** A fresh single-use link for a form; earlier open links of the form stop working. */
export async function issueVendorInvitation(tx: Tx, context: AuditContext, config: Config, form: VendorFormRow, email: string) {
  await tx
    .update(vendorInvitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(vendorInvitations.assessmentId, form.id), isNull(vendorInvitations.usedAt), isNull(vendorInvitations.revokedAt)));
  const token = randomToken();
  const expiresAt = new Date(Date.now() + VENDOR_INVITATION_DAYS * 86_400_000);
  const [row] = await tx
    .insert(vendorInvitations)
    .values({ assessmentId: form.id, contractId: form.contractId, email, tokenHash: sha256(token), invitedBy: context.actorId, expiresAt })
    .returning();
  await recordAudit(tx, context, {
    action: 'vendorInvitation.create',
    entityType: 'vendor_invitation',
    entityId: row!.id,
    organizationId: form.organizationId,
    facilityId: form.facilityId,
    changes: { email: { before: null, after: email }, form: { before: null, after: form.id } },
  });
  return { link: `${publicBaseUrl(config)}/vendor-invite/${token}`, expiresAt };
}

/** An invitation that can still be used: not used, not revoked, not expired. Anything else is the same 404. */
export async function openVendorInvitation(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(vendorInvitations)
    .where(
      and(
        eq(vendorInvitations.tokenHash, sha256(token)),
        isNull(vendorInvitations.usedAt),
        isNull(vendorInvitations.revokedAt),
        gt(vendorInvitations.expiresAt, new Date()),
      ),
    );
  if (!row) throw new AppError(404, 'invitation_invalid');
  return row;
}

/** Whether the vendor has used any link of this form yet (then reminders link to the form, not to sign-up). */
export async function invitationUsed(db: Db, formId: string): Promise<boolean> {
  const [used] = await db
    .select({ id: vendorInvitations.id })
    .from(vendorInvitations)
    .where(and(eq(vendorInvitations.assessmentId, formId), isNotNull(vendorInvitations.usedAt)))
    .limit(1);
  return Boolean(used);
}
