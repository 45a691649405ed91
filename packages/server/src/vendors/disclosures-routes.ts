import { DisclosureFields, DisclosureView, Id, normalizeSystemName, type VendorSide } from '@mamori/domain';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { disclosures, users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { evidenceType } from '../assessments/evidence.js';
import { getFile, putFile } from '../files/store.js';
import { readUpload } from '../files/upload.js';
import { contentDisposition } from '../http/content-disposition.js';
import { AppError, notFound } from '../http/errors.js';
import { contractFor } from './access.js';
import { requestLocale } from '../http/locale.js';
import { zodDetails, zodErrorMap } from '../http/zod-details.js';

type DisclosureRow = typeof disclosures.$inferSelect;
const ContractParams = z.object({ contractId: Id });
const DisclosureParams = z.object({ disclosureId: Id });

const present = (row: DisclosureRow, uploadedBy: string | null): DisclosureView => ({
  id: row.id,
  contractId: row.contractId,
  system: row.system,
  kind: row.kind as DisclosureView['kind'],
  jahisVersion: row.jahisVersion as DisclosureView['jahisVersion'],
  receivedOn: row.receivedOn,
  fileName: row.fileName,
  size: row.size,
  uploadedBy,
  uploadedSide: row.uploadedSide as VendorSide,
  uploadedAt: row.createdAt.toISOString(),
});

/** MDS/SDS register: either side files the statement for a contracted system; both can read it. */
export const disclosureRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  const disclosureFor = async (actor: Parameters<typeof contractFor>[1], id: string, permission: 'contract.read' | 'disclosure.manage') => {
    const [row] = await db.select().from(disclosures).where(eq(disclosures.id, id));
    if (!row) throw notFound();
    await contractFor(db, actor, row.contractId, permission);
    return row;
  };

  app.get('/contracts/:contractId/disclosures', { schema: { params: ContractParams, response: { 200: z.array(DisclosureView) } } }, async (request) => {
    const { contract } = await contractFor(db, requireAuth(request).actor, request.params.contractId, 'contract.read');
    const rows = await db
      .select({ disclosure: disclosures, uploadedBy: users.name })
      .from(disclosures)
      .leftJoin(users, eq(users.id, disclosures.uploadedBy))
      .where(eq(disclosures.contractId, contract.id))
      .orderBy(asc(disclosures.system), asc(disclosures.receivedOn));
    return rows.map((r) => present(r.disclosure, r.uploadedBy));
  });

  app.post(
    '/contracts/:contractId/disclosures',
    { schema: { params: ContractParams, consumes: ['multipart/form-data'], response: { 200: DisclosureView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      const { contract, side } = await contractFor(db, actor, request.params.contractId, 'disclosure.manage');
      const upload = await readUpload(request, deps.config);
      const parsed = DisclosureFields.safeParse(upload.fields, { error: zodErrorMap(requestLocale(request)) });
      if (!parsed.success) throw new AppError(400, 'validation_error', {}, zodDetails(parsed.error.issues, 'body'));
      const fields = parsed.data;
      const system = contract.systems.find((s) => normalizeSystemName(s) === normalizeSystemName(fields.system));
      if (!system) throw new AppError(400, 'validation_error', {}, [{ path: 'body.system', code: 'system_not_in_contract', params: { system: fields.system } }]);
      const contentType = await evidenceType(upload.content, upload.mimetype);
      const row = await db.transaction(async (tx) => {
        const file = await putFile(tx, deps.config, { content: upload.content, contentType });
        const [inserted] = await tx
          .insert(disclosures)
          .values({
            organizationId: contract.organizationId,
            facilityId: contract.facilityId,
            contractId: contract.id,
            ...fields,
            system,
            fileSha256: file.sha256,
            fileName: upload.fileName,
            contentType,
            size: file.size,
            uploadedBy: user.id,
            uploadedSide: side,
          })
          .returning();
        await recordAudit(tx, auditContext(request), {
          action: 'disclosure.create',
          entityType: 'disclosure',
          entityId: inserted!.id,
          organizationId: contract.organizationId,
          facilityId: contract.facilityId,
          changes: { contractId: { before: null, after: contract.id }, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { before: null, after: v }])), file: { before: null, after: { name: upload.fileName, sha256: file.sha256 } } },
        });
        return inserted!;
      });
      return present(row, user.name);
    },
  );

  app.get('/disclosures/:disclosureId/file', { schema: { params: DisclosureParams } }, async (request, reply) => {
    const row = await disclosureFor(requireAuth(request).actor, request.params.disclosureId, 'contract.read');
    const file = await getFile(db, row.fileSha256);
    if (!file) throw notFound();
    return reply
      .header('content-type', row.contentType)
      .header('content-disposition', contentDisposition(row.fileName, `${row.kind.toLowerCase()}-${row.id.slice(0, 8)}`))
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  app.delete('/disclosures/:disclosureId', { schema: { params: DisclosureParams } }, async (request, reply) => {
    const row = await disclosureFor(requireAuth(request).actor, request.params.disclosureId, 'disclosure.manage');
    await db.transaction(async (tx) => {
      const [deleted] = await tx.delete(disclosures).where(and(eq(disclosures.id, row.id))).returning();
      if (!deleted) throw notFound();
      await recordAudit(tx, auditContext(request), {
        action: 'disclosure.delete',
        entityType: 'disclosure',
        entityId: row.id,
        organizationId: row.organizationId,
        facilityId: row.facilityId,
        changes: { system: { before: row.system, after: null }, kind: { before: row.kind, after: null }, file: { before: { name: row.fileName, sha256: row.fileSha256 }, after: null } },
      });
    });
    return reply.status(204).send();
  });
};
