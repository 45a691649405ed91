import { can, contractSide, type Actor, type Permission, type VendorSide } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { assessments, vendorContracts } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';

export type ContractRow = typeof vendorContracts.$inferSelect;
export type VendorFormRow = typeof assessments.$inferSelect & { contractId: string; status: string };

function contractScope(contract: Pick<ContractRow, 'organizationId' | 'facilityId' | 'vendorId'>) {
  return { kind: 'contract', organizationId: contract.organizationId, facilityId: contract.facilityId, vendorId: contract.vendorId } as const;
}

/**
 * Loads a contract for the facility's staff or the vendor's users. Whoever may not read it gets 404, as if
 * it did not exist; whoever may read it but not act gets 403.
 */
/** What an action needs; some differ by side (a comment is a question from the facility, a reply from the vendor). */
export type ContractPermission = Permission | ((side: VendorSide) => Permission);

export async function contractFor(db: Db, actor: Actor, contractId: string, permission: ContractPermission) {
  const [contract] = await db.select().from(vendorContracts).where(eq(vendorContracts.id, contractId));
  if (!contract) throw notFound();
  const scope = contractScope(contract);
  const side = contractSide(actor, scope);
  if (!side) throw notFound();
  if (!can(actor, typeof permission === 'function' ? permission(side) : permission, scope)) throw forbidden();
  return { contract, side };
}

/** A vendor form requested through Mamori, visible to exactly the people who may see its contract. */
export async function vendorFormFor(db: Db, actor: Actor, formId: string, permission: ContractPermission) {
  const [form] = await db.select().from(assessments).where(eq(assessments.id, formId));
  if (!form?.contractId || !form.status) throw notFound();
  const { contract, side } = await contractFor(db, actor, form.contractId, permission);
  return { form: form as VendorFormRow, contract, side };
}

/** Re-reads a form inside the transaction and holds it, so status changes are decided on the current row. */
export async function lockForm(tx: Tx, formId: string): Promise<VendorFormRow> {
  const [form] = await tx.select().from(assessments).where(eq(assessments.id, formId)).for('update');
  if (!form?.contractId || !form.status) throw notFound();
  return form as VendorFormRow;
}
