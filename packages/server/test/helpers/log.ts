import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger.js';

/** The server's logger at info level, writing into memory: what an operator's log file would hold. */
export function captureLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', sink), text: () => lines.join('') };
}
