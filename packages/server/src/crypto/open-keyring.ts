import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, type Config } from '../config.js';
import { Keyring } from './keyring.js';

/** The embedded database's key, beside its data: made on first start so `npm ci && npm start` needs no setup. */
export const KEY_FILE = 'secret.key';

/**
 * The keys secrets are sealed with: MAMORI_SECRET_KEY when set (required with PostgreSQL, where several app
 * servers must share it), else the data directory's key file, created readable by its owner only.
 */
export function openKeyring(config: Pick<Config, 'secretKey' | 'database'>): Keyring {
  const { current, previous } = config.secretKey;
  if (current) return new Keyring(current, previous);
  if (config.database.kind !== 'pglite')
    throw new ConfigError('MAMORI_SECRET_KEY: DATABASE_URL (PostgreSQL) を使うときは必須です / required with DATABASE_URL');
  return new Keyring(readOrCreateKeyFile(config.database.dataDir), previous);
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': never overwrite; if another process made it first, its key is the one read below.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigError(`${file}: 32バイトの鍵(base64)ではありません / not a 32-byte base64 key`);
  return key;
}
