import { z } from 'zod';

export const Id = z.uuid();
export const Version = z.int().min(1);
export const IsoDateTime = z.string();

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Email = z.email().max(254).transform((s) => s.toLowerCase());
/** The guideline asks for 8+ mixed characters or 13+; we ask 10+ and leave strength to length. */
export const Password = z.string().min(10).max(200);
export const PersonName = z.string().trim().min(1).max(100);
export const Locale = z.enum(['ja', 'en']);
export type Locale = z.infer<typeof Locale>;
