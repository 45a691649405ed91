/**
 * What Mamori reminds people of (issue 16), how urgent one occasion is, and how each person wants to hear of it.
 * A notification is one reminder for one person; its kind decides the preference it follows.
 */
export const notificationKinds = ['target-date', 'annual-check', 'restore-test', 'log-review', 'bcp-review', 'vendor-form'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** soon: a deadline within the next 14 days; due: today; overdue: passed, or never done. */
export const reminderPhases = ['soon', 'due', 'overdue'] as const;
export type ReminderPhase = (typeof reminderPhases)[number];

/**
 * A person's choice per kind. `standard` (nothing chosen): overdue reminders and vendors that have not answered
 * by e-mail at once, the rest gathered into the morning digest. `off`: neither the inbox nor e-mail.
 */
export const notificationModes = ['standard', 'immediate', 'daily', 'off'] as const;
export type NotificationMode = (typeof notificationModes)[number];

/** What happens to one notification: mailed at once, kept for the morning digest, or not made at all. */
export type Delivery = 'immediate' | 'daily' | 'off';

export function deliveryFor(mode: NotificationMode, kind: NotificationKind, phase: ReminderPhase): Delivery {
  if (mode !== 'standard') return mode;
  return kind === 'vendor-form' || phase === 'overdue' ? 'immediate' : 'daily';
}

/** What a reminder's text and link read; every value is plain (string, number or null), stored as JSON. */
export type ReminderParams = Record<string, string | number | null>;

/** The checklist page's anchor of an item (`2(1)@server` → `item-2_1__server`), as the web app names it. */
const itemAnchor = (id: string) => `item-${id.replace(/[^a-zA-Z0-9]/g, '_')}`;

const text = (params: ReminderParams, key: string) => encodeURIComponent(String(params[key] ?? ''));

/** The page of the web app a notification leads to (relative to the app's address). */
export function notificationPath(kind: NotificationKind, facilityId: string, params: ReminderParams): string {
  const facility = `/facilities/${facilityId}`;
  switch (kind) {
    case 'target-date':
      return `${facility}/checklist/${text(params, 'assessmentId')}#${itemAnchor(String(params.itemId ?? ''))}`;
    case 'annual-check':
      return params.assessmentId ? `${facility}/checklist/${text(params, 'assessmentId')}` : `${facility}/checklist`;
    case 'restore-test':
      return `${facility}/readiness/backups`;
    case 'log-review':
      return `${facility}/access-logs/${text(params, 'sourceId')}`;
    case 'bcp-review':
      return `${facility}/readiness/bcp`;
    case 'vendor-form':
      return `/vendor-forms/${text(params, 'formId')}`;
  }
}
