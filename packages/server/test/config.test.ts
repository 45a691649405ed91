import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const key = randomBytes(32).toString('base64');

describe('configuration', () => {
  it('defaults to PGlite in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      database: { kind: 'pglite', dataDir: path.resolve('./data') },
      fileMaxBytes: 25 * 1024 * 1024,
    });
  });

  it('switches to PostgreSQL with DATABASE_URL, which needs MAMORI_SECRET_KEY (app servers share it)', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/m', MAMORI_SECRET_KEY: key }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1:5432/m',
      poolSize: 10,
    });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/m' })).toThrow(/MAMORI_SECRET_KEY: DATABASE_URL/);
  });

  it('polls job queues every 15 s on the embedded database (its one connection), every 2 s on PostgreSQL, or as set', () => {
    expect(loadConfig({}).jobPollSeconds).toBe(15);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/m', MAMORI_SECRET_KEY: key }).jobPollSeconds).toBe(2);
    expect(loadConfig({ MAMORI_JOB_POLL_SECONDS: '5' }).jobPollSeconds).toBe(5);
    expect(() => loadConfig({ MAMORI_JOB_POLL_SECONDS: '0' })).toThrow(/MAMORI_JOB_POLL_SECONDS/);
  });

  it('listens for syslog only when MAMORI_SYSLOG_PORT is set, on 127.0.0.1 unless MAMORI_SYSLOG_HOST says otherwise', () => {
    expect(loadConfig({}).syslog).toBeUndefined();
    expect(loadConfig({ MAMORI_SYSLOG_HOST: '0.0.0.0' }).syslog).toBeUndefined();
    expect(loadConfig({ MAMORI_SYSLOG_PORT: '5514' }).syslog).toEqual({ port: 5514, host: '127.0.0.1' });
    expect(loadConfig({ MAMORI_SYSLOG_PORT: '514', MAMORI_SYSLOG_HOST: '::' }).syslog).toEqual({ port: 514, host: '::' });
  });

  it('reads the secret key and the previous keys of a rotation as 32-byte base64 keys', () => {
    const previous = randomBytes(32).toString('base64');
    expect(loadConfig({}).secretKey).toEqual({ current: undefined, previous: [] });
    expect(loadConfig({ MAMORI_SECRET_KEY: key, MAMORI_SECRET_KEY_PREVIOUS: ` ${previous} ` }).secretKey).toEqual({
      current: Buffer.from(key, 'base64'),
      previous: [Buffer.from(previous, 'base64')],
    });
  });

  it('trusts X-Forwarded-For from nobody, one proxy (true), a hop count, or the proxies’ addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ MAMORI_TRUST_PROXY: 'true' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ MAMORI_TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ MAMORI_TRUST_PROXY: '10.0.0.0/8, ::1, loopback' }).trustProxy).toEqual({ addresses: ['10.0.0.0/8', '::1', 'loopback'] });
  });

  it('sends mail through MAMORI_SMTP_URL when set, and logs it otherwise', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: 'Mamori <no-reply@localhost>' });
    expect(loadConfig({ MAMORI_SMTP_URL: 'smtps://u:p@mail.example.jp:465', MAMORI_MAIL_FROM: 'さくら <m@example.jp>' }).mail).toEqual({
      smtpUrl: 'smtps://u:p@mail.example.jp:465',
      from: 'さくら <m@example.jp>',
    });
  });

  it('sizes the worker pool from MAMORI_WORKER_THREADS, by default one thread fewer than the cores (1 to 4)', () => {
    expect(loadConfig({ MAMORI_WORKER_THREADS: '3' }).workerThreads).toBe(3);
    expect(loadConfig({ MAMORI_WORKER_THREADS: '0' }).workerThreads).toBe(0);
    const byDefault = loadConfig({}).workerThreads;
    expect(byDefault).toBeGreaterThanOrEqual(1);
    expect(byDefault).toBeLessThanOrEqual(4);
  });

  it.each([
    ['MAMORI_WORKER_THREADS', '-1'],
    ['MAMORI_WORKER_THREADS', 'many'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['MAMORI_TRUST_PROXY', 'yes'],
    ['MAMORI_TRUST_PROXY', '0'],
    ['MAMORI_TRUST_PROXY', '10.0.0.0/33'],
    ['MAMORI_TRUST_PROXY', 'proxy.example.jp'],
    ['MAMORI_SECRET_KEY', 'too-short'],
    ['MAMORI_SECRET_KEY_PREVIOUS', `${key},nope`],
    ['LOG_LEVEL', 'loud'],
    ['MAMORI_FILE_MAX_BYTES', '-1'],
    ['MAMORI_SMTP_URL', 'http://mail.example.jp'],
    ['MAMORI_MAIL_FROM', 'no address'],
    ['MAMORI_SYSLOG_PORT', '0'],
    ['MAMORI_SYSLOG_PORT', '65536'],
    ['MAMORI_SYSLOG_PORT', 'syslog'],
  ])('names %s when its value %s is invalid', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^設定値が正しくありません[^]*${name}`));
  });
});
