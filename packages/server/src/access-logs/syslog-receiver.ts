import dgram from 'node:dgram';
import net from 'node:net';
import { syslogMessageToLine } from '@mamori/domain';
import type { BaseLogger } from 'pino';
import { defaultSyslogLimits, SyslogBatches, type SyslogCounts, type SyslogLimits, type SyslogSink } from './syslog-batches.js';
import { MAX_FRAME_BYTES, SyslogFrameReader } from './syslog-frames.js';

export type { SyslogSink } from './syslog-batches.js';

export interface SyslogReceiverLimits extends SyslogLimits {
  maxFrameBytes: number;
  /** A TCP connection silent this long is closed; rsyslog checks its connection before sending and reconnects. */
  idleMs: number;
  maxConnections: number;
}

const defaultLimits: SyslogReceiverLimits = { ...defaultSyslogLimits, maxFrameBytes: MAX_FRAME_BYTES, idleMs: 10 * 60_000, maxConnections: 256 };

export interface SyslogReceiverOptions<Source extends { id: string }> {
  host: string;
  port: number;
  sink: SyslogSink<Source>;
  log: BaseLogger;
  limits?: Partial<SyslogReceiverLimits>;
}

export interface SyslogReceiver {
  udpPort: number;
  tcpPort: number;
  readonly counts: Readonly<SyslogCounts>;
  /** Stops listening, then appends what was received and waits for it to be stored. */
  close(): Promise<void>;
}

/** A dual-stack socket reports an IPv4 sender as ::ffff:a.b.c.d; sources register the plain IPv4 address. */
const senderAddress = (address: string) => (address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address);

function bindUdp(socket: dgram.Socket, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve(socket.address().port);
    });
  });
}

function listenTcp(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

const closeUdp = (socket: dgram.Socket) => new Promise<void>((resolve) => socket.close(() => resolve()));
const closeTcp = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/**
 * Receives syslog (UDP and TCP on one port number) from the servers whose auth logs Mamori keeps, and hands each
 * message to the sink as one line of the source its sender's address is registered on.
 */
export async function startSyslogReceiver<Source extends { id: string }>(options: SyslogReceiverOptions<Source>): Promise<SyslogReceiver> {
  const { host, port, sink, log } = options;
  const limits = { ...defaultLimits, ...options.limits };
  const batches = new SyslogBatches(sink, log, limits);
  const receive = (address: string | undefined, frame: Buffer) => {
    const line = syslogMessageToLine(frame.toString('utf8'));
    if (address && line) batches.add(senderAddress(address), line);
  };

  const udp = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  udp.on('message', (message, remote) => receive(remote.address, message.subarray(0, limits.maxFrameBytes)));

  // The sender's address is read once: a socket that has closed no longer reports it.
  const connections = new Map<net.Socket, { address: string | undefined; reader: SyslogFrameReader }>();
  const endConnection = (socket: net.Socket) => {
    const connection = connections.get(socket);
    connections.delete(socket);
    for (const frame of connection?.reader.end() ?? []) receive(connection?.address, frame);
  };
  const tcpServer = () => {
    const server = net.createServer((socket) => {
      const connection = { address: socket.remoteAddress, reader: new SyslogFrameReader(limits.maxFrameBytes) };
      connections.set(socket, connection);
      socket.setTimeout(limits.idleMs, () => socket.destroy());
      socket.on('data', (chunk) => {
        for (const frame of connection.reader.push(chunk)) receive(connection.address, frame);
      });
      socket.on('end', () => endConnection(socket));
      socket.on('close', () => connections.delete(socket));
      socket.on('error', (error) => log.debug({ err: error, address: connection.address }, 'syslog TCP connection error'));
    });
    server.maxConnections = limits.maxConnections;
    return server;
  };

  let tcp = tcpServer();
  let udpPort: number;
  let tcpPort: number;
  try {
    udpPort = await bindUdp(udp, host, port);
    try {
      tcpPort = await listenTcp(tcp, host, udpPort);
    } catch (error) {
      // An ephemeral UDP port may be taken for TCP; tests ask for any port and read back both.
      if (port !== 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      tcp = tcpServer();
      tcpPort = await listenTcp(tcp, host, 0);
    }
  } catch (error) {
    udp.removeAllListeners('message');
    try {
      udp.close();
    } catch {
      // Not bound: nothing to close.
    }
    await batches.close();
    throw error;
  }
  udp.on('error', (error) => log.error({ err: error }, 'syslog UDP socket error'));
  tcp.on('error', (error) => log.error({ err: error }, 'syslog TCP server error'));

  return {
    udpPort,
    tcpPort,
    counts: batches.counts,
    async close() {
      const closed = Promise.all([closeUdp(udp), closeTcp(tcp)]);
      for (const socket of [...connections.keys()]) {
        endConnection(socket);
        socket.destroy();
      }
      await closed;
      await batches.close();
    },
  };
}
