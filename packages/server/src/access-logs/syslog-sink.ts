import type { BaseLogger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { appendSyslogLines } from './ingest.js';
import { sourceForSyslogSender } from './sources.js';
import { startSyslogReceiver } from './syslog-receiver.js';

/** The syslog receiver writing into the sources' chains: a sender is the source whose registered address it has. */
export async function startLogReceiver(db: Db, config: NonNullable<Config['syslog']>, log: BaseLogger) {
  const receiver = await startSyslogReceiver({
    ...config,
    log,
    sink: {
      sourceFor: (address) => sourceForSyslogSender(db, address),
      append: (source, lines, receivedAt) => appendSyslogLines(db, source, lines, receivedAt),
    },
  });
  log.info(`syslog: udp/${receiver.udpPort} tcp/${receiver.tcpPort} (${config.host})`);
  return receiver;
}
