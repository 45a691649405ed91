import fs from 'node:fs';
import type { Command } from 'commander';
import { diffForms, evaluate, formKinds, parseBundle } from '@mamori/domain';
import { EditionFileError, loadCatalog, readEditionFile } from '../checklist/catalog-loader.js';
import { printJson } from './context.js';

/** Malformed input: exit 2 and name the place, print no result. */
function refuse(lines: string[]): void {
  console.error(lines.join('\n'));
  process.exitCode = 2;
}

export function registerChecklistCommands(program: Command): void {
  program
    .command('checklist')
    .description('checklist rules (no database needed)')
    .command('evaluate')
    .description('evaluate a facility bundle (JSON) and print the result as JSON')
    .requiredOption('--input <file>', 'bundle JSON file, or - for standard input')
    .action((o: { input: string }) => {
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(o.input === '-' ? 0 : o.input, 'utf8'));
      } catch (error) {
        return refuse([`${o.input}: JSONとして読めません / not valid JSON: ${(error as Error).message}`]);
      }
      const catalog = loadCatalog();
      const parsed = parseBundle(catalog, json);
      if (!parsed.ok) return refuse([`${o.input}: 入力に誤りがあります / invalid bundle:`, ...parsed.problems.map((p) => `  ${p.path}: ${p.message}`)]);
      printJson(evaluate(catalog, parsed.bundle));
    });

  const catalog = program.command('catalog').description('checklist editions (data files)');
  catalog
    .command('validate')
    .description('validate an edition file against the schema')
    .argument('<file>')
    .action((file: string) => {
      try {
        const form = readEditionFile(file);
        console.log(`OK: ${form.edition} ${form.form} (${form.items.length} items)`);
      } catch (error) {
        if (!(error instanceof EditionFileError)) throw error;
        refuse([error.message]);
      }
    });
  catalog
    .command('diff')
    .description('what changed between two editions, matched by topic')
    .argument('<from>', 'edition, e.g. 2024')
    .argument('<to>', 'edition, e.g. 2025')
    .action((from: string, to: string) => {
      const all = loadCatalog();
      for (const edition of [from, to]) if (!all.has(edition)) return refuse([`unknown edition ${edition}; known: ${all.editions().join(', ')}`]);
      const result = formKinds.flatMap((kind) => {
        const a = all.form(from, kind);
        const b = all.form(to, kind);
        return a && b ? [{ form: kind, changes: diffForms(a, b) }] : [];
      });
      printJson({ from, to, forms: result });
    });
}
