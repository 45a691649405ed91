import { detailMessage, type DetailCode, type DetailParams, type ErrorCode, type Locale } from '@mamori/domain';

/**
 * What is wrong with one field: a code from the domain's `detailMessages`, rendered in the caller's
 * language by the error handler; or a code whose message was already written in the caller's language
 * (zod's, a spreadsheet's reason).
 */
export type ErrorDetail = { path: string; code: DetailCode; params?: DetailParams } | { path: string; code: string; params?: DetailParams; message: string };

/** A detail as the API sends it: code, parameters and the message in `locale`. */
export function presentDetail(detail: ErrorDetail, locale: Locale) {
  const message = 'message' in detail ? detail.message : detailMessage(detail.code, locale, detail.params);
  return { path: detail.path, code: detail.code, ...(detail.params ? { params: detail.params } : {}), message };
}

/** An error the client should see: a code from the domain catalog, an HTTP status, optional details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: ErrorDetail[],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const versionConflict = () => new AppError(409, 'version_conflict');
export const invalid = (path: string, detail: DetailCode, params?: DetailParams) =>
  new AppError(400, 'validation_error', {}, [{ path, code: detail, ...(params ? { params } : {}) }]);

/** PostgreSQL's unique_violation, whether the driver error arrives bare or wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
