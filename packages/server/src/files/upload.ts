import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { findUnsafeText } from '@mamori/domain';
import type { Config } from '../config.js';
import { AppError } from '../http/errors.js';

export interface Upload {
  content: Buffer;
  fileName: string;
  mimetype: string;
  /** The text parts sent before the file. */
  fields: Record<string, string>;
}

const tooLarge = (config: Config) =>
  new AppError(413, 'payload_too_large', {}, [{ path: 'file', code: 'file_too_large', params: { megabytes: Math.floor(config.fileMaxBytes / 1024 / 1024) } }]);

/**
 * Reads the one file of a multipart request, bounded by the configured size: a bigger file is refused
 * with the limit in the message, never half-read. Text parts must come before the file.
 */
export async function readUpload(request: FastifyRequest, config: Config): Promise<Upload> {
  let upload: MultipartFile | undefined;
  try {
    upload = await request.file();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(config);
    throw error;
  }
  if (!upload) throw new AppError(400, 'validation_error', {}, [{ path: 'file', code: 'file_required' }]);
  let content: Buffer;
  try {
    content = await upload.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(config);
    throw error;
  }
  if (upload.file.truncated) throw tooLarge(config);
  const fields: Record<string, string> = {};
  for (const [name, part] of Object.entries(upload.fields)) {
    const value = Array.isArray(part) ? part[0] : part;
    if (value && value.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
  }
  const unsafe = findUnsafeText(fields);
  if (unsafe) throw new AppError(400, 'validation_error', {}, [{ path: unsafe.path, code: `unsafe_${unsafe.kind}` as const }]);
  const fileName = upload.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'upload';
  return { content, fileName, mimetype: upload.mimetype, fields };
}
