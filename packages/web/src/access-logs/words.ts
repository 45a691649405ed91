/** What an upload did, as the counts the server answers with. */
export interface IngestCounts {
  received: number;
  stored: number;
  parsed: number;
  raw: number;
}

/**
 * The message (key under accessLogs.upload) and its values that say what an upload stored: every line is kept,
 * read or not, so the sentence always says how many could be read and how many were kept as they were.
 */
export function uploadResultMessage(counts: IngestCounts): { key: string; values: Record<string, number> } {
  if (counts.stored === 0) return { key: 'accessLogs.upload.resultEmpty', values: {} };
  if (counts.raw === 0) return { key: 'accessLogs.upload.resultAllParsed', values: { count: counts.stored } };
  return { key: 'accessLogs.upload.result', values: { count: counts.stored, parsed: counts.parsed, raw: counts.raw } };
}

/** The curl line a script runs to send a log file to one source with its token. */
export function ingestCommand(origin: string, token: string, file = '/var/log/auth.log'): string {
  return `curl -H "Authorization: Bearer ${token}" --data-binary @${file} ${origin}/api/v1/log-ingest`;
}
