import {
  fiscalYearOf,
  overseenFacilities,
  todayInTokyo,
  type Actor,
  type Catalog,
  type OversightDashboard,
  type OversightExportQuery,
  type OversightFilter,
  type OversightQuery,
  type OversightTotals,
} from '@mamori/domain';
import type { Db } from '../db/connect.js';
import { forbidden } from '../http/errors.js';
import { presentOversightRow } from './presenter.js';
import { oversightRows, oversightTotals, type OverseenScope } from './queries.js';
import { refreshSummaries } from './refresh.js';

const matchingOf: Record<OversightFilter, keyof OversightTotals> = {
  all: 'facilities',
  'not-started': 'notStarted',
  'in-progress': 'inProgress',
  ready: 'ready',
  overdue: 'overdue',
  'vendors-not-answering': 'vendorsNotAnswering',
};

/** Who may see a dashboard, and of which facilities; someone who oversees nothing is told so (403), not shown zeros. */
function scopeOf(actor: Actor): OverseenScope {
  const scope = overseenFacilities(actor);
  if (scope && scope.organizationIds.length === 0 && scope.facilityIds.length === 0) throw forbidden();
  return scope;
}

/**
 * Catches up with the latest changes before counting, so a corporation sees the answer it just saved. A refresh
 * already running elsewhere is not waited for: the summaries are shown as they stand, with their time.
 */
async function catchUp(db: Db, catalog: Catalog, asOf: string) {
  await refreshSummaries(db, catalog, { asOf, steps: 1, inline: true });
}

export async function oversightDashboard(db: Db, catalog: Catalog, actor: Actor, query: OversightQuery): Promise<OversightDashboard> {
  const scope = scopeOf(actor);
  const asOf = todayInTokyo();
  const fiscalYear = query.fiscalYear ?? fiscalYearOf(asOf);
  await catchUp(db, catalog, asOf);
  const [totals, rows] = await Promise.all([
    oversightTotals(db, scope, query, fiscalYear, asOf),
    oversightRows(db, scope, query, fiscalYear, asOf, { page: query.page, pageSize: query.pageSize }),
  ]);
  return {
    fiscalYear,
    asOf,
    totals,
    matching: totals[matchingOf[query.filter]],
    page: query.page,
    pageSize: query.pageSize,
    facilities: rows.map((row) => presentOversightRow(row, asOf)),
  };
}

/** Every facility the filters keep, for the spreadsheet. */
export async function oversightExportRows(db: Db, catalog: Catalog, actor: Actor, query: OversightExportQuery) {
  const scope = scopeOf(actor);
  const asOf = todayInTokyo();
  const fiscalYear = query.fiscalYear ?? fiscalYearOf(asOf);
  await catchUp(db, catalog, asOf);
  const rows = await oversightRows(db, scope, query, fiscalYear, asOf, null);
  return { fiscalYear, asOf, facilities: rows.map((row) => presentOversightRow(row, asOf)) };
}
