import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AccountView,
  AssetView,
  EndOfLifeView as EndOfLifeViewSchema,
  FindingSettingsView as FindingSettingsSchema,
  HeaderMapping,
  LedgerKind,
  LedgerReviewView,
} from '@mamori/domain';
import { client, multipart, request } from '../api/client';
import type { BodyOf } from '../api/types';

// The domain exports zod schemas; `_output` gives their parsed type without the web package depending on zod.
type Out<T extends { _output: unknown }> = T['_output'];

export type { AccountView, HeaderMapping, LedgerKind, LedgerReviewView };
export type LedgerRecord = AssetView | AccountView;
export type FindingSettings = Out<typeof FindingSettingsSchema>;
export type EndOfLifeEntry = Out<typeof EndOfLifeViewSchema>;
export type ReviewDecision = 'keep' | 'disable' | 'delete';

/** Everything under one facility's ledgers shares a prefix, so one invalidation refreshes findings too. */
export const ledgerKeys = {
  facility: (facilityId: string) => ['ledgers', facilityId] as const,
  list: (facilityId: string, ledger: LedgerKind, q: string, page: number, pageSize: number) =>
    ['ledgers', facilityId, ledger, 'list', q, page, pageSize] as const,
  all: (facilityId: string, ledger: LedgerKind) => ['ledgers', facilityId, ledger, 'all'] as const,
  record: (facilityId: string, ledger: LedgerKind, id: string) => ['ledgers', facilityId, ledger, 'record', id] as const,
  history: (facilityId: string, ledger: LedgerKind, id: string) => ['ledgers', facilityId, ledger, 'history', id] as const,
  findings: (facilityId: string, fiscalYear: number) => ['ledgers', facilityId, 'findings', fiscalYear] as const,
  reviews: (facilityId: string) => ['ledgers', facilityId, 'reviews'] as const,
  settings: (facilityId: string) => ['ledgers', facilityId, 'settings'] as const,
  endOfLife: (facilityId: string) => ['ledgers', facilityId, 'end-of-life'] as const,
};

export function useLedgerList(facilityId: string, ledger: LedgerKind, q: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.list(facilityId, ledger, q, page, pageSize),
    queryFn: () => request(client.GET(`/facilities/{facilityId}/${ledger}`, { params: { path: { facilityId }, query: { q, page, pageSize } } })),
    placeholderData: keepPreviousData,
    enabled: !!facilityId && enabled,
  });
}

const allPageSize = 500;
/** Safety stop: 100 pages of 500 is more than any clinic or hospital ledger. */
const maxPages = 100;

/** Every record of a ledger, page by page (the review and the 要対応 filter need them all). */
async function fetchAllRecords(facilityId: string, ledger: LedgerKind): Promise<LedgerRecord[]> {
  const items: LedgerRecord[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const result = await request(
      client.GET(`/facilities/{facilityId}/${ledger}`, { params: { path: { facilityId }, query: { page, pageSize: allPageSize } } }),
    );
    items.push(...result.items);
    if (result.items.length < allPageSize || items.length >= result.total) break;
  }
  return items;
}

export function useAllRecords(facilityId: string, ledger: LedgerKind, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.all(facilityId, ledger),
    queryFn: () => fetchAllRecords(facilityId, ledger),
    enabled: !!facilityId && enabled,
  });
}

/** One record by id, for links like `?open=<id>` whose record is not on the page shown. */
export function useRecord(facilityId: string, ledger: LedgerKind, id: string | null, known: LedgerRecord | undefined) {
  return useQuery({
    queryKey: ledgerKeys.record(facilityId, ledger, id ?? ''),
    queryFn: () => request(client.GET(`/${ledger}/{id}`, { params: { path: { id: id! } } })),
    enabled: !!facilityId && !!id && !known,
  });
}

/** A new record as the form has it: fields by name (`fields.ts`), which the server checks against the ledger's schema. */
type NewRecord = BodyOf<'/facilities/{facilityId}/assets', 'post'> | BodyOf<'/facilities/{facilityId}/accounts', 'post'>;

export function createRecord(facilityId: string, ledger: LedgerKind, body: Record<string, unknown>) {
  return request(client.POST(`/facilities/{facilityId}/${ledger}`, { params: { path: { facilityId } }, body: body as NewRecord }));
}

export function updateRecord(ledger: LedgerKind, id: string, body: Record<string, unknown> & { version: number }) {
  return request(client.PATCH(`/${ledger}/{id}`, { params: { path: { id } }, body }));
}

export function deleteRecord(ledger: LedgerKind, id: string, version: number) {
  return request(client.DELETE(`/${ledger}/{id}`, { params: { path: { id }, query: { version } } }));
}

export function useRecordHistory(facilityId: string, ledger: LedgerKind, id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ledgerKeys.history(facilityId, ledger, id ?? ''),
    queryFn: () => request(client.GET(`/${ledger}/{id}/history`, { params: { path: { id: id! } } })),
    enabled: !!id && enabled,
  });
}

export type ExportFormat = 'xlsx' | 'csv' | 'csv-sjis';

export function exportUrl(facilityId: string, ledger: LedgerKind, format: ExportFormat, locale: string) {
  const params = new URLSearchParams({ format, locale: locale === 'en' ? 'en' : 'ja' });
  return `/api/v1/facilities/${facilityId}/ledgers/${ledger}/export?${params.toString()}`;
}

/** Preview (commit=false) or write (commit=true). The file goes last: the server reads the fields before it. */
export function importLedger(facilityId: string, ledger: LedgerKind, file: File, mapping: HeaderMapping | null, commit: boolean) {
  const body = new FormData();
  if (mapping && Object.keys(mapping).length > 0) body.append('mapping', JSON.stringify(mapping));
  body.append('commit', commit ? 'true' : 'false');
  body.append('file', file, file.name);
  return request(client.POST('/facilities/{facilityId}/ledgers/{ledger}/import', { params: { path: { facilityId, ledger } }, ...multipart(body) }));
}

export function useLedgerReviews(facilityId: string) {
  return useQuery({
    queryKey: ledgerKeys.reviews(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/ledger-reviews', { params: { path: { facilityId } } })),
    enabled: !!facilityId,
  });
}

export function submitAccountReview(facilityId: string, body: { decisions: { accountId: string; decision: ReviewDecision; reason: string }[]; note: string }) {
  return request(client.POST('/facilities/{facilityId}/account-reviews', { params: { path: { facilityId } }, body }));
}

export function submitAssetReview(facilityId: string, note: string) {
  return request(client.POST('/facilities/{facilityId}/asset-reviews', { params: { path: { facilityId } }, body: { note } }));
}

export function useFindingSettings(facilityId: string) {
  return useQuery({
    queryKey: ledgerKeys.settings(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/finding-settings', { params: { path: { facilityId } } })),
    enabled: !!facilityId,
  });
}

export function saveFindingSettings(facilityId: string, body: FindingSettings) {
  return request(client.PUT('/facilities/{facilityId}/finding-settings', { params: { path: { facilityId } }, body }));
}

export function useEndOfLife(facilityId: string) {
  return useQuery({
    queryKey: ledgerKeys.endOfLife(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/end-of-life', { params: { path: { facilityId } } })),
    enabled: !!facilityId,
  });
}

export function createEndOfLife(facilityId: string, body: { product: string; match: string[]; endOfLifeOn: string }) {
  return request(client.POST('/facilities/{facilityId}/end-of-life', { params: { path: { facilityId } }, body }));
}

export function deleteEndOfLife(entryId: string) {
  return request(client.DELETE('/end-of-life/{entryId}', { params: { path: { entryId } } }));
}
