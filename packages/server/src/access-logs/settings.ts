import { AccessLogSettings, defaultAccessLogSettings, type Actor, type UpdateAccessLogSettingsRequest } from '@mamori/domain';
import type { z } from 'zod';
import { diff, type AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { facilities } from '../db/schema.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { facilityScope, inTransaction, updateAudited } from '../writes/audited.js';

/** The facility's thresholds, or Mamori's defaults for those it never set. */
export function accessLogSettingsOf(facility: Pick<FacilityRow, 'accessLogSettings'>): AccessLogSettings {
  const parsed = AccessLogSettings.safeParse({ ...defaultAccessLogSettings, ...(facility.accessLogSettings ?? {}) });
  return parsed.success ? parsed.data : defaultAccessLogSettings;
}

export async function readAccessLogSettings(db: Db, actor: Actor, facilityId: string) {
  const facility = await facilityFor(db, actor, facilityId, 'accessLog.read');
  return { ...accessLogSettingsOf(facility), version: facility.version };
}

export async function updateAccessLogSettings(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  input: z.infer<typeof UpdateAccessLogSettingsRequest>,
) {
  const before = await facilityFor(db, actor, facilityId, 'accessLog.manage');
  const { version, ...settings } = input;
  const row = await inTransaction(db, (tx) =>
    updateAudited(
      tx,
      context,
      facilities,
      before,
      version,
      { accessLogSettings: settings },
      {
        action: 'facility.accessLogSettings',
        entityType: 'facility',
        scope: facilityScope(before),
        fields: [],
        extra: diff({ settings: accessLogSettingsOf(before) }, { settings }, ['settings']),
      },
    ),
  );
  return { ...accessLogSettingsOf(row), version: row.version };
}
