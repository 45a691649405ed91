import { overseenFacilities } from '@mamori/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, request } from '../api/client';
import type { QueryOf, ResponseOf } from '../api/types';
import { useActor } from '../auth/actor';

export type OversightDashboard = ResponseOf<'/oversight'>;
export type OversightFacility = OversightDashboard['facilities'][number];
export type OversightFilter = 'all' | OversightFacility['progress'] | 'overdue' | 'vendors-not-answering';

/** What the page asks for, as it stands in the address bar (so going back from a facility keeps it). */
export type OversightParams = Omit<QueryOf<'/oversight'>, 'pageSize' | 'filter' | 'page'> & { filter: OversightFilter; page: number };

export const PAGE_SIZE = 50;

export function useOversight(params: OversightParams) {
  return useQuery({
    queryKey: ['oversight', params],
    queryFn: () => request(client.GET('/oversight', { params: { query: { ...params, pageSize: PAGE_SIZE } } })),
    // The table keeps its rows while the next filter loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export type OversightExportFormat = 'xlsx' | 'csv' | 'csv-sjis';

export function oversightExportUrl(params: OversightParams, format: OversightExportFormat, language: string): string {
  const { page: _page, ...filters } = params;
  const query = new URLSearchParams({ format, locale: language === 'en' ? 'en' : 'ja' });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(key, String(value));
  return `/api/v1/oversight/export?${query.toString()}`;
}

/** Whether the signed-in person oversees any facility: a corporation's administrator, a granted inspector, a system administrator. */
export function useOversees(): boolean {
  const actor = useActor();
  if (!actor) return false;
  const scope = overseenFacilities(actor);
  return scope === null || scope.organizationIds.length > 0 || scope.facilityIds.length > 0;
}
