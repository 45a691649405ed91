import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './connect.js';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;

/** One value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

export interface RowCopy {
  /** Lines of COPY text, each ending in a newline; resolves when the connection can take more. */
  write(text: string): Promise<void>;
  /** Ends the COPY; rejects if the database refused any row. */
  end(): Promise<void>;
}

/** What COPY needs of PGlite's transaction handle: a query that reads a blob as /dev/blob. */
interface BlobQuery {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/**
 * COPY into a table inside the caller's transaction: PostgreSQL's COPY FROM STDIN streams while the caller
 * produces the next rows; PGlite copies each written piece from a blob. For bulk appends (access logs) that a
 * JSON or VALUES insert would make several times slower than the database can write (docs/benchmarks.md, issue 15).
 * Reads the transaction's connection from drizzle's session (`session.client`): the PostgreSQL suite fails if that moves.
 */
export function copyRows(tx: Tx, table: string, columns: readonly string[]): RowCopy {
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  const statement = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM`;
  if (client instanceof pg.Client) {
    const stream = client.query(copyFrom(`${statement} STDIN`));
    const done = finished(stream);
    // Observed at end(); until then a refusal must not count as unhandled.
    done.catch(() => {});
    return {
      async write(text) {
        if (!stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
      },
      async end() {
        stream.end();
        await done;
      },
    };
  }
  const pglite = client as BlobQuery;
  return {
    write: async (text) => {
      await pglite.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    end: async () => {},
  };
}
