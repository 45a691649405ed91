import type { Actor, LogChainCheck } from '@mamori/domain';
import type { Db } from '../db/connect.js';
import { facilityFor } from '../tenancy/scope.js';
import { verifyLogChains } from './verify.js';

/** The chain check of a facility's sources, for the access log page (the CLI checks every facility). */
export async function checkFacilityChains(db: Db, actor: Actor, facilityId: string): Promise<LogChainCheck[]> {
  await facilityFor(db, actor, facilityId, 'accessLog.read');
  return verifyLogChains(db, facilityId);
}
