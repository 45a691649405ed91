import { evidenceContentTypes } from '@mamori/domain';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../http/errors.js';

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
