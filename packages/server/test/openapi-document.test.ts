import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/http/openapi-document.js';
import { startTestApp, type TestApp } from './helpers/app.js';

/**
 * The web app's client types are generated from `openApiDocument()` (npm run generate:api), which builds the app
 * without a database. It must be the document the server serves, and every route that answers JSON must say what
 * it answers, or the generated type of its data is nothing the web app can use.
 */

/** Routes that answer 204 with no body. */
const noContent = [
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/logout-all',
  'POST /api/v1/me/totp/enable',
  'POST /api/v1/me/totp/disable',
  'DELETE /api/v1/me/tokens/{tokenId}',
  'DELETE /api/v1/facilities/{facilityId}/members/{memberId}',
  'DELETE /api/v1/facilities/{facilityId}/inspection-grants/{grantId}',
  'DELETE /api/v1/invitations/{invitationId}',
  'DELETE /api/v1/assessments/{assessmentId}/evidence/{evidenceId}',
  'DELETE /api/v1/assets/{id}',
  'DELETE /api/v1/accounts/{id}',
  'DELETE /api/v1/end-of-life/{entryId}',
  'DELETE /api/v1/backup-plans/{planId}',
  'DELETE /api/v1/restore-tests/{testId}',
  'DELETE /api/v1/bcp-records/{recordId}',
  'DELETE /api/v1/contracts/{contractId}',
  'DELETE /api/v1/answer-sets/{answerSetId}',
  'DELETE /api/v1/disclosures/{disclosureId}',
  'POST /api/v1/me/notifications/{notificationId}/read',
];
/** Routes that answer with a file (PDF, xlsx, CSV, docx, evidence), opened by the browser as a link. */
const files = [
  'GET /api/v1/assessments/{assessmentId}/evidence/{evidenceId}',
  'GET /api/v1/assessments/{assessmentId}/export.{format}',
  'GET /api/v1/facilities/{facilityId}/assessments/{assessmentId}/inspection-report.pdf',
  'GET /api/v1/facilities/{facilityId}/ledgers/{ledger}/export',
  'GET /api/v1/oversight/export',
  'GET /api/v1/facilities/{facilityId}/contact-chart/export.pdf',
  'GET /api/v1/bcp-documents/{documentId}',
  'GET /api/v1/facilities/{facilityId}/bcp/template.{format}',
  'GET /api/v1/disclosures/{disclosureId}/file',
  'GET /api/v1/contracts/{contractId}/role-sharing.pdf',
  'GET /api/v1/contracts/{contractId}/role-sharing.xlsx',
];

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: Record<string, unknown>;
  beforeAll(async () => {
    t = await startTestApp();
    document = await openApiDocument();
  });
  afterAll(() => t.close());

  it('is built without a database exactly as the server serves it', async () => {
    const served = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(document).toEqual(served.json());
  });

  it('describes the JSON of every route but those answering no content or a file', () => {
    const withoutJson: string[] = [];
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!operation.responses?.['200']?.content?.['application/json']) withoutJson.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(withoutJson.sort()).toEqual([...noContent, ...files].sort());
  });
});
