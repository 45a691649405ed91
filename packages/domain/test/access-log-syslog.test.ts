import { describe, expect, it } from 'vitest';
import { parseAuthLogLine, syslogMessageToLine } from '../src/index.js';

const tokyo = 'Asia/Tokyo';
const receivedAt = new Date('2026-05-16T03:00:00Z'); // 12:00 in Tokyo
const eventOf = (line: string) => {
  const parsed = parseAuthLogLine(line, tokyo, receivedAt);
  if (!parsed.parsed) throw new Error(`not parsed: ${parsed.raw} (${parsed.reason})`);
  return parsed.event;
};

describe('syslog messages as auth-log lines', () => {
  it('strips the priority of an RFC 3164 message (rsyslog’s default forwarding format)', () => {
    const line = syslogMessageToLine('<38>May 16 08:30:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2');
    expect(line).toBe('May 16 08:30:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2');
    expect(eventOf(line)).toEqual({
      occurredAt: '2026-05-15T23:30:00.000Z',
      host: 'emr-srv',
      user: 'yamada',
      category: 'login',
      outcome: 'success',
      sourceIp: '192.168.1.23',
      action: 'accepted password',
      raw: line,
    });
  });

  it('keeps the padded single-digit day of RFC 3164 (authpriv facility)', () => {
    const line = syslogMessageToLine('<86>May  6 23:59:59 emr-srv sshd[77]: pam_unix(sshd:session): session closed for user yamada');
    expect(line).toBe('May  6 23:59:59 emr-srv sshd[77]: pam_unix(sshd:session): session closed for user yamada');
    expect(eventOf(line)).toMatchObject({ occurredAt: '2026-05-06T14:59:59.000Z', category: 'logout', user: 'yamada' });
  });

  it('strips the priority of rsyslog’s RSYSLOG_ForwardFormat, whose stamp carries its offset and microseconds', () => {
    const line = syslogMessageToLine(
      '<38>2026-05-16T08:31:02.123456+09:00 emr-srv sshd[1202]: Failed password for invalid user admin from 203.0.113.9 port 6000 ssh2',
    );
    expect(line).toBe('2026-05-16T08:31:02.123456+09:00 emr-srv sshd[1202]: Failed password for invalid user admin from 203.0.113.9 port 6000 ssh2');
    expect(eventOf(line)).toMatchObject({
      occurredAt: '2026-05-15T23:31:02.123Z',
      category: 'failure',
      user: 'admin',
      sourceIp: '203.0.113.9',
      action: 'failed password (invalid user)',
    });
  });

  it('rewrites an RFC 5424 message without structured data (journald forwarded by systemd-netlogd or rsyslog)', () => {
    const line = syslogMessageToLine(
      '<38>1 2026-05-16T08:30:00.000001+09:00 emr-srv sshd 1201 - - Accepted publickey for backup from 10.0.0.5 port 40022 ssh2: ED25519 SHA256:abc',
    );
    expect(line).toBe('2026-05-16T08:30:00.000001+09:00 emr-srv sshd[1201]: Accepted publickey for backup from 10.0.0.5 port 40022 ssh2: ED25519 SHA256:abc');
    expect(eventOf(line)).toMatchObject({ occurredAt: '2026-05-15T23:30:00.000Z', host: 'emr-srv', user: 'backup', action: 'accepted publickey' });
  });

  it('drops RFC 5424 structured data, including a quoted value with escaped ] and "', () => {
    const line = syslogMessageToLine(
      '<86>1 2026-05-15T23:31:02Z emr-srv sshd 1202 ID47 [timeQuality tzKnown="1" isSynced="1"][note@32473 text="a \\] b \\"c\\" d\\\\"] Failed password for yamada from 192.168.1.23 port 51515 ssh2',
    );
    expect(line).toBe('2026-05-15T23:31:02Z emr-srv sshd[1202]: Failed password for yamada from 192.168.1.23 port 51515 ssh2');
    expect(eventOf(line)).toMatchObject({ occurredAt: '2026-05-15T23:31:02.000Z', category: 'failure', user: 'yamada', sourceIp: '192.168.1.23' });
  });

  it('strips the BOM that starts a UTF-8 RFC 5424 message, and a nil PROCID leaves no brackets', () => {
    const line = syslogMessageToLine(
      '<38>1 2026-05-16T08:30:00+09:00 emr-srv sshd - - - \uFEFFAccepted password for 山田 from 192.168.1.23 port 51514 ssh2\r\n',
    );
    expect(line).toBe('2026-05-16T08:30:00+09:00 emr-srv sshd: Accepted password for 山田 from 192.168.1.23 port 51514 ssh2');
    expect(eventOf(line)).toMatchObject({ occurredAt: '2026-05-15T23:30:00.000Z', user: '山田' });
  });

  it('keeps a nil RFC 5424 hostname as "-" so the line still reads', () => {
    const line = syslogMessageToLine('<38>1 2026-05-16T08:30:00+09:00 - sshd 1201 - - Invalid user admin from 203.0.113.9 port 6000');
    expect(line).toBe('2026-05-16T08:30:00+09:00 - sshd[1201]: Invalid user admin from 203.0.113.9 port 6000');
    expect(eventOf(line)).toMatchObject({ host: '-', category: 'failure', user: 'admin' });
  });

  it('writes an RFC 5424 message with no MSG as a line with nothing after the colon', () => {
    expect(syslogMessageToLine('<38>1 2026-05-16T08:30:00+09:00 emr-srv sshd 1201 - [x@1 a="b"]')).toBe('2026-05-16T08:30:00+09:00 emr-srv sshd[1201]:');
  });

  it('keeps anything else as it came, minus the priority and trailing CR, LF and NUL (to be stored raw)', () => {
    const cisco = syslogMessageToLine('<189>123: *Mar  1 00:00:05.123: %SYS-5-CONFIG_I: Configured from console by vty0 (10.0.0.1)\0');
    expect(cisco).toBe('123: *Mar  1 00:00:05.123: %SYS-5-CONFIG_I: Configured from console by vty0 (10.0.0.1)');
    expect(parseAuthLogLine(cisco, tokyo, receivedAt)).toEqual({ parsed: false, raw: cisco, reason: 'unrecognized' });
    expect(syslogMessageToLine('no priority at all\n')).toBe('no priority at all');
    // Malformed structured data (never closed) is not RFC 5424 after all.
    expect(syslogMessageToLine('<38>1 2026-05-16T08:30:00+09:00 emr-srv sshd 1 - [x a="b] msg')).toBe(
      '1 2026-05-16T08:30:00+09:00 emr-srv sshd 1 - [x a="b] msg',
    );
    expect(syslogMessageToLine('<38>1 2026-05-16T08:30:00+09:00 emr-srv sshd 1 - [x]msg')).toBe('1 2026-05-16T08:30:00+09:00 emr-srv sshd 1 - [x]msg');
  });

  it('turns an empty frame, or one with only a priority, into an empty line', () => {
    expect(syslogMessageToLine('')).toBe('');
    expect(syslogMessageToLine('\r\n')).toBe('');
    expect(syslogMessageToLine('<13>')).toBe('');
  });
});
