import { and, asc, eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { facilities, inspectionGrants } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { inTransaction } from '../writes/audited.js';
import { inspectorByEmail } from './queries.js';
import { insertGrant } from './service.js';

export interface Area {
  prefecture: string;
  /** One health center of the prefecture; absent: the whole prefecture. */
  healthCenter?: string;
}

/**
 * A regional deployment's assignment (issue 16: the facilities of an inspector's jurisdiction "that an administrator
 * assigned"): every facility of a prefecture, or of one of its health centers, granted to the inspector in one
 * transaction, each grant audited as if given one by one. Facilities already granted are left as they are, so the
 * command can be run again after new facilities join.
 */
export async function grantArea(db: Db, context: AuditContext, inspectorEmail: string, area: Area) {
  return inTransaction(db, async (tx) => {
    const inspector = await inspectorByEmail(tx, inspectorEmail);
    if (!inspector) throw new AppError(422, 'inspector_unknown');
    const inArea = await tx
      .select({ facility: facilities, grantId: inspectionGrants.id })
      .from(facilities)
      .leftJoin(inspectionGrants, and(eq(inspectionGrants.facilityId, facilities.id), eq(inspectionGrants.inspectorId, inspector.id)))
      .where(and(eq(facilities.prefecture, area.prefecture), area.healthCenter ? eq(facilities.healthCenter, area.healthCenter) : undefined))
      .orderBy(asc(facilities.id));
    const ungranted = inArea.filter((row) => row.grantId === null);
    for (const { facility } of ungranted) await insertGrant(tx, context, facility, inspector.email, null);
    return { inspectorEmail: inspector.email, ...area, facilities: inArea.length, granted: ungranted.length };
  });
}
