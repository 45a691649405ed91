import type { AccessLogCategory, AccessLogOutcome, ParsedLine } from './event.js';
import { instantWithoutYear } from './zoned-time.js';

/**
 * OpenSSH and PAM lines of `auth.log` (Debian, Ubuntu) or `secure` (Red Hat): the login, failure and account
 * changes of a server that 2(6) asks to be kept and reviewed. Stamps are the classic syslog form without a year
 * ("May 16 08:30:00", read in the source's zone) or rsyslog's ISO form with its own offset.
 */
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CLASSIC =
  /^(?<month>[A-Z][a-z]{2}) {1,2}(?<day>\d{1,2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) (?<host>\S+) (?<program>[^\s:[]+)(?:\[\d+\])?: (?<message>.*)$/;
const ISO = /^(?<stamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) (?<host>\S+) (?<program>[^\s:[]+)(?:\[\d+\])?: (?<message>.*)$/;

interface Meaning {
  category: AccessLogCategory;
  outcome: AccessLogOutcome;
  action: string;
  user?: string | undefined;
  sourceIp?: string | undefined;
}

type Rule = [RegExp, (m: Record<string, string | undefined>) => Meaning];

/** Every sshd message kind that says who tried what from where; the first that matches wins. */
const rules: Rule[] = [
  [
    /^Accepted (?<method>\S+) for (?<user>\S+) from (?<ip>\S+) port \d+/,
    (m) => ({ category: 'login', outcome: 'success', action: `accepted ${m.method}`, user: m.user, sourceIp: m.ip }),
  ],
  [
    /^Failed (?<method>\S+) for (?<invalid>invalid user )?(?<user>\S*) from (?<ip>\S+) port \d+/,
    (m) => ({ category: 'failure', outcome: 'failure', action: `failed ${m.method}${m.invalid ? ' (invalid user)' : ''}`, user: m.user, sourceIp: m.ip }),
  ],
  [/^Invalid user (?<user>\S*) from (?<ip>\S+)/, (m) => ({ category: 'failure', outcome: 'failure', action: 'invalid user', user: m.user, sourceIp: m.ip })],
  [
    /^error: maximum authentication attempts exceeded for (?:invalid user )?(?<user>\S+) from (?<ip>\S+)/,
    (m) => ({ category: 'failure', outcome: 'failure', action: 'maximum attempts exceeded', user: m.user, sourceIp: m.ip }),
  ],
  [
    /^(?:Disconnected from|Connection closed by) (?:authenticating|invalid) user (?<user>\S*) (?<ip>\S+) port \d+/,
    (m) => ({ category: 'failure', outcome: 'failure', action: 'disconnected before sign-in', user: m.user, sourceIp: m.ip }),
  ],
  [
    /^(?:Disconnected from|Connection closed by) user (?<user>\S+) (?<ip>\S+) port \d+/,
    (m) => ({ category: 'logout', outcome: 'success', action: 'disconnected', user: m.user, sourceIp: m.ip }),
  ],
  [
    /^(?:Connection closed by|Disconnected from|Connection reset by) (?<ip>[\d.:a-fA-F]+) port \d+ \[preauth\]/,
    (m) => ({ category: 'failure', outcome: 'failure', action: 'closed before sign-in', sourceIp: m.ip }),
  ],
  [/^Received disconnect from (?<ip>\S+) port \d+:\d+:/, (m) => ({ category: 'logout', outcome: 'unknown', action: 'received disconnect', sourceIp: m.ip })],
  [
    /^pam_unix\([\w-]+:auth\): authentication failure;.*?rhost=(?<ip>\S*)(?:\s+user=(?<user>\S+))?/,
    (m) => ({ category: 'failure', outcome: 'failure', action: 'pam authentication failure', user: m.user, sourceIp: m.ip || undefined }),
  ],
  [
    /^pam_unix\((?<service>[\w-]+):session\): session opened for user (?<user>[^\s(]+)/,
    (m) => ({ category: 'login', outcome: 'success', action: `session opened (${m.service})`, user: m.user }),
  ],
  [
    /^pam_unix\((?<service>[\w-]+):session\): session closed for user (?<user>[^\s(]+)/,
    (m) => ({ category: 'logout', outcome: 'success', action: `session closed (${m.service})`, user: m.user }),
  ],
  [/^new user: name=(?<user>[^,\s]+)/, (m) => ({ category: 'account_change', outcome: 'success', action: 'user created', user: m.user })],
  [/^delete user '(?<user>[^']+)'/, (m) => ({ category: 'account_change', outcome: 'success', action: 'user deleted', user: m.user })],
  [
    /^pam_unix\(passwd:chauthtok\): password changed for (?<user>\S+)/,
    (m) => ({ category: 'account_change', outcome: 'success', action: 'password changed', user: m.user }),
  ],
];

function meaningOf(message: string): Meaning | null {
  for (const [pattern, read] of rules) {
    const match = pattern.exec(message);
    if (match) return read(match.groups ?? {});
  }
  return null;
}

function stampOf(groups: Record<string, string | undefined>, zone: string, receivedAt: Date): Date | null {
  if (groups.stamp) {
    const instant = new Date(groups.stamp);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const month = months.indexOf(groups.month!) + 1;
  const day = Number(groups.day);
  if (month === 0 || day < 1 || day > 31) return null;
  return instantWithoutYear({ month, day, hour: Number(groups.hour), minute: Number(groups.minute), second: Number(groups.second) }, zone, receivedAt);
}

/** One line of an auth log, read in the source's zone; lines it does not understand are kept raw. */
export function parseAuthLogLine(line: string, zone: string, receivedAt: Date): ParsedLine {
  const raw = line.replace(/\r$/, '');
  const groups = (CLASSIC.exec(raw) ?? ISO.exec(raw))?.groups;
  if (!groups) return { parsed: false, raw, reason: 'unrecognized' };
  const meaning = meaningOf(groups.message!);
  if (!meaning) return { parsed: false, raw, reason: 'unrecognized' };
  const at = stampOf(groups, zone, receivedAt);
  if (!at) return { parsed: false, raw, reason: 'bad-time' };
  return {
    parsed: true,
    event: {
      occurredAt: at.toISOString(),
      host: groups.host ?? null,
      user: meaning.user || null,
      category: meaning.category,
      outcome: meaning.outcome,
      sourceIp: meaning.sourceIp || null,
      action: meaning.action,
      raw,
    },
  };
}
