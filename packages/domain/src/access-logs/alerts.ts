import type { AccessLogEvent } from './event.js';
import { wallTimeAt } from './zoned-time.js';
import { groupBy } from '../group-by.js';

/**
 * What a reviewer of the access log should look at first (Q&A 8-7: "製品からのアラートが飛んでくるように設定";
 * 8-8: "アラートを通知してくれる設定"). The documents name no rule or threshold: the rules and defaults below are
 * Mamori's, set per facility.
 */
export const alertRules = [
  'failures-per-account',
  'failures-per-address',
  'ledger-account-login',
  'unknown-account',
  'admin-outside-hours',
  'new-address',
] as const;
export type AlertRule = (typeof alertRules)[number];

export interface Alert {
  rule: AlertRule;
  /** The account or the address the alert is about. */
  subject: string;
  count: number;
  first: string;
  last: string;
  /** Why, for `ledger-account-login`: the ledger says the account is retired, disabled or past its valid-to date. */
  reason?: 'retired' | 'disabled' | 'expired';
}

export interface AlertSettings {
  /** N failures within M minutes, per account and per source address. */
  failures: { count: number; withinMinutes: number };
  /** Administrator sign-ins outside these hours (the facility's zone, HH:MM, from inclusive, to exclusive). */
  adminHours: { from: string; to: string };
  zone: string;
}

/** Mamori's defaults (`source.status: mamori` — the documents give none). */
export const defaultAlertSettings: AlertSettings = {
  failures: { count: 5, withinMinutes: 10 },
  adminHours: { from: '07:00', to: '21:00' },
  zone: 'Asia/Tokyo',
};

/** The account ledger's view of an account, as the rules need it. */
export interface LedgerAccount {
  loginId: string;
  role: string;
  enabled: boolean;
  retired: boolean;
  validTo: string | null;
}

const ms = (iso: string) => Date.parse(iso);
const successfulLogins = (events: readonly AccessLogEvent[]) => events.filter((e) => e.category === 'login' && e.outcome === 'success' && e.user);

/** One alert per subject and rule: how many, first and last. */
function summarize(rule: AlertRule, groups: Map<string, AccessLogEvent[]>, reasonOf?: (subject: string) => Alert['reason']): Alert[] {
  return [...groups].map(([subject, list]) => {
    const reason = reasonOf?.(subject);
    return { rule, subject, count: list.length, first: list[0]!.occurredAt, last: list.at(-1)!.occurredAt, ...(reason ? { reason } : {}) };
  });
}

/**
 * Password guessing: the failures of each account (or address) that fall in a window of M minutes holding at
 * least N of them; overlapping windows are one alert.
 */
function failureBursts(events: readonly AccessLogEvent[], keyOf: (e: AccessLogEvent) => string | null, settings: AlertSettings): Map<string, AccessLogEvent[]> {
  const windowMs = settings.failures.withinMinutes * 60_000;
  const bursts = new Map<string, AccessLogEvent[]>();
  for (const [key, list] of groupBy(
    events.filter((e) => e.outcome === 'failure'),
    keyOf,
  )) {
    const inBurst = new Set<AccessLogEvent>();
    let start = 0;
    for (let end = 0; end < list.length; end++) {
      while (ms(list[end]!.occurredAt) - ms(list[start]!.occurredAt) > windowMs) start++;
      if (end - start + 1 >= settings.failures.count) for (let i = start; i <= end; i++) inBurst.add(list[i]!);
    }
    if (inBurst.size) bursts.set(key, [...inBurst]);
  }
  return bursts;
}

/** Why the ledger says this account should not sign in, on the day of the sign-in (the facility's zone). */
function ledgerObjection(account: LedgerAccount, day: string): Alert['reason'] | null {
  if (account.retired) return 'retired';
  if (!account.enabled) return 'disabled';
  if (account.validTo && day > account.validTo) return 'expired';
  return null;
}

const dayIn = (iso: string, zone: string) => {
  const w = wallTimeAt(new Date(iso), zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};
const minutesIn = (iso: string, zone: string) => {
  const w = wallTimeAt(new Date(iso), zone);
  return w.hour * 60 + w.minute;
};
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const isAdministrator = (account: LedgerAccount) => /admin|administrator|管理者|システム管理/i.test(account.role);

export interface AlertInput {
  /** The period's events, oldest first. */
  events: readonly AccessLogEvent[];
  /** The account ledger of the source's system, or of the whole facility when the source names none. */
  accounts: readonly LedgerAccount[];
  /** Addresses each account signed in from before this period (for `new-address`). */
  knownAddresses?: ReadonlyMap<string, ReadonlySet<string>>;
  settings?: AlertSettings;
}

/** Every alert of a period; the log's user is matched to the ledger's ユーザID exactly, as both write it. */
export function accessLogAlerts({ events, accounts, knownAddresses = new Map(), settings = defaultAlertSettings }: AlertInput): Alert[] {
  const ledger = new Map(accounts.map((a) => [a.loginId, a]));
  const logins = successfulLogins(events);
  const alerts = [
    ...summarize(
      'failures-per-account',
      failureBursts(events, (e) => e.user, settings),
    ),
    ...summarize(
      'failures-per-address',
      failureBursts(events, (e) => e.sourceIp, settings),
    ),
  ];

  const objections = new Map<string, Alert['reason']>();
  const objected = groupBy(logins, (e) => {
    const account = ledger.get(e.user!);
    const reason = account && ledgerObjection(account, dayIn(e.occurredAt, settings.zone));
    if (!reason) return null;
    objections.set(e.user!, reason);
    return e.user;
  });
  alerts.push(...summarize('ledger-account-login', objected, (subject) => objections.get(subject)));

  alerts.push(
    ...summarize(
      'unknown-account',
      groupBy(logins, (e) => (ledger.has(e.user!) ? null : e.user)),
    ),
  );

  const [from, to] = [minutesOf(settings.adminHours.from), minutesOf(settings.adminHours.to)];
  const outside = (iso: string) => {
    const m = minutesIn(iso, settings.zone);
    return from <= to ? m < from || m >= to : m < from && m >= to;
  };
  alerts.push(
    ...summarize(
      'admin-outside-hours',
      groupBy(logins, (e) => (ledger.get(e.user!) && isAdministrator(ledger.get(e.user!)!) && outside(e.occurredAt) ? e.user : null)),
    ),
  );

  const seen = new Map<string, Set<string>>();
  const firstFromNew = logins.filter((e) => {
    if (!e.sourceIp) return false;
    const known = seen.get(e.user!) ?? new Set(knownAddresses.get(e.user!) ?? []);
    seen.set(e.user!, known);
    if (known.has(e.sourceIp)) return false;
    known.add(e.sourceIp);
    return (knownAddresses.get(e.user!)?.size ?? 0) > 0 || known.size > 1;
  });
  alerts.push(
    ...summarize(
      'new-address',
      groupBy(firstFromNew, (e) => `${e.user} ${e.sourceIp}`),
    ),
  );
  return alerts;
}
