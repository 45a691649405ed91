import { evidenceContentTypes, type Actor, type Catalog, type EvidenceView, type FormKind } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { AuditContext } from '../audit/record.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { answerEvidence } from '../db/schema.js';
import { getFile, putFile } from '../files/store.js';
import type { Upload } from '../files/upload.js';
import { AppError, notFound } from '../http/errors.js';
import { deleteAudited, insertAudited, inTransaction, scopeOf } from '../writes/audited.js';
import { assessmentFor } from './access.js';
import { presentEvidence, type AssessmentRow } from './presenter.js';

/** Files attached to a form's items as evidence: the type decided from the bytes, each attach and removal audited. */

const allowedDetected = new Set<string>(evidenceContentTypes.detected);
const allowedText = new Set<string>(evidenceContentTypes.text);

/**
 * Decides the stored type from the bytes, not from what the browser claims: a renamed executable is
 * refused. Text has no signature, so a declared text type is accepted only for bytes without one.
 */
export async function evidenceType(content: Buffer, declared: string): Promise<string> {
  const detected = await fileTypeFromBuffer(content);
  if (detected && allowedDetected.has(detected.mime)) return detected.mime;
  if (!detected && allowedText.has(declared.split(';')[0]!.trim())) return declared.split(';')[0]!.trim();
  throw new AppError(415, 'unsupported_media_type', {}, [{ path: 'file', code: 'evidence_type' }]);
}

/** The form a file is attached to: checked, item included, before the upload is read, so an outsider learns nothing. */
export async function evidenceTarget(db: Db, catalog: Catalog, actor: Actor, assessmentId: string, itemId: string): Promise<AssessmentRow> {
  const { assessment } = await assessmentFor(db, actor, assessmentId, 'assessment.answer');
  if (!catalog.item(assessment.edition, assessment.form as FormKind, itemId)) throw notFound();
  return assessment;
}

export async function attachEvidence(
  db: Db,
  config: Config,
  context: AuditContext,
  assessment: AssessmentRow,
  itemId: string,
  uploader: { id: string; name: string },
  upload: Upload,
): Promise<EvidenceView> {
  const contentType = await evidenceType(upload.content, upload.mimetype);
  const { content, fileName } = upload;
  const row = await inTransaction(db, async (tx) => {
    const file = await putFile(tx, config, { content, contentType });
    return insertAudited(
      tx,
      context,
      answerEvidence,
      { assessmentId: assessment.id, itemId, fileSha256: file.sha256, fileName, contentType, size: file.size, uploadedBy: uploader.id },
      {
        action: 'evidence.attach',
        entityType: 'answer_evidence',
        scope: scopeOf(assessment),
        fields: [],
        extra: { item: { before: null, after: itemId }, file: { before: null, after: { name: fileName, sha256: file.sha256, size: file.size } } },
      },
    );
  });
  return presentEvidence(row, uploader.name);
}

async function evidenceOf(db: Db, assessment: AssessmentRow, evidenceId: string) {
  const [evidence] = await db
    .select()
    .from(answerEvidence)
    .where(and(eq(answerEvidence.id, evidenceId), eq(answerEvidence.assessmentId, assessment.id)));
  if (!evidence) throw notFound();
  return evidence;
}

/** An attached file and its stored bytes. */
export async function evidenceFile(db: Db, actor: Actor, assessmentId: string, evidenceId: string) {
  const { assessment } = await assessmentFor(db, actor, assessmentId, 'assessment.read');
  const evidence = await evidenceOf(db, assessment, evidenceId);
  const file = await getFile(db, evidence.fileSha256);
  if (!file) throw notFound();
  return { evidence, content: file.content };
}

export async function detachEvidence(db: Db, actor: Actor, context: AuditContext, assessmentId: string, evidenceId: string): Promise<void> {
  const { assessment } = await assessmentFor(db, actor, assessmentId, 'assessment.answer');
  const evidence = await evidenceOf(db, assessment, evidenceId);
  await inTransaction(db, (tx) =>
    deleteAudited(tx, context, answerEvidence, evidence, null, {
      action: 'evidence.detach',
      entityType: 'answer_evidence',
      scope: scopeOf(assessment),
      fields: [],
      extra: { item: { before: evidence.itemId, after: null }, file: { before: { name: evidence.fileName, sha256: evidence.fileSha256 }, after: null } },
    }),
  );
}
