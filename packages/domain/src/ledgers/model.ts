import { z } from 'zod';
import type { DeviceScope } from '../checklist/edition-schema.js';

/** The two ledgers the manual asks for: 機器台帳 and 利用者ID台帳. */
export const ledgerKinds = ['assets', 'accounts'] as const;
export const LedgerKind = z.enum(ledgerKinds);
export type LedgerKind = z.infer<typeof LedgerKind>;

/** Medical devices are endpoints (Q&A 7-4); cloud services count by model (Q&A 12-A-1). */
export const assetKinds = ['server', 'terminal', 'network', 'medical_device', 'cloud'] as const;
export const AssetKind = z.enum(assetKinds);
export type AssetKind = z.infer<typeof AssetKind>;

export const cloudModels = ['daas', 'saas', 'iaas', 'paas'] as const;
export const CloudModel = z.enum(cloudModels);
export type CloudModel = z.infer<typeof CloudModel>;

/** 稼働 / 停止 / 廃棄: retired assets stay in the ledger for history but drop out of every finding. */
export const assetStatuses = ['active', 'stopped', 'retired'] as const;
export const AssetStatus = z.enum(assetStatuses);
export type AssetStatus = z.infer<typeof AssetStatus>;

export const remoteMaintenanceValues = ['yes', 'no', 'unknown'] as const;
export const RemoteMaintenance = z.enum(remoteMaintenanceValues);
export type RemoteMaintenance = z.infer<typeof RemoteMaintenance>;

/**
 * 外部接続: whether a network device sits at the boundary — internet, VPN or a remote-maintenance line, or wireless
 * LAN (manual 2(8), Q&A 10-1). 2(8) 接続元制限 is about those; an internal-only switch is not.
 */
export const externalConnectionValues = ['yes', 'no', 'unknown'] as const;
export const ExternalConnection = z.enum(externalConnectionValues);
export type ExternalConnection = z.infer<typeof ExternalConnection>;

/**
 * 更新状況: whether the device runs the latest supported updates (Q&A 9-20). The ministry sets no patch frequency
 * (Q&A 9-15), so the status, not the age of the last patch, decides 2(7).
 */
export const updateStatuses = ['latest', 'pending', 'unsupported', 'unknown'] as const;
export const UpdateStatus = z.enum(updateStatuses);
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** 接続元制限: an empty list means the device was checked and has none. */
export const sourceRestrictions = ['mac', 'ip', 'region'] as const;
export const SourceRestriction = z.enum(sourceRestrictions);
export type SourceRestriction = z.infer<typeof SourceRestriction>;

export const accountScopes = ['server', 'terminal'] as const;
export const AccountScope = z.enum(accountScopes);
export type AccountScope = z.infer<typeof AccountScope>;

/** The checklist scope an asset is answered under; null when its kind is not yet recorded. */
export function scopeOfAsset(kind: AssetKind | null, cloudModel: CloudModel | null): DeviceScope | null {
  switch (kind) {
    case 'server':
      return 'server';
    case 'terminal':
    case 'medical_device':
      return 'terminal';
    case 'network':
      return 'network';
    case 'cloud':
      if (cloudModel === null) return null;
      return cloudModel === 'daas' ? 'terminal' : 'server';
    default:
      return null;
  }
}

/** An asset's fields as the ledger keeps them (dates as YYYY-MM-DD). */
export interface AssetFields {
  managementNumber: string;
  maker: string;
  /** 型番 */
  modelNumber: string;
  os: string;
  osVersion: string;
  firmwareVersion: string;
  software: string;
  softwareVersion: string;
  ipAddress: string;
  computerName: string;
  location: string;
  users: string;
  registeredOn: string | null;
  status: AssetStatus;
  description: string;
  kind: AssetKind | null;
  cloudModel: CloudModel | null;
  holdsPatientData: boolean | null;
  remoteMaintenance: RemoteMaintenance;
  remoteMaintenanceBy: string;
  vendor: string;
  system: string;
  lastPatchedOn: string | null;
  updateStatus: UpdateStatus;
  servicesReviewedOn: string | null;
  /** Network devices: connected outside (internet, VPN, remote line) or wireless. */
  externalConnection: ExternalConnection;
  /** null: not recorded yet; []: checked, none in place. */
  sourceRestrictions: SourceRestriction[] | null;
  endOfLifeOn: string | null;
  riskAcceptance: string;
}

/** An account's fields as the ledger keeps them (dates as YYYY-MM-DD). */
export interface AccountFields {
  loginId: string;
  system: string;
  scope: AccountScope;
  department: string;
  /** 職種 (医師, 看護師, 事務…): 2(4) sets access rights by job type and duty. */
  jobType: string;
  familyName: string;
  givenName: string;
  phone: string;
  description: string;
  role: string;
  enabled: boolean;
  validFrom: string | null;
  validTo: string | null;
  lastLoginOn: string | null;
  temporary: boolean;
  retired: boolean;
}

export const assetFieldKeys = [
  'managementNumber',
  'maker',
  'modelNumber',
  'os',
  'osVersion',
  'firmwareVersion',
  'software',
  'softwareVersion',
  'ipAddress',
  'computerName',
  'location',
  'users',
  'registeredOn',
  'status',
  'description',
  'kind',
  'cloudModel',
  'holdsPatientData',
  'remoteMaintenance',
  'remoteMaintenanceBy',
  'vendor',
  'system',
  'lastPatchedOn',
  'updateStatus',
  'servicesReviewedOn',
  'externalConnection',
  'sourceRestrictions',
  'endOfLifeOn',
  'riskAcceptance',
] as const satisfies readonly (keyof AssetFields)[];

export const accountFieldKeys = [
  'loginId',
  'system',
  'scope',
  'department',
  'jobType',
  'familyName',
  'givenName',
  'phone',
  'description',
  'role',
  'enabled',
  'validFrom',
  'validTo',
  'lastLoginOn',
  'temporary',
  'retired',
] as const satisfies readonly (keyof AccountFields)[];

export type AssetFieldKey = (typeof assetFieldKeys)[number];
export type AccountFieldKey = (typeof accountFieldKeys)[number];

export const assetDefaults: Omit<AssetFields, 'managementNumber'> = {
  maker: '',
  modelNumber: '',
  os: '',
  osVersion: '',
  firmwareVersion: '',
  software: '',
  softwareVersion: '',
  ipAddress: '',
  computerName: '',
  location: '',
  users: '',
  registeredOn: null,
  status: 'active',
  description: '',
  kind: null,
  cloudModel: null,
  holdsPatientData: null,
  remoteMaintenance: 'unknown',
  remoteMaintenanceBy: '',
  vendor: '',
  system: '',
  lastPatchedOn: null,
  updateStatus: 'unknown',
  servicesReviewedOn: null,
  externalConnection: 'unknown',
  sourceRestrictions: null,
  endOfLifeOn: null,
  riskAcceptance: '',
};

export const accountDefaults: Omit<AccountFields, 'loginId'> = {
  system: '',
  scope: 'server',
  department: '',
  jobType: '',
  familyName: '',
  givenName: '',
  phone: '',
  description: '',
  role: '',
  enabled: true,
  validFrom: null,
  validTo: null,
  lastLoginOn: null,
  temporary: false,
  retired: false,
};
