import {
  deliveryFor,
  groupBy,
  facilityRolesWith,
  notificationPath,
  type NotificationKind,
  type NotificationMode,
  type ReminderParams,
  type ReminderPhase,
} from '@mamori/domain';
import { and, asc, eq } from 'drizzle-orm';
import { anyOf } from '../db/any-of.js';
import type { Config } from '../config.js';
import type { Db, Tx } from '../db/connect.js';
import { facilityMembers, notificationPreferences, notifications, users } from '../db/schema.js';
import type { AppDeps } from '../http/types.js';
import { enqueueMails } from '../mail/index.js';
import { publicBaseUrl } from '../vendors/invitations-service.js';
import { insertNewNotifications, type NotificationKey } from './insert.js';
import { reminderMail } from './mail-texts.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** One reminder about one thing of a facility, before it is addressed to anyone. */
export interface Notice {
  kind: NotificationKind;
  subjectId: string;
  occasion: string;
  phase: ReminderPhase;
  params: ReminderParams;
}

interface NoticeFacility {
  id: string;
  organizationId: string;
  name: string;
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
}

/** A notification made (or, in a dry run, that would be made) for one recipient. */
export interface Delivered {
  facility: NoticeFacility;
  notice: Notice;
  recipient: Recipient;
  delivery: 'immediate' | 'daily';
}

/** A facility's notices and the people they go to. */
export interface FacilityNotices {
  facility: NoticeFacility;
  notices: Notice[];
  recipients: Recipient[];
}

/** Whom a facility's reminders go to: its members in a role holding `reminder.receive` (policy.ts). */
export async function facilityRecipients(db: Db | Tx, facilityId: string): Promise<Recipient[]> {
  return (await facilityRecipientsOf(db, [facilityId])).get(facilityId) ?? [];
}

/** The same for many facilities in one query. */
export async function facilityRecipientsOf(db: Db | Tx, facilityIds: readonly string[]): Promise<Map<string, Recipient[]>> {
  if (facilityIds.length === 0) return new Map();
  const rows = await db
    .select({ facilityId: facilityMembers.facilityId, userId: users.id, email: users.email, name: users.name })
    .from(facilityMembers)
    .innerJoin(users, eq(users.id, facilityMembers.userId))
    .where(and(anyOf(facilityMembers.facilityId, [...facilityIds]), anyOf(facilityMembers.role, [...facilityRolesWith('reminder.receive')])))
    .orderBy(asc(users.id));
  return groupBy(rows, (row) => row.facilityId);
}

/** The recipients' choices, by user and kind (no row: `standard`). */
export async function modesOf(db: Db | Tx, userIds: string[]): Promise<(userId: string, kind: NotificationKind) => NotificationMode> {
  const rows = userIds.length
    ? await db
        .select()
        .from(notificationPreferences)
        .where(anyOf(notificationPreferences.userId, [...new Set(userIds)]))
    : [];
  const modes = new Map(rows.map((r) => [`${r.userId} ${r.kind}`, r.mode as NotificationMode]));
  return (userId, kind) => modes.get(`${userId} ${kind}`) ?? 'standard';
}

export const appLink = (config: Config, path: string) => `${publicBaseUrl(config)}${path}`;
/**
 * Where a person turns one kind off, with one signed token: the page the link in the text opens, and the API route a
 * mail program's one-click unsubscribe (RFC 8058) POSTs `List-Unsubscribe=One-Click` to.
 */
function unsubscribeAddresses(deps: Pick<AppDeps, 'config' | 'secrets'>, userId: string, kind: NotificationKind) {
  const token = unsubscribeToken(deps.secrets, userId, kind);
  return { page: `${publicBaseUrl(deps.config)}/unsubscribe/${token}`, oneClick: `${publicBaseUrl(deps.config)}/api/v1/unsubscribe/${token}` };
}

export const unsubscribeLink = (deps: Pick<AppDeps, 'config' | 'secrets'>, userId: string, kind: NotificationKind) =>
  unsubscribeAddresses(deps, userId, kind).page;

const keyOf = (row: NotificationKey) => [row.kind, row.facilityId, row.subjectId, row.occasion, row.userId].join('\u0000');
const pairKey = (pair: Delivered) =>
  keyOf({
    kind: pair.notice.kind,
    facilityId: pair.facility.id,
    subjectId: pair.notice.subjectId,
    occasion: pair.notice.occasion,
    userId: pair.recipient.userId,
  });

/** Rows per INSERT: bounds the statement, not its parameters (one array per column). */
const INSERT_ROWS = 5000;

/**
 * Makes the notifications of these facilities' notices for each recipient whose preference does not turn them off,
 * inside the caller's transaction: the rows are inserted with ON CONFLICT DO NOTHING on the unique key, and only
 * the rows an insert made queue their e-mail (`immediate`; `daily` ones wait for the digest). Two app servers
 * scanning the same day therefore send each reminder once: the second insert waits for the first transaction
 * and then finds the row. Rows go in key order, so concurrent scans lock them in the same order.
 * `dryRun`: writes nothing and says what would be made (what is not made yet).
 */
export async function deliverNotices(
  deps: Pick<AppDeps, 'config' | 'jobs' | 'secrets'>,
  tx: Tx,
  batches: readonly FacilityNotices[],
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<Delivered[]> {
  const modeOf = await modesOf(
    tx,
    batches.flatMap((b) => (b.notices.length ? b.recipients.map((r) => r.userId) : [])),
  );
  const pairs = batches
    .flatMap(({ facility, notices, recipients }) =>
      notices.flatMap((notice) =>
        recipients.map((recipient) => ({
          facility,
          notice,
          recipient,
          delivery: deliveryFor(modeOf(recipient.userId, notice.kind), notice.kind, notice.phase),
        })),
      ),
    )
    .filter((p): p is Delivered => p.delivery !== 'off')
    .map((pair) => ({ pair, key: pairKey(pair) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (pairs.length === 0) return [];
  const facilityIds = [...new Set(pairs.map(({ pair }) => pair.facility.id))];

  if (options.dryRun) {
    const existing = await tx
      .select({
        kind: notifications.kind,
        facilityId: notifications.facilityId,
        subjectId: notifications.subjectId,
        occasion: notifications.occasion,
        userId: notifications.userId,
      })
      .from(notifications)
      .where(and(anyOf(notifications.facilityId, facilityIds), anyOf(notifications.occasion, [...new Set(pairs.map(({ pair }) => pair.notice.occasion))])));
    const made = new Set(existing.map(keyOf));
    return pairs.filter(({ key }) => !made.has(key)).map(({ pair }) => pair);
  }

  // Written from JavaScript, so in milliseconds (not PostgreSQL's microseconds): the inbox's cursor compares exactly.
  const now = options.now ?? new Date();
  const inserted = new Set<string>();
  for (let i = 0; i < pairs.length; i += INSERT_ROWS) {
    const rows = pairs.slice(i, i + INSERT_ROWS).map(({ pair: { facility, notice, recipient, delivery } }) => ({
      kind: notice.kind,
      facilityId: facility.id,
      subjectId: notice.subjectId,
      occasion: notice.occasion,
      userId: recipient.userId,
      organizationId: facility.organizationId,
      phase: notice.phase,
      params: notice.params,
      delivery,
      mailedAt: delivery === 'immediate' ? now : null,
      createdAt: now,
    }));
    for (const key of await insertNewNotifications(tx, rows)) inserted.add(keyOf(key));
  }
  const made = pairs.filter(({ key }) => inserted.has(key)).map(({ pair }) => pair);
  await enqueueMails(
    deps.jobs,
    deps.secrets,
    tx,
    made
      .filter((pair) => pair.delivery === 'immediate')
      .map(({ facility, notice, recipient }) => {
        const link = appLink(deps.config, notificationPath(notice.kind, facility.id, notice.params));
        const unsubscribe = unsubscribeAddresses(deps, recipient.userId, notice.kind);
        const mail = reminderMail(recipient.name, { ...notice, facilityName: facility.name, link }, unsubscribe.page);
        const headers = { 'List-Unsubscribe': `<${unsubscribe.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
        return { to: recipient.email, ...mail, headers };
      }),
  );
  return made;
}
