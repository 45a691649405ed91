import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type { AccessLogFormat } from '@mamori/domain';
import { client, multipart, request } from '../api/client';
import type { BodyOf, QueryOf, ResponseOf } from '../api/types';
import { ledgerKeys } from '../ledgers/api';
import { periodInstants, type Period } from './period';

export type LogSource = ResponseOf<'/facilities/{facilityId}/log-sources'>[number];
export type LogSourceWithToken = ResponseOf<'/facilities/{facilityId}/log-sources', 'post'>;
export type NewLogSource = BodyOf<'/facilities/{facilityId}/log-sources', 'post'>;
export type LogSourceChanges = BodyOf<'/log-sources/{sourceId}', 'patch'>;
export type LogEvent = ResponseOf<'/log-sources/{sourceId}/events'>['events'][number];
export type LogAlert = ResponseOf<'/facilities/{facilityId}/access-log-alerts'>[number];
export type LogReview = ResponseOf<'/log-sources/{sourceId}/reviews'>[number];
export type LogChainCheck = ResponseOf<'/facilities/{facilityId}/access-log-integrity'>[number];
export type AccessLogSettings = ResponseOf<'/facilities/{facilityId}/access-log-settings'>;
export type EventQuery = Omit<QueryOf<'/log-sources/{sourceId}/events'>, 'from' | 'to' | 'after' | 'limit'>;

/** Everything of one facility's access logs shares a prefix, so one invalidation refreshes the lot. */
const accessLogKeys = {
  facility: (facilityId: string) => ['accessLogs', facilityId] as const,
  sources: (facilityId: string) => ['accessLogs', facilityId, 'sources'] as const,
  alerts: (facilityId: string, sourceId: string | null) => ['accessLogs', facilityId, 'alerts', sourceId ?? 'all'] as const,
  integrity: (facilityId: string) => ['accessLogs', facilityId, 'integrity'] as const,
  settings: (facilityId: string) => ['accessLogs', facilityId, 'settings'] as const,
  timeline: (facilityId: string, sourceId: string, period: Period) => ['accessLogs', facilityId, 'timeline', sourceId, period.from, period.to] as const,
  events: (facilityId: string, sourceId: string, period: Period, filters: EventQuery) =>
    ['accessLogs', facilityId, 'events', sourceId, period.from, period.to, filters] as const,
  reviews: (facilityId: string, sourceId: string) => ['accessLogs', facilityId, 'reviews', sourceId] as const,
};

/** After a write: the access log data and the checklist suggestion for 2(6) (findings live under the ledger keys). */
export async function invalidateAccessLogs(queryClient: QueryClient, facilityId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: accessLogKeys.facility(facilityId) }),
    queryClient.invalidateQueries({ queryKey: [...ledgerKeys.facility(facilityId), 'findings'] }),
  ]);
}

export function useLogSources(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: accessLogKeys.sources(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/log-sources', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function createLogSource(facilityId: string, body: NewLogSource) {
  return request(client.POST('/facilities/{facilityId}/log-sources', { params: { path: { facilityId } }, body }));
}

export function updateLogSource(sourceId: string, body: LogSourceChanges) {
  return request(client.PATCH('/log-sources/{sourceId}', { params: { path: { sourceId } }, body }));
}

export function reissueLogToken(sourceId: string, version: number) {
  return request(client.POST('/log-sources/{sourceId}/token', { params: { path: { sourceId } }, body: { version } }));
}

/** The format goes first: the server reads the fields before the file. */
export function uploadLogFile(sourceId: string, file: File, format: AccessLogFormat | null) {
  const body = new FormData();
  if (format) body.append('format', format);
  body.append('file', file, file.name);
  return request(client.POST('/log-sources/{sourceId}/uploads', { params: { path: { sourceId } }, ...multipart(body) }));
}

export function useLogAlerts(facilityId: string, sourceId: string | null, enabled = true) {
  return useQuery({
    queryKey: accessLogKeys.alerts(facilityId, sourceId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/access-log-alerts', { params: { path: { facilityId }, query: sourceId ? { sourceId } : {} } })),
    enabled: !!facilityId && enabled,
  });
}

export function useLogIntegrity(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: accessLogKeys.integrity(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/access-log-integrity', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function useAccessLogSettings(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: accessLogKeys.settings(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/access-log-settings', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function saveAccessLogSettings(facilityId: string, body: BodyOf<'/facilities/{facilityId}/access-log-settings', 'put'>) {
  return request(client.PUT('/facilities/{facilityId}/access-log-settings', { params: { path: { facilityId } }, body }));
}

export function useTimeline(facilityId: string, sourceId: string, period: Period) {
  return useQuery({
    queryKey: accessLogKeys.timeline(facilityId, sourceId, period),
    queryFn: () => request(client.GET('/log-sources/{sourceId}/timeline', { params: { path: { sourceId }, query: periodInstants(period) } })),
    enabled: !!sourceId,
  });
}

const pageSize = 100;

/**
 * The events of the period that match the filters, newest first, a page at a time ("さらに表示" asks for the next).
 * Each new search (not each page) is recorded in the audit trail by the server, so results stay cached a while.
 */
export function useLogEvents(facilityId: string, sourceId: string, period: Period, filters: EventQuery) {
  return useInfiniteQuery({
    queryKey: accessLogKeys.events(facilityId, sourceId, period, filters),
    queryFn: ({ pageParam }) =>
      request(
        client.GET('/log-sources/{sourceId}/events', {
          params: { path: { sourceId }, query: { ...filters, ...periodInstants(period), limit: pageSize, ...(pageParam ? { after: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: !!sourceId,
    staleTime: 60_000,
  });
}

export function useLogReviews(facilityId: string, sourceId: string) {
  return useQuery({
    queryKey: accessLogKeys.reviews(facilityId, sourceId),
    queryFn: () => request(client.GET('/log-sources/{sourceId}/reviews', { params: { path: { sourceId } } })),
    enabled: !!sourceId,
  });
}

export function signOffPeriod(sourceId: string, body: { periodFrom: string; periodTo: string; note: string }) {
  return request(client.POST('/log-sources/{sourceId}/reviews', { params: { path: { sourceId } }, body }));
}
