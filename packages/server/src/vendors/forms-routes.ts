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
  type Actor,
  type VendorSide,
} from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import type { Tx } from '../db/connect.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { contractFor, lockForm, vendorFormFor, type ContractPermission, type ContractRow, type VendorFormRow } from './access.js';
import { acceptVendorForm, deleteVendorRound, postComment, saveVendorRound, submitVendorForm, updateExcludedItems, vendorFormDetail } from './forms-service.js';
import { vendorFormSummaries } from './queries.js';
import { requestVendorForm, resendInvitation } from './requests-service.js';

const ContractParams = z.object({ contractId: Id });
const FormParams = z.object({ formId: Id });
const RoundParams = AssessmentItemParams.omit({ assessmentId: true }).extend({ formId: Id });

export const vendorFormRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  /**
   * Checks access, runs the change on the locked form in one transaction, and answers with the form as
   * that transaction left it.
   */
  const change = async (
    actor: Actor,
    formId: string,
    permission: ContractPermission,
    run: (tx: Tx, form: VendorFormRow, contract: ContractRow, side: VendorSide) => Promise<unknown>,
  ) => {
    const { contract, side } = await vendorFormFor(db, actor, formId, permission);
    const fresh = await db.transaction(async (tx) => {
      await run(tx, await lockForm(tx, formId), contract, side);
      return lockForm(tx, formId);
    });
    return vendorFormDetail(db, catalog, fresh, contract, side);
  };

  app.post(
    '/contracts/:contractId/vendor-forms',
    { schema: { params: ContractParams, body: RequestVendorFormRequest, response: { 200: VendorFormRequested } } },
    async (request) => {
      const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'vendorForm.request');
      const sent = await db.transaction((tx) => requestVendorForm(tx, auditContext(request), deps, contract, request.body));
      const [summary] = await vendorFormSummaries(db, catalog, [sent.form]);
      return { ...summary!, mailSent: sent.mailSent, invitationUrl: sent.invitationUrl };
    },
  );

  app.post(
    '/vendor-forms/:formId/invitation',
    { schema: { params: FormParams, body: ResendInvitationRequest, response: { 200: VendorFormRequested } } },
    async (request) => {
      const { contract } = await vendorFormFor(db, requireAuth(request).actor, request.params.formId, 'vendorForm.request');
      const sent = await db.transaction(async (tx) => resendInvitation(tx, auditContext(request), deps, await lockForm(tx, request.params.formId), contract, request.body.email));
      const [summary] = await vendorFormSummaries(db, catalog, [sent.form]);
      return { ...summary!, mailSent: sent.mailSent, invitationUrl: sent.invitationUrl };
    },
  );

  app.get('/vendor-forms/:formId', { schema: { params: FormParams, response: { 200: VendorFormDetail } } }, async (request) => {
    const { form, contract, side } = await vendorFormFor(db, requireAuth(request).actor, request.params.formId, 'contract.read');
    return vendorFormDetail(db, catalog, form, contract, side);
  });

  app.put(
    '/vendor-forms/:formId/items/:itemId/rounds/:round',
    { schema: { params: RoundParams, body: SaveVendorRoundRequest, response: { 200: VendorFormDetail } } },
    async (request) => {
      const { formId, itemId, round } = request.params;
      return change(requireAuth(request).actor, formId, 'vendorForm.answer', (tx, form) => saveVendorRound(tx, auditContext(request), catalog, form, itemId, round, request.body));
    },
  );

  app.delete('/vendor-forms/:formId/items/:itemId/rounds/:round', { schema: { params: RoundParams, response: { 200: VendorFormDetail } } }, async (request) => {
    const { formId, itemId, round } = request.params;
    return change(requireAuth(request).actor, formId, 'vendorForm.answer', (tx, form) => deleteVendorRound(tx, auditContext(request), form, itemId, round));
  });

  app.patch(
    '/vendor-forms/:formId',
    { schema: { params: FormParams, body: UpdateVendorFormRequest, response: { 200: VendorFormDetail } } },
    async (request) => {
      const mayChange = (side: VendorSide) => (side === 'vendor' ? 'vendorForm.answer' : 'vendorForm.request');
      return change(requireAuth(request).actor, request.params.formId, mayChange, (tx, form, _contract, side) =>
        updateExcludedItems(tx, auditContext(request), catalog, form, side, request.body),
      );
    },
  );

  app.post(
    '/vendor-forms/:formId/submit',
    { schema: { params: FormParams, body: VendorFormVersionRequest, response: { 200: VendorFormDetail } } },
    async (request) =>
      change(requireAuth(request).actor, request.params.formId, 'vendorForm.answer', (tx, form) => submitVendorForm(tx, auditContext(request), catalog, form, request.body.version)),
  );

  app.post(
    '/vendor-forms/:formId/accept',
    { schema: { params: FormParams, body: VendorFormVersionRequest, response: { 200: VendorFormDetail } } },
    async (request) => change(requireAuth(request).actor, request.params.formId, 'vendorForm.review', (tx, form) => acceptVendorForm(tx, auditContext(request), form, request.body.version)),
  );

  app.post(
    '/vendor-forms/:formId/comments',
    { schema: { params: FormParams, body: PostVendorCommentRequest, response: { 200: VendorFormDetail } } },
    async (request) => {
      const mayPost = (side: VendorSide) => (side === 'vendor' ? 'vendorForm.answer' : 'vendorForm.review');
      return change(requireAuth(request).actor, request.params.formId, mayPost, (tx, form, contract, side) =>
        postComment(tx, auditContext(request), deps, form, contract, side, request.body),
      );
    },
  );
};
