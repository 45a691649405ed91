import type { DeviceScope } from '../checklist/edition-schema.js';
import type { AccountFields, AssetFields, LedgerKind } from './model.js';

/** The checklist topics (edition item `topic`) that ledger data can answer. */
export const findingTopics = [
  'security-manager',
  'asset-ledger',
  'remote-maintenance',
  'access-rights',
  'unused-accounts',
  'patches',
  'source-restriction',
  'background-services',
  'mds-sds',
  'contact-chart',
  'backup-restore',
  'bcp',
  'access-logs',
] as const;
export type FindingTopic = (typeof findingTopics)[number];

/** Why a suggestion is what it is. Rendered from the translation files with `count` and `params`. */
export const findingReasonCodes = [
  'security-manager-named',
  'security-manager-missing',
  'asset-ledger-empty',
  'asset-ledger-not-reviewed',
  'asset-ledger-reviewed',
  'assets-without-kind',
  'assets-without-patient-data',
  'remote-maintenance-unknown',
  'remote-maintenance-known',
  'no-assets-in-scope',
  'no-assets-in-scope-confirmed',
  'no-accounts-in-scope',
  'accounts-without-role',
  'accounts-have-roles',
  'account-review-done',
  'accounts-retired-enabled',
  'accounts-expired-enabled',
  'accounts-unused',
  'accounts-temporary-without-end',
  'accounts-clean',
  'patches-pending',
  'patches-update-unknown',
  'patches-unsupported',
  'patches-long-ago',
  'os-end-of-life',
  'os-end-of-life-accepted',
  'patches-current',
  'external-connection-unknown',
  'no-boundary-devices',
  'source-restriction-missing',
  'source-restriction-unrecorded',
  'source-restriction-in-place',
  'services-not-reviewed',
  'services-reviewed',
  'disclosures-no-contracts',
  'disclosures-missing',
  'disclosures-outdated',
  'disclosures-complete',
  'contact-chart-missing',
  'contact-chart-lacks',
  'contact-chart-complete',
  'backups-none',
  'backups-few-generations',
  'backups-no-offline',
  'restore-test-missing',
  'restore-test-failed',
  'backups-ready',
  'bcp-missing',
  'bcp-planned',
  'bcp-plan-counts',
  'bcp-not-reviewed',
  'bcp-ready',
  'access-logs-none',
  'access-logs-silent',
  'access-logs-unreviewed',
  'access-logs-managed',
] as const;
export type FindingReasonCode = (typeof findingReasonCodes)[number];

/**
 * Reasons to look at that never change the suggestion (shown as 注意): a device not patched for a long time
 * (Q&A 9-15 sets no frequency), no offline copy (manual 3(2) 補足: 望ましい), an older MDS/SDS format (Q&A 5-1), devices
 * outside the checklist because they hold no patient information (Q&A 12-D-22).
 */
export const findingAdvisoryCodes: ReadonlySet<FindingReasonCode> = new Set<FindingReasonCode>([
  'patches-long-ago',
  'backups-no-offline',
  'disclosures-outdated',
  'assets-without-patient-data',
]);

/**
 * What the ledgers suggest: はい, いいえ, 該当なし (nothing of the kind, and the facility confirmed its asset ledger is
 * complete: Q&A 12-B-8), or no suggestion until something is recorded (`undetermined`: the reasons say what).
 */
export const findingSuggestions = ['yes', 'no', 'not_applicable', 'undetermined'] as const;
export type FindingSuggestion = (typeof findingSuggestions)[number];

export interface FindingReason {
  code: FindingReasonCode;
  /** How many records the reason is about (0 when it is about the facility as a whole). */
  count: number;
  params: Record<string, string | number>;
}

/** Where a listed record lives: a ledger, the backup plans (incident readiness), or a vendor contract (2(3) MDS/SDS). */
export const findingRecordSources = ['assets', 'accounts', 'backups', 'contracts', 'logSources'] as const;
export type FindingRecordSource = LedgerKind | (typeof findingRecordSources)[number];

/** One record behind a finding, with the reasons it is listed for. */
export interface FindingRecord {
  ledger: FindingRecordSource;
  id: string;
  label: string;
  reasons: FindingReasonCode[];
}

export interface Finding {
  topic: FindingTopic;
  scope: DeviceScope;
  suggestion: FindingSuggestion;
  reasons: FindingReason[];
  /** Offending records first; for a 'yes' the records that prove it may be listed too. */
  records: FindingRecord[];
}

/** Per-facility thresholds; the defaults are the spec's (§3). */
export interface FindingThresholds {
  patchMaxAgeDays: number;
  unusedAccountDays: number;
  ledgerReviewMonths: number;
  servicesReviewMonths: number;
  /** 3(2): a restore test within this many months. */
  restoreTestMonths: number;
  /** 3(3): the BCP reviewed (or drilled) within this many months. */
  bcpReviewMonths: number;
}
export const defaultFindingThresholds: FindingThresholds = {
  patchMaxAgeDays: 90,
  unusedAccountDays: 90,
  ledgerReviewMonths: 12,
  servicesReviewMonths: 12,
  restoreTestMonths: 12,
  bcpReviewMonths: 12,
};

/** One row of the end-of-life table: an OS or firmware line and the day its support ends. */
export interface EndOfLifeEntry {
  product: string;
  /**
   * Normalised substrings (NFKC, lower case, no spaces) any of which identifies the product in an OS cell;
   * `a+b` means a, later followed by b ("windows11+23h2" matches "Windows 11 Pro 23H2"). Longest match wins.
   */
  match: readonly string[];
  endOfLifeOn: string;
}

export interface LedgerFacts {
  /** The day the findings are for (YYYY-MM-DD, Asia/Tokyo). */
  asOf: string;
  /** Names of the facility's 安全管理責任者 (members with the manager role), joined; null when none. */
  securityManagerName: string | null;
  assets: readonly (AssetFields & { id: string })[];
  accounts: readonly (AccountFields & { id: string })[];
  /**
   * The last time the asset ledger was reviewed or imported in full (YYYY-MM-DD), if ever. A review within
   * `ledgerReviewMonths` is the facility's confirmation that the ledger lists every device.
   */
  assetLedgerReviewedOn: string | null;
  /** The last signed account review (棚卸), if ever. */
  accountReviewedOn: string | null;
  endOfLife: readonly EndOfLifeEntry[];
  thresholds: FindingThresholds;
}
