import type { DeviceScope } from '../checklist/edition-schema.js';
import { isIsoDate } from '../checklist/fiscal-year.js';
import { shiftDays, shiftMonths } from './dates.js';
import { matchEndOfLife, normalizeProduct } from './end-of-life.js';
import type { EndOfLifeEntry, Finding, FindingReason, FindingReasonCode, FindingRecord, FindingTopic, LedgerFacts } from './finding-types.js';
import { scopeOfAsset, type AccountFields, type AssetFields } from './model.js';

/*
 * The ledger rules of spec §3, read against the ministry's documents (docs/checklist-rules.md lists each rule with its
 * source): from the facility's ledgers to a suggested answer per (topic, scope) with its reasons.
 * - Devices recorded as holding no patient information are outside the checklist (Q&A 12-D-22): they never make an
 *   item いいえ. Retired devices and disabled accounts never count.
 * - Nothing of a kind recorded: 該当なし when the facility has confirmed its asset ledger lists every device (a review
 *   within `ledgerReviewMonths`; Q&A 12-B-8), otherwise no suggestion until it is recorded (`undetermined`).
 * Pure and fast (10,000 accounts + 10,000 assets in a few milliseconds): one pass over each ledger counts the records
 * per scope and keeps only those some finding lists, which are sorted once by label; the findings are then plain
 * loops over those. Dates are YYYY-MM-DD strings compared as text; the thresholds become cut-off dates once (UTC
 * date arithmetic, never the local time zone).
 */

function isBlank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim() === '';
}

function compareRows(a: { label: string; id: string }, b: { label: string; id: string }): number {
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How an asset is named in a finding: `001 Room1のPC1` (management number, computer name or else software). */
export function assetLabel(asset: Pick<AssetFields, 'managementNumber' | 'computerName' | 'software'>): string {
  return `${asset.managementNumber} ${asset.computerName.trim() || asset.software.trim()}`.trim();
}

/** How an account is named in a finding: `abc@def（山田太郎） / 電子カルテ`. */
export function accountLabel(account: Pick<AccountFields, 'loginId' | 'familyName' | 'givenName' | 'system'>): string {
  const name = `${account.familyName}${account.givenName}`.trim();
  const system = account.system.trim();
  return `${account.loginId}${name ? `（${name}）` : ''}${system ? ` / ${system}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Prepared rows: one pass per ledger. Only the records some finding lists get a row (and a label); the rest are counted.

const OK = 0;
const SOURCE_UNRECORDED = 1;
const SOURCE_MISSING = 2;
const EXTERNAL_UNKNOWN = 3;

/** 更新状況 that make 2(7) いいえ, with the reason each gives (Q&A 9-20: stay on the latest supported version). */
const updateReasons = { pending: 'patches-pending', unknown: 'patches-update-unknown', unsupported: 'patches-unsupported' } as const satisfies Partial<
  Record<AssetFields['updateStatus'], FindingReasonCode>
>;
type UpdateReason = (typeof updateReasons)[keyof typeof updateReasons];

interface AssetRow {
  id: string;
  label: string;
  /** null: kind not recorded; such assets count only for `general` findings. */
  scope: DeviceScope | null;
  unknownRemote: boolean;
  /** The 更新状況 that makes 2(7) いいえ, if any. */
  update: UpdateReason | null;
  /** Last patched before the threshold (or never recorded) while 最新: a warning to confirm, not いいえ (Q&A 9-15). */
  patchedLongAgo: boolean;
  /** Past end of life on the day of the findings (null: not known to be). */
  eolProduct: string | null;
  eolOn: string;
  eolAccepted: boolean;
  servicesStale: boolean;
  /** Network devices at the boundary (or not known to be inside only) only. */
  source: number;
  /** The row's record in the patches and background-services findings, made once and shared by its scopes. */
  patchRecord?: FindingRecord;
  servicesRecord?: FindingRecord;
  sourceRecord?: FindingRecord;
}

interface AssetSummary {
  /** The assets some finding lists, sorted by label. */
  listed: AssetRow[];
  /** Active and stopped assets (retired ones drop out of every finding): the ledger 2(1) is about. */
  total: number;
  /** Of those, the ones holding patient information or not recorded as holding none: the checklist's scope. */
  inScope: number;
  withoutPatientData: number;
  server: number;
  terminal: number;
  network: number;
  /** Network devices connected outside or wireless, or not known to be internal only (2(8)). */
  boundary: number;
  withRemote: number;
}

const unusedCodes = ['accounts-retired-enabled', 'accounts-expired-enabled', 'accounts-unused', 'accounts-temporary-without-end'] as const;
type UnusedCode = (typeof unusedCodes)[number];
const NO_CODES: readonly UnusedCode[] = Object.freeze([]);

interface AccountRow {
  id: string;
  label: string;
  scope: DeviceScope;
  noRole: boolean;
  /** The unused-account reasons that apply, in the order of `unusedCodes`. */
  unused: readonly UnusedCode[];
  /** The row's records, made once and shared by the scoped and the general finding. */
  roleRecord?: FindingRecord;
  unusedRecord?: FindingRecord;
}

interface AccountSummary {
  /** The enabled accounts some finding lists, sorted by label. */
  listed: AccountRow[];
  /** Enabled accounts per scope (disabled ones never count: disabling is as good as deleting, Q&A 7-3 / 7-6). */
  server: number;
  terminal: number;
}

type EolHit = { entry: EndOfLifeEntry; length: number } | null;

interface EolLookup {
  entries: readonly EndOfLifeEntry[];
  /** OS → version → best match: every distinct pair is normalised and looked up once. */
  cache: Map<string, Map<string, EolHit>>;
}

function lookup(os: string, version: string, eol: EolLookup): EolHit {
  let byVersion = eol.cache.get(os);
  if (byVersion === undefined) {
    byVersion = new Map();
    eol.cache.set(os, byVersion);
  }
  let hit = byVersion.get(version);
  if (hit === undefined) {
    hit = matchEndOfLife(normalizeProduct(`${os} ${version}`), eol.entries);
    byVersion.set(version, hit);
  }
  return hit;
}

interface Cutoffs {
  asOf: string;
  patch: string;
  login: string;
  ledger: string;
  services: string;
}

function prepareAssets(assets: LedgerFacts['assets'], cut: Cutoffs, eol: EolLookup): AssetSummary {
  const summary: AssetSummary = { listed: [], total: 0, inScope: 0, withoutPatientData: 0, server: 0, terminal: 0, network: 0, boundary: 0, withRemote: 0 };
  for (let i = 0; i < assets.length; i++) {
    const asset = assets[i]!;
    if (asset.status === 'retired') continue;
    summary.total++;
    // Q&A 12-D-22: without patient information a device is outside the checklist; it is in the ledger (2(1)), no more.
    if (asset.holdsPatientData === false) {
      summary.withoutPatientData++;
      continue;
    }
    summary.inScope++;
    const scope = scopeOfAsset(asset.kind, asset.cloudModel);
    if (scope === 'server') summary.server++;
    else if (scope === 'terminal') summary.terminal++;
    else if (scope === 'network') summary.network++;
    if (asset.remoteMaintenance === 'yes') summary.withRemote++;

    const update = asset.updateStatus === 'latest' ? null : updateReasons[asset.updateStatus];
    const patchedLongAgo = update === null && asset.lastPatchedOn !== null && asset.lastPatchedOn < cut.patch;

    let eolProduct: string | null = null;
    let eolOn = '';
    if (asset.endOfLifeOn) {
      if (asset.endOfLifeOn <= cut.asOf) {
        eolOn = asset.endOfLifeOn;
        eolProduct = `${asset.os} ${asset.osVersion}`.trim() || asset.firmwareVersion.trim() || asset.software.trim() || assetLabel(asset);
      }
    } else {
      let best = lookup(asset.os, asset.osVersion, eol);
      if (scope === 'network' && asset.firmwareVersion !== '') {
        const withOs = lookup(asset.os, asset.firmwareVersion, eol);
        if (withOs !== null && (best === null || withOs.length > best.length)) best = withOs;
        const alone = lookup('', asset.firmwareVersion, eol);
        if (alone !== null && (best === null || alone.length > best.length)) best = alone;
      }
      if (best !== null && best.entry.endOfLifeOn <= cut.asOf) {
        eolOn = best.entry.endOfLifeOn;
        eolProduct = best.entry.product;
      }
    }

    const servicesStale = !asset.servicesReviewedOn || asset.servicesReviewedOn < cut.services;
    // 2(8) is about the boundary: connections from outside and wireless (manual 2(8), Q&A 10-1). An internal-only
    // switch is not a reason for いいえ; one not known to be internal must be recorded first.
    let source = OK;
    if (scope === 'network' && asset.externalConnection !== 'no') {
      summary.boundary++;
      if (asset.sourceRestrictions !== null && asset.sourceRestrictions.length > 0) source = OK;
      else if (asset.externalConnection === 'unknown') source = EXTERNAL_UNKNOWN;
      else source = asset.sourceRestrictions === null ? SOURCE_UNRECORDED : SOURCE_MISSING;
    }
    const unknownRemote = asset.remoteMaintenance === 'unknown';
    if (scope !== null && !unknownRemote && update === null && !patchedLongAgo && eolProduct === null && !servicesStale && source === OK) continue;

    summary.listed.push({
      id: asset.id,
      label: assetLabel(asset),
      scope,
      unknownRemote,
      update,
      patchedLongAgo,
      eolProduct,
      eolOn,
      eolAccepted: eolProduct !== null && !isBlank(asset.riskAcceptance),
      servicesStale,
      source,
    });
  }
  summary.listed.sort(compareRows);
  return summary;
}

function prepareAccounts(accounts: LedgerFacts['accounts'], cut: Cutoffs): AccountSummary {
  const summary: AccountSummary = { listed: [], server: 0, terminal: 0 };
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i]!;
    if (!account.enabled) continue;
    if (account.scope === 'server') summary.server++;
    else summary.terminal++;
    let unused: UnusedCode[] | null = null;
    if (account.retired) (unused ??= []).push('accounts-retired-enabled');
    if (account.validTo && account.validTo < cut.asOf) (unused ??= []).push('accounts-expired-enabled');
    if (account.lastLoginOn && account.lastLoginOn < cut.login) (unused ??= []).push('accounts-unused');
    if (account.temporary && !account.validTo) (unused ??= []).push('accounts-temporary-without-end');
    const noRole = isBlank(account.role);
    if (unused === null && !noRole) continue;
    summary.listed.push({ id: account.id, label: accountLabel(account), scope: account.scope, noRole, unused: unused ?? NO_CODES });
  }
  summary.listed.sort(compareRows);
  return summary;
}

function inScope(rowScope: DeviceScope | null, scope: DeviceScope): boolean {
  return scope === 'general' || rowScope === scope;
}

function assetCount(summary: AssetSummary, scope: DeviceScope): number {
  return scope === 'general' ? summary.inScope : scope === 'server' ? summary.server : scope === 'terminal' ? summary.terminal : summary.network;
}

function accountCount(summary: AccountSummary, scope: DeviceScope): number {
  return scope === 'general' ? summary.server + summary.terminal : scope === 'server' ? summary.server : scope === 'terminal' ? summary.terminal : 0;
}

function reason(code: FindingReasonCode, count: number, params: Record<string, string | number> = {}): FindingReason {
  return { code, count, params };
}

function finding(topic: FindingTopic, scope: DeviceScope, no: boolean, reasons: FindingReason[], records: FindingRecord[]): Finding {
  return { topic, scope, suggestion: no ? 'no' : 'yes', reasons, records };
}

/**
 * Nothing of the kind in the ledger: 該当なし once the facility has confirmed its asset ledger is complete (Q&A
 * 12-B-8), else no suggestion until the devices are recorded or the ledger is confirmed. A general item always
 * applies (該当なし is for device rows), so there the ledger has to be filled first.
 */
function nothingInScope(topic: FindingTopic, scope: DeviceScope, ledgerConfirmed: boolean, extra: FindingReason[] = []): Finding {
  if (ledgerConfirmed && scope !== 'general')
    return { topic, scope, suggestion: 'not_applicable', reasons: [reason('no-assets-in-scope-confirmed', 0, { scope }), ...extra], records: [] };
  return { topic, scope, suggestion: 'undetermined', reasons: [reason('no-assets-in-scope', 0, { scope }), ...extra], records: [] };
}

function assetRecord(row: AssetRow, reasons: FindingReasonCode[]): FindingRecord {
  return { ledger: 'assets', id: row.id, label: row.label, reasons };
}

function accountRecord(row: AccountRow, reasons: FindingReasonCode[]): FindingRecord {
  return { ledger: 'accounts', id: row.id, label: row.label, reasons };
}

// ---------------------------------------------------------------------------------------------------------------------
// The rules, one function per topic

function securityManager(name: string | null): Finding {
  if (isBlank(name)) return finding('security-manager', 'general', true, [reason('security-manager-missing', 0)], []);
  return finding('security-manager', 'general', false, [reason('security-manager-named', 0, { name: name!.trim() })], []);
}

function assetLedger(assets: AssetSummary, reviewedOn: string | null, months: number, cut: Cutoffs): Finding {
  if (assets.total === 0) return finding('asset-ledger', 'general', true, [reason('asset-ledger-empty', 0)], []);
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.scope === null) records.push(assetRecord(row, ['assets-without-kind']));
  }
  const reasons: FindingReason[] = [];
  const notReviewed = !reviewedOn || reviewedOn < cut.ledger;
  if (notReviewed) reasons.push(reason('asset-ledger-not-reviewed', 0, reviewedOn ? { reviewedOn, months } : { months }));
  else reasons.push(reason('asset-ledger-reviewed', assets.total, { reviewedOn: reviewedOn!, count: assets.total }));
  if (records.length > 0) reasons.push(reason('assets-without-kind', records.length, { count: records.length }));
  if (assets.withoutPatientData > 0) reasons.push(reason('assets-without-patient-data', assets.withoutPatientData, { count: assets.withoutPatientData }));
  return finding('asset-ledger', 'general', notReviewed, reasons, records);
}

function remoteMaintenance(assets: AssetSummary): Finding {
  if (assets.inScope === 0) return finding('remote-maintenance', 'general', true, [reason('asset-ledger-empty', 0)], []);
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.unknownRemote) records.push(assetRecord(row, ['remote-maintenance-unknown']));
  }
  if (records.length > 0) {
    return finding('remote-maintenance', 'general', true, [reason('remote-maintenance-unknown', records.length, { count: records.length })], records);
  }
  return finding(
    'remote-maintenance',
    'general',
    false,
    [reason('remote-maintenance-known', assets.inScope, { count: assets.inScope, withRemote: assets.withRemote })],
    [],
  );
}

function accountReview(reviewedOn: string | null): FindingReason[] {
  return reviewedOn ? [reason('account-review-done', 0, { reviewedOn })] : [];
}

/**
 * No enabled account of the scope recorded: 該当なし when the facility has no device of that kind (and confirmed its
 * asset ledger); otherwise the suggestion says what to record — terminal PCs' Windows or Active Directory accounts
 * count as terminal scope — rather than いいえ.
 */
function noAccounts(topic: FindingTopic, scope: DeviceScope, assets: AssetSummary, ledgerConfirmed: boolean, review: FindingReason[]): Finding {
  if (scope !== 'general' && assetCount(assets, scope) === 0) return nothingInScope(topic, scope, ledgerConfirmed, review);
  return { topic, scope, suggestion: 'undetermined', reasons: [reason('no-accounts-in-scope', 0, { scope }), ...review], records: [] };
}

function accessRights(accounts: AccountSummary, scope: DeviceScope, reviewedOn: string | null, assets: AssetSummary, ledgerConfirmed: boolean): Finding {
  const count = accountCount(accounts, scope);
  const review = accountReview(reviewedOn);
  if (count === 0) return noAccounts('access-rights', scope, assets, ledgerConfirmed, review);
  const records: FindingRecord[] = [];
  const rows = accounts.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.noRole && inScope(row.scope, scope)) records.push((row.roleRecord ??= accountRecord(row, ['accounts-without-role'])));
  }
  if (records.length > 0) {
    return finding('access-rights', scope, true, [reason('accounts-without-role', records.length, { count: records.length }), ...review], records);
  }
  return finding('access-rights', scope, false, [reason('accounts-have-roles', count, { count }), ...review], []);
}

function unusedAccounts(
  accounts: AccountSummary,
  scope: DeviceScope,
  reviewedOn: string | null,
  days: number,
  assets: AssetSummary,
  ledgerConfirmed: boolean,
): Finding {
  const count = accountCount(accounts, scope);
  const review = accountReview(reviewedOn);
  if (count === 0) return noAccounts('unused-accounts', scope, assets, ledgerConfirmed, review);
  const counts: Record<UnusedCode, number> = {
    'accounts-retired-enabled': 0,
    'accounts-expired-enabled': 0,
    'accounts-unused': 0,
    'accounts-temporary-without-end': 0,
  };
  const records: FindingRecord[] = [];
  const rows = accounts.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.unused.length === 0 || !inScope(row.scope, scope)) continue;
    for (let c = 0; c < row.unused.length; c++) counts[row.unused[c]!]++;
    records.push((row.unusedRecord ??= accountRecord(row, row.unused.slice())));
  }
  if (records.length === 0) return finding('unused-accounts', scope, false, [reason('accounts-clean', count, { count }), ...review], []);
  const reasons: FindingReason[] = [];
  for (const code of unusedCodes) {
    const n = counts[code];
    if (n > 0) reasons.push(reason(code, n, code === 'accounts-unused' ? { count: n, days } : { count: n }));
  }
  return finding('unused-accounts', scope, true, [...reasons, ...review], records);
}

type EolGroups = Map<string, { product: string; endOfLifeOn: string; count: number }>;

/** One end-of-life reason per (product, date), in date order. */
function eolReasons(code: 'os-end-of-life' | 'os-end-of-life-accepted', groups: EolGroups): FindingReason[] {
  const list = [...groups.values()].sort((a, b) =>
    a.endOfLifeOn !== b.endOfLifeOn ? (a.endOfLifeOn < b.endOfLifeOn ? -1 : 1) : a.product < b.product ? -1 : a.product > b.product ? 1 : 0,
  );
  const out: FindingReason[] = [];
  for (const g of list) out.push(reason(code, g.count, { count: g.count, product: g.product, endOfLifeOn: g.endOfLifeOn }));
  return out;
}

function addToGroup(groups: EolGroups, product: string, endOfLifeOn: string): void {
  const key = `${endOfLifeOn}\u0000${product}`;
  const group = groups.get(key);
  if (group) group.count++;
  else groups.set(key, { product, endOfLifeOn, count: 1 });
}

function patchRecord(row: AssetRow): FindingRecord {
  const codes: FindingReasonCode[] = [];
  if (row.update !== null) codes.push(row.update);
  if (row.eolProduct !== null) codes.push(row.eolAccepted ? 'os-end-of-life-accepted' : 'os-end-of-life');
  if (row.patchedLongAgo) codes.push('patches-long-ago');
  return assetRecord(row, codes);
}

/**
 * 2(7). いいえ for a device whose 更新状況 is 未適用の更新あり, 不明 or 更新不可, or that runs an OS / firmware past its end of
 * life: a recorded risk acceptance explains it, but the answer stays いいえ with a target date within the year (Q&A
 * 9-14, 12-E-47). A device patched long ago while 最新 is listed to confirm, without changing the suggestion (Q&A 9-15
 * sets no frequency).
 */
function patches(assets: AssetSummary, scope: DeviceScope, days: number, ledgerConfirmed: boolean): Finding {
  const count = assetCount(assets, scope);
  if (count === 0) return nothingInScope('patches', scope, ledgerConfirmed);
  const updates: Record<UpdateReason, number> = { 'patches-pending': 0, 'patches-update-unknown': 0, 'patches-unsupported': 0 };
  let longAgo = 0;
  const eol: EolGroups = new Map();
  const accepted: EolGroups = new Map();
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if ((row.update === null && row.eolProduct === null && !row.patchedLongAgo) || !inScope(row.scope, scope)) continue;
    if (row.update !== null) updates[row.update]++;
    if (row.patchedLongAgo) longAgo++;
    if (row.eolProduct !== null) addToGroup(row.eolAccepted ? accepted : eol, row.eolProduct, row.eolOn);
    records.push((row.patchRecord ??= patchRecord(row)));
  }
  const reasons: FindingReason[] = [];
  for (const code of Object.values(updateReasons)) if (updates[code] > 0) reasons.push(reason(code, updates[code], { count: updates[code] }));
  reasons.push(...eolReasons('os-end-of-life', eol), ...eolReasons('os-end-of-life-accepted', accepted));
  const no = reasons.length > 0;
  if (!no) reasons.push(reason('patches-current', count, { count }));
  if (longAgo > 0) reasons.push(reason('patches-long-ago', longAgo, { count: longAgo, days }));
  return finding('patches', scope, no, reasons, records);
}

/**
 * 2(8) 接続元制限 concerns devices at the boundary: connections from outside (internet, VPN, remote-maintenance lines)
 * and wireless (manual 2(8), Q&A 10-1, 12-A-2). The `general` finding looks at the same devices.
 */
function sourceRestriction(assets: AssetSummary, scope: DeviceScope, ledgerConfirmed: boolean): Finding {
  if (assets.network === 0) return nothingInScope('source-restriction', scope, ledgerConfirmed);
  // Network devices all recorded as internal only: no line from outside to restrict (Q&A 12-B-8).
  if (assets.boundary === 0)
    return nothingInScope('source-restriction', scope, ledgerConfirmed, [reason('no-boundary-devices', assets.network, { count: assets.network })]);
  const counts = { [SOURCE_UNRECORDED]: 0, [SOURCE_MISSING]: 0, [EXTERNAL_UNKNOWN]: 0 };
  const codeOf = {
    [SOURCE_UNRECORDED]: 'source-restriction-unrecorded',
    [SOURCE_MISSING]: 'source-restriction-missing',
    [EXTERNAL_UNKNOWN]: 'external-connection-unknown',
  } as const;
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.source === OK) continue;
    const source = row.source as keyof typeof codeOf;
    counts[source]++;
    records.push((row.sourceRecord ??= assetRecord(row, [codeOf[source]])));
  }
  if (records.length === 0)
    return finding('source-restriction', scope, false, [reason('source-restriction-in-place', assets.boundary, { count: assets.boundary })], []);
  const reasons: FindingReason[] = [];
  for (const source of [SOURCE_UNRECORDED, SOURCE_MISSING, EXTERNAL_UNKNOWN] as const) {
    if (counts[source] > 0) reasons.push(reason(codeOf[source], counts[source], { count: counts[source] }));
  }
  return finding('source-restriction', scope, true, reasons, records);
}

function backgroundServices(assets: AssetSummary, scope: DeviceScope, months: number, ledgerConfirmed: boolean): Finding {
  const count = assetCount(assets, scope);
  if (count === 0) return nothingInScope('background-services', scope, ledgerConfirmed);
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.servicesStale && inScope(row.scope, scope)) records.push((row.servicesRecord ??= assetRecord(row, ['services-not-reviewed'])));
  }
  if (records.length > 0) {
    return finding('background-services', scope, true, [reason('services-not-reviewed', records.length, { count: records.length, months })], records);
  }
  return finding('background-services', scope, false, [reason('services-reviewed', count, { count, months })], []);
}

// ---------------------------------------------------------------------------------------------------------------------

/**
 * Every ledger finding for a facility on `facts.asOf`, in a fixed order: security-manager, asset-ledger,
 * remote-maintenance (general); access-rights and unused-accounts (server, terminal, general); patches (server,
 * terminal, network, general); source-restriction (network, general); background-services (server, terminal, general).
 * A record listed by several findings (patches/terminal and patches/general) is the same object: treat the result as
 * read-only.
 */
export function computeFindings(facts: LedgerFacts): Finding[] {
  if (!isIsoDate(facts.asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${facts.asOf}`);
  const t = facts.thresholds;
  const cut: Cutoffs = {
    asOf: facts.asOf,
    patch: shiftDays(facts.asOf, -t.patchMaxAgeDays),
    login: shiftDays(facts.asOf, -t.unusedAccountDays),
    ledger: shiftMonths(facts.asOf, -t.ledgerReviewMonths),
    services: shiftMonths(facts.asOf, -t.servicesReviewMonths),
  };
  const assets = prepareAssets(facts.assets, cut, { entries: facts.endOfLife, cache: new Map() });
  const accounts = prepareAccounts(facts.accounts, cut);
  const review = facts.accountReviewedOn;
  const confirmed = facts.assetLedgerReviewedOn !== null && facts.assetLedgerReviewedOn >= cut.ledger;

  return [
    securityManager(facts.securityManagerName),
    assetLedger(assets, facts.assetLedgerReviewedOn, t.ledgerReviewMonths, cut),
    remoteMaintenance(assets),
    accessRights(accounts, 'server', review, assets, confirmed),
    accessRights(accounts, 'terminal', review, assets, confirmed),
    accessRights(accounts, 'general', review, assets, confirmed),
    unusedAccounts(accounts, 'server', review, t.unusedAccountDays, assets, confirmed),
    unusedAccounts(accounts, 'terminal', review, t.unusedAccountDays, assets, confirmed),
    unusedAccounts(accounts, 'general', review, t.unusedAccountDays, assets, confirmed),
    patches(assets, 'server', t.patchMaxAgeDays, confirmed),
    patches(assets, 'terminal', t.patchMaxAgeDays, confirmed),
    patches(assets, 'network', t.patchMaxAgeDays, confirmed),
    patches(assets, 'general', t.patchMaxAgeDays, confirmed),
    sourceRestriction(assets, 'network', confirmed),
    sourceRestriction(assets, 'general', confirmed),
    backgroundServices(assets, 'server', t.servicesReviewMonths, confirmed),
    backgroundServices(assets, 'terminal', t.servicesReviewMonths, confirmed),
    backgroundServices(assets, 'general', t.servicesReviewMonths, confirmed),
  ];
}
