import { accessLogCategories, type AccessLogCategory, type AccessLogOutcome, type ParsedLine } from './event.js';
import { readLogTime } from './zoned-time.js';

/**
 * Any other system's CSV export (an EHR's own access log, a UTM's admin log), read through a column mapping the
 * facility saves once per source: which heading holds the time, the user and so on, and which words of the
 * category column mean a sign-in, a sign-out or a failure.
 */
export interface ColumnMapping {
  time: string;
  user?: string;
  host?: string;
  sourceIp?: string;
  /** The column describing what was done (操作, 内容). */
  action?: string;
  /** The column whose words decide the category; without it every row is an operation. */
  category?: string;
  /** Words of the category column, per category, compared after trimming. */
  categoryWords?: Partial<Record<AccessLogCategory, string[]>>;
}

const outcomeOf = (category: AccessLogCategory): AccessLogOutcome => (category === 'failure' ? 'failure' : 'success');

function categoryOf(word: string, mapping: ColumnMapping): AccessLogCategory {
  const trimmed = word.trim();
  return accessLogCategories.find((category) => mapping.categoryWords?.[category]?.some((w) => w.trim() === trimmed)) ?? 'operation';
}

/** One row, keyed by the file's headings, read through the source's mapping. */
export function parseMappedCsvRow(row: Record<string, string>, raw: string, mapping: ColumnMapping, zone: string): ParsedLine {
  const at = readLogTime(row[mapping.time] ?? '', zone);
  if (!at) return { parsed: false, raw, reason: 'bad-time' };
  const cell = (heading: string | undefined) => (heading ? row[heading]?.trim() || null : null);
  const category = mapping.category ? categoryOf(row[mapping.category] ?? '', mapping) : 'operation';
  return {
    parsed: true,
    event: {
      occurredAt: at.toISOString(),
      host: cell(mapping.host),
      user: cell(mapping.user),
      category,
      outcome: outcomeOf(category),
      sourceIp: cell(mapping.sourceIp),
      action: [cell(mapping.category), cell(mapping.action)].filter(Boolean).join(': '),
      raw,
    },
  };
}
