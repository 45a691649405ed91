import {
  accountDefaults,
  accountFieldKeys,
  assetDefaults,
  assetFieldKeys,
  scopeOfAsset,
  type AccountFields,
  type AccountView,
  type AssetFields,
  type AssetView,
  type LedgerKind,
} from '@mamori/domain';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { accounts, assets } from '../db/schema.js';

export type AssetRow = typeof assets.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;

/**
 * What differs between the two ledgers, in one place: the table, the fields, the link key an import
 * matches on, and how a row is presented. Everything else (import, export, edit, history) is shared.
 */
export interface LedgerDefinition {
  kind: LedgerKind;
  entityType: 'asset' | 'account';
  table: typeof assets | typeof accounts;
  fieldKeys: readonly string[];
  defaults: Record<string, unknown>;
  /** The import link: 管理番号, or system + ユーザID (the same ID on two systems is two accounts). */
  linkKey(fields: Record<string, unknown>): string;
  label(fields: Record<string, unknown>): string;
  present(row: AssetRow | AccountRow): AssetView | AccountView;
  /** The columns a search of the list looks in. */
  searchColumns: readonly PgColumn[];
  /** The column the list and the export are sorted by. */
  order: PgColumn;
  /**
   * What a new imported record takes from the ledger as it is, for fields its row leaves blank (an account's scope
   * from its system's other accounts). Built once per import from the existing records.
   */
  inherited?(existing: readonly Record<string, unknown>[]): (fields: Record<string, unknown>) => Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const assetLedger: LedgerDefinition = {
  kind: 'assets',
  entityType: 'asset',
  table: assets,
  fieldKeys: assetFieldKeys,
  defaults: assetDefaults,
  linkKey: (f) => text(f.managementNumber),
  label: (f) => `${text(f.managementNumber)} ${text(f.computerName) || text(f.software)}`.trim(),
  present: (row) => presentAsset(row as AssetRow),
  searchColumns: [assets.managementNumber, assets.computerName, assets.ipAddress, assets.os, assets.software, assets.location, assets.users, assets.vendor],
  order: assets.managementNumber,
};

export const accountLedger: LedgerDefinition = {
  kind: 'accounts',
  entityType: 'account',
  table: accounts,
  fieldKeys: accountFieldKeys,
  defaults: accountDefaults,
  linkKey: (f) => `${text(f.system)}\u0000${text(f.loginId)}`,
  label: (f) => [text(f.loginId), text(f.system)].filter(Boolean).join(' / '),
  present: (row) => presentAccount(row as AccountRow),
  searchColumns: [accounts.loginId, accounts.familyName, accounts.givenName, accounts.department, accounts.system, accounts.role],
  order: accounts.loginId,
  // A terminal PC's Windows or Active Directory accounts are set to terminal scope once for their system; new accounts
  // of that system imported without a scope column follow it (issue 11: 2(4)/2(5) for terminals).
  inherited: (existing) => {
    const scopes = new Map<string, Set<unknown>>();
    for (const row of existing) {
      const system = text(row.system);
      if (!scopes.has(system)) scopes.set(system, new Set());
      scopes.get(system)!.add(row.scope);
    }
    return (fields) => {
      if (fields.scope !== undefined && fields.scope !== null) return {};
      const seen = scopes.get(text(fields.system));
      return seen?.size === 1 ? { scope: [...seen][0] } : {};
    };
  },
};

export const ledgerOf = (kind: LedgerKind): LedgerDefinition => (kind === 'assets' ? assetLedger : accountLedger);

/** The ledger fields of a row, as the domain types them (the columns store enums as text). */
function assetFieldsOf(row: AssetRow): AssetFields {
  return {
    managementNumber: row.managementNumber,
    maker: row.maker,
    modelNumber: row.modelNumber,
    os: row.os,
    osVersion: row.osVersion,
    firmwareVersion: row.firmwareVersion,
    software: row.software,
    softwareVersion: row.softwareVersion,
    ipAddress: row.ipAddress,
    computerName: row.computerName,
    location: row.location,
    users: row.users,
    registeredOn: row.registeredOn,
    status: row.status as AssetFields['status'],
    description: row.description,
    kind: row.kind as AssetFields['kind'],
    cloudModel: row.cloudModel as AssetFields['cloudModel'],
    holdsPatientData: row.holdsPatientData,
    remoteMaintenance: row.remoteMaintenance as AssetFields['remoteMaintenance'],
    remoteMaintenanceBy: row.remoteMaintenanceBy,
    vendor: row.vendor,
    system: row.system,
    lastPatchedOn: row.lastPatchedOn,
    updateStatus: row.updateStatus as AssetFields['updateStatus'],
    servicesReviewedOn: row.servicesReviewedOn,
    externalConnection: row.externalConnection as AssetFields['externalConnection'],
    sourceRestrictions: row.sourceRestrictions as AssetFields['sourceRestrictions'],
    endOfLifeOn: row.endOfLifeOn,
    riskAcceptance: row.riskAcceptance,
  };
}

function accountFieldsOf(row: AccountRow): AccountFields {
  return {
    loginId: row.loginId,
    system: row.system,
    scope: row.scope as AccountFields['scope'],
    department: row.department,
    jobType: row.jobType,
    familyName: row.familyName,
    givenName: row.givenName,
    phone: row.phone,
    description: row.description,
    role: row.role,
    enabled: row.enabled,
    validFrom: row.validFrom,
    validTo: row.validTo,
    lastLoginOn: row.lastLoginOn,
    temporary: row.temporary,
    retired: row.retired,
  };
}

function presentAsset(row: AssetRow): AssetView {
  const fields = assetFieldsOf(row);
  return { ...fields, id: row.id, scope: scopeOfAsset(fields.kind, fields.cloudModel), version: row.version, updatedAt: row.updatedAt.toISOString() };
}

function presentAccount(row: AccountRow): AccountView {
  return { ...accountFieldsOf(row), id: row.id, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

/**
 * The table as the columns both ledgers share: drizzle cannot narrow a union of tables, and the shared
 * code only touches these columns by name (the rest goes through `fieldKeys`).
 */
export const ledgerTable = (definition: LedgerDefinition) => definition.table as typeof assets;
