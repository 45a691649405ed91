import { ContractView, CreateContractRequest, Id, UpdateContractRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { createFacilityContract, deleteContract, facilityContracts, readContract, updateContract, vendorPortalContracts } from './contracts-service.js';

const FacilityParams = z.object({ facilityId: Id });
const ContractParams = z.object({ contractId: Id });

export const contractRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.get('/facilities/:facilityId/contracts', { schema: { params: FacilityParams, response: { 200: z.array(ContractView) } } }, async (request) =>
    facilityContracts(db, requireAuth(request).actor, catalog, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/contracts',
    { schema: { params: FacilityParams, body: CreateContractRequest, response: { 200: ContractView } } },
    async (request) => createFacilityContract(db, requireAuth(request).actor, auditContext(request), catalog, request.params.facilityId, request.body),
  );

  app.get('/contracts/:contractId', { schema: { params: ContractParams, response: { 200: ContractView } } }, async (request) =>
    readContract(db, requireAuth(request).actor, catalog, request.params.contractId),
  );

  app.patch('/contracts/:contractId', { schema: { params: ContractParams, body: UpdateContractRequest, response: { 200: ContractView } } }, async (request) =>
    updateContract(db, requireAuth(request).actor, auditContext(request), catalog, request.params.contractId, request.body),
  );

  app.delete('/contracts/:contractId', { schema: { params: ContractParams } }, async (request, reply) => {
    await deleteContract(db, requireAuth(request).actor, auditContext(request), request.params.contractId);
    return reply.status(204).send();
  });

  app.get('/vendor-portal/contracts', { schema: { response: { 200: z.array(ContractView) } } }, async (request) =>
    vendorPortalContracts(db, requireAuth(request).actor, catalog),
  );
};
