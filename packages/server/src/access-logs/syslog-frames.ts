/**
 * Syslog over TCP (RFC 6587) as one stream of frames. Senders either count octets (`123 <34>1 ...`, rsyslog's
 * `TCP_Framing="octet-counted"`, syslog-ng's `syslog()` driver) or end each message with LF (the traditional
 * framing, rsyslog's default); the form is read per frame, as the RFC asks of a receiver. Some old senders end
 * frames with NUL instead, so NUL ends a non-transparent frame too.
 */

export const MAX_FRAME_BYTES = 64 * 1024;

const LF = 0x0a;
const NUL = 0x00;
const SPACE = 0x20;
const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
/** A MSG-LEN of more than ten digits is no length but the start of a line. */
const MAX_LENGTH_DIGITS = 10;

type Header = { length: number; headerBytes: number } | 'incomplete' | null;

function octetCount(buffer: Buffer): Header {
  if (!isDigit(buffer[0]) || buffer[0] === 0x30) return null;
  let at = 1;
  while (at < buffer.length && at <= MAX_LENGTH_DIGITS && isDigit(buffer[at])) at++;
  if (at > MAX_LENGTH_DIGITS) return null;
  if (at === buffer.length) return 'incomplete';
  if (buffer[at] !== SPACE) return null;
  return { length: Number(buffer.toString('latin1', 0, at)), headerBytes: at + 1 };
}

export class SyslogFrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of a cut octet-counted frame still to come, to be thrown away. */
  private skipBytes = 0;
  /** A cut LF-framed message: everything up to its end is thrown away. */
  private skipLine = false;
  /** How far the current non-transparent frame has been searched for its end, so a trickle is not rescanned. */
  private scanned = 0;

  constructor(private readonly maxFrameBytes = MAX_FRAME_BYTES) {}

  /** The frames completed by this chunk; an oversized frame comes out cut to the bound (it is still stored). */
  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Buffer[] = [];
    while (this.buffer.length > 0) {
      if (this.skipBytes > 0) {
        const dropped = Math.min(this.skipBytes, this.buffer.length);
        this.skipBytes -= dropped;
        this.take(dropped);
        continue;
      }
      if (this.skipLine) {
        const end = this.endOfLine();
        if (end < 0) {
          this.take(this.buffer.length);
          break;
        }
        this.skipLine = false;
        this.take(end + 1);
        continue;
      }
      const header = octetCount(this.buffer);
      if (header === 'incomplete') break;
      if (header) {
        const size = Math.min(header.length, this.maxFrameBytes);
        if (this.buffer.length < header.headerBytes + size) break;
        frames.push(this.buffer.subarray(header.headerBytes, header.headerBytes + size));
        this.skipBytes = header.length - size;
        this.take(header.headerBytes + size);
        continue;
      }
      const end = this.endOfLine();
      if (end >= 0) {
        if (end > 0) frames.push(this.buffer.subarray(0, Math.min(end, this.maxFrameBytes)));
        this.take(end + 1);
        continue;
      }
      if (this.buffer.length < this.maxFrameBytes) break;
      frames.push(this.buffer.subarray(0, this.maxFrameBytes));
      this.skipLine = true;
      this.take(this.maxFrameBytes);
    }
    return frames;
  }

  /** What is left when the connection closes: an unterminated last message (or the start of a counted one) still counts. */
  end(): Buffer[] {
    const header = octetCount(this.buffer);
    const start = header && header !== 'incomplete' ? header.headerBytes : 0;
    const rest = this.skipBytes > 0 || this.skipLine ? Buffer.alloc(0) : this.buffer.subarray(start, start + this.maxFrameBytes);
    this.take(this.buffer.length);
    return rest.length > 0 ? [rest] : [];
  }

  private take(bytes: number): void {
    this.buffer = this.buffer.subarray(bytes);
    this.scanned = 0;
  }

  private endOfLine(): number {
    for (let at = this.scanned; at < this.buffer.length; at++) {
      const byte = this.buffer[at];
      if (byte === LF || byte === NUL) return at;
    }
    this.scanned = this.buffer.length;
    return -1;
  }
}
