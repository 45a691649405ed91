import type { CreateContractRequest, UpdateContractRequest } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { assessments, vendorContracts, vendors } from '../db/schema.js';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, invalid, versionConflict } from '../http/errors.js';
import type { FacilityRow } from '../tenancy/scope.js';
import type { ContractRow } from './access.js';

type ContractInput = Omit<UpdateContractRequest, 'version'>;
const contractFields = ['title', 'systems', 'maintenanceContract', 'remoteMaintenance', 'handlesPatientData', 'primeContractId', 'contactName', 'contactEmail', 'notes'] as const;

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
    const [prime] = await tx.select().from(vendorContracts).where(and(eq(vendorContracts.id, cursor), eq(vendorContracts.facilityId, facilityId)));
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
  const [vendor] = await tx.insert(vendors).values({ name: input.vendorName, createdBy: context.actorId }).returning();
  await recordAudit(tx, context, {
    action: 'vendor.create',
    entityType: 'vendor',
    entityId: vendor!.id,
    organizationId: facility.organizationId,
    facilityId: facility.id,
    changes: { name: { before: null, after: vendor!.name } },
  });
  return vendor!.id;
}

export async function createContract(tx: Tx, context: AuditContext, facility: FacilityRow, input: CreateContractRequest) {
  const vendorId = await vendorFor(tx, context, facility, input);
  const fields = fieldsOf(input);
  await assertPrime(tx, facility.id, fields.primeContractId, null);
  const [row] = await tx.insert(vendorContracts).values({ organizationId: facility.organizationId, facilityId: facility.id, vendorId, ...fields }).returning();
  await recordAudit(tx, context, {
    action: 'contract.create',
    entityType: 'vendor_contract',
    entityId: row!.id,
    organizationId: row!.organizationId,
    facilityId: row!.facilityId,
    changes: { vendorId: { before: null, after: vendorId }, ...diff(null, row!, contractFields) },
  });
  return row!;
}

export async function updateContract(tx: Tx, context: AuditContext, contract: ContractRow, input: UpdateContractRequest) {
  const fields = fieldsOf(input);
  await assertPrime(tx, contract.facilityId, fields.primeContractId, contract.id);
  const [row] = await tx
    .update(vendorContracts)
    .set({ ...fields, version: input.version + 1, updatedAt: new Date() })
    .where(and(eq(vendorContracts.id, contract.id), eq(vendorContracts.version, input.version)))
    .returning();
  if (!row) throw versionConflict();
  await recordAudit(tx, context, {
    action: 'contract.update',
    entityType: 'vendor_contract',
    entityId: row.id,
    organizationId: row.organizationId,
    facilityId: row.facilityId,
    changes: diff(contract, row, contractFields),
  });
  return row;
}

/** A contract with vendor forms is part of the facility's checklist record and stays. */
export async function deleteContract(tx: Tx, context: AuditContext, contract: ContractRow) {
  const [form] = await tx.select({ id: assessments.id }).from(assessments).where(eq(assessments.contractId, contract.id)).limit(1);
  if (form) throw new AppError(409, 'contract_in_use');
  await tx.update(vendorContracts).set({ primeContractId: null }).where(eq(vendorContracts.primeContractId, contract.id));
  await tx.delete(vendorContracts).where(eq(vendorContracts.id, contract.id));
  await recordAudit(tx, context, {
    action: 'contract.delete',
    entityType: 'vendor_contract',
    entityId: contract.id,
    organizationId: contract.organizationId,
    facilityId: contract.facilityId,
    changes: diff(contract, null, contractFields),
  });
}
