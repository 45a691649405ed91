import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog, EditionForm } from '../src/index.js';

const dir = fileURLToPath(new URL('../editions', import.meta.url));

/** The shipped edition files, as the server loads them. */
export const catalog = new Catalog(
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => EditionForm.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))),
);
