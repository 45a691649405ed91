import { manualCsvHeadings } from './manual-csv.js';

/** The formats Mamori reads; `mapped-csv` needs the source's saved column mapping. */
export const accessLogFormats = ['auth-log', 'manual-csv', 'windows-csv', 'mapped-csv'] as const;
export type AccessLogFormat = (typeof accessLogFormats)[number];

const WINDOWS_HEADINGS = [/イベント ID/, /Event ID/, /^"?Message"?,|,"?Id"?,|TimeCreated/];
const SYSLOG_LINE = /^([A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\S*) \S+ [^\s:[]+(\[\d+\])?: /;

/**
 * The format of a file from its first line (after a BOM): the manual's headings, a Windows export's headings,
 * or syslog lines. Anything else needs a column mapping (`mapped-csv`) or is not a log Mamori knows: null.
 */
export function detectAccessLogFormat(firstLine: string, hasMapping = false): AccessLogFormat | null {
  const line = firstLine.replace(/^\uFEFF/, '');
  if (manualCsvHeadings.every((heading) => line.includes(heading))) return 'manual-csv';
  if (WINDOWS_HEADINGS.some((pattern) => pattern.test(line))) return 'windows-csv';
  if (SYSLOG_LINE.test(line)) return 'auth-log';
  return hasMapping ? 'mapped-csv' : null;
}
