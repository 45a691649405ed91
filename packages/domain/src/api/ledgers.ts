import { z } from 'zod';
import { Id, IsoDateInput, Version } from './common.js';
import { DeviceScope } from '../checklist/edition-schema.js';
import { fullNameField } from '../ledgers/columns.js';
import { findingReasonCodes, findingRecordSources, findingSuggestions, findingTopics } from '../ledgers/finding-types.js';
import {
  AccountScope,
  AssetKind,
  AssetStatus,
  CloudModel,
  ExternalConnection,
  UpdateStatus,
  LedgerKind,
  RemoteMaintenance,
  SourceRestriction,
  accountFieldKeys,
  assetFieldKeys,
} from '../ledgers/model.js';

const Text = (max: number) => z.string().trim().max(max);

export const AssetFieldsSchema = z.strictObject({
  managementNumber: Text(100).min(1),
  maker: Text(500),
  modelNumber: Text(200),
  os: Text(200),
  osVersion: Text(100),
  firmwareVersion: Text(100),
  software: Text(500),
  softwareVersion: Text(100),
  ipAddress: Text(200),
  computerName: Text(200),
  location: Text(200),
  users: Text(500),
  registeredOn: IsoDateInput.nullable(),
  status: AssetStatus,
  description: Text(2000),
  kind: AssetKind.nullable(),
  cloudModel: CloudModel.nullable(),
  holdsPatientData: z.boolean().nullable(),
  remoteMaintenance: RemoteMaintenance,
  remoteMaintenanceBy: Text(200),
  vendor: Text(200),
  system: Text(200),
  lastPatchedOn: IsoDateInput.nullable(),
  updateStatus: UpdateStatus,
  servicesReviewedOn: IsoDateInput.nullable(),
  externalConnection: ExternalConnection,
  sourceRestrictions: z.array(SourceRestriction).nullable(),
  endOfLifeOn: IsoDateInput.nullable(),
  riskAcceptance: Text(2000),
});
export const CreateAssetRequest = AssetFieldsSchema.partial().required({ managementNumber: true });
export const UpdateAssetRequest = AssetFieldsSchema.partial().extend({ version: Version });
export const AssetView = AssetFieldsSchema.extend({
  id: Id,
  /** The checklist scope the asset is answered under (from kind and cloud model). */
  scope: DeviceScope.nullable(),
  version: Version,
  updatedAt: z.string(),
});
export type AssetView = z.infer<typeof AssetView>;

export const AccountFieldsSchema = z.strictObject({
  loginId: Text(200).min(1),
  system: Text(200),
  scope: AccountScope,
  department: Text(200),
  jobType: Text(100),
  familyName: Text(100),
  givenName: Text(100),
  phone: Text(50),
  description: Text(2000),
  role: Text(200),
  enabled: z.boolean(),
  validFrom: IsoDateInput.nullable(),
  validTo: IsoDateInput.nullable(),
  lastLoginOn: IsoDateInput.nullable(),
  temporary: z.boolean(),
  retired: z.boolean(),
});
export const CreateAccountRequest = AccountFieldsSchema.partial().required({ loginId: true });
export const UpdateAccountRequest = AccountFieldsSchema.partial().extend({ version: Version });
export const AccountView = AccountFieldsSchema.extend({ id: Id, version: Version, updatedAt: z.string() });
export type AccountView = z.infer<typeof AccountView>;

/**
 * The account ledger's systems with how many accounts each has per scope: a terminal PC's Windows or Active Directory
 * accounts are set to terminal scope for their whole system at once (2(4)/2(5) 端末PC).
 */
export const AccountSystemView = z.object({ system: z.string(), server: z.int(), terminal: z.int() });
export type AccountSystemView = z.infer<typeof AccountSystemView>;
export const SetSystemScopeRequest = z.strictObject({ system: Text(200), scope: AccountScope });
export const SetSystemScopeResult = z.object({ updated: z.int() });

export const LedgerListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const AssetPage = z.object({ total: z.int(), items: z.array(AssetView) });
export const AccountPage = z.object({ total: z.int(), items: z.array(AccountView) });

/** One change to one record, from the audit trail. */
export const RecordHistoryEntry = z.object({
  occurredAt: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});

export const ImportEncoding = z.enum(['utf-8', 'utf-8-bom', 'shift_jis', 'xlsx']);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

/** Every problem in an import names the spreadsheet row (1 = the heading row) and the column heading. */
export const ImportProblem = z.object({
  row: z.int().nullable(),
  column: z.string().nullable(),
  value: z.string(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportFieldKey = z.enum([...new Set([...assetFieldKeys, ...accountFieldKeys, fullNameField])] as [string, ...string[]]);
/** What a heading in the file is read as: a field, or deliberately ignored. */
export const HeaderTarget = z.union([ImportFieldKey, z.literal('ignore')]);
export const HeaderMapping = z.record(z.string().max(200), HeaderTarget);
export type HeaderMapping = z.infer<typeof HeaderMapping>;

export const ImportHeaderView = z.object({
  column: z.int(),
  header: z.string(),
  field: ImportFieldKey.nullable(),
  source: z.enum(['builtin', 'saved', 'chosen', 'unmapped', 'ignored']),
});

export const ImportResult = z.object({
  ledger: LedgerKind,
  committed: z.boolean(),
  /** null when the file could not be read at all (the reason is in errors). */
  encoding: ImportEncoding.nullable(),
  rowCount: z.int(),
  headers: z.array(ImportHeaderView),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  errors: z.array(ImportProblem),
  /** The first rows as read, so the user can see the mapping worked before committing. */
  sample: z.array(z.record(z.string(), z.unknown())),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const SavedMappingView = z.array(z.object({ header: z.string(), field: HeaderTarget }));

export const LedgerParams = z.object({ facilityId: Id, ledger: LedgerKind });

export const FindingView = z.object({
  topic: z.enum(findingTopics),
  scope: DeviceScope,
  /** The checklist item ids of the facility's edition that this finding answers. */
  itemIds: z.array(z.string()),
  suggestion: z.enum(findingSuggestions),
  reasons: z.array(z.object({ code: z.enum(findingReasonCodes), count: z.int(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
  records: z.array(z.object({ ledger: z.enum(findingRecordSources), id: z.string(), label: z.string(), reasons: z.array(z.enum(findingReasonCodes)) })),
});
export type FindingView = z.infer<typeof FindingView>;
export const FindingsView = z.object({ asOf: z.string(), fiscalYear: z.int(), edition: z.string().nullable(), findings: z.array(FindingView) });
export type FindingsView = z.infer<typeof FindingsView>;

export const FindingThresholdsSchema = z.strictObject({
  patchMaxAgeDays: z.int().min(1).max(3650),
  unusedAccountDays: z.int().min(1).max(3650),
  ledgerReviewMonths: z.int().min(1).max(120),
  servicesReviewMonths: z.int().min(1).max(120),
  restoreTestMonths: z.int().min(1).max(120).default(12),
  bcpReviewMonths: z.int().min(1).max(120).default(12),
});
export const UpdateFindingSettingsRequest = FindingThresholdsSchema.extend({ version: Version });
export const FindingSettingsView = FindingThresholdsSchema.extend({ version: Version });

export const AcceptFindingRequest = z.strictObject({
  itemId: z.string().max(40),
  /** Required when the suggestion is いいえ: every いいえ needs a target date. */
  targetDate: IsoDateInput.nullable().default(null),
  /** Confirmed rounds the user saw; a different count means someone answered meanwhile (409). */
  expectedRounds: z.int().min(0).max(20),
});

export const accountReviewDecisions = ['keep', 'disable', 'delete'] as const;
export const AccountReviewDecision = z.enum(accountReviewDecisions);
export const AccountReviewRequest = z.strictObject({
  decisions: z
    .array(z.strictObject({ accountId: Id, decision: AccountReviewDecision, reason: Text(500) }))
    .min(1)
    .max(100_000),
  note: Text(2000).default(''),
});
export const AssetLedgerReviewRequest = z.strictObject({ note: Text(2000).default('') });
export const LedgerReviewView = z.object({
  id: Id,
  ledger: LedgerKind,
  reviewedOn: z.string(),
  reviewedBy: z.string().nullable(),
  note: z.string(),
  kept: z.int(),
  disabled: z.int(),
  deleted: z.int(),
  createdAt: z.string(),
});
export type LedgerReviewView = z.infer<typeof LedgerReviewView>;

export const EndOfLifeView = z.object({
  id: z.string().nullable(),
  product: z.string(),
  match: z.array(z.string()),
  endOfLifeOn: z.string(),
  builtIn: z.boolean(),
});
export const CreateEndOfLifeRequest = z.strictObject({
  product: Text(200).min(1),
  match: z.array(Text(100).min(1)).min(1).max(20),
  endOfLifeOn: IsoDateInput,
});

export const ExportFormat = z.enum(['csv', 'csv-sjis', 'xlsx']);
export const LedgerExportQuery = z.strictObject({ format: ExportFormat.default('xlsx'), locale: z.enum(['ja', 'en']).default('ja') });
