import type { BaseLogger } from 'pino';

/** Where received lines go: the log sources and their chains (the ingest service in production, a fake in tests). */
export interface SyslogSink<Source extends { id: string }> {
  /** The source a sender's address is registered on, or undefined when no source claims it. */
  sourceFor(address: string): Promise<Source | undefined>;
  /** Appends lines to one source's chain; called for one source at a time, in the order the lines came. */
  append(source: Source, lines: string[], receivedAt: Date): Promise<unknown>;
}

export interface SyslogLimits {
  /** A source's lines wait at most this long before they are appended... */
  flushIntervalMs: number;
  /** ...or until this many have come: one transaction per batch, not per message. */
  batchLines: number;
  /** Characters waiting for the database, past which new messages are dropped: a stalled database must not exhaust memory. */
  maxPendingChars: number;
  /** How long a sender's source is remembered, so each message is not a query; a newly registered address is seen after this. */
  knownSenderMs: number;
  unknownSenderMs: number;
  /** Addresses remembered at once; a scan from many addresses forgets the oldest instead of growing. */
  maxSenders: number;
  /** Senders looked up at once: a flood from spoofed UDP addresses must not become a flood of queries. */
  maxLookups: number;
  /** One warning per address (or per failing source) in this time, with the count of what it stands for. */
  warnEveryMs: number;
}

export const defaultSyslogLimits: SyslogLimits = {
  flushIntervalMs: 1000,
  batchLines: 1000,
  maxPendingChars: 32 * 1024 * 1024,
  knownSenderMs: 60_000,
  unknownSenderMs: 10_000,
  maxSenders: 4096,
  maxLookups: 64,
  warnEveryMs: 60_000,
};

export interface SyslogCounts {
  received: number;
  appended: number;
  /** From a sender no source claims. */
  unclaimed: number;
  /** Past maxPendingChars. */
  dropped: number;
  /** The sink failed to look the sender up or to append. */
  failed: number;
}

type Sender<Source> =
  | { state: 'looking'; waiting: { line: string; at: number }[] }
  | { state: 'known'; source: Source; until: number }
  | { state: 'unknown'; until: number }
  | { state: 'failed'; until: number; error: unknown };

interface Batch<Source> {
  source: Source;
  lines: string[];
  chars: number;
  lastAt: number;
}

/** Counts of something that keeps happening, reported at most once per period per key and only from a bounded set of keys. */
class Throttle {
  private readonly keys = new Map<string, { count: number; reportedAt: number }>();
  constructor(
    private readonly everyMs: number,
    private readonly maxKeys: number,
    private readonly now: () => number,
  ) {}

  /** How many happened since the last report, when it is time to report again; otherwise 0. */
  count(key: string, n = 1): number {
    let entry = this.keys.get(key);
    if (!entry) {
      if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value!);
      this.keys.set(key, (entry = { count: 0, reportedAt: Number.NEGATIVE_INFINITY }));
    }
    entry.count += n;
    if (entry.count === 0) return 0;
    const at = this.now();
    if (at - entry.reportedAt < this.everyMs) return 0;
    const count = entry.count;
    entry.count = 0;
    entry.reportedAt = at;
    return count;
  }
}

/** Received lines, matched to their source by the sender's address and appended in batches per source. */
export class SyslogBatches<Source extends { id: string }> {
  readonly counts: SyslogCounts = { received: 0, appended: 0, unclaimed: 0, dropped: 0, failed: 0 };
  private readonly senders = new Map<string, Sender<Source>>();
  private readonly batches = new Map<string, Batch<Source>>();
  /** Each source's last append, so the next one waits for it: a chain is appended in order. */
  private readonly appends = new Map<string, Promise<void>>();
  private readonly lookups = new Set<Promise<void>>();
  private readonly throttle: Throttle;
  private readonly timer: NodeJS.Timeout;
  private pendingChars = 0;

  constructor(
    private readonly sink: SyslogSink<Source>,
    private readonly log: BaseLogger,
    private readonly limits: SyslogLimits = defaultSyslogLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.throttle = new Throttle(limits.warnEveryMs, limits.maxSenders, now);
    this.timer = setInterval(() => this.flush(), limits.flushIntervalMs);
    this.timer.unref();
  }

  add(address: string, line: string): void {
    this.counts.received++;
    if (this.pendingChars + line.length > this.limits.maxPendingChars) {
      this.drop();
      return;
    }
    const at = this.now();
    const remembered = this.senders.get(address);
    const current = remembered && (remembered.state === 'looking' || remembered.until > at) ? remembered : undefined;
    if (!current && this.lookups.size >= this.limits.maxLookups) {
      this.drop();
      return;
    }
    const sender = current ?? this.lookUp(address);
    if (sender.state === 'looking') {
      sender.waiting.push({ line, at });
      this.pendingChars += line.length;
    } else if (sender.state === 'known') this.buffer(sender.source, line, at);
    else if (sender.state === 'unknown') this.unclaimed(address, 1);
    else this.lookupFailed(address, 1, sender.error);
  }

  /** Starts appending every source's waiting lines. */
  flush(): void {
    for (const id of [...this.batches.keys()]) this.send(id);
  }

  /** Appends everything received so far and waits until it is stored (or has failed and been logged). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    while (this.lookups.size > 0) await Promise.all(this.lookups);
    this.flush();
    while (this.appends.size > 0) await Promise.all(this.appends.values());
  }

  private drop(): void {
    this.counts.dropped++;
    const dropped = this.throttle.count('full');
    if (dropped)
      this.log.warn(
        { messages: dropped },
        'syslogの保存が受信に追いつかないため、受信したメッセージを破棄しました / syslog messages dropped: storing them is not keeping up',
      );
  }

  private remember(address: string, sender: Sender<Source>): void {
    this.senders.delete(address);
    if (this.senders.size >= this.limits.maxSenders) this.senders.delete(this.senders.keys().next().value!);
    this.senders.set(address, sender);
  }

  private lookUp(address: string): Sender<Source> & { state: 'looking' } {
    const looking = { state: 'looking' as const, waiting: [] as { line: string; at: number }[] };
    this.remember(address, looking);
    const lookup = new Promise<Source | undefined>((resolve) => resolve(this.sink.sourceFor(address)))
      .then(
        (source) => {
          const until = this.now() + (source ? this.limits.knownSenderMs : this.limits.unknownSenderMs);
          if (this.senders.get(address) === looking) this.remember(address, source ? { state: 'known', source, until } : { state: 'unknown', until });
          for (const { line } of looking.waiting) this.pendingChars -= line.length;
          if (source) for (const { line, at } of looking.waiting) this.buffer(source, line, at);
          else if (looking.waiting.length > 0) this.unclaimed(address, looking.waiting.length);
        },
        (error: unknown) => {
          // Remembered briefly as failed, so a database outage is not asked again for every message.
          if (this.senders.get(address) === looking) this.remember(address, { state: 'failed', until: this.now() + this.limits.unknownSenderMs, error });
          for (const { line } of looking.waiting) this.pendingChars -= line.length;
          this.lookupFailed(address, looking.waiting.length, error);
        },
      )
      .finally(() => this.lookups.delete(lookup));
    this.lookups.add(lookup);
    return looking;
  }

  private lookupFailed(address: string, messages: number, error: unknown): void {
    this.counts.failed += messages;
    const count = this.throttle.count(`lookup ${address}`, messages);
    if (count)
      this.log.error(
        { err: error, address, messages: count },
        'syslogの送信元のログ取得元を調べられず、メッセージを保存できませんでした / syslog messages lost: their sender could not be looked up',
      );
  }

  private unclaimed(address: string, messages: number): void {
    this.counts.unclaimed += messages;
    const count = this.throttle.count(`unclaimed ${address}`, messages);
    if (count)
      this.log.warn(
        { address, messages: count },
        'このアドレスを登録したログ取得元がないため、syslogを保存しませんでした / syslog from an address no log source is registered for was not stored',
      );
  }

  private buffer(source: Source, line: string, at: number): void {
    let batch = this.batches.get(source.id);
    if (!batch) this.batches.set(source.id, (batch = { source, lines: [], chars: 0, lastAt: at }));
    batch.lines.push(line);
    batch.chars += line.length;
    batch.lastAt = at;
    this.pendingChars += line.length;
    if (batch.lines.length >= this.limits.batchLines) this.send(source.id);
  }

  private send(id: string): void {
    const batch = this.batches.get(id);
    if (!batch) return;
    this.batches.delete(id);
    // The last arrival, since the year of a classic stamp is read as the one that puts no line after its arrival.
    const receivedAt = new Date(batch.lastAt);
    const done: Promise<void> = (this.appends.get(id) ?? Promise.resolve())
      .then(() => this.sink.append(batch.source, batch.lines, receivedAt))
      .then(
        () => {
          this.counts.appended += batch.lines.length;
        },
        (error: unknown) => {
          this.counts.failed += batch.lines.length;
          const failed = this.throttle.count(`append ${id}`, batch.lines.length);
          if (failed)
            this.log.error({ err: error, sourceId: id, lines: failed }, 'syslogで受信したログを保存できませんでした / syslog lines could not be stored');
        },
      )
      .finally(() => {
        this.pendingChars -= batch.chars;
        if (this.appends.get(id) === done) this.appends.delete(id);
      });
    this.appends.set(id, done);
  }
}
