import { describe, expect, it, vi } from 'vitest';
import { defaultSyslogLimits, SyslogBatches, type SyslogLimits, type SyslogSink } from '../src/access-logs/syslog-batches.js';
import { captureLog } from './helpers/log.js';

const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 5000, interval: 10 });

function setUp(sink: SyslogSink<{ id: string }>, limits: Partial<SyslogLimits> = {}) {
  const clock = { now: 0 };
  const captured = captureLog();
  const batches = new SyslogBatches(sink, captured.log, { ...defaultSyslogLimits, flushIntervalMs: 60_000, ...limits }, () => clock.now);
  const logged = () =>
    captured
      .text()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { batches, clock, logged };
}

describe('syslog batches', () => {
  it('warns about a sender no source claims at most once a minute, with the count since the last warning', async () => {
    const { batches, clock, logged } = setUp({ sourceFor: async () => undefined, append: async () => {} });
    for (const _ of [1, 2, 3]) batches.add('192.0.2.7', 'a');
    await eventually(() => expect(batches.counts.unclaimed).toBe(3));
    clock.now = 30_000;
    batches.add('192.0.2.7', 'b');
    batches.add('192.0.2.8', 'c');
    await eventually(() => expect(batches.counts.unclaimed).toBe(5));
    clock.now = 61_000;
    batches.add('192.0.2.7', 'd');
    await eventually(() => expect(batches.counts.unclaimed).toBe(6));
    await batches.close();
    expect(logged().map(({ level, address, messages }) => ({ level, address, messages }))).toEqual([
      { level: 40, address: '192.0.2.7', messages: 3 },
      { level: 40, address: '192.0.2.8', messages: 1 },
      { level: 40, address: '192.0.2.7', messages: 2 },
    ]);
  });

  it('remembers a sender’s source for a while, and sees a newly registered address once an unknown one is forgotten', async () => {
    const claimed = new Map<string, string>();
    const asked: string[] = [];
    const appended: string[][] = [];
    const { batches, clock } = setUp({
      sourceFor: async (address) => {
        asked.push(address);
        const id = claimed.get(address);
        return id ? { id } : undefined;
      },
      append: async (_source, lines) => void appended.push(lines),
    });
    batches.add('192.0.2.7', 'before');
    await eventually(() => expect(batches.counts.unclaimed).toBe(1));
    claimed.set('192.0.2.7', 'emr');
    clock.now = 5_000;
    batches.add('192.0.2.7', 'still unknown');
    clock.now = 10_000;
    batches.add('192.0.2.7', 'registered');
    await eventually(() => expect(asked).toHaveLength(2));
    clock.now = 60_000;
    batches.add('192.0.2.7', 'remembered');
    await batches.close();
    expect(appended).toEqual([['registered', 'remembered']]);
    expect(batches.counts).toMatchObject({ received: 4, unclaimed: 2, appended: 2 });
  });

  it('appends one source’s batches one after another, in order', async () => {
    const calls: string[] = [];
    const { batches } = setUp(
      {
        sourceFor: async () => ({ id: 'emr' }),
        append: async (_source, lines) => {
          calls.push(`start ${lines.join()}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          calls.push(`end ${lines.join()}`);
        },
      },
      { batchLines: 2 },
    );
    for (const line of ['1', '2', '3', '4', '5']) batches.add('192.0.2.7', line);
    await batches.close();
    expect(calls).toEqual(['start 1,2', 'end 1,2', 'start 3,4', 'end 3,4', 'start 5', 'end 5']);
  });

  it('drops what would exceed the memory bound while the sink is stalled, and says so', async () => {
    let release = () => {};
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const { batches, logged } = setUp({ sourceFor: async () => ({ id: 'emr' }), append: () => stalled }, { maxPendingChars: 100, batchLines: 1 });
    for (const n of [1, 2, 3]) batches.add('192.0.2.7', `${n}`.repeat(40));
    expect(batches.counts.dropped).toBe(1);
    release();
    await batches.close();
    expect(batches.counts).toMatchObject({ received: 3, appended: 2, dropped: 1 });
    expect(logged()).toMatchObject([{ level: 40, messages: 1 }]);
  });

  it('looks up only so many new senders at once', async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const { batches } = setUp({ sourceFor: () => answered.then(() => undefined), append: async () => {} }, { maxLookups: 2 });
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.1']) batches.add(address, 'x');
    answer();
    await batches.close();
    expect(batches.counts).toMatchObject({ received: 4, unclaimed: 3, dropped: 1 });
  });

  it('logs a sink that cannot look the sender up, and asks again later', async () => {
    let down = true;
    const appended: string[][] = [];
    const { batches, clock, logged } = setUp({
      sourceFor: async () => {
        if (down) throw new Error('connection refused');
        return { id: 'emr' };
      },
      append: async (_source, lines) => void appended.push(lines),
    });
    batches.add('192.0.2.7', 'lost');
    await eventually(() => expect(batches.counts.failed).toBe(1));
    down = false;
    clock.now = 10_000;
    batches.add('192.0.2.7', 'kept');
    await batches.close();
    expect(appended).toEqual([['kept']]);
    expect(logged()).toMatchObject([{ level: 50, address: '192.0.2.7', messages: 1, err: { message: 'connection refused' } }]);
  });
});
