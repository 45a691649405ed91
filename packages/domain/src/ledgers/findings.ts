import type { DeviceScope } from '../checklist/edition-schema.js';
import { isIsoDate } from '../checklist/fiscal-year.js';
import { shiftDays, shiftMonths } from './dates.js';
import { matchEndOfLife, normalizeProduct } from './end-of-life.js';
import type { EndOfLifeEntry, Finding, FindingReason, FindingReasonCode, FindingRecord, FindingTopic, LedgerFacts } from './finding-types.js';
import { scopeOfAsset, type AccountFields, type AssetFields } from './model.js';

/*
 * The ledger rules of spec §3: from the facility's ledgers to a suggested answer per (topic, scope) with its reasons.
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
const PATCH_UNRECORDED = 1;
const PATCH_OUTDATED = 2;
const SOURCE_UNRECORDED = 1;
const SOURCE_MISSING = 2;

interface AssetRow {
  id: string;
  label: string;
  /** null: kind not recorded; such assets count only for `general` findings. */
  scope: DeviceScope | null;
  unknownRemote: boolean;
  patch: number;
  /** Past end of life on the day of the findings (null: not known to be). */
  eolProduct: string | null;
  eolOn: string;
  eolAccepted: boolean;
  servicesStale: boolean;
  /** Network devices only. */
  source: number;
  /** The row's record in the patches and background-services findings, made once and shared by its scopes. */
  patchRecord?: FindingRecord;
  servicesRecord?: FindingRecord;
  sourceRecord?: FindingRecord;
}

interface AssetSummary {
  /** The assets some finding lists, sorted by label. */
  listed: AssetRow[];
  /** Active and stopped assets (retired ones drop out of every finding). */
  total: number;
  server: number;
  terminal: number;
  network: number;
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
  const summary: AssetSummary = { listed: [], total: 0, server: 0, terminal: 0, network: 0, withRemote: 0 };
  for (let i = 0; i < assets.length; i++) {
    const asset = assets[i]!;
    if (asset.status === 'retired') continue;
    const scope = scopeOfAsset(asset.kind, asset.cloudModel);
    summary.total++;
    if (scope === 'server') summary.server++;
    else if (scope === 'terminal') summary.terminal++;
    else if (scope === 'network') summary.network++;
    if (asset.remoteMaintenance === 'yes') summary.withRemote++;

    let patch = OK;
    if (!asset.lastPatchedOn) patch = PATCH_UNRECORDED;
    else if (asset.lastPatchedOn < cut.patch) patch = PATCH_OUTDATED;

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
    let source = OK;
    if (scope === 'network') {
      if (asset.sourceRestrictions === null) source = SOURCE_UNRECORDED;
      else if (asset.sourceRestrictions.length === 0) source = SOURCE_MISSING;
    }
    const unknownRemote = asset.remoteMaintenance === 'unknown';
    if (scope !== null && !unknownRemote && patch === OK && eolProduct === null && !servicesStale && source === OK) continue;

    summary.listed.push({
      id: asset.id,
      label: assetLabel(asset),
      scope,
      unknownRemote,
      patch,
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
  return scope === 'general' ? summary.total : scope === 'server' ? summary.server : scope === 'terminal' ? summary.terminal : summary.network;
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
  return finding('asset-ledger', 'general', notReviewed, reasons, records);
}

function remoteMaintenance(assets: AssetSummary): Finding {
  if (assets.total === 0) return finding('remote-maintenance', 'general', true, [reason('asset-ledger-empty', 0)], []);
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.unknownRemote) records.push(assetRecord(row, ['remote-maintenance-unknown']));
  }
  if (records.length > 0) {
    return finding('remote-maintenance', 'general', true, [reason('remote-maintenance-unknown', records.length, { count: records.length })], records);
  }
  return finding('remote-maintenance', 'general', false, [reason('remote-maintenance-known', assets.total, { count: assets.total, withRemote: assets.withRemote })], []);
}

function accountReview(reviewedOn: string | null): FindingReason[] {
  return reviewedOn ? [reason('account-review-done', 0, { reviewedOn })] : [];
}

function accessRights(accounts: AccountSummary, scope: DeviceScope, reviewedOn: string | null): Finding {
  const count = accountCount(accounts, scope);
  const review = accountReview(reviewedOn);
  if (count === 0) return finding('access-rights', scope, true, [reason('no-accounts-in-scope', 0), ...review], []);
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

function unusedAccounts(accounts: AccountSummary, scope: DeviceScope, reviewedOn: string | null, days: number): Finding {
  const count = accountCount(accounts, scope);
  const review = accountReview(reviewedOn);
  if (count === 0) return finding('unused-accounts', scope, true, [reason('no-accounts-in-scope', 0), ...review], []);
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
  if (row.patch === PATCH_UNRECORDED) codes.push('patches-unrecorded');
  else if (row.patch === PATCH_OUTDATED) codes.push('patches-outdated');
  if (row.eolProduct !== null) codes.push(row.eolAccepted ? 'os-end-of-life-accepted' : 'os-end-of-life');
  return assetRecord(row, codes);
}

function patches(assets: AssetSummary, scope: DeviceScope, days: number): Finding {
  const count = assetCount(assets, scope);
  if (count === 0) return finding('patches', scope, true, [reason('no-assets-in-scope', 0)], []);
  let unrecorded = 0;
  let outdated = 0;
  const eol: EolGroups = new Map();
  const accepted: EolGroups = new Map();
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if ((row.patch === OK && row.eolProduct === null) || !inScope(row.scope, scope)) continue;
    if (row.patch === PATCH_UNRECORDED) unrecorded++;
    else if (row.patch === PATCH_OUTDATED) outdated++;
    if (row.eolProduct !== null) addToGroup(row.eolAccepted ? accepted : eol, row.eolProduct, row.eolOn);
    records.push((row.patchRecord ??= patchRecord(row)));
  }
  const reasons: FindingReason[] = [];
  if (unrecorded > 0) reasons.push(reason('patches-unrecorded', unrecorded, { count: unrecorded }));
  if (outdated > 0) reasons.push(reason('patches-outdated', outdated, { count: outdated, days }));
  reasons.push(...eolReasons('os-end-of-life', eol));
  const no = reasons.length > 0;
  if (!no) reasons.push(reason('patches-current', count, { count }));
  reasons.push(...eolReasons('os-end-of-life-accepted', accepted));
  return finding('patches', scope, no, reasons, records);
}

/** 接続元制限 is about network devices: the `general` finding looks at the same devices. */
function sourceRestriction(assets: AssetSummary, scope: DeviceScope): Finding {
  const count = assets.network;
  if (count === 0) return finding('source-restriction', scope, true, [reason('no-assets-in-scope', 0)], []);
  let unrecorded = 0;
  let missing = 0;
  const records: FindingRecord[] = [];
  const rows = assets.listed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.source === SOURCE_UNRECORDED) {
      unrecorded++;
      records.push((row.sourceRecord ??= assetRecord(row, ['source-restriction-unrecorded'])));
    } else if (row.source === SOURCE_MISSING) {
      missing++;
      records.push((row.sourceRecord ??= assetRecord(row, ['source-restriction-missing'])));
    }
  }
  if (records.length === 0) return finding('source-restriction', scope, false, [reason('source-restriction-in-place', count, { count })], []);
  const reasons: FindingReason[] = [];
  if (unrecorded > 0) reasons.push(reason('source-restriction-unrecorded', unrecorded, { count: unrecorded }));
  if (missing > 0) reasons.push(reason('source-restriction-missing', missing, { count: missing }));
  return finding('source-restriction', scope, true, reasons, records);
}

function backgroundServices(assets: AssetSummary, scope: DeviceScope, months: number): Finding {
  const count = assetCount(assets, scope);
  if (count === 0) return finding('background-services', scope, true, [reason('no-assets-in-scope', 0)], []);
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

  return [
    securityManager(facts.securityManagerName),
    assetLedger(assets, facts.assetLedgerReviewedOn, t.ledgerReviewMonths, cut),
    remoteMaintenance(assets),
    accessRights(accounts, 'server', review),
    accessRights(accounts, 'terminal', review),
    accessRights(accounts, 'general', review),
    unusedAccounts(accounts, 'server', review, t.unusedAccountDays),
    unusedAccounts(accounts, 'terminal', review, t.unusedAccountDays),
    unusedAccounts(accounts, 'general', review, t.unusedAccountDays),
    patches(assets, 'server', t.patchMaxAgeDays),
    patches(assets, 'terminal', t.patchMaxAgeDays),
    patches(assets, 'network', t.patchMaxAgeDays),
    patches(assets, 'general', t.patchMaxAgeDays),
    sourceRestriction(assets, 'network'),
    sourceRestriction(assets, 'general'),
    backgroundServices(assets, 'server', t.servicesReviewMonths),
    backgroundServices(assets, 'terminal', t.servicesReviewMonths),
    backgroundServices(assets, 'general', t.servicesReviewMonths),
  ];
}
