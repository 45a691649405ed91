import { roleSharingAreaIds, type Actor, type RoleSharingRow, type RoleSharingStatus, type RoleSharingView, type VendorSide } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { roleSharingTables, users } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, versionConflict } from '../http/errors.js';
import { inTransaction } from '../writes/audited.js';
import { contractFor, type ContractRow } from './access.js';
import type { RoleSharingDocument } from './role-sharing-document.js';
import { contractNames } from './requests-service.js';

/**
 * The role-sharing table of a contract: either side proposes, the facility confirms. One row per contract,
 * keyed and audited by the contract, so its writes keep their own version guard and `recordAudit`.
 */

type TableRow = typeof roleSharingTables.$inferSelect;
type Proposal = Omit<typeof roleSharingTables.$inferInsert, 'contractId' | 'organizationId' | 'facilityId'>;

/** An area nobody has filled in yet. */
const emptyRow = (area: RoleSharingRow['area']): RoleSharingRow => ({ area, responsible: null, action: '', notes: '' });

async function userName(db: Db, id: string | null) {
  if (!id) return null;
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return user?.name ?? null;
}

async function present(db: Db, contract: ContractRow, row: TableRow | undefined): Promise<RoleSharingView> {
  if (!row)
    return {
      contractId: contract.id,
      status: 'draft',
      rows: roleSharingAreaIds.map(emptyRow),
      proposed: null,
      confirmed: null,
      version: null,
    };
  return {
    contractId: contract.id,
    status: row.status as RoleSharingStatus,
    rows: row.rows,
    proposed: row.proposedAt ? { side: row.proposedSide as VendorSide, by: await userName(db, row.proposedBy), at: row.proposedAt.toISOString() } : null,
    confirmed: row.confirmedAt ? { by: await userName(db, row.confirmedBy), at: row.confirmedAt.toISOString() } : null,
    version: row.version,
  };
}

/** Every area once, in the catalog's order; unknown or repeated areas are named in the error. */
function normalizedRows(rows: RoleSharingRow[]): RoleSharingRow[] {
  const byArea = new Map<string, RoleSharingRow>();
  rows.forEach((row, index) => {
    if (!roleSharingAreaIds.includes(row.area))
      throw new AppError(400, 'validation_error', {}, [{ path: `body.rows.${index}.area`, code: 'role_sharing_area_unknown', params: { area: row.area } }]);
    if (byArea.has(row.area))
      throw new AppError(400, 'validation_error', {}, [{ path: `body.rows.${index}.area`, code: 'role_sharing_area_twice', params: { area: row.area } }]);
    byArea.set(row.area, row);
  });
  return roleSharingAreaIds.map((area) => byArea.get(area) ?? emptyRow(area));
}

async function current(db: Db, contractId: string) {
  const [row] = await db.select().from(roleSharingTables).where(eq(roleSharingTables.contractId, contractId));
  return row;
}

const auditOf = (contract: ContractRow) => ({
  entityType: 'role_sharing_table',
  entityId: contract.id,
  organizationId: contract.organizationId,
  facilityId: contract.facilityId,
});

export async function readRoleSharing(db: Db, actor: Actor, contractId: string): Promise<RoleSharingView> {
  const { contract } = await contractFor(db, actor, contractId, 'contract.read');
  return present(db, contract, await current(db, contract.id));
}

/** The first save inserts (version null: there must be no table yet), later ones update the version read. */
async function saveProposal(tx: Tx, contract: ContractRow, version: number | null, before: TableRow | undefined, values: Proposal) {
  if (version === null) {
    if (before) throw versionConflict();
    const [row] = await tx
      .insert(roleSharingTables)
      .values({ contractId: contract.id, organizationId: contract.organizationId, facilityId: contract.facilityId, ...values })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await tx
    .update(roleSharingTables)
    .set({ ...values, version: version + 1 })
    .where(and(eq(roleSharingTables.contractId, contract.id), eq(roleSharingTables.version, version)))
    .returning();
  return row;
}

/** Either side proposes; saving again after a confirmation makes it a proposal again. */
export async function proposeRoleSharing(
  db: Db,
  actor: Actor,
  context: AuditContext,
  contractId: string,
  input: { rows: RoleSharingRow[]; version: number | null },
): Promise<RoleSharingView> {
  const { contract, side } = await contractFor(db, actor, contractId, 'roleSharing.propose');
  const rows = normalizedRows(input.rows);
  const saved = await inTransaction(db, async (tx) => {
    const before = await current(tx, contract.id);
    const values = {
      status: 'proposed',
      rows,
      proposedSide: side,
      proposedBy: context.actorId,
      proposedAt: new Date(),
      confirmedBy: null,
      confirmedAt: null,
      updatedAt: new Date(),
    };
    const row = await saveProposal(tx, contract, input.version, before, values);
    if (!row) throw versionConflict();
    await recordAudit(tx, context, {
      action: 'roleSharing.propose',
      ...auditOf(contract),
      changes: { side: { before: before?.proposedSide ?? null, after: side }, rows: { before: before?.rows ?? null, after: rows } },
    });
    return row;
  });
  return present(db, contract, saved);
}

export async function confirmRoleSharing(db: Db, actor: Actor, context: AuditContext, contractId: string, version: number): Promise<RoleSharingView> {
  const { contract } = await contractFor(db, actor, contractId, 'roleSharing.confirm');
  const saved = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(roleSharingTables)
      .set({ status: 'confirmed', confirmedBy: context.actorId, confirmedAt: new Date(), version: version + 1, updatedAt: new Date() })
      .where(and(eq(roleSharingTables.contractId, contract.id), eq(roleSharingTables.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordAudit(tx, context, { action: 'roleSharing.confirm', ...auditOf(contract), changes: { status: { before: 'proposed', after: 'confirmed' } } });
    return row;
  });
  return present(db, contract, saved);
}

/** What the PDF and the spreadsheet print. */
export async function roleSharingDocument(db: Db, actor: Actor, contractId: string): Promise<RoleSharingDocument> {
  const { contract } = await contractFor(db, actor, contractId, 'contract.read');
  const names = await contractNames(db, contract);
  return { ...names, systems: contract.systems, view: await present(db, contract, await current(db, contract.id)), printedAt: new Date() };
}
