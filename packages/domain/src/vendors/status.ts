import { z } from 'zod';

/**
 * A requested vendor form moves requested → in-progress → submitted → accepted; a facility's question
 * on a submitted form sends it back (queried) until the vendor resubmits.
 */
export const vendorFormStatuses = ['requested', 'in-progress', 'submitted', 'queried', 'accepted'] as const;
export const VendorFormStatus = z.enum(vendorFormStatuses);
export type VendorFormStatus = z.infer<typeof VendorFormStatus>;

export type VendorFormEvent = 'answer' | 'submit' | 'accept' | 'query';

/** Why an event is refused in a status; the server turns the code into a Japanese message. */
export type TransitionRefusal = 'form-locked' | 'not-submitted' | 'already-accepted';

const vendorMayEdit: readonly VendorFormStatus[] = ['requested', 'in-progress', 'queried'];

export function vendorMayEditForm(status: VendorFormStatus): boolean {
  return vendorMayEdit.includes(status);
}

export function nextVendorFormStatus(
  status: VendorFormStatus,
  event: VendorFormEvent,
): { ok: true; status: VendorFormStatus } | { ok: false; reason: TransitionRefusal } {
  switch (event) {
    case 'answer':
      if (!vendorMayEditForm(status)) return { ok: false, reason: 'form-locked' };
      return { ok: true, status: status === 'requested' ? 'in-progress' : status };
    case 'submit':
      if (!vendorMayEditForm(status)) return { ok: false, reason: 'form-locked' };
      return { ok: true, status: 'submitted' };
    case 'accept':
      if (status === 'accepted') return { ok: false, reason: 'already-accepted' };
      if (status !== 'submitted') return { ok: false, reason: 'not-submitted' };
      return { ok: true, status: 'accepted' };
    case 'query':
      // A question before submission is just a message; after it, the form goes back to the vendor.
      return { ok: true, status: status === 'submitted' || status === 'accepted' ? 'queried' : status };
  }
}

/** Whether the vendor's answers count for the facility's readiness, and whether they still await review. */
export function vendorFormReview(status: VendorFormStatus): 'not-returned' | 'pending' | 'accepted' {
  if (status === 'accepted') return 'accepted';
  if (status === 'submitted' || status === 'queried') return 'pending';
  return 'not-returned';
}

interface ReminderInput {
  status: VendorFormStatus;
  requestedAt: Date;
  remindedAt: Date | null;
  reminderDays: number;
}

/** When the next reminder goes out: `days` after the request or after the last reminder; none once submitted. */
export function nextReminderAt(input: ReminderInput): Date | null {
  if (input.status !== 'requested' && input.status !== 'in-progress') return null;
  const since = input.remindedAt ?? input.requestedAt;
  return new Date(since.getTime() + input.reminderDays * 86_400_000);
}

export function reminderDue(input: ReminderInput & { now: Date }): boolean {
  const next = nextReminderAt(input);
  return next !== null && input.now.getTime() >= next.getTime();
}
