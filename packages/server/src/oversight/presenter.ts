import { overdueCount, type FacilityKind, type OversightFacility } from '@mamori/domain';
import type { OversightRow } from './queries.js';

export function presentOversightRow({ facility, summary }: OversightRow, asOf: string): OversightFacility {
  return {
    facilityId: facility.id,
    organizationId: facility.organizationId,
    name: facility.name,
    kind: facility.kind as FacilityKind,
    prefecture: facility.prefecture,
    healthCenter: facility.healthCenter,
    progress: summary === null ? 'not-started' : summary.ready ? 'ready' : 'in-progress',
    assessmentId: summary?.assessmentId ?? null,
    requiredItems: summary?.requiredItems ?? 0,
    answeredItems: summary?.answeredItems ?? 0,
    blockingProblems: summary?.blockingProblems ?? 0,
    overdueItems: summary ? overdueCount(summary.openTargets, asOf) : 0,
    nextTargetDate: summary?.nextTargetDate ?? null,
    vendorFormsExpected: summary?.vendorFormsExpected ?? 0,
    vendorsNotAnswering: summary?.vendorsNotAnswering ?? [],
    summarizedAt: summary?.summarizedAt.toISOString() ?? null,
  };
}
