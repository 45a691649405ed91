import fs from 'node:fs';
import type { Command } from 'commander';
import { LedgerKind } from '@mamori/domain';
import { loadCatalog } from '../checklist/catalog-loader.js';
import { findingsView } from '../findings/present.js';
import { importLedger } from '../ledgers/import.js';
import { openWorkers } from '../workers/pool.js';
import { cliAudit, facilityById, printJson, withDatabase } from './context.js';

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

export function registerLedgerCommands(program: Command): void {
  program
    .command('import')
    .description('import an asset or account ledger (CSV in UTF-8 or Shift_JIS, or .xlsx): all rows or none')
    .argument('<ledger>', 'assets | accounts')
    .requiredOption('--facility <id>', 'facility id')
    .requiredOption('--file <file>', 'the ledger file')
    .option('--dry-run', 'check every row and print what would change, without writing')
    .action((ledgerArg: string, o: { facility: string; file: string; dryRun?: boolean }) => {
      const ledger = LedgerKind.safeParse(ledgerArg);
      if (!ledger.success) return fail('台帳の種類は assets（機器台帳）か accounts（利用者ID台帳）です / ledger must be assets or accounts');
      let content: Buffer;
      try {
        content = fs.readFileSync(o.file);
      } catch (error) {
        return fail(`${o.file}: ファイルを読めません / cannot read: ${(error as Error).message}`);
      }
      return withDatabase(async ({ db }) => {
        const facility = await facilityById(db, o.facility);
        if (!facility) return fail(`施設 ${o.facility} が見つかりません / facility not found`);
        // One command with nothing else waiting: the file is read on this thread.
        const result = await importLedger(db, openWorkers(0), {
          facility,
          ledger: ledger.data,
          content,
          fileName: o.file.split(/[\\/]/).pop() ?? o.file,
          commit: !o.dryRun,
          locale: 'ja',
          context: cliAudit,
          reviewerName: 'mamori CLI',
        });
        if (result.errors.length) {
          printJson({ errors: result.errors.map(({ row, column, value, reason }) => ({ row, column, value, reason })) });
          process.exitCode = 2;
          return;
        }
        printJson({ created: result.created, updated: result.updated, unchanged: result.unchanged });
      });
    });

  program
    .command('findings')
    .description('suggested checklist answers derived from the ledgers, as JSON')
    .requiredOption('--facility <id>', 'facility id')
    .option('--fiscal-year <year>', 'fiscal year (default: the current one)', (v) => Number.parseInt(v, 10))
    .action((o: { facility: string; fiscalYear?: number }) =>
      withDatabase(async ({ db }) => {
        const facility = await facilityById(db, o.facility);
        if (!facility) return fail(`施設 ${o.facility} が見つかりません / facility not found`);
        printJson(await findingsView(db, loadCatalog(), facility, o.fiscalYear));
      }),
    );
}
