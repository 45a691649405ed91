import { z } from 'zod';
import osTable from '../../end-of-life/os.json' with { type: 'json' };
import { isIsoDate } from '../checklist/fiscal-year.js';
import type { EndOfLifeEntry } from './finding-types.js';

/** How an OS cell is compared: NFKC (full-width → ASCII), lower case, no whitespace. */
export function normalizeProduct(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * A match pattern: normalised parts joined by `+`, found when the parts occur in that order
 * (`windows11+23h2` is found in `windows11pro23h2`). A plain substring is the one-part case.
 */
const MatchPattern = z
  .string()
  .min(1)
  .refine((m) => m.split('+').every((part) => part.length > 0 && normalizeProduct(part) === part), {
    message: 'a pattern is normalised text (NFKC, lower case, no spaces), parts joined by +',
  });

export const EndOfLifeRow = z.strictObject({
  product: z.string().trim().min(1),
  match: z.array(MatchPattern).min(1),
  endOfLifeOn: z.string().refine(isIsoDate, { message: 'endOfLifeOn is a YYYY-MM-DD date' }),
  /** `approximate`: the vendor publishes no exact day; `uncertain`: not confirmed against the vendor. */
  certainty: z.enum(['approximate', 'uncertain']).optional(),
  note: z.string().optional(),
});
export type EndOfLifeRow = z.infer<typeof EndOfLifeRow>;

export const EndOfLifeTable = z.strictObject({ $comment: z.string().optional(), entries: z.array(EndOfLifeRow) }).superRefine((table, ctx) => {
  const seen = new Map<string, string>();
  table.entries.forEach((entry, index) => {
    entry.match.forEach((pattern, at) => {
      const other = seen.get(pattern);
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['entries', index, 'match', at], message: `${pattern} is also a pattern of ${other}` });
      }
      seen.set(pattern, entry.product);
    });
  });
});

/** Validates a table in the shape of `end-of-life/os.json`; throws with the zod issues when it is not. */
export function parseEndOfLifeTable(json: unknown): EndOfLifeEntry[] {
  return EndOfLifeTable.parse(json).entries.map(({ product, match, endOfLifeOn }) => ({ product, match, endOfLifeOn }));
}

/** The table shipped with Mamori (`packages/domain/end-of-life/os.json`, sources in its README). */
export const builtInEndOfLife: readonly EndOfLifeEntry[] = parseEndOfLifeTable(osTable);

interface CompiledPattern {
  entry: EndOfLifeEntry;
  parts: string[];
  length: number;
}

/** Patterns longest first, then in table order; compiled once per table. */
const compiledTables = new WeakMap<readonly EndOfLifeEntry[], CompiledPattern[]>();

function compile(entries: readonly EndOfLifeEntry[]): CompiledPattern[] {
  let compiled = compiledTables.get(entries);
  if (compiled) return compiled;
  compiled = [];
  for (const entry of entries) {
    for (const pattern of entry.match) {
      // Normalised here too, so a facility's own entry typed as 'Windows 7' still matches.
      const parts = pattern
        .split('+')
        .map(normalizeProduct)
        .filter((p) => p.length > 0);
      if (parts.length === 0) continue;
      let length = 0;
      for (const part of parts) length += part.length;
      compiled.push({ entry, parts, length });
    }
  }
  // Array.prototype.sort is stable: equally long patterns keep the table order, so the entry listed first wins
  // (the server lists a facility's own entries before the built-in ones).
  compiled.sort((a, b) => b.length - a.length);
  compiledTables.set(entries, compiled);
  return compiled;
}

function found(text: string, parts: readonly string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** The best match for an already normalised text and the length of its pattern (0 when none). */
export function matchEndOfLife(normalizedText: string, entries: readonly EndOfLifeEntry[]): { entry: EndOfLifeEntry; length: number } | null {
  if (normalizedText.length === 0) return null;
  for (const pattern of compile(entries)) {
    if (pattern.length <= normalizedText.length && found(normalizedText, pattern.parts)) return { entry: pattern.entry, length: pattern.length };
  }
  return null;
}

/**
 * The entry whose longest pattern occurs in the (raw) OS text, e.g. 'Windows Server 2012 R2' → Windows Server 2012 R2
 * (not 2012); on equally long patterns the entry listed first.
 */
export function endOfLifeFor(text: string, entries: readonly EndOfLifeEntry[]): EndOfLifeEntry | null {
  return matchEndOfLife(normalizeProduct(text), entries)?.entry ?? null;
}
