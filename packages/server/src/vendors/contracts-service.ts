import type { Actor, Catalog, ContractView, CreateContractRequest, UpdateContractRequest } from '@mamori/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { assessments, vendorContracts, vendors } from '../db/schema.js';
import type { AuditContext } from '../audit/record.js';
import { AppError, invalid } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { deleteAudited, facilityScope, insertAudited, inTransaction, scopeOf, type Audit, updateAudited } from '../writes/audited.js';
import { contractFor, type ContractRow } from './access.js';
import { presentContracts, presentOneContract } from './queries.js';

type ContractInput = Omit<UpdateContractRequest, 'version'>;
const contractFields = [
  'title',
  'systems',
  'maintenanceContract',
  'remoteMaintenance',
  'handlesPatientData',
  'primeContractId',
  'contactName',
  'contactEmail',
  'notes',
] as const;

const contractAudit = (
  action: 'contract.create' | 'contract.update' | 'contract.delete',
  contract: Pick<ContractRow, 'organizationId' | 'facilityId'>,
): Audit<ContractRow> => ({
  action,
  entityType: 'vendor_contract',
  scope: scopeOf(contract),
  fields: contractFields,
});

function fieldsOf(input: ContractInput) {
  return {
    title: input.title,
    systems: [...new Set(input.systems.map((s) => s.trim()))],
    maintenanceContract: input.maintenanceContract,
    remoteMaintenance: input.remoteMaintenance,
    handlesPatientData: input.handlesPatientData ?? true,
    primeContractId: input.primeContractId ?? null,
    contactName: input.contactName ?? '',
    contactEmail: input.contactEmail ?? '',
    notes: input.notes ?? '',
  };
}

/** A prime contract is another contract of the same facility, and the chain of primes never loops back. */
async function assertPrime(tx: Tx, facilityId: string, primeId: string | null, selfId: string | null) {
  let cursor = primeId;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === selfId || seen.has(cursor)) throw invalid('body.primeContractId', 'prime_contract_cycle');
    seen.add(cursor);
    const [prime] = await tx
      .select()
      .from(vendorContracts)
      .where(and(eq(vendorContracts.id, cursor), eq(vendorContracts.facilityId, facilityId)));
    if (!prime) throw invalid('body.primeContractId', 'prime_contract_missing');
    cursor = prime.primeContractId;
  }
}

/**
 * A facility names a new vendor company or reuses one it already contracts with; it never browses other
 * facilities' vendors, so a contract cannot be used to reach another tenant's vendor company.
 */
async function vendorFor(tx: Tx, context: AuditContext, facility: FacilityRow, input: CreateContractRequest): Promise<string> {
  if (input.vendorId) {
    const [known] = await tx
      .select({ id: vendorContracts.vendorId })
      .from(vendorContracts)
      .where(and(eq(vendorContracts.facilityId, facility.id), eq(vendorContracts.vendorId, input.vendorId)))
      .limit(1);
    if (!known) throw invalid('body.vendorId', 'vendor_not_contracted');
    return known.id;
  }
  if (!input.vendorName) throw invalid('body.vendorName', 'vendor_name_required');
  const vendor = await insertAudited(
    tx,
    context,
    vendors,
    { name: input.vendorName, createdBy: context.actorId },
    { action: 'vendor.create', entityType: 'vendor', scope: facilityScope(facility), fields: ['name'] },
  );
  return vendor.id;
}

export async function facilityContracts(db: Db, actor: Actor, catalog: Catalog, facilityId: string): Promise<ContractView[]> {
  const facility = await facilityFor(db, actor, facilityId, 'contract.read');
  const rows = await db.select().from(vendorContracts).where(eq(vendorContracts.facilityId, facility.id)).orderBy(asc(vendorContracts.createdAt));
  return presentContracts(db, catalog, rows);
}

/** The vendor portal's home: every contract of every company the user answers for. */
export async function vendorPortalContracts(db: Db, actor: Actor, catalog: Catalog): Promise<ContractView[]> {
  const vendorIds = actor.grants.flatMap((g) => (g.kind === 'vendor' ? [g.vendorId] : []));
  if (vendorIds.length === 0) return [];
  const rows = await db.select().from(vendorContracts).where(inArray(vendorContracts.vendorId, vendorIds)).orderBy(asc(vendorContracts.createdAt));
  return presentContracts(db, catalog, rows);
}

export async function readContract(db: Db, actor: Actor, catalog: Catalog, contractId: string): Promise<ContractView> {
  const { contract } = await contractFor(db, actor, contractId, 'contract.read');
  return presentOneContract(db, catalog, contract);
}

/** Creates a contract in the caller's transaction (also used to build many at once, as the bench does). */
export async function createContract(tx: Tx, context: AuditContext, facility: FacilityRow, input: CreateContractRequest): Promise<ContractRow> {
  const vendorId = await vendorFor(tx, context, facility, input);
  const fields = fieldsOf(input);
  await assertPrime(tx, facility.id, fields.primeContractId, null);
  return insertAudited(
    tx,
    context,
    vendorContracts,
    { ...facilityScope(facility), vendorId, ...fields },
    {
      ...contractAudit('contract.create', facilityScope(facility)),
      extra: { vendorId: { before: null, after: vendorId } },
    },
  );
}

export async function createFacilityContract(
  db: Db,
  actor: Actor,
  context: AuditContext,
  catalog: Catalog,
  facilityId: string,
  input: CreateContractRequest,
): Promise<ContractView> {
  const facility = await facilityFor(db, actor, facilityId, 'contract.manage');
  const row = await inTransaction(db, (tx) => createContract(tx, context, facility, input));
  return presentOneContract(db, catalog, row);
}

export async function updateContract(
  db: Db,
  actor: Actor,
  context: AuditContext,
  catalog: Catalog,
  contractId: string,
  input: UpdateContractRequest,
): Promise<ContractView> {
  const { contract } = await contractFor(db, actor, contractId, 'contract.manage');
  const row = await inTransaction(db, async (tx) => {
    const fields = fieldsOf(input);
    await assertPrime(tx, contract.facilityId, fields.primeContractId, contract.id);
    return updateAudited(tx, context, vendorContracts, contract, input.version, fields, contractAudit('contract.update', contract));
  });
  return presentOneContract(db, catalog, row);
}

/** A contract with vendor forms is part of the facility's checklist record and stays. */
export async function deleteContract(db: Db, actor: Actor, context: AuditContext, contractId: string): Promise<void> {
  const { contract } = await contractFor(db, actor, contractId, 'contract.manage');
  await inTransaction(db, async (tx) => {
    const [form] = await tx.select({ id: assessments.id }).from(assessments).where(eq(assessments.contractId, contract.id)).limit(1);
    if (form) throw new AppError(409, 'contract_in_use');
    await tx.update(vendorContracts).set({ primeContractId: null }).where(eq(vendorContracts.primeContractId, contract.id));
    await deleteAudited(tx, context, vendorContracts, contract, null, contractAudit('contract.delete', contract));
  });
}
