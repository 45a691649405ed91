import { useQuery } from '@tanstack/react-query';
import type { FindingReasonCode, FindingView, FindingsView, LedgerKind } from '@mamori/domain';
import { client, request } from '../api/client';
import { ledgerKeys } from '../ledgers/api';

export type { FindingView, FindingsView };

/** What the ledgers suggest for the facility's checklist of a fiscal year. */
export function useFindings(facilityId: string, fiscalYear: number, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.findings(facilityId, fiscalYear),
    queryFn: () => request(client.GET('/facilities/{facilityId}/findings', { params: { path: { facilityId }, query: { fiscalYear } } })),
    enabled: !!facilityId && enabled,
    // Suggestions are extra help: a failure must not disturb the screen they sit on.
    retry: false,
  });
}

export interface AcceptFindingInput {
  itemId: string;
  /** Required for a いいえ: every いいえ needs a target date within the fiscal year. */
  targetDate: string | null;
  /** Saved (non-draft) rounds of the item as this screen saw them; the server answers 409 when they changed. */
  expectedRounds: number;
}

export function acceptFinding(assessmentId: string, body: AcceptFindingInput) {
  return request(client.POST('/assessments/{assessmentId}/accept-finding', { params: { path: { assessmentId } }, body }));
}

/** Findings by the checklist item they answer. */
export function findingsByItem(view: FindingsView | undefined): Map<string, FindingView[]> {
  const map = new Map<string, FindingView[]>();
  for (const finding of view?.findings ?? []) {
    for (const itemId of finding.itemIds) map.set(itemId, [...(map.get(itemId) ?? []), finding]);
  }
  return map;
}

/** The records of one ledger that some finding lists as needing attention, with why. */
export function flaggedRecords(view: FindingsView | undefined, ledger: LedgerKind, topic?: FindingView['topic']): Map<string, FindingReasonCode[]> {
  const map = new Map<string, FindingReasonCode[]>();
  for (const finding of view?.findings ?? []) {
    if (finding.suggestion !== 'no' || (topic && finding.topic !== topic)) continue;
    for (const record of finding.records) {
      if (record.ledger !== ledger || record.reasons.length === 0) continue;
      const codes = new Set([...(map.get(record.id) ?? []), ...record.reasons]);
      map.set(record.id, [...codes]);
    }
  }
  return map;
}
