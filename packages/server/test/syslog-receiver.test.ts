import dgram from 'node:dgram';
import net from 'node:net';
import { syslogMessageToLine } from '@mamori/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SyslogReceiver, type SyslogReceiverLimits, type SyslogSink, startSyslogReceiver } from '../src/access-logs/syslog-receiver.js';
import { captureLog } from './helpers/log.js';

const LOCAL = '127.0.0.1';
/** Linux routes all of 127/8 to the loopback: a second sender address no source claims. */
const STRANGER = '127.0.0.2';

const sshd3164 = '<38>May 16 08:30:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2';
const sshd5424 =
  '<86>1 2026-05-16T08:31:02.123456+09:00 emr-srv sshd 1202 - [timeQuality tzKnown="1"] Failed password for invalid user admin from 203.0.113.9 port 6000 ssh2';
const line = (n: number) =>
  `<38>May 16 08:30:${String(n % 60).padStart(2, '0')} emr-srv sshd[${n}]: Accepted publickey for backup from 10.0.0.5 port ${n} ssh2`;
const counted = (message: string) => `${Buffer.byteLength(message)} ${message}`;

function fakeSink(claimed: Record<string, string>) {
  const appended: { sourceId: string; lines: string[]; receivedAt: Date }[] = [];
  const lookedUp: string[] = [];
  let failNext = false;
  const sink: SyslogSink<{ id: string }> = {
    async sourceFor(address) {
      lookedUp.push(address);
      const id = claimed[address];
      return id ? { id } : undefined;
    },
    async append(source, lines, receivedAt) {
      if (failNext) {
        failNext = false;
        throw new Error('database is down');
      }
      appended.push({ sourceId: source.id, lines: [...lines], receivedAt });
    },
  };
  return {
    sink,
    appended,
    lookedUp,
    failNextAppend: () => (failNext = true),
    lines: (sourceId = 'emr') => appended.filter((a) => a.sourceId === sourceId).flatMap((a) => a.lines),
  };
}

let receiver: SyslogReceiver | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await receiver?.close();
  receiver = undefined;
});

async function start(fake: ReturnType<typeof fakeSink>, limits: Partial<SyslogReceiverLimits> = {}, log = captureLog().log) {
  receiver = await startSyslogReceiver({ host: LOCAL, port: 0, sink: fake.sink, log, limits: { flushIntervalMs: 50, ...limits } });
  return receiver;
}

function sendUdp(port: number, message: string, from = LOCAL): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, from, () =>
      socket.send(message, port, LOCAL, (error) => {
        socket.close();
        if (error) reject(error);
        else resolve();
      }),
    );
  });
}

function connect(port: number, from = LOCAL): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: LOCAL, port, localAddress: from }, () => resolve(socket));
    socket.setNoDelay(true);
    socket.once('error', reject);
    sockets.push(socket);
  });
}

const write = (socket: net.Socket, data: string | Buffer) =>
  new Promise<void>((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));

/** Polls until the assertion holds, up to a deadline, instead of sleeping a guessed time. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 5000, interval: 20 });

describe('syslog receiver', () => {
  it('listens on UDP and TCP, on the same port when it is free', async () => {
    const { udpPort, tcpPort } = await start(fakeSink({}));
    expect(udpPort).toBeGreaterThan(0);
    expect(tcpPort).toBeGreaterThan(0);
  });

  it('refuses to start when the port is taken, and leaves nothing listening', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, LOCAL, resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const options = { host: LOCAL, port, sink: fakeSink({}).sink, log: captureLog().log };
      await expect(startSyslogReceiver(options)).rejects.toMatchObject({ code: 'EADDRINUSE' });
      // The UDP side was let go: UDP on this port binds again.
      const udp = dgram.createSocket('udp4');
      await new Promise<void>((resolve) => udp.bind(port, LOCAL, resolve));
      udp.close();
    } finally {
      taken.close();
    }
  });

  it('stores an RFC 3164 and an RFC 5424 message sent over UDP as auth-log lines of the sender’s source', async () => {
    const fake = fakeSink({ [LOCAL]: 'emr' });
    const { udpPort } = await start(fake);
    await sendUdp(udpPort, sshd3164);
    await sendUdp(udpPort, sshd5424);
    await eventually(() =>
      expect(fake.lines()).toEqual([
        'May 16 08:30:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2',
        '2026-05-16T08:31:02.123456+09:00 emr-srv sshd[1202]: Failed password for invalid user admin from 203.0.113.9 port 6000 ssh2',
      ]),
    );
    expect(fake.lines()).toEqual([syslogMessageToLine(sshd3164), syslogMessageToLine(sshd5424)]);
    // One lookup for the address, not one per message.
    expect(fake.lookedUp).toEqual([LOCAL]);
  });

  it('reads octet-counted and LF-framed TCP messages, a frame split across writes and two frames in one write', async () => {
    const fake = fakeSink({ [LOCAL]: 'emr' });
    const { tcpPort } = await start(fake);
    const socket = await connect(tcpPort);
    const split = counted(line(3));
    await write(socket, counted(sshd5424));
    await write(socket, `${sshd3164}\n`);
    await write(socket, split.slice(0, 2));
    await write(socket, split.slice(2));
    await write(socket, `${line(4)}\r\n${counted(line(5))}`);
    await write(socket, `${line(6).slice(0, 30)}`);
    await write(socket, `${line(6).slice(30)}\n`);
    await eventually(() => expect(fake.lines()).toHaveLength(6));
    expect(fake.lines()).toEqual([sshd5424, sshd3164, line(3), line(4), line(5), line(6)].map(syslogMessageToLine));
    expect(fake.lines()[1]).toBe('May 16 08:30:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2');
  });

  it('stores the unterminated last message of a connection that closes', async () => {
    const fake = fakeSink({ [LOCAL]: 'emr' });
    const { tcpPort } = await start(fake);
    const socket = await connect(tcpPort);
    socket.end(line(7));
    await eventually(() => expect(fake.lines()).toEqual([syslogMessageToLine(line(7))]));
  });

  it('appends nothing for a sender no source claims, and warns once a minute with the count', async () => {
    const fake = fakeSink({ [LOCAL]: 'emr' });
    const captured = captureLog();
    const { udpPort, tcpPort } = await start(fake, {}, captured.log);
    await sendUdp(udpPort, sshd3164, STRANGER);
    await eventually(() => expect(receiver!.counts.unclaimed).toBe(1));
    const socket = await connect(tcpPort, STRANGER);
    await write(socket, `${sshd3164}\n${counted(sshd5424)}`);
    await sendUdp(udpPort, sshd5424);
    await eventually(() => expect(fake.lines()).toEqual([syslogMessageToLine(sshd5424)]));
    await eventually(() => expect(receiver!.counts.unclaimed).toBe(3));
    expect(fake.appended.every((a) => a.sourceId === 'emr')).toBe(true);
    const warnings = captured
      .text()
      .split('\n')
      .filter((l) => l.includes(STRANGER));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 40, address: STRANGER, messages: 1 });
  });

  it('cuts an oversized frame to 64 KiB and stores it, then goes on with the next', async () => {
    const fake = fakeSink({ [LOCAL]: 'emr' });
    const { tcpPort } = await start(fake);
    const socket = await connect(tcpPort);
    const long = `<38>May 16 08:30:00 emr-srv app: ${'x'.repeat(100_000)}`;
    await write(socket, `${long}\n${line(1)}\n${counted(long)}${line(2)}\n`);
    await eventually(() => expect(fake.lines()).toHaveLength(4));
    const [first, second, third, fourth] = fake.lines();
    expect(first).toBe(long.slice(4, 64 * 1024));
    expect(second).toBe(syslogMessageToLine(line(1)));
    expect(third).toBe(first);
    expect(fourth).toBe(syslogMessageToLine(line(2)));
  });

  it('appends in batches of 1,000 lines, and close() appends what is still waiting', async () => {
    const fake = fakeSink({ [LOCAL]: 'emr' });
    const { tcpPort } = await start(fake, { flushIntervalMs: 60_000 });
    const socket = await connect(tcpPort);
    const sent = Array.from({ length: 1500 }, (_, n) => line(n));
    await write(socket, sent.map((m) => `${m}\n`).join(''));
    await eventually(() => expect(fake.appended.map((a) => a.lines.length)).toEqual([1000]));
    await eventually(() => expect(receiver!.counts.received).toBe(1500));
    await receiver!.close();
    receiver = undefined;
    expect(fake.appended.map((a) => a.lines.length)).toEqual([1000, 500]);
    expect(fake.lines()).toEqual(sent.map(syslogMessageToLine));
  });

  it('logs a failing append instead of throwing, and keeps receiving', async () => {
    const fake = fakeSink({ [LOCAL]: 'emr' });
    const captured = captureLog();
    const { udpPort } = await start(fake, {}, captured.log);
    fake.failNextAppend();
    await sendUdp(udpPort, line(1));
    await eventually(() => expect(receiver!.counts.failed).toBe(1));
    expect(captured.text()).toContain('database is down');
    await sendUdp(udpPort, line(2));
    await eventually(() => expect(fake.lines()).toEqual([syslogMessageToLine(line(2))]));
  });

  it('closes a TCP connection that stays idle', async () => {
    const { tcpPort } = await start(fakeSink({}), { idleMs: 100 });
    const socket = await connect(tcpPort);
    let closed = false;
    socket.once('close', () => (closed = true));
    await eventually(() => expect(closed).toBe(true));
  });
});
