/**
 * Syslog messages as a network sender puts them on the wire, turned into the lines `parseAuthLogLine` reads.
 * RFC 3164 senders (rsyslog's default, BSD syslogd, most appliances) already write the classic line after the
 * priority; RFC 5424 senders (rsyslog's RSYSLOG_SyslogProtocol23Format, systemd-netlogd) put the fields in their
 * own order, so they are rewritten into rsyslog's ISO form. Whatever is neither is still kept, to be stored raw.
 */

const PRI = /^<\d{1,3}>/;
const RFC5424_HEADER = /^<\d{1,3}>1 (?<stamp>\S+) (?<host>\S+) (?<app>\S+) (?<procid>\S+) \S+ /;

/** The index just past the structured data that starts at `from` (`-` or `[id k="v"]...`), or -1 if it is malformed. */
function endOfStructuredData(text: string, from: number): number {
  if (text[from] === '-') return from + 1;
  let at = from;
  while (text[at] === '[') {
    let quoted = false;
    at++;
    for (; at < text.length; at++) {
      const char = text[at];
      // Inside a quoted value `\]`, `\"` and `\\` are escapes; outside quotes a `]` ends the element.
      if (quoted && char === '\\') at++;
      else if (char === '"') quoted = !quoted;
      else if (!quoted && char === ']') break;
    }
    if (at >= text.length) return -1;
    at++;
  }
  return at === from ? -1 : at;
}

function rfc5424ToLine(frame: string): string | null {
  const header = RFC5424_HEADER.exec(frame);
  if (!header) return null;
  const { stamp, host, app, procid } = header.groups as Record<'stamp' | 'host' | 'app' | 'procid', string>;
  const end = endOfStructuredData(frame, header[0].length);
  if (end < 0 || (end < frame.length && frame[end] !== ' ')) return null;
  const message = frame.slice(end + 1).replace(/^\uFEFF/, '');
  const program = procid === '-' ? app : `${app}[${procid}]`;
  return message ? `${stamp} ${host} ${program}: ${message}` : `${stamp} ${host} ${program}:`;
}

/** One syslog message (a UDP datagram or one TCP frame) as one log line; nothing is dropped but the priority. */
export function syslogMessageToLine(frame: string): string {
  const message = frame.replace(/[\r\n\0]+$/, '');
  return rfc5424ToLine(message) ?? message.replace(PRI, '');
}
