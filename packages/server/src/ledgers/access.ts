import type { Actor, Permission } from '@mamori/domain';
import type { Db } from '../db/connect.js';
import { facilityFor } from '../tenancy/scope.js';
import { loadRecord } from './service.js';
import type { LedgerDefinition } from './definitions.js';

/** A ledger record the actor may act on; someone outside its facility gets 404, as for facilities. */
export async function recordFor(db: Db, actor: Actor, definition: LedgerDefinition, id: string, permission: Permission) {
  const row = await loadRecord(db, definition, id);
  const facility = await facilityFor(db, actor, row.facilityId, permission);
  return { row, facility };
}
