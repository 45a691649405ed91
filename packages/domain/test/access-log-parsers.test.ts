import { describe, expect, it } from 'vitest';
import { instantWithoutYear, parseAuthLogLine, parseManualCsvRow, zonedToInstant, type ParsedLine } from '../src/index.js';

const tokyo = 'Asia/Tokyo';
const receivedAt = new Date('2024-05-20T03:00:00Z'); // 12:00 in Tokyo
const event = (line: ParsedLine) => {
  if (!line.parsed) throw new Error(`not parsed: ${line.raw} (${line.reason})`);
  return line.event;
};
const read = (line: string, zone = tokyo, at = receivedAt) => event(parseAuthLogLine(line, zone, at));

describe('OpenSSH and PAM lines of auth.log / secure', () => {
  it.each([
    [
      'May 16 08:30:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2',
      'login',
      'success',
      'yamada',
      '192.168.1.23',
      'accepted password',
    ],
    [
      'May 16 08:30:00 emr-srv sshd[1201]: Accepted publickey for backup from 10.0.0.5 port 40022 ssh2: ED25519 SHA256:abc',
      'login',
      'success',
      'backup',
      '10.0.0.5',
      'accepted publickey',
    ],
    [
      'May 16 08:31:02 emr-srv sshd[1202]: Failed password for yamada from 192.168.1.23 port 51515 ssh2',
      'failure',
      'failure',
      'yamada',
      '192.168.1.23',
      'failed password',
    ],
    [
      'May 16 08:31:05 emr-srv sshd[1203]: Failed password for invalid user admin from 203.0.113.9 port 6000 ssh2',
      'failure',
      'failure',
      'admin',
      '203.0.113.9',
      'failed password (invalid user)',
    ],
    ['May 16 08:31:04 emr-srv sshd[1203]: Invalid user admin from 203.0.113.9 port 6000', 'failure', 'failure', 'admin', '203.0.113.9', 'invalid user'],
    [
      'May 16 08:31:09 emr-srv sshd[1203]: error: maximum authentication attempts exceeded for root from 203.0.113.9 port 6001 ssh2 [preauth]',
      'failure',
      'failure',
      'root',
      '203.0.113.9',
      'maximum attempts exceeded',
    ],
    [
      'May 16 08:31:10 emr-srv sshd[1203]: Disconnected from invalid user admin 203.0.113.9 port 6000 [preauth]',
      'failure',
      'failure',
      'admin',
      '203.0.113.9',
      'disconnected before sign-in',
    ],
    [
      'May 16 08:31:11 emr-srv sshd[1204]: Connection closed by authenticating user root 203.0.113.9 port 6002 [preauth]',
      'failure',
      'failure',
      'root',
      '203.0.113.9',
      'disconnected before sign-in',
    ],
    [
      'May 16 08:31:12 emr-srv sshd[1205]: Connection closed by 203.0.113.9 port 6003 [preauth]',
      'failure',
      'failure',
      null,
      '203.0.113.9',
      'closed before sign-in',
    ],
    [
      'May 16 12:30:00 emr-srv sshd[1201]: Disconnected from user yamada 192.168.1.23 port 51514',
      'logout',
      'success',
      'yamada',
      '192.168.1.23',
      'disconnected',
    ],
    [
      'May 16 12:30:00 emr-srv sshd[1201]: Received disconnect from 192.168.1.23 port 51514:11: disconnected by user',
      'logout',
      'unknown',
      null,
      '192.168.1.23',
      'received disconnect',
    ],
    [
      'May 16 08:31:02 emr-srv sshd[1202]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.168.1.23  user=yamada',
      'failure',
      'failure',
      'yamada',
      '192.168.1.23',
      'pam authentication failure',
    ],
    [
      'May 16 08:30:00 emr-srv sshd[1201]: pam_unix(sshd:session): session opened for user yamada(uid=1001) by (uid=0)',
      'login',
      'success',
      'yamada',
      null,
      'session opened (sshd)',
    ],
    [
      'May 16 12:30:00 emr-srv sshd[1201]: pam_unix(sshd:session): session closed for user yamada',
      'logout',
      'success',
      'yamada',
      null,
      'session closed (sshd)',
    ],
    [
      'May 16 09:00:00 emr-srv useradd[2001]: new user: name=suzuki, UID=1002, GID=1002, home=/home/suzuki, shell=/bin/bash, from=/dev/pts/0',
      'account_change',
      'success',
      'suzuki',
      null,
      'user created',
    ],
    ["May 16 09:10:00 emr-srv userdel[2002]: delete user 'tanaka'", 'account_change', 'success', 'tanaka', null, 'user deleted'],
    [
      'May 16 09:05:00 emr-srv passwd[2003]: pam_unix(passwd:chauthtok): password changed for suzuki',
      'account_change',
      'success',
      'suzuki',
      null,
      'password changed',
    ],
  ])('%s', (line, category, outcome, user, sourceIp, action) => {
    expect(read(line)).toMatchObject({ category, outcome, user, sourceIp, action, host: 'emr-srv', raw: line });
  });

  it('keeps every line it does not understand, raw, with the reason; nothing is dropped', () => {
    for (const line of [
      '',
      'garbage',
      'May 16 08:30:00 emr-srv sshd[1]: Server listening on 0.0.0.0 port 22.',
      'May 16 08:30:00 emr-srv CRON[99]: (root) CMD (run-parts /etc/cron.hourly)',
      'Foo 16 08:30:00 host sshd[1]: Accepted password for a from 1.2.3.4 port 1 ssh2',
    ]) {
      const parsed = parseAuthLogLine(line, tokyo, receivedAt);
      expect(parsed.parsed, line).toBe(false);
      if (!parsed.parsed) expect(parsed.raw).toBe(line);
    }
    expect(parseAuthLogLine('May 32 08:30:00 h sshd[1]: Accepted password for a from 1.2.3.4 port 1 ssh2', tokyo, receivedAt)).toMatchObject({
      parsed: false,
      reason: 'bad-time',
    });
  });

  it('reads a stamp without a year or zone in the source’s zone, and never in the future', () => {
    expect(read('May 16 08:30:00 h sshd[1]: Accepted password for a from 1.2.3.4 port 1 ssh2').occurredAt).toBe('2024-05-15T23:30:00.000Z');
    expect(read('May 16 08:30:00 h sshd[1]: Accepted password for a from 1.2.3.4 port 1 ssh2', 'UTC').occurredAt).toBe('2024-05-16T08:30:00.000Z');
    // A December line arriving in January is last year's.
    const newYear = new Date('2025-01-02T00:00:00Z');
    expect(read('Dec 31 23:59:59 h sshd[1]: Accepted password for a from 1.2.3.4 port 1 ssh2', tokyo, newYear).occurredAt).toBe('2024-12-31T14:59:59.000Z');
    // Ahead of its arrival by more than a host clock's skew (a day): last year; by less: this year.
    expect(instantWithoutYear({ month: 5, day: 22, hour: 0, minute: 0, second: 0 }, tokyo, receivedAt).toISOString()).toBe('2023-05-21T15:00:00.000Z');
    expect(instantWithoutYear({ month: 5, day: 21, hour: 0, minute: 0, second: 0 }, tokyo, receivedAt).toISOString()).toBe('2024-05-20T15:00:00.000Z');
  });

  it('takes rsyslog’s ISO stamp with its own offset as written', () => {
    expect(read('2024-05-16T08:30:00.123456+09:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2', 'UTC').occurredAt).toBe(
      '2024-05-15T23:30:00.123Z',
    );
  });

  it('turns wall times of zones with daylight saving into instants', () => {
    expect(zonedToInstant({ year: 2024, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin').toISOString()).toBe('2024-07-01T10:00:00.000Z');
    expect(zonedToInstant({ year: 2024, month: 1, day: 1, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin').toISOString()).toBe('2024-01-01T11:00:00.000Z');
  });
});

describe('the manual’s example layout (ユーザーID, 氏名, 時刻, カテゴリ, 操作情報)', () => {
  const row = (ユーザーID: string, 時刻: string, カテゴリ: string, 操作情報: string) => ({ ユーザーID, 氏名: 'abcdef', 時刻, カテゴリ, 操作情報 });
  it.each([
    [row('abc@def', '2023/5/16 8:30:00', '管理メニュー', 'ログイン'), 'login', 'success', '2023-05-15T23:30:00.000Z', '管理メニュー: ログイン'],
    [row('abc@def', '2023/5/16 8:32:00', '入力メニュー', 'カルテ入力'), 'operation', 'success', '2023-05-15T23:32:00.000Z', '入力メニュー: カルテ入力'],
    [row('abc@def', '2023/5/17 12:30:00', '管理メニュー', 'ログオフ'), 'logout', 'success', '2023-05-17T03:30:00.000Z', '管理メニュー: ログオフ'],
    [row('ghi@jkl', '2023-05-17 08:40', '', 'ログイン失敗'), 'failure', 'failure', '2023-05-16T23:40:00.000Z', 'ログイン失敗'],
  ])('%o', (cells, category, outcome, occurredAt, action) => {
    expect(event(parseManualCsvRow(cells, 'raw', tokyo))).toMatchObject({
      category,
      outcome,
      occurredAt,
      action,
      user: cells.ユーザーID,
      host: null,
      raw: 'raw',
    });
  });

  it('keeps a row whose time cannot be read, raw', () => {
    expect(parseManualCsvRow(row('abc@def', '16日 8時', '管理メニュー', 'ログイン'), 'abc@def,abcdef,16日 8時', tokyo)).toEqual({
      parsed: false,
      raw: 'abc@def,abcdef,16日 8時',
      reason: 'bad-time',
    });
    expect(parseManualCsvRow(row('abc@def', '2023/13/16 8:30:00', '', 'ログイン'), 'x', tokyo)).toMatchObject({ parsed: false, reason: 'bad-time' });
  });
});
