import type { Catalog } from '@mamori/domain';
import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { answerRounds, assessments, facilities, vendorContracts, vendorFormComments, vendors } from '../db/schema.js';
import type { ContractRow, VendorFormRow } from './access.js';
import { presentContract, presentVendorForm, type FormCounts } from './presenter.js';

/** Answered items and open questions per form, in two grouped queries. */
async function formCounts(db: Db, catalog: Catalog, forms: VendorFormRow[]): Promise<Map<string, FormCounts>> {
  const ids = forms.map((f) => f.id);
  const answered = new Map<string, number>();
  const queries = new Map<string, number>();
  if (ids.length) {
    const answeredRows = await db
      .select({ id: answerRounds.assessmentId, n: sql<number>`count(DISTINCT ${answerRounds.itemId})::int` })
      .from(answerRounds)
      .where(and(inArray(answerRounds.assessmentId, ids), eq(answerRounds.draft, false)))
      .groupBy(answerRounds.assessmentId);
    for (const r of answeredRows) answered.set(r.id, r.n);
    // An item's question is open while the newest message on it is the facility's.
    const c = vendorFormComments;
    const latest = await db
      .selectDistinctOn([c.assessmentId, c.itemId], { id: c.assessmentId, side: c.side })
      .from(c)
      .where(and(inArray(c.assessmentId, ids), isNotNull(c.itemId)))
      .orderBy(c.assessmentId, c.itemId, desc(c.createdAt), desc(c.id));
    for (const r of latest) if (r.side === 'facility') queries.set(r.id, (queries.get(r.id) ?? 0) + 1);
  }
  const counts = new Map<string, FormCounts>();
  for (const form of forms) {
    const items = catalog.form(form.edition, 'vendor')?.items ?? [];
    counts.set(form.id, {
      answeredItems: answered.get(form.id) ?? 0,
      itemCount: items.filter((i) => !form.excludedItems.includes(i.id)).length,
      openQueries: queries.get(form.id) ?? 0,
    });
  }
  return counts;
}

export async function vendorFormSummaries(db: Db, catalog: Catalog, forms: VendorFormRow[]) {
  const counts = await formCounts(db, catalog, forms);
  return forms.map((f) => presentVendorForm(f, counts.get(f.id)!));
}

/** Contracts as the API shows them: names, prime/sub relations and every requested form, in a fixed number of queries. */
export async function presentContracts(db: Db, catalog: Catalog, rows: ContractRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const primeIds = rows.flatMap((r) => (r.primeContractId ? [r.primeContractId] : []));
  const related = await db
    .select({ id: vendorContracts.id, title: vendorContracts.title, primeContractId: vendorContracts.primeContractId, vendorName: vendors.name })
    .from(vendorContracts)
    .innerJoin(vendors, eq(vendors.id, vendorContracts.vendorId))
    .where(or(inArray(vendorContracts.primeContractId, ids), primeIds.length ? inArray(vendorContracts.id, primeIds) : sql`false`));
  const names = await db
    .select({ id: vendorContracts.id, facilityName: facilities.name, vendorName: vendors.name })
    .from(vendorContracts)
    .innerJoin(vendors, eq(vendors.id, vendorContracts.vendorId))
    .innerJoin(facilities, eq(facilities.id, vendorContracts.facilityId))
    .where(inArray(vendorContracts.id, ids));
  const forms = (await db
    .select()
    .from(assessments)
    .where(and(inArray(assessments.contractId, ids), isNotNull(assessments.status)))
    .orderBy(asc(assessments.fiscalYear))) as VendorFormRow[];
  const summaries = await vendorFormSummaries(db, catalog, forms);
  const nameOf = new Map(names.map((n) => [n.id, n]));
  return rows.map((row) => {
    const prime = row.primeContractId ? related.find((r) => r.id === row.primeContractId) : undefined;
    return presentContract(row, {
      facilityName: nameOf.get(row.id)?.facilityName ?? '',
      vendorName: nameOf.get(row.id)?.vendorName ?? '',
      prime: prime ? { id: prime.id, title: prime.title, vendorName: prime.vendorName } : null,
      subcontracts: related.filter((r) => r.primeContractId === row.id).map((r) => ({ id: r.id, title: r.title, vendorName: r.vendorName })),
      forms: summaries.filter((s) => s.contractId === row.id),
    });
  });
}

export async function presentOneContract(db: Db, catalog: Catalog, row: ContractRow) {
  const [view] = await presentContracts(db, catalog, [row]);
  return view!;
}
