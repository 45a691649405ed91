import type { Actor, Catalog, FindingsView, FindingThresholds, UpdateFindingSettingsRequest } from '@mamori/domain';
import type { z } from 'zod';
import { diff, type AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { facilities } from '../db/schema.js';
import { facilityFor } from '../tenancy/scope.js';
import { facilityScope, inTransaction, updateAudited } from '../writes/audited.js';
import { thresholdsOf } from './facts.js';
import { findingsView } from './present.js';

/** The ledgers' suggestions for a facility, and the thresholds they are computed with. */

type Settings = FindingThresholds & { version: number };

export async function facilityFindingsView(db: Db, catalog: Catalog, actor: Actor, facilityId: string, fiscalYear?: number): Promise<FindingsView> {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.read');
  return findingsView(db, catalog, facility, fiscalYear);
}

export async function findingSettings(db: Db, actor: Actor, facilityId: string): Promise<Settings> {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.read');
  return { ...thresholdsOf(facility), version: facility.version };
}

export async function updateFindingSettings(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  input: z.infer<typeof UpdateFindingSettingsRequest>,
): Promise<Settings> {
  const before = await facilityFor(db, actor, facilityId, 'ledger.review');
  const { version, ...thresholds } = input;
  const row = await inTransaction(db, (tx) =>
    updateAudited(
      tx,
      context,
      facilities,
      before,
      version,
      { findingThresholds: thresholds },
      {
        action: 'facility.findingThresholds',
        entityType: 'facility',
        scope: facilityScope(before),
        fields: [],
        extra: diff({ thresholds: thresholdsOf(before) }, { thresholds }, ['thresholds']),
      },
    ),
  );
  return { ...thresholdsOf(row), version: row.version };
}
