import { describe, expect, it } from 'vitest';
import { SyslogFrameReader } from '../src/access-logs/syslog-frames.js';

const counted = (message: string) => `${Buffer.byteLength(message)} ${message}`;

/** Feeds the stream in the given chunk sizes and returns every frame, with what end() gives. */
function read(stream: string, chunkBytes: number, maxFrameBytes?: number): string[] {
  const reader = new SyslogFrameReader(maxFrameBytes);
  const bytes = Buffer.from(stream);
  const frames: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) frames.push(...reader.push(bytes.subarray(at, at + chunkBytes)));
  frames.push(...reader.end());
  return frames.map((frame) => frame.toString('utf8'));
}

describe('RFC 6587 framing', () => {
  const messages = ['<38>May 16 08:30:00 emr-srv sshd[1]: Accepted password for 山田 from 10.0.0.1 port 1 ssh2', '<86>1 - - - - - - 12 words\nin two lines'];
  const stream = `${counted(messages[0]!)}${messages[0]}\n${counted(messages[1]!)}12345\0<13>last`;
  const expected = [messages[0], messages[0], messages[1], '12345', '<13>last'];

  it.each([1, 2, 3, 7, 64, 10_000])('reads mixed octet-counted, LF- and NUL-terminated frames fed %i bytes at a time', (chunkBytes) => {
    expect(read(stream, chunkBytes)).toEqual(expected);
  });

  it('skips empty frames (blank lines between messages)', () => {
    expect(read('\n\n<13>a\n\n<13>b\n', 4)).toEqual(['<13>a', '<13>b']);
  });

  it('reads a line of digits, or more than ten of them before a space, as a line, not a length', () => {
    expect(read('12345678901 <13>x\n99\n', 1)).toEqual(['12345678901 <13>x', '99']);
  });

  it.each([1, 5, 100])('cuts an oversized LF frame to the bound and drops its rest (chunks of %i)', (chunkBytes) => {
    expect(read(`${'a'.repeat(25)}\n<13>next\n`, chunkBytes, 10)).toEqual(['aaaaaaaaaa', '<13>next']);
  });

  it.each([1, 5, 100])('cuts an oversized octet-counted frame to the bound and skips the bytes it declared (chunks of %i)', (chunkBytes) => {
    expect(read(`${counted('b'.repeat(25))}${counted('<13>next')}`, chunkBytes, 10)).toEqual(['bbbbbbbbbb', '<13>next']);
  });

  it('gives the body of an octet-counted frame cut short by the close', () => {
    expect(read('50 <13>partial', 3)).toEqual(['<13>partial']);
  });
});
