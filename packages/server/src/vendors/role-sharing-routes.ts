import { Id, Locale, RoleSharingView, SaveRoleSharingRequest, VendorFormVersionRequest, roleSharingAreaIds, type RoleSharingRow, type RoleSharingStatus, type VendorSide } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import type { Db } from '../db/connect.js';
import { roleSharingTables, users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { contentDisposition } from '../http/content-disposition.js';
import { AppError, versionConflict } from '../http/errors.js';
import { contractFor, type ContractRow } from './access.js';
import { contractNames } from './requests-service.js';

type TableRow = typeof roleSharingTables.$inferSelect;
const ContractParams = z.object({ contractId: Id });
const ExportQuery = z.object({ locale: Locale.default('ja') });

async function userName(db: Db, id: string | null) {
  if (!id) return null;
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return user?.name ?? null;
}

async function present(db: Db, contract: ContractRow, row: TableRow | undefined): Promise<RoleSharingView> {
  if (!row) return { contractId: contract.id, status: 'draft', rows: roleSharingAreaIds.map((area) => ({ area, responsible: null, action: '', notes: '' })), proposed: null, confirmed: null, version: null };
  return {
    contractId: contract.id,
    status: row.status as RoleSharingStatus,
    rows: row.rows,
    proposed: row.proposedAt ? { side: row.proposedSide as VendorSide, by: await userName(db, row.proposedBy), at: row.proposedAt.toISOString() } : null,
    confirmed: row.confirmedAt ? { by: await userName(db, row.confirmedBy), at: row.confirmedAt.toISOString() } : null,
    version: row.version,
  };
}

/** Every area once, in the catalog's order; unknown or repeated areas are named in the error. */
function normalizedRows(rows: RoleSharingRow[]): RoleSharingRow[] {
  const byArea = new Map<string, RoleSharingRow>();
  rows.forEach((row, index) => {
    if (!roleSharingAreaIds.includes(row.area)) throw new AppError(400, 'validation_error', {}, [{ path: `body.rows.${index}.area`, code: 'role_sharing_area_unknown', params: { area: row.area } }]);
    if (byArea.has(row.area)) throw new AppError(400, 'validation_error', {}, [{ path: `body.rows.${index}.area`, code: 'role_sharing_area_twice', params: { area: row.area } }]);
    byArea.set(row.area, row);
  });
  return roleSharingAreaIds.map((area) => byArea.get(area) ?? { area, responsible: null, action: '', notes: '' });
}

async function current(db: Db, contractId: string) {
  const [row] = await db.select().from(roleSharingTables).where(eq(roleSharingTables.contractId, contractId));
  return row;
}

export const roleSharingRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/contracts/:contractId/role-sharing', { schema: { params: ContractParams, response: { 200: RoleSharingView } } }, async (request) => {
    const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'contract.read');
    return present(db, contract, await current(db, contract.id));
  });

  /** Either side proposes; saving again after a confirmation makes it a proposal again. */
  app.put(
    '/contracts/:contractId/role-sharing',
    { schema: { params: ContractParams, body: SaveRoleSharingRequest, response: { 200: RoleSharingView } } },
    async (request) => {
      const { contract, side } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'roleSharing.propose');
      const rows = normalizedRows(request.body.rows);
      const { version } = request.body;
      const saved = await db.transaction(async (tx) => {
        const before = await current(tx, contract.id);
        const values = { status: 'proposed', rows, proposedSide: side, proposedBy: auditContext(request).actorId, proposedAt: new Date(), confirmedBy: null, confirmedAt: null, updatedAt: new Date() };
        let row: TableRow | undefined;
        if (version === null) {
          if (before) throw versionConflict();
          [row] = await tx.insert(roleSharingTables).values({ contractId: contract.id, organizationId: contract.organizationId, facilityId: contract.facilityId, ...values }).onConflictDoNothing().returning();
        } else {
          [row] = await tx
            .update(roleSharingTables)
            .set({ ...values, version: version + 1 })
            .where(and(eq(roleSharingTables.contractId, contract.id), eq(roleSharingTables.version, version)))
            .returning();
        }
        if (!row) throw versionConflict();
        await recordAudit(tx, auditContext(request), {
          action: 'role_sharing.propose',
          entityType: 'role_sharing_table',
          entityId: contract.id,
          organizationId: contract.organizationId,
          facilityId: contract.facilityId,
          changes: { side: { before: before?.proposedSide ?? null, after: side }, rows: { before: before?.rows ?? null, after: rows } },
        });
        return row;
      });
      return present(db, contract, saved);
    },
  );

  app.post(
    '/contracts/:contractId/role-sharing/confirm',
    { schema: { params: ContractParams, body: VendorFormVersionRequest, response: { 200: RoleSharingView } } },
    async (request) => {
      const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'roleSharing.confirm');
      const saved = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(roleSharingTables)
          .set({ status: 'confirmed', confirmedBy: auditContext(request).actorId, confirmedAt: new Date(), version: request.body.version + 1, updatedAt: new Date() })
          .where(and(eq(roleSharingTables.contractId, contract.id), eq(roleSharingTables.version, request.body.version)))
          .returning();
        if (!row) throw versionConflict();
        await recordAudit(tx, auditContext(request), {
          action: 'role_sharing.confirm',
          entityType: 'role_sharing_table',
          entityId: contract.id,
          organizationId: contract.organizationId,
          facilityId: contract.facilityId,
          changes: { status: { before: 'proposed', after: 'confirmed' } },
        });
        return row;
      });
      return present(db, contract, saved);
    },
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(`/contracts/:contractId/role-sharing.${format}`, { schema: { params: ContractParams, querystring: ExportQuery } }, async (request, reply) => {
      const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'contract.read');
      const names = await contractNames(db, contract);
      const document = { ...names, systems: contract.systems, view: await present(db, contract, await current(db, contract.id)), printedAt: new Date() };
      const { locale } = request.query;
      const body = await deps.workers.run(format === 'pdf' ? 'renderRoleSharingPdf' : 'renderRoleSharingXlsx', document, locale);
      const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .header('content-type', type)
        .header('content-disposition', contentDisposition(`${names.facilityName}_${names.vendorName}_役割分担表.${format}`, `role-sharing.${format}`))
        .send(body);
    });
  }
};
