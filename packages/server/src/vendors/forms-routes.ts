import {
  AssessmentItemParams,
  Id,
  PostVendorCommentRequest,
  RequestVendorFormRequest,
  ResendInvitationRequest,
  SaveVendorRoundRequest,
  UpdateVendorFormRequest,
  VendorFormDetail,
  VendorFormRequested,
  VendorFormVersionRequest,
} from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { acceptVendorForm, deleteVendorRound, postComment, readVendorForm, saveVendorRound, submitVendorForm, updateExcludedItems } from './forms-service.js';
import { requestVendorForm, resendInvitation } from './requests-service.js';

const ContractParams = z.object({ contractId: Id });
const FormParams = z.object({ formId: Id });
const RoundParams = AssessmentItemParams.omit({ assessmentId: true }).extend({ formId: Id });

export const vendorFormRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.post(
    '/contracts/:contractId/vendor-forms',
    { schema: { params: ContractParams, body: RequestVendorFormRequest, response: { 200: VendorFormRequested } } },
    async (request) => requestVendorForm(db, deps, requireAuth(request).actor, auditContext(request), request.params.contractId, request.body),
  );

  app.post(
    '/vendor-forms/:formId/invitation',
    { schema: { params: FormParams, body: ResendInvitationRequest, response: { 200: VendorFormRequested } } },
    async (request) => resendInvitation(db, deps, requireAuth(request).actor, auditContext(request), request.params.formId, request.body.email),
  );

  app.get('/vendor-forms/:formId', { schema: { params: FormParams, response: { 200: VendorFormDetail } } }, async (request) =>
    readVendorForm(db, catalog, requireAuth(request).actor, request.params.formId),
  );

  app.put(
    '/vendor-forms/:formId/items/:itemId/rounds/:round',
    { schema: { params: RoundParams, body: SaveVendorRoundRequest, response: { 200: VendorFormDetail } } },
    async (request) => saveVendorRound(db, catalog, requireAuth(request).actor, auditContext(request), request.params, request.body),
  );

  app.delete('/vendor-forms/:formId/items/:itemId/rounds/:round', { schema: { params: RoundParams, response: { 200: VendorFormDetail } } }, async (request) =>
    deleteVendorRound(db, catalog, requireAuth(request).actor, auditContext(request), request.params),
  );

  app.patch('/vendor-forms/:formId', { schema: { params: FormParams, body: UpdateVendorFormRequest, response: { 200: VendorFormDetail } } }, async (request) =>
    updateExcludedItems(db, catalog, requireAuth(request).actor, auditContext(request), request.params.formId, request.body),
  );

  app.post(
    '/vendor-forms/:formId/submit',
    { schema: { params: FormParams, body: VendorFormVersionRequest, response: { 200: VendorFormDetail } } },
    async (request) => submitVendorForm(db, catalog, requireAuth(request).actor, auditContext(request), request.params.formId, request.body.version),
  );

  app.post(
    '/vendor-forms/:formId/accept',
    { schema: { params: FormParams, body: VendorFormVersionRequest, response: { 200: VendorFormDetail } } },
    async (request) => acceptVendorForm(db, catalog, requireAuth(request).actor, auditContext(request), request.params.formId, request.body.version),
  );

  app.post(
    '/vendor-forms/:formId/comments',
    { schema: { params: FormParams, body: PostVendorCommentRequest, response: { 200: VendorFormDetail } } },
    async (request) => postComment(db, deps, requireAuth(request).actor, auditContext(request), request.params.formId, request.body),
  );
};
