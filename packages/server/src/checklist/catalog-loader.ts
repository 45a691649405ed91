import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog, parseEditionForm, type EditionForm } from '@mamori/domain';

/** The edition files shipped with Mamori: one JSON file per edition and form. */
const editionsDir = fileURLToPath(new URL('../../../domain/editions', import.meta.url));

export class EditionFileError extends Error {}

/** Reads and validates one edition file; a problem names the file and the place inside it. */
export function readEditionFile(file: string): EditionForm {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EditionFileError(`${file}: JSONとして読めません / not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseEditionForm(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new EditionFileError(`${file}: 様式定義に誤りがあります / invalid edition file:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Every edition file in the directory; adding a 2026 edition is adding its files here. */
export function loadCatalog(dir: string = editionsDir): Catalog {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return new Catalog(files.map((f) => readEditionFile(path.join(dir, f))));
}
