import type { Locale } from '@mamori/domain';
import { z } from 'zod';
import type { ErrorDetail } from './errors.js';

const errorMaps = { ja: z.locales.ja().localeError, en: z.locales.en().localeError } as const;

/** zod's own messages in `locale` (the global configuration writes Japanese). */
export const zodErrorMap = (locale: Locale) => errorMaps[locale];

/** The scalar facts of an issue (minimum, expected, format…) as the detail's parameters. */
function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue)) {
    if (key === 'code' || key === 'path' || key === 'message' || key === 'input') continue;
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (typeof value === 'bigint' || typeof value === 'boolean') params[key] = String(value);
  }
  return Object.keys(params).length ? params : undefined;
}

/** zod issues as details: `body.entries.0.name`, zod's code, its parameters, its message. */
export function zodDetails(issues: readonly z.core.$ZodIssue[], part: string): ErrorDetail[] {
  return issues.map((issue) => {
    const params = paramsOf(issue);
    return { path: [part, ...issue.path.map(String)].join('.'), code: issue.code, ...(params ? { params } : {}), message: issue.message };
  });
}
