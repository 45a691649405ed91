import { facilityKinds, fiscalYearOf, oversightFilters, prefectureCodes, todayInTokyo } from '@mamori/domain';
import { useSearchParams } from 'react-router';
import type { OversightFacility, OversightFilter, OversightParams } from './api';

const isFilter = (value: string | null): value is OversightFilter => oversightFilters.includes(value as OversightFilter);
const isKind = (value: string | null): value is OversightFacility['kind'] => facilityKinds.includes(value as OversightFacility['kind']);

/** The page's filters live in the address bar: a link to a filtered list can be shared, and Back returns to it. */
export function useOversightParams(): [OversightParams, (change: Partial<OversightParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('fiscalYear'));
  const prefecture = search.get('prefecture');
  const kind = search.get('kind');
  const filter = search.get('filter');
  const params: OversightParams = {
    fiscalYear: Number.isInteger(year) && year >= 2023 ? year : fiscalYearOf(todayInTokyo()),
    filter: isFilter(filter) ? filter : 'all',
    kind: isKind(kind) ? kind : undefined,
    prefecture: prefecture && prefectureCodes.includes(prefecture) ? (prefecture as OversightParams['prefecture']) : undefined,
    healthCenter: search.get('healthCenter') || undefined,
    q: search.get('q') || undefined,
    organizationId: search.get('organizationId') || undefined,
    page: Math.max(1, Number(search.get('page')) || 1),
  };
  const update = (change: Partial<OversightParams>) => {
    // Any change of filter starts again at the first page.
    const next: OversightParams = { ...params, page: 1, ...change };
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '' || (key === 'filter' && value === 'all') || (key === 'page' && value === 1)) continue;
      query.set(key, String(value));
    }
    setSearch(query, { replace: true });
  };
  return [params, update];
}
