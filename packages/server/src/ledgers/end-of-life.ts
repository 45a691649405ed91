import { builtInEndOfLife, type Actor, type CreateEndOfLifeRequest, type EndOfLifeView } from '@mamori/domain';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { endOfLifeEntries } from '../db/schema.js';
import { facilityFor, facilityRecord } from '../tenancy/scope.js';
import { deleteAudited, facilityScope, insertAudited, inTransaction, scopeOf } from '../writes/audited.js';

/** The OS / firmware end-of-life table: the built-in rows plus the facility's own. */

type EntryRow = typeof endOfLifeEntries.$inferSelect;
type View = z.infer<typeof EndOfLifeView>;

const present = (row: EntryRow): View => ({ id: row.id, product: row.product, match: row.match, endOfLifeOn: row.endOfLifeOn, builtIn: false });
const builtIn: View[] = builtInEndOfLife.map((e) => ({ id: null, product: e.product, match: [...e.match], endOfLifeOn: e.endOfLifeOn, builtIn: true }));
const auditedFields = ['product', 'match', 'endOfLifeOn'] as const;

export async function listEndOfLife(db: Db, actor: Actor, facilityId: string): Promise<View[]> {
  await facilityFor(db, actor, facilityId, 'ledger.read');
  const rows = await db.select().from(endOfLifeEntries).where(eq(endOfLifeEntries.facilityId, facilityId)).orderBy(asc(endOfLifeEntries.product));
  return [...rows.map(present), ...builtIn];
}

export async function addEndOfLife(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  input: z.infer<typeof CreateEndOfLifeRequest>,
): Promise<View> {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.edit');
  const scope = facilityScope(facility);
  const row = await inTransaction(db, (tx) =>
    insertAudited(
      tx,
      context,
      endOfLifeEntries,
      { ...input, ...scope },
      { action: 'endOfLife.create', entityType: 'end_of_life_entry', scope, fields: auditedFields },
    ),
  );
  return present(row);
}

export async function deleteEndOfLife(db: Db, actor: Actor, context: AuditContext, entryId: string): Promise<void> {
  const row = await facilityRecord(db, actor, (await db.select().from(endOfLifeEntries).where(eq(endOfLifeEntries.id, entryId)))[0], 'ledger.edit');
  await inTransaction(db, (tx) =>
    deleteAudited(tx, context, endOfLifeEntries, row, null, {
      action: 'endOfLife.delete',
      entityType: 'end_of_life_entry',
      scope: scopeOf(row),
      fields: auditedFields,
    }),
  );
}
