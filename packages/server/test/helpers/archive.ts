import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';

/** Every entry of a backup archive by name, as its size and SHA-256 (read as a stream, like a restore). */
export async function archiveEntries(file: string): Promise<Map<string, { size: number; sha256: string }>> {
  const entries = new Map<string, { size: number; sha256: string }>();
  const extract = tar.extract();
  const reading = pipeline(fs.createReadStream(file), createGunzip(), extract);
  for await (const entry of extract) {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    entries.set(entry.header.name, { size, sha256: hash.digest('hex') });
  }
  await reading;
  return entries;
}

/** The archive's data, without its header (which carries the time it was written). */
export async function archiveData(file: string) {
  const entries = await archiveEntries(file);
  entries.delete('mamori-backup.json');
  return Object.fromEntries(entries);
}
