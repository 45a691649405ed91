import { describe, expect, it } from 'vitest';
import { accessLogAlerts, type AccessLogEvent, type LedgerAccount } from '../src/index.js';

/** Times in Tokyo (UTC+9), as the clinic reads them. */
const at = (tokyo: string) => new Date(`${tokyo}+09:00`).toISOString();
const login = (user: string, tokyo: string, sourceIp = '192.168.1.10'): AccessLogEvent => ({
  occurredAt: at(tokyo),
  host: 'emr-srv',
  user,
  category: 'login',
  outcome: 'success',
  sourceIp,
  action: 'accepted password',
  raw: '',
});
const failure = (user: string | null, tokyo: string, sourceIp = '203.0.113.9'): AccessLogEvent => ({
  ...login(user ?? '', tokyo, sourceIp),
  user,
  category: 'failure',
  outcome: 'failure',
  action: 'failed password',
});
const account = (loginId: string, fields: Partial<LedgerAccount> = {}): LedgerAccount => ({
  loginId,
  role: 'User',
  enabled: true,
  retired: false,
  validTo: null,
  ...fields,
});
const accounts = [
  account('yamada'),
  account('sato-admin', { role: 'Admin' }),
  account('tanaka', { retired: true }),
  account('kato', { enabled: false }),
  account('ito', { validTo: '2024-05-15' }),
];
const rulesOf = (events: AccessLogEvent[], extra: Partial<Parameters<typeof accessLogAlerts>[0]> = {}) => accessLogAlerts({ events, accounts, ...extra });

describe('access-log alerts', () => {
  it('a quiet day of known people signing in at work raises nothing', () => {
    expect(rulesOf([login('yamada', '2024-05-16T08:30:00'), login('sato-admin', '2024-05-16T09:00:00'), login('yamada', '2024-05-17T08:31:00')])).toEqual([]);
  });

  it('password guessing: 5 failures within 10 minutes, per account and per address; 4, or 5 spread out, is not', () => {
    const burst = ['08:00:00', '08:01:00', '08:02:00', '08:05:00', '08:09:59'].map((t) => failure('yamada', `2024-05-16T${t}`));
    expect(rulesOf(burst)).toEqual([
      { rule: 'failures-per-account', subject: 'yamada', count: 5, first: at('2024-05-16T08:00:00'), last: at('2024-05-16T08:09:59') },
      { rule: 'failures-per-address', subject: '203.0.113.9', count: 5, first: at('2024-05-16T08:00:00'), last: at('2024-05-16T08:09:59') },
    ]);
    expect(rulesOf(burst.slice(0, 4))).toEqual([]);
    const spread = ['08:00:00', '08:04:00', '08:08:00', '08:12:00', '08:16:00'].map((t) => failure('yamada', `2024-05-16T${t}`));
    expect(rulesOf(spread)).toEqual([]);
  });

  it('one address guessing many accounts is caught by address, not by account', () => {
    const spray = ['admin', 'root', 'test', 'guest', 'oracle'].map((user, i) => failure(user, `2024-05-16T03:0${i}:00`));
    expect(rulesOf(spray).map((a) => `${a.rule} ${a.subject} ${a.count}`)).toEqual(['failures-per-address 203.0.113.9 5']);
  });

  it('a sign-in by an account the ledger marks retired, disabled or past its valid-to date', () => {
    const alerts = rulesOf([
      login('tanaka', '2024-05-16T10:00:00'),
      login('tanaka', '2024-05-17T10:00:00'),
      login('kato', '2024-05-16T10:00:00'),
      login('ito', '2024-05-15T10:00:00'),
      login('ito', '2024-05-16T10:00:00'),
    ]);
    expect(alerts.filter((a) => a.rule === 'ledger-account-login').map((a) => `${a.subject} ${a.reason} ${a.count}`)).toEqual([
      'tanaka retired 2',
      'kato disabled 1',
      'ito expired 1',
    ]);
  });

  it('a sign-in by an account the ledger does not know', () => {
    expect(rulesOf([login('ghost', '2024-05-16T10:00:00')])).toEqual([
      { rule: 'unknown-account', subject: 'ghost', count: 1, first: at('2024-05-16T10:00:00'), last: at('2024-05-16T10:00:00') },
    ]);
  });

  it('an administrator signing in outside the facility’s hours (07:00–21:00 Tokyo by default)', () => {
    const alerts = rulesOf([
      login('sato-admin', '2024-05-16T06:59:00'),
      login('sato-admin', '2024-05-16T07:00:00'),
      login('sato-admin', '2024-05-16T21:00:00'),
      login('yamada', '2024-05-16T23:00:00'),
    ]);
    expect(alerts.map((a) => `${a.rule} ${a.subject} ${a.count}`)).toEqual(['admin-outside-hours sato-admin 2']);
    const nightShift = rulesOf([login('sato-admin', '2024-05-16T23:00:00'), login('sato-admin', '2024-05-16T12:00:00')], {
      settings: { failures: { count: 5, withinMinutes: 10 }, adminHours: { from: '20:00', to: '08:00' }, zone: 'Asia/Tokyo' },
    });
    expect(nightShift.map((a) => `${a.rule} ${a.count} ${a.first}`)).toEqual([`admin-outside-hours 1 ${at('2024-05-16T12:00:00')}`]);
  });

  it('a first sign-in from a new address: known from history, or after the first address seen', () => {
    const events = [
      login('yamada', '2024-05-16T08:00:00', '192.168.1.10'),
      login('yamada', '2024-05-16T09:00:00', '192.168.1.10'),
      login('yamada', '2024-05-16T10:00:00', '198.51.100.7'),
    ];
    expect(rulesOf(events).map((a) => `${a.rule} ${a.subject}`)).toEqual(['new-address yamada 198.51.100.7']);
    const history = new Map([['yamada', new Set(['192.168.1.99'])]]);
    expect(rulesOf(events.slice(0, 1), { knownAddresses: history }).map((a) => `${a.rule} ${a.subject}`)).toEqual(['new-address yamada 192.168.1.10']);
  });
});
