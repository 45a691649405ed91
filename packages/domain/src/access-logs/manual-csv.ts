import type { AccessLogCategory, AccessLogOutcome, ParsedLine } from './event.js';
import { readLogTime } from './zoned-time.js';

/**
 * The access log laid out as the manual's example (seed 000, 2(6) 「アクセスログの例」): ユーザーID, 氏名, 時刻,
 * カテゴリ, 操作情報, one row per operation, times like 2023/5/16 8:30:00 in the source's zone.
 */
export const manualCsvHeadings = ['ユーザーID', '氏名', '時刻', 'カテゴリ', '操作情報'] as const;
export type ManualCsvRow = Record<(typeof manualCsvHeadings)[number], string>;

/** 操作情報 words that mean signing in or out (the manual's ログイン / ログオフ, and their usual variants). */
function meaningOf(operation: string): { category: AccessLogCategory; outcome: AccessLogOutcome } {
  if (/ログイン(失敗|エラー)|認証失敗/.test(operation)) return { category: 'failure', outcome: 'failure' };
  if (/^(ログイン|ログオン|サインイン)$/.test(operation)) return { category: 'login', outcome: 'success' };
  if (/^(ログオフ|ログアウト|サインアウト)$/.test(operation)) return { category: 'logout', outcome: 'success' };
  return { category: 'operation', outcome: 'success' };
}

/** One row of the manual's layout; `raw` is the row as the file had it. */
export function parseManualCsvRow(row: ManualCsvRow, raw: string, zone: string): ParsedLine {
  const at = readLogTime(row['時刻'], zone);
  if (!at) return { parsed: false, raw, reason: 'bad-time' };
  const operation = row['操作情報'].trim();
  const category = row['カテゴリ'].trim();
  return {
    parsed: true,
    event: {
      occurredAt: at.toISOString(),
      host: null,
      user: row['ユーザーID'].trim() || null,
      ...meaningOf(operation),
      sourceIp: null,
      action: category ? `${category}: ${operation}` : operation,
      raw,
    },
  };
}
