import { todayInTokyo, type Actor, type HeaderMapping, type ImportResult, type LedgerKind, type Locale, type SavedMappingView } from '@mamori/domain';
import type { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import { bulkInsert, bulkUpdateVersioned } from '../db/bulk.js';
import type { Db, Tx } from '../db/connect.js';
import { ledgerHeaderMappings, ledgerReviews } from '../db/schema.js';
import { recordAuditBatch, type AuditContext, type AuditEntry } from '../audit/record.js';
import { AppError } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { facilityScope, inTransaction } from '../writes/audited.js';
import { ledgerOf, ledgerTable, type LedgerDefinition } from './definitions.js';
import { isTooLarge } from './spreadsheet-error.js';
import { planImport, type ImportPlan } from './import-plan.js';
import type { Workers } from '../workers/pool.js';

export interface ImportInput {
  facility: FacilityRow;
  ledger: LedgerKind;
  content: Buffer;
  fileName: string;
  /** Headings the user mapped by hand for this file; saved for next time when the import commits. */
  chosen?: HeaderMapping;
  commit: boolean;
  locale: Locale;
  context: AuditContext;
  reviewerName: string;
}

const SAMPLE_ROWS = 5;

const concurrentChange = () => new AppError(409, 'version_conflict', {}, [{ path: 'file', code: 'ledger_changed_during_import' }]);

/**
 * Reads a ledger file, checks every row, and — only when asked and only when nothing is wrong — writes
 * it in one transaction with an audit event per record. A preview and a commit run the same checks.
 */
export async function importLedger(db: Db, workers: Workers, input: ImportInput): Promise<ImportResult> {
  const definition = ledgerOf(input.ledger);
  const result: ImportResult = {
    ledger: input.ledger,
    committed: false,
    encoding: null,
    rowCount: 0,
    headers: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    sample: [],
  };
  const saved = await savedMapping(db, input.facility.id, input.ledger);
  // Reading the file and checking its rows is the CPU-heavy part: a worker thread does it.
  const outcome = await workers.run('readLedger', { ledger: input.ledger, content: input.content, chosen: input.chosen, saved, locale: input.locale });
  if (!outcome.ok) {
    const reason = input.locale === 'en' ? outcome.reasonEn : outcome.reason;
    // Beyond the limits the file is refused outright, with the limit in the message; else the preview says why.
    if (isTooLarge(outcome.code)) throw new AppError(413, 'payload_too_large', {}, [{ path: 'file', code: outcome.code, message: reason }]);
    return { ...result, errors: [{ row: null, column: null, value: '', reason }] };
  }
  const { read } = outcome;
  const records = read.records as { row: number; fields: Record<string, unknown> }[];
  Object.assign(result, {
    encoding: outcome.encoding,
    rowCount: records.length,
    headers: read.headers,
    errors: read.problems,
    sample: records.slice(0, SAMPLE_ROWS).map((r) => r.fields),
  });
  if (read.problems.length > 0) return result;

  const plan = planImport(definition, await existingRecords(db, definition, input.facility.id), records);
  Object.assign(result, { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged });
  if (!input.commit) return result;

  await inTransaction(db, async (tx) => {
    await writePlan(tx, definition, input.facility, plan);
    await recordAuditBatch(tx, input.context, auditEntries(definition, input, plan));
    await saveMapping(tx, input.facility.id, input.ledger, input.chosen);
    if (input.ledger === 'assets') {
      // Importing the ledger the facility keeps is a review of it: 2(1) asks that the ledger be current.
      await tx.insert(ledgerReviews).values({
        organizationId: input.facility.organizationId,
        facilityId: input.facility.id,
        ledger: 'assets',
        reviewedOn: todayInTokyo(),
        reviewedBy: input.context.actorId,
        reviewerName: input.reviewerName,
        note: `取り込み: ${input.fileName}`,
      });
    }
  });
  return { ...result, committed: true };
}

async function existingRecords(db: Db, definition: LedgerDefinition, facilityId: string) {
  const table = ledgerTable(definition);
  return (await db.select().from(table).where(eq(table.facilityId, facilityId))) as Record<string, unknown>[];
}

async function writePlan(tx: Tx, definition: LedgerDefinition, facility: FacilityRow, plan: ImportPlan): Promise<void> {
  const table = ledgerTable(definition);
  const owner = facilityScope(facility);
  // A row someone added since the preview makes the link value collide: nothing is written.
  const creates = plan.creates.map((c) => ({ ...c.values, ...owner, id: c.id }));
  if ((await bulkInsert(tx, table, creates)) !== creates.length) throw concurrentChange();
  // Updates apply only where the version is still the one the plan read.
  const updates = plan.updates.map((u) => ({ ...u.values, id: u.id, version: u.version }));
  if ((await bulkUpdateVersioned(tx, table, updates)) !== updates.length) throw concurrentChange();
}

function auditEntries(definition: LedgerDefinition, input: ImportInput, plan: ImportPlan): AuditEntry[] {
  const owner = { organizationId: input.facility.organizationId, facilityId: input.facility.id };
  const entries: AuditEntry[] = [
    {
      action: 'ledger.import',
      entityType: 'facility',
      entityId: input.facility.id,
      ...owner,
      changes: {
        [input.ledger]: {
          before: null,
          after: { file: input.fileName, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged },
        },
      },
    },
  ];
  for (const c of plan.creates) {
    const changes: AuditEntry['changes'] = {};
    for (const key of definition.fieldKeys) {
      const value = c.values[key];
      if (value !== null && value !== '' && value !== undefined) changes[key] = { before: null, after: value };
    }
    entries.push({ action: `${definition.entityType}.import`, entityType: definition.entityType, entityId: c.id, ...owner, changes });
  }
  for (const u of plan.updates)
    entries.push({ action: `${definition.entityType}.import`, entityType: definition.entityType, entityId: u.id, ...owner, changes: u.changes });
  return entries;
}

/** The facility a ledger file is imported into: checked before the upload is read, so an outsider learns nothing. */
export const facilityToImportInto = (db: Db, actor: Actor, facilityId: string) => facilityFor(db, actor, facilityId, 'ledger.edit');

/** The headings mapped by hand at the last import, as the import page shows them. */
export async function mappingView(db: Db, actor: Actor, facilityId: string, ledger: LedgerKind): Promise<z.infer<typeof SavedMappingView>> {
  await facilityFor(db, actor, facilityId, 'ledger.read');
  return Object.entries(await savedMapping(db, facilityId, ledger)).map(([header, field]) => ({ header, field }));
}

async function savedMapping(db: Db, facilityId: string, ledger: LedgerKind): Promise<HeaderMapping> {
  const rows = await db
    .select()
    .from(ledgerHeaderMappings)
    .where(and(eq(ledgerHeaderMappings.facilityId, facilityId), eq(ledgerHeaderMappings.ledger, ledger)));
  return Object.fromEntries(rows.map((r) => [r.header, r.field])) as HeaderMapping;
}

async function saveMapping(tx: Tx, facilityId: string, ledger: LedgerKind, chosen: HeaderMapping | undefined): Promise<void> {
  const entries = Object.entries(chosen ?? {});
  if (entries.length === 0) return;
  await tx
    .insert(ledgerHeaderMappings)
    .values(entries.map(([header, field]) => ({ facilityId, ledger, header, field })))
    .onConflictDoUpdate({
      target: [ledgerHeaderMappings.facilityId, ledgerHeaderMappings.ledger, ledgerHeaderMappings.header],
      set: { field: sql`excluded.field`, updatedAt: sql`now()` },
    });
}
