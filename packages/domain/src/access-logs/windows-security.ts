import type { AccessLogCategory, AccessLogOutcome, ParsedLine } from './event.js';
import { readLogTime } from './zoned-time.js';

/**
 * Windows Security events exported as CSV, from Event Viewer (「すべてのイベントを名前をつけて保存」: キーワード,
 * 日付と時刻, ソース, イベント ID, タスクのカテゴリ, then the description) or from PowerShell
 * (`Get-WinEvent … | Export-Csv`: Id, TimeCreated, MachineName, Message…), in Japanese or English Windows.
 * Q&A 8-5 and 8-7 name Windows among the logs a facility keeps.
 */
const meanings: Record<number, { category: AccessLogCategory; outcome: AccessLogOutcome; action: string }> = {
  4624: { category: 'login', outcome: 'success', action: '4624 logon' },
  4625: { category: 'failure', outcome: 'failure', action: '4625 logon failed' },
  4634: { category: 'logout', outcome: 'success', action: '4634 logoff' },
  4647: { category: 'logout', outcome: 'success', action: '4647 user-initiated logoff' },
  4720: { category: 'account_change', outcome: 'success', action: '4720 account created' },
  4722: { category: 'account_change', outcome: 'success', action: '4722 account enabled' },
  4725: { category: 'account_change', outcome: 'success', action: '4725 account disabled' },
  4726: { category: 'account_change', outcome: 'success', action: '4726 account deleted' },
  4740: { category: 'failure', outcome: 'failure', action: '4740 account locked out' },
};

/** The event IDs read; other Security events are kept raw. */
export const windowsSecurityEventIds = Object.keys(meanings).map(Number);

const columns = {
  id: ['イベント ID', 'Event ID', 'Id'],
  time: ['日付と時刻', 'Date and Time', 'TimeCreated'],
  host: ['コンピューター', 'Computer', 'MachineName'],
  message: ['Message', 'メッセージ', 'Description', '説明'],
};
const pick = (row: Record<string, string>, names: string[]) => names.map((n) => row[n]).find((v) => v !== undefined && v !== '');

const ACCOUNT = /(?:アカウント名|Account Name):\s*([^\r\n]+)/g;
const ADDRESS = /(?:ソース ネットワーク アドレス|Source Network Address):\s*([^\r\n\s]+)/;

/** The account the event is about: the last アカウント名 (the Subject section comes first, the target after it). */
function targetAccount(message: string): string | null {
  const names = [...message.matchAll(ACCOUNT)].map((m) => m[1]!.trim()).filter((n) => n && n !== '-');
  return names.at(-1) ?? null;
}

function addressOf(message: string): string | null {
  const address = ADDRESS.exec(message)?.[1];
  return address && address !== '-' && address !== '::1' && address !== '127.0.0.1' ? address : null;
}

/**
 * One exported event. `row` is keyed by the export's headings; Event Viewer's description has no heading, so the
 * caller passes it as `Message`.
 */
export function parseWindowsSecurityRow(row: Record<string, string>, raw: string, zone: string): ParsedLine {
  const meaning = meanings[Number(pick(row, columns.id))];
  if (!meaning) return { parsed: false, raw, reason: 'unrecognized' };
  // Event Viewer writes the machine's local time in its locale's form; PowerShell may add an offset.
  const at = readLogTime(pick(row, columns.time) ?? '', zone, { monthFirst: true });
  if (!at) return { parsed: false, raw, reason: 'bad-time' };
  const message = pick(row, columns.message) ?? '';
  return {
    parsed: true,
    event: { occurredAt: at.toISOString(), host: pick(row, columns.host) ?? null, user: targetAccount(message), ...meaning, sourceIp: addressOf(message), raw },
  };
}
