import { fiscalYearLabel, remindersDue, todayInTokyo, type Catalog, type DueReminder } from '@mamori/domain';
import { asc } from 'drizzle-orm';
import { loadCatalog } from '../checklist/catalog-loader.js';
import { facilities } from '../db/schema.js';
import type { AppDeps } from '../http/types.js';
import type { QueueDefinition } from '../jobs/queues.js';
import { deliverNotices, facilityRecipients, type Notice } from '../notifications/deliver.js';
import { loadReminderFacts } from './facts.js';

type ReminderDeps = Pick<AppDeps, 'database' | 'config' | 'jobs' | 'secrets' | 'catalog'>;

/** One reminder made for one person, as `mamori reminders run` prints it. */
export interface SentReminder {
  kind: DueReminder['kind'];
  facility: string;
  facilityName: string;
  /** What it is about, in a word: the item, the backup's system, the log source, the fiscal year, the BCP. */
  item: string;
  occasion: string;
  recipient: string;
  delivery: 'immediate' | 'daily';
}

const itemOf = (r: Notice): string => {
  switch (r.kind) {
    case 'target-date':
      return String(r.params.itemId);
    case 'annual-check':
      return fiscalYearLabel(Number(r.params.fiscalYear));
    case 'restore-test':
      return String(r.params.system);
    case 'log-review':
      return String(r.params.sourceName);
    default:
      return 'BCP';
  }
};

/**
 * The day's reminder scan (issue 16): for every facility, what the domain's rules say is due on `asOf` (Tokyo's
 * today by default), made into notifications for the facility's managers and planners by their preferences —
 * each facility in one transaction, each notification once per recipient and occasion however many scans run
 * (see `deliverNotices`). `dryRun` writes nothing and lists what a run would make now. Returns what was made.
 */
export async function runReminders(deps: ReminderDeps, options: { asOf?: string; dryRun?: boolean } = {}): Promise<SentReminder[]> {
  const { db } = deps.database;
  const asOf = options.asOf ?? todayInTokyo();
  const sent: SentReminder[] = [];
  for (const facility of await db.select().from(facilities).orderBy(asc(facilities.id))) {
    const due = remindersDue(await loadReminderFacts(db, deps.catalog, facility, asOf));
    if (due.length === 0) continue;
    const made = await db.transaction(async (tx) =>
      deliverNotices(deps, tx, facility, due, await facilityRecipients(tx, facility.id), { dryRun: options.dryRun ?? false }),
    );
    for (const { notice, recipient, delivery } of made) {
      sent.push({
        kind: notice.kind,
        facility: facility.id,
        facilityName: facility.name,
        item: itemOf(notice),
        occasion: notice.occasion,
        recipient: recipient.email,
        delivery,
      });
    }
  }
  return sent;
}

const REMINDER_QUEUE = 'reminders.daily';
/** Every morning at eight, Tokyo time: before the digest (8:30) and the vendor reminders (9:00). */
const REMINDER_CRON = '0 8 * * *';

export const reminderQueue: QueueDefinition = { name: REMINDER_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 300 };

/** The daily scan, declared by every app server and kept once in the database by the scheduler. */
export function registerReminders(deps: Omit<ReminderDeps, 'catalog'>): void {
  // The job scheduler opens before the app and its catalog; the editions are read once, on the first run.
  let catalog: Catalog | undefined;
  deps.jobs.work(REMINDER_QUEUE, async () => {
    catalog ??= loadCatalog();
    await runReminders({ ...deps, catalog });
  });
  deps.jobs.schedule(REMINDER_QUEUE, REMINDER_CRON);
}
