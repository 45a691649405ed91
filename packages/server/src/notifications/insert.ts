import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { notifications } from '../db/schema.js';

/** The unique key of a notification (kind, facility, subject, occasion, recipient): what makes a reminder go out once. */
export interface NotificationKey {
  kind: string;
  facilityId: string;
  subjectId: string;
  occasion: string;
  userId: string;
}

export interface NewNotification extends NotificationKey {
  organizationId: string;
  phase: string;
  params: Record<string, string | number | null>;
  delivery: 'immediate' | 'daily';
  mailedAt: Date | null;
  createdAt: Date;
}

const columns = [
  notifications.kind,
  notifications.facilityId,
  notifications.subjectId,
  notifications.occasion,
  notifications.userId,
  notifications.organizationId,
  notifications.phase,
  notifications.params,
  notifications.delivery,
  notifications.mailedAt,
  notifications.createdAt,
] as const;

const valuesOf = (row: NewNotification) => [
  row.kind,
  row.facilityId,
  row.subjectId,
  row.occasion,
  row.userId,
  row.organizationId,
  row.phase,
  JSON.stringify(row.params),
  row.delivery,
  row.mailedAt?.toISOString() ?? null,
  row.createdAt.toISOString(),
];

/**
 * Inserts the rows that are not there yet (ON CONFLICT DO NOTHING on the unique key) and returns the keys of those it
 * made. One array parameter per column (unnest): the daily scan writes thousands of rows per statement, and a
 * parameter per value would cost more to build than to run.
 */
export async function insertNewNotifications(tx: Tx, rows: readonly NewNotification[]): Promise<NotificationKey[]> {
  if (rows.length === 0) return [];
  const values = rows.map(valuesOf);
  const arrays = columns.map((column, i) => sql`${sql.param(values.map((v) => v[i]))}::${sql.raw(column.getSQLType())}[]`);
  const result = await tx.execute(sql`
    INSERT INTO ${notifications} (${sql.join(
      columns.map((c) => sql.identifier(c.name)),
      sql`, `,
    )})
    SELECT * FROM unnest(${sql.join(arrays, sql`, `)})
    ON CONFLICT DO NOTHING
    RETURNING kind, facility_id, subject_id, occasion, user_id`);
  const made = (result as unknown as { rows: { kind: string; facility_id: string; subject_id: string; occasion: string; user_id: string }[] }).rows;
  return made.map((r) => ({ kind: r.kind, facilityId: r.facility_id, subjectId: r.subject_id, occasion: r.occasion, userId: r.user_id }));
}
