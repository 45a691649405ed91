import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** What a sealed value is for; bound into the ciphertext, so a value sealed for one purpose never opens as another. */
export type SealPurpose = 'totp' | 'mail';

const FORMAT = 'mk1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A short public name for a key, stored with each value so the right key is picked and rotation can find stragglers. */
const keyId = (key: Buffer) => createHash('sha256').update('mamori-secret-key-id').update(key).digest('hex').slice(0, 8);

export class UnknownKeyError extends Error {}

/**
 * AES-256-GCM with a current key and older ones that still open what they sealed (rotation). A sealed value
 * is `mk1.<key id>.<iv>.<ciphertext+tag>` (base64url), self-describing and safe in text columns and JSON.
 */
export class Keyring {
  readonly currentId: string;
  private readonly keys: Map<string, Buffer>;
  /** Derived once per key and label: a reminder scan signs thousands of unsubscribe links. */
  private readonly subkeys = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.currentId = keyId(current);
    this.keys = new Map([...previous.map((k) => [keyId(k), k] as const), [this.currentId, current]]);
  }

  seal(purpose: SealPurpose, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [FORMAT, this.currentId, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  open(purpose: SealPurpose, sealed: string): string {
    const [format, id, iv, body] = sealed.split('.');
    if (format !== FORMAT || !id || !iv || !body) throw new Error('not a sealed value');
    const key = this.keys.get(id);
    if (!key) {
      throw new UnknownKeyError(
        `鍵 ${id} で暗号化された秘密情報がありますが、その鍵が設定されていません。MAMORI_SECRET_KEY か MAMORI_SECRET_KEY_PREVIOUS に設定してください（データディレクトリを移した場合は元の secret.key も移してください） / ` +
          `a secret is sealed with key ${id}, which is not configured: set it in MAMORI_SECRET_KEY or MAMORI_SECRET_KEY_PREVIOUS (or bring the old data directory's secret.key along)`,
      );
    }
    const data = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /**
   * A key for another use (signing audit checkpoints, unsubscribe links), derived from the current key or the one named by `id`
   * (undefined when that key is not configured). Derived, so the sealing key itself never signs anything.
   */
  subkey(label: 'audit-checkpoint' | 'unsubscribe', id = this.currentId): Buffer | undefined {
    const key = this.keys.get(id);
    if (!key) return undefined;
    const name = `${id} ${label}`;
    if (!this.subkeys.has(name)) this.subkeys.set(name, Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `mamori/${label}`, 32)));
    return this.subkeys.get(name);
  }

  /** Whether a stored value is clear text from before encryption, or sealed with a key that is no longer current. */
  needsResealing(stored: string): boolean {
    return !isSealed(stored) || stored.split('.')[1] !== this.currentId;
  }
}

export const isSealed = (stored: string) => stored.startsWith(`${FORMAT}.`);
