import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to PGlite in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, database: { kind: 'pglite', dataDir: path.resolve('./data') }, fileMaxBytes: 25 * 1024 * 1024 });
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/m' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/m', poolSize: 10 });
  });

  it('sends mail through MAMORI_SMTP_URL when set, and logs it otherwise', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: 'Mamori <no-reply@localhost>' });
    expect(loadConfig({ MAMORI_SMTP_URL: 'smtps://u:p@mail.example.jp:465', MAMORI_MAIL_FROM: 'さくら <m@example.jp>' }).mail).toEqual({ smtpUrl: 'smtps://u:p@mail.example.jp:465', from: 'さくら <m@example.jp>' });
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
    ['LOG_LEVEL', 'loud'],
    ['MAMORI_FILE_MAX_BYTES', '-1'],
    ['MAMORI_SMTP_URL', 'http://mail.example.jp'],
    ['MAMORI_MAIL_FROM', 'no address'],
  ])('names %s when its value %s is invalid', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^設定値が正しくありません[^]*${name}`));
  });
});
