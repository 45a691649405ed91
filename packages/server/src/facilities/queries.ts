import { isSystemAdmin, type Actor } from '@mamori/domain';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { prepared } from '../db/prepared.js';
import { facilities } from '../db/schema.js';

const org = sql.placeholder('organizationId');
const user = sql.placeholder('userId');

/**
 * Facilities the actor can see: all for a system admin, whole organizations for their admins, else
 * their own (an inspector: those that granted them inspection access). One prepared statement: this list is on every screen.
 */
const visibleFacilities = (db: Db) =>
  prepared(db, 'visible_facilities', (d) =>
    d
      // The listed columns only: the list never shows thresholds (jsonb) or the update time.
      .select({
        id: facilities.id,
        organizationId: facilities.organizationId,
        name: facilities.name,
        kind: facilities.kind,
        prefecture: facilities.prefecture,
        healthCenter: facilities.healthCenter,
        bedCount: facilities.bedCount,
        version: facilities.version,
        createdAt: facilities.createdAt,
      })
      .from(facilities)
      .where(
        sql`(${org}::uuid is null or ${facilities.organizationId} = ${org}::uuid)
        and (${sql.placeholder('all')}::boolean
          or ${facilities.organizationId} in (select organization_id from organization_members where user_id = ${user}::uuid and role = 'admin')
          or ${facilities.id} in (select facility_id from facility_members where user_id = ${user}::uuid)
          or ${facilities.id} in (select facility_id from inspection_grants where inspector_id = ${user}::uuid))`,
      )
      .orderBy(asc(facilities.name))
      .prepare('visible_facilities'),
  );

export function listVisibleFacilities(db: Db, actor: Actor, organizationId?: string) {
  return visibleFacilities(db).execute({ organizationId: organizationId ?? null, all: isSystemAdmin(actor), userId: actor.userId });
}
