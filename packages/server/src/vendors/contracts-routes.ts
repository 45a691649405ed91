import { ContractView, CreateContractRequest, Id, UpdateContractRequest } from '@mamori/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { vendorContracts } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { facilityFor } from '../tenancy/scope.js';
import { contractFor } from './access.js';
import { createContract, deleteContract, updateContract } from './contracts-service.js';
import { presentContracts, presentOneContract } from './queries.js';

const FacilityParams = z.object({ facilityId: Id });
const ContractParams = z.object({ contractId: Id });

export const contractRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.get('/facilities/:facilityId/contracts', { schema: { params: FacilityParams, response: { 200: z.array(ContractView) } } }, async (request) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'contract.read');
    const rows = await db.select().from(vendorContracts).where(eq(vendorContracts.facilityId, facility.id)).orderBy(asc(vendorContracts.createdAt));
    return presentContracts(db, catalog, rows);
  });

  app.post(
    '/facilities/:facilityId/contracts',
    { schema: { params: FacilityParams, body: CreateContractRequest, response: { 200: ContractView } } },
    async (request) => {
      const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'contract.manage');
      const row = await db.transaction((tx) => createContract(tx, auditContext(request), facility, request.body));
      return presentOneContract(db, catalog, row);
    },
  );

  app.get('/contracts/:contractId', { schema: { params: ContractParams, response: { 200: ContractView } } }, async (request) => {
    const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'contract.read');
    return presentOneContract(db, catalog, contract);
  });

  app.patch(
    '/contracts/:contractId',
    { schema: { params: ContractParams, body: UpdateContractRequest, response: { 200: ContractView } } },
    async (request) => {
      const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'contract.manage');
      const row = await db.transaction((tx) => updateContract(tx, auditContext(request), contract, request.body));
      return presentOneContract(db, catalog, row);
    },
  );

  app.delete('/contracts/:contractId', { schema: { params: ContractParams } }, async (request, reply) => {
    const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'contract.manage');
    await db.transaction((tx) => deleteContract(tx, auditContext(request), contract));
    return reply.status(204).send();
  });

  /** The vendor portal's home: every contract of every company the user answers for. */
  app.get('/vendor-portal/contracts', { schema: { response: { 200: z.array(ContractView) } } }, async (request) => {
    const vendorIds = requireAuth(request).actor.grants.flatMap((g) => (g.kind === 'vendor' ? [g.vendorId] : []));
    if (vendorIds.length === 0) return [];
    const rows = await db.select().from(vendorContracts).where(inArray(vendorContracts.vendorId, vendorIds)).orderBy(asc(vendorContracts.createdAt));
    return presentContracts(db, catalog, rows);
  });
};
