import { z } from 'zod';
import { MAX_DATE_YEAR, MIN_DATE_YEAR, isIsoDate } from '../checklist/fiscal-year.js';

export const Id = z.uuid();
export const Version = z.int().min(1);
export const IsoDateTime = z.string();

const dateMessage = `日付は YYYY-MM-DD 形式の、${MIN_DATE_YEAR}年から${MAX_DATE_YEAR}年までの正しい日付にしてください`;
/** A date sent by a client: a real calendar date in the years Mamori stores (OpenAPI: format date). */
export const IsoDateInput = z.iso.date({ error: dateMessage }).refine(isIsoDate, { error: dateMessage });
/** A date-time sent by a client, with its offset, whose date is in the years Mamori stores. */
export const IsoDateTimeInput = z.iso
  .datetime({ offset: true, error: '日時は 2025-04-01T09:30:00+09:00 の形式にしてください' })
  .refine((value) => isIsoDate(value.slice(0, 10)), { error: dateMessage });

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Email = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
/** The guideline asks for 8+ mixed characters or 13+; we ask 10+ and leave strength to length. */
export const Password = z.string().min(10).max(200);
export const PersonName = z.string().trim().min(1).max(100);
export const Locale = z.enum(['ja', 'en']);
export type Locale = z.infer<typeof Locale>;
