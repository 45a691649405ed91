import type { Actor, Permission } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { facilityRecord } from '../tenancy/scope.js';
import { ledgerTable, type AccountRow, type AssetRow, type LedgerDefinition } from './definitions.js';

type LedgerRow = AssetRow | AccountRow;

/** A ledger record the actor may act on; someone outside its facility gets 404, as for facilities. */
export async function recordFor(db: Db, actor: Actor, definition: LedgerDefinition, id: string, permission: Permission): Promise<LedgerRow> {
  const table = ledgerTable(definition);
  const [row] = (await db.select().from(table).where(eq(table.id, id))) as LedgerRow[];
  return facilityRecord(db, actor, row, permission);
}
