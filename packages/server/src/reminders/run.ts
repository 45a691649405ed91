import { fiscalYearLabel, remindersDue, todayInTokyo, type Catalog, type DueReminder, type ReminderFacts } from '@mamori/domain';
import { asc, gt } from 'drizzle-orm';
import { loadCatalog } from '../checklist/catalog-loader.js';
import { facilities } from '../db/schema.js';
import type { AppDeps } from '../http/types.js';
import type { QueueDefinition } from '../jobs/queues.js';
import { deliverNotices, facilityRecipientsOf, type Notice } from '../notifications/deliver.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { loadReminderFactsOf } from './facts.js';

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

/** Facilities read, evaluated and delivered together: a few queries per table and one transaction per chunk. */
const FACILITIES_PER_CHUNK = 1000;
/** Chunks read ahead while one is written, so the database's cores and the evaluation work side by side. */
const CHUNKS_AHEAD = 2;

/** Every facility, a chunk at a time, in id order. */
async function* facilityChunks(db: ReminderDeps['database']['db']): AsyncGenerator<FacilityRow[]> {
  let after: string | null = null;
  for (;;) {
    const chunk: FacilityRow[] = await db
      .select()
      .from(facilities)
      .where(after === null ? undefined : gt(facilities.id, after))
      .orderBy(asc(facilities.id))
      .limit(FACILITIES_PER_CHUNK);
    if (chunk.length > 0) yield chunk;
    if (chunk.length < FACILITIES_PER_CHUNK) return;
    after = chunk.at(-1)!.id;
  }
}

/**
 * The day's reminder scan (issue 16): for every facility, what the domain's rules say is due on `asOf` (Tokyo's
 * today by default), made into notifications for the facility's managers and planners by their preferences. The
 * facilities go in chunks of a thousand by id, each chunk's notifications in one transaction, each notification
 * once per recipient and occasion however many scans run (see `deliverNotices`). `dryRun` writes nothing and lists
 * what a run would make now. Returns what was made.
 */
export async function runReminders(deps: ReminderDeps, options: { asOf?: string; dryRun?: boolean } = {}): Promise<SentReminder[]> {
  const { db } = deps.database;
  const asOf = options.asOf ?? todayInTokyo();
  const sent: SentReminder[] = [];

  const deliver = async (chunk: FacilityRow[], facts: Map<string, ReminderFacts>) => {
    const due = chunk.map((facility) => ({ facility, notices: remindersDue(facts.get(facility.id)!) })).filter((d) => d.notices.length > 0);
    if (due.length === 0) return;
    const made = await db.transaction(async (tx) => {
      const recipients = await facilityRecipientsOf(
        tx,
        due.map((d) => d.facility.id),
      );
      const batches = due.map(({ facility, notices }) => ({ facility, notices, recipients: recipients.get(facility.id) ?? [] }));
      return deliverNotices(deps, tx, batches, { dryRun: options.dryRun ?? false });
    });
    // By facility (as the scan went), each facility's in key order.
    made.sort((a, b) => (a.facility.id < b.facility.id ? -1 : a.facility.id > b.facility.id ? 1 : 0));
    for (const { facility, notice, recipient, delivery } of made) {
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
  };

  const reading: Promise<[FacilityRow[], Map<string, ReminderFacts>]>[] = [];
  for await (const chunk of facilityChunks(db)) {
    // The chunk is every facility between its first and last id, so the loaders read id ranges.
    const read = loadReminderFactsOf(db, deps.catalog, chunk, asOf, [chunk[0]!.id, chunk.at(-1)!.id]).then(
      (facts): [FacilityRow[], Map<string, ReminderFacts>] => [chunk, facts],
    );
    // Awaited in turn below; a failure meanwhile must not count as unhandled.
    read.catch(() => undefined);
    reading.push(read);
    if (reading.length > CHUNKS_AHEAD) await deliver(...(await reading.shift()!));
  }
  while (reading.length > 0) await deliver(...(await reading.shift()!));
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
