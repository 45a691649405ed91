import {
  AccountPage,
  AccountView,
  AssetPage,
  AssetView,
  CreateAccountRequest,
  CreateAssetRequest,
  Id,
  LedgerListQuery,
  RecordHistoryEntry,
  UpdateAccountRequest,
  UpdateAssetRequest,
  Version,
} from '@mamori/domain';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { accounts, assets, auditEvents, users } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { facilityFor } from '../tenancy/scope.js';
import { accountLedger, assetLedger, ledgerTable, type LedgerDefinition } from './definitions.js';
import { recordFor } from './access.js';
import { createRecord, deleteRecord, updateRecord } from './service.js';

const FacilityParams = z.object({ facilityId: Id });
const RecordParams = z.object({ id: Id });

/** The HTTP face of one ledger: its path segments, schemas and the columns a search looks in. */
interface LedgerRoutesSpec {
  definition: LedgerDefinition;
  collection: 'assets' | 'accounts';
  view: typeof AssetView | typeof AccountView;
  page: typeof AssetPage | typeof AccountPage;
  create: typeof CreateAssetRequest | typeof CreateAccountRequest;
  update: typeof UpdateAssetRequest | typeof UpdateAccountRequest;
  searchColumns: readonly PgColumn[];
  order: PgColumn;
}

const specs: LedgerRoutesSpec[] = [
  {
    definition: assetLedger, collection: 'assets', view: AssetView, page: AssetPage, create: CreateAssetRequest, update: UpdateAssetRequest,
    searchColumns: [assets.managementNumber, assets.computerName, assets.ipAddress, assets.os, assets.software, assets.location, assets.users, assets.vendor],
    order: assets.managementNumber,
  },
  {
    definition: accountLedger, collection: 'accounts', view: AccountView, page: AccountPage, create: CreateAccountRequest, update: UpdateAccountRequest,
    searchColumns: [accounts.loginId, accounts.familyName, accounts.givenName, accounts.department, accounts.system, accounts.role],
    order: accounts.loginId,
  },
];

/** `%` and `_` typed in a search box are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const ledgerRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  for (const spec of specs) {
    const { definition, collection } = spec;
    const table = ledgerTable(definition);

    app.get(
      `/facilities/:facilityId/${collection}`,
      { schema: { params: FacilityParams, querystring: LedgerListQuery, response: { 200: spec.page } } },
      async (request) => {
        await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.read');
        const { q, page, pageSize } = request.query;
        const filters: SQL[] = [eq(table.facilityId, request.params.facilityId)];
        if (q?.trim()) filters.push(or(...spec.searchColumns.map((column) => ilike(column, likePattern(q.trim()))))!);
        const where = and(...filters);
        const [total] = await db.select({ n: count() }).from(table).where(where);
        const rows = await db.select().from(table).where(where).orderBy(asc(spec.order), asc(table.id)).limit(pageSize).offset((page - 1) * pageSize);
        return { total: total!.n, items: rows.map(definition.present) } as never;
      },
    );

    app.post(`/facilities/:facilityId/${collection}`, { schema: { params: FacilityParams, body: spec.create, response: { 200: spec.view } } }, async (request) => {
      const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.edit');
      const row = await db.transaction((tx) => createRecord(tx, auditContext(request), definition, facility, request.body as Record<string, unknown>));
      return definition.present(row) as never;
    });

    app.get(`/${collection}/:id`, { schema: { params: RecordParams, response: { 200: spec.view } } }, async (request) => {
      const { row } = await recordFor(db, requireAuth(request).actor, definition, request.params.id, 'ledger.read');
      return definition.present(row) as never;
    });

    app.patch(`/${collection}/:id`, { schema: { params: RecordParams, body: spec.update, response: { 200: spec.view } } }, async (request) => {
      const { row } = await recordFor(db, requireAuth(request).actor, definition, request.params.id, 'ledger.edit');
      const updated = await db.transaction((tx) => updateRecord(tx, auditContext(request), definition, row, request.body as Record<string, unknown> & { version: number }));
      return definition.present(updated) as never;
    });

    app.delete(`/${collection}/:id`, { schema: { params: RecordParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }) } }, async (request, reply) => {
      const { row } = await recordFor(db, requireAuth(request).actor, definition, request.params.id, 'ledger.edit');
      await db.transaction((tx) => deleteRecord(tx, auditContext(request), definition, row, request.query.version));
      return reply.code(204).send();
    });

    app.get(`/${collection}/:id/history`, { schema: { params: RecordParams, response: { 200: z.array(RecordHistoryEntry) } } }, async (request) => {
      const { row } = await recordFor(db, requireAuth(request).actor, definition, request.params.id, 'ledger.read');
      const events = await db
        .select({ event: auditEvents, actorName: users.name })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.entityType, definition.entityType)))
        .orderBy(asc(auditEvents.sequence));
      return events.map(({ event, actorName }) => ({ occurredAt: event.occurredAt.toISOString(), action: event.action, actorName, changes: event.changes }));
    });
  }
};
