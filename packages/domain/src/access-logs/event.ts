/**
 * One access-log event as Mamori keeps it, whatever it came from (manual 2(6): "少なくとも利用者のログイン時刻、
 * アクセス時間及び操作内容が特定できるように"; Q&A 8-7: "いつ、誰が、どこに、どのようなアクセスをしたのか").
 */
export const accessLogCategories = ['login', 'logout', 'failure', 'operation', 'account_change'] as const;
export type AccessLogCategory = (typeof accessLogCategories)[number];

export const accessLogOutcomes = ['success', 'failure', 'unknown'] as const;
export type AccessLogOutcome = (typeof accessLogOutcomes)[number];

export interface AccessLogEvent {
  /** When it happened, as an ISO instant in UTC. */
  occurredAt: string;
  host: string | null;
  /** The account as the log names it (matched to the account ledger's ユーザID). */
  user: string | null;
  category: AccessLogCategory;
  outcome: AccessLogOutcome;
  sourceIp: string | null;
  /** What was done, in the log's own words (操作情報, the sshd message kind). */
  action: string;
  raw: string;
}

/** Every line is kept: a line no parser understands is stored as it came, with the reason. */
export type ParsedLine = { parsed: true; event: AccessLogEvent } | { parsed: false; raw: string; reason: 'unrecognized' | 'bad-time' };
