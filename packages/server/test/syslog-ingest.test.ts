import dgram from 'node:dgram';
import net from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLogReceiver } from '../src/access-logs/syslog-sink.js';
import type { SyslogReceiver } from '../src/access-logs/syslog-receiver.js';
import { verifyLogChains } from '../src/access-logs/verify.js';
import { anchorLogHeads } from '../src/access-logs/upkeep.js';
import { call, json, setupAdmin, startTestApp, type TestApp } from './helpers/app.js';
import { createTenant, type Tenant } from './helpers/world.js';

/**
 * End to end on 127.0.0.1: a server's sshd lines sent over UDP (RFC 3164) and TCP (RFC 5424, octet-counted) reach
 * the source registered with the sender's address, are searchable, chained and then anchored by the upkeep job.
 */
let t: TestApp;
let tenant: Tenant;
let receiver: SyslogReceiver;
let sourceId: string;

beforeAll(async () => {
  t = await startTestApp();
  tenant = await createTenant(t.app, await setupAdmin(t.app), 'Y');
  const created = await json(
    call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/log-sources`, { name: 'カルテサーバ', syslogAddress: '127.0.0.1' }),
  );
  sourceId = created.source.id;
  receiver = await startLogReceiver(t.database.db, { host: '127.0.0.1', port: 0 }, pino({ level: 'silent' }));
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

function classicStamp(): string {
  // "Dec  2 09:05:03": month, day padded to two, 24-hour time, in the source's zone.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Tokyo',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return `${parts.month} ${parts.day!.padStart(2, ' ')} ${parts.hour}:${parts.minute}:${parts.second}`;
}

async function sendUdp(message: string) {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => socket.send(message, receiver.udpPort, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  socket.close();
}

async function sendTcp(message: string) {
  const socket = net.connect(receiver.tcpPort, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.end(`${Buffer.byteLength(message)} ${message}`);
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
}

const eventsOf = async (query: string) => (await json(call(t.app, tenant.manager, 'GET', `/api/v1/log-sources/${sourceId}/events?${query}`))).events;

describe('syslog over UDP and TCP', () => {
  it('stores what arrives under the source with that address, parsed', async () => {
    await sendUdp(`<38>${classicStamp()} karte-srv sshd[4242]: Failed password for tanaka from 192.0.2.7 port 50100 ssh2`);
    await sendTcp(
      `<38>1 ${new Date().toISOString()} karte-srv sshd 4243 - [origin ip="192.0.2.1"] Accepted publickey for suzuki from 192.0.2.8 port 50200 ssh2`,
    );
    await vi.waitFor(async () => expect(await eventsOf('')).toHaveLength(2), { timeout: 10_000, interval: 200 });
    expect(await eventsOf('user=tanaka')).toEqual([expect.objectContaining({ host: 'karte-srv', outcome: 'failure', sourceIp: '192.0.2.7', parsed: true })]);
    expect(await eventsOf('user=suzuki')).toEqual([expect.objectContaining({ category: 'login', outcome: 'success', sourceIp: '192.0.2.8' })]);
  });

  it('keeps the chain intact, and the upkeep job anchors the head syslog moved', async () => {
    expect((await verifyLogChains(t.database.db, tenant.facilityId))[0]).toMatchObject({ ok: true, events: 2 });
    expect(await anchorLogHeads(t.database.db)).toBe(1);
    const audit = await json(call(t.app, tenant.manager, 'GET', `/api/v1/audit-events?facilityId=${tenant.facilityId}&action=accessLog.checkpoint`));
    expect(audit.items[0].changes.headSeq.after).toBe(2);
  });
});
