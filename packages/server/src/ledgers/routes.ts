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
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { accountLedger, assetLedger, type LedgerDefinition } from './definitions.js';
import { createRecord, deleteRecord, listRecords, readRecord, recordHistory, updateRecord } from './service.js';

const FacilityParams = z.object({ facilityId: Id });
const RecordParams = z.object({ id: Id });

/** The HTTP face of one ledger: its path segment and schemas. */
interface LedgerRoutesSpec {
  definition: LedgerDefinition;
  collection: 'assets' | 'accounts';
  view: typeof AssetView | typeof AccountView;
  page: typeof AssetPage | typeof AccountPage;
  create: typeof CreateAssetRequest | typeof CreateAccountRequest;
  update: typeof UpdateAssetRequest | typeof UpdateAccountRequest;
}

const specs: LedgerRoutesSpec[] = [
  { definition: assetLedger, collection: 'assets', view: AssetView, page: AssetPage, create: CreateAssetRequest, update: UpdateAssetRequest },
  { definition: accountLedger, collection: 'accounts', view: AccountView, page: AccountPage, create: CreateAccountRequest, update: UpdateAccountRequest },
];

export const ledgerRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  for (const spec of specs) {
    const { definition, collection } = spec;

    app.get(
      `/facilities/:facilityId/${collection}`,
      { schema: { params: FacilityParams, querystring: LedgerListQuery, response: { 200: spec.page } } },
      async (request) => (await listRecords(db, requireAuth(request).actor, definition, request.params.facilityId, request.query)) as never,
    );

    app.post(
      `/facilities/:facilityId/${collection}`,
      { schema: { params: FacilityParams, body: spec.create, response: { 200: spec.view } } },
      async (request) =>
        (await createRecord(
          db,
          requireAuth(request).actor,
          auditContext(request),
          definition,
          request.params.facilityId,
          request.body as Record<string, unknown>,
        )) as never,
    );

    app.get(
      `/${collection}/:id`,
      { schema: { params: RecordParams, response: { 200: spec.view } } },
      async (request) => (await readRecord(db, requireAuth(request).actor, definition, request.params.id)) as never,
    );

    app.patch(
      `/${collection}/:id`,
      { schema: { params: RecordParams, body: spec.update, response: { 200: spec.view } } },
      async (request) =>
        (await updateRecord(
          db,
          requireAuth(request).actor,
          auditContext(request),
          definition,
          request.params.id,
          request.body as Record<string, unknown> & { version: number },
        )) as never,
    );

    app.delete(
      `/${collection}/:id`,
      { schema: { params: RecordParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }) } },
      async (request, reply) => {
        await deleteRecord(db, requireAuth(request).actor, auditContext(request), definition, request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.get(`/${collection}/:id/history`, { schema: { params: RecordParams, response: { 200: z.array(RecordHistoryEntry) } } }, async (request) =>
      recordHistory(db, requireAuth(request).actor, definition, request.params.id),
    );
  }
};
