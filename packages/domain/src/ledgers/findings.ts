import type { DeviceScope } from '../checklist/edition-schema.js';
import { isIsoDate } from '../checklist/fiscal-year.js';
import { matchEndOfLife, normalizeProduct } from './end-of-life.js';
import type { EndOfLifeEntry, Finding, FindingReason, FindingReasonCode, FindingRecord, FindingTopic, LedgerFacts } from './finding-types.js';
import { scopeOfAsset, type AccountFields, type AssetFields } from './model.js';

/*
 * The ledger rules of spec §3: from the facility's ledgers to a suggested answer per (topic, scope) with its reasons.
 * Pure and fast: one pass over each ledger computes every per-record fact, records are sorted once by label, and the
 * findings are then plain filters over the prepared rows. Dates are YYYY-MM-DD strings compared as text; the
 * thresholds are turned into cut-off dates once (on UTC dates, never the local time zone).
 */

type Asset = AssetFields & { id: string };

/** 'a is older than N days' ⇔ a < cut-off; a date exactly N days (or months) back is still within the limit. */
function shiftDays(date: string, days: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Calendar months back, clamped to the month's last day (2024-03-31 minus 1 month = 2024-02-29). */
function shiftMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

function isBlank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim() === '';
}

function compareRows(a: { label: string; id: string }, b: { label: string; id: string }): number {
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function assetLabel(asset: Pick<AssetFields, 'managementNumber' | 'computerName' | 'software'>): string {
  return `${asset.managementNumber} ${asset.computerName.trim() || asset.software.trim()}`.trim();
}

export function accountLabel(account: Pick<AccountFields, 'loginId' | 'familyName' | 'givenName' | 'system'>): string {
  const name = `${account.familyName}${account.givenName}`.trim();
  const system = account.system.trim();
  return `${account.loginId}${name ? `（${name}）` : ''}${system ? ` / ${system}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Prepared rows

const PATCH_OK = 0;
const PATCH_UNRECORDED = 1;
const PATCH_OUTDATED = 2;

interface AssetRow {
  id: string;
  label: string;
  /** null: kind not recorded; such assets count only for `general` findings. */
  scope: DeviceScope | null;
  remoteMaintenance: AssetFields['remoteMaintenance'];
  patch: number;
  /** Past end of life on the day of the findings (null: not known to be). */
  eolProduct: string | null;
  eolOn: string;
  eolAccepted: boolean;
  servicesStale: boolean;
  sourceRestrictions: AssetFields['sourceRestrictions'];
}

const unusedCodes = ['accounts-retired-enabled', 'accounts-expired-enabled', 'accounts-unused', 'accounts-temporary-without-end'] as const;
type UnusedCode = (typeof unusedCodes)[number];

interface AccountRow {
  id: string;
  label: string;
  scope: DeviceScope;
  noRole: boolean;
  /** The unused-account reasons that apply, in the order of `unusedCodes`. */
  unused: UnusedCode[];
}

interface EolLookup {
  entries: readonly EndOfLifeEntry[];
  /** Raw OS text → best match; every distinct text is normalised and looked up once. */
  cache: Map<string, { entry: EndOfLifeEntry; length: number } | null>;
}

function lookup(raw: string, eol: EolLookup): { entry: EndOfLifeEntry; length: number } | null {
  let hit = eol.cache.get(raw);
  if (hit === undefined) {
    hit = matchEndOfLife(normalizeProduct(raw), eol.entries);
    eol.cache.set(raw, hit);
  }
  return hit;
}

function osText(asset: Asset): string {
  return `${asset.os} ${asset.osVersion}`.trim();
}

interface Cutoffs {
  asOf: string;
  patch: string;
  login: string;
  ledger: string;
  services: string;
}

function prepareAssets(assets: LedgerFacts['assets'], cut: Cutoffs, eol: EolLookup): AssetRow[] {
  const rows: AssetRow[] = [];
  for (let i = 0; i < assets.length; i++) {
    const asset = assets[i]!;
    if (asset.status === 'retired') continue;
    const scope = scopeOfAsset(asset.kind, asset.cloudModel);

    let patch = PATCH_OK;
    if (asset.lastPatchedOn === null || asset.lastPatchedOn === '') patch = PATCH_UNRECORDED;
    else if (asset.lastPatchedOn < cut.patch) patch = PATCH_OUTDATED;

    let eolProduct: string | null = null;
    let eolOn = '';
    if (asset.endOfLifeOn) {
      if (asset.endOfLifeOn <= cut.asOf) {
        eolOn = asset.endOfLifeOn;
        eolProduct = osText(asset) || asset.firmwareVersion.trim() || asset.software.trim() || assetLabel(asset);
      }
    } else {
      let best = lookup(`${asset.os} ${asset.osVersion}`, eol);
      if (scope === 'network' && asset.firmwareVersion.trim() !== '') {
        const withOs = lookup(`${asset.os} ${asset.firmwareVersion}`, eol);
        if (withOs && (!best || withOs.length > best.length)) best = withOs;
        const alone = lookup(asset.firmwareVersion, eol);
        if (alone && (!best || alone.length > best.length)) best = alone;
      }
      if (best && best.entry.endOfLifeOn <= cut.asOf) {
        eolOn = best.entry.endOfLifeOn;
        eolProduct = best.entry.product;
      }
    }

    rows.push({
      id: asset.id,
      label: assetLabel(asset),
      scope,
      remoteMaintenance: asset.remoteMaintenance,
      patch,
      eolProduct,
      eolOn,
      eolAccepted: eolProduct !== null && !isBlank(asset.riskAcceptance),
      servicesStale: asset.servicesReviewedOn === null || asset.servicesReviewedOn === '' || asset.servicesReviewedOn < cut.services,
      sourceRestrictions: asset.sourceRestrictions,
    });
  }
  rows.sort(compareRows);
  return rows;
}

function prepareAccounts(accounts: LedgerFacts['accounts'], cut: Cutoffs): AccountRow[] {
  const rows: AccountRow[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i]!;
    if (!account.enabled) continue;
    const unused: UnusedCode[] = [];
    if (account.retired) unused.push('accounts-retired-enabled');
    if (account.validTo && account.validTo < cut.asOf) unused.push('accounts-expired-enabled');
    if (account.lastLoginOn && account.lastLoginOn < cut.login) unused.push('accounts-unused');
    if (account.temporary && !account.validTo) unused.push('accounts-temporary-without-end');
    rows.push({ id: account.id, label: accountLabel(account), scope: account.scope, noRole: isBlank(account.role), unused });
  }
  rows.sort(compareRows);
  return rows;
}

function inScope(rowScope: DeviceScope | null, scope: DeviceScope): boolean {
  return scope === 'general' || rowScope === scope;
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

function assetLedger(rows: readonly AssetRow[], reviewedOn: string | null, months: number, cut: Cutoffs): Finding {
  if (rows.length === 0) return finding('asset-ledger', 'general', true, [reason('asset-ledger-empty', 0)], []);
  const records: FindingRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.scope === null) records.push(assetRecord(row, ['assets-without-kind']));
  }
  const reasons: FindingReason[] = [];
  const notReviewed = !reviewedOn || reviewedOn < cut.ledger;
  if (notReviewed) reasons.push(reason('asset-ledger-not-reviewed', 0, reviewedOn ? { reviewedOn, months } : { months }));
  else reasons.push(reason('asset-ledger-reviewed', rows.length, { reviewedOn: reviewedOn!, count: rows.length }));
  if (records.length > 0) reasons.push(reason('assets-without-kind', records.length, { count: records.length }));
  return finding('asset-ledger', 'general', notReviewed, reasons, records);
}

function remoteMaintenance(rows: readonly AssetRow[]): Finding {
  if (rows.length === 0) return finding('remote-maintenance', 'general', true, [reason('asset-ledger-empty', 0)], []);
  const records: FindingRecord[] = [];
  let withRemote = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.remoteMaintenance === 'unknown') records.push(assetRecord(row, ['remote-maintenance-unknown']));
    else if (row.remoteMaintenance === 'yes') withRemote++;
  }
  if (records.length > 0) {
    return finding('remote-maintenance', 'general', true, [reason('remote-maintenance-unknown', records.length, { count: records.length })], records);
  }
  return finding('remote-maintenance', 'general', false, [reason('remote-maintenance-known', rows.length, { count: rows.length, withRemote })], []);
}

function accountReview(reviewedOn: string | null): FindingReason[] {
  return reviewedOn ? [reason('account-review-done', 0, { reviewedOn })] : [];
}

function accessRights(rows: readonly AccountRow[], scope: DeviceScope, reviewedOn: string | null): Finding {
  let count = 0;
  const records: FindingRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!inScope(row.scope, scope)) continue;
    count++;
    if (row.noRole) records.push(accountRecord(row, ['accounts-without-role']));
  }
  const review = accountReview(reviewedOn);
  if (count === 0) return finding('access-rights', scope, true, [reason('no-accounts-in-scope', 0), ...review], []);
  if (records.length > 0) {
    return finding('access-rights', scope, true, [reason('accounts-without-role', records.length, { count: records.length }), ...review], records);
  }
  return finding('access-rights', scope, false, [reason('accounts-have-roles', count, { count }), ...review], []);
}

function unusedAccounts(rows: readonly AccountRow[], scope: DeviceScope, reviewedOn: string | null, days: number): Finding {
  let count = 0;
  const counts: Record<UnusedCode, number> = {
    'accounts-retired-enabled': 0,
    'accounts-expired-enabled': 0,
    'accounts-unused': 0,
    'accounts-temporary-without-end': 0,
  };
  const records: FindingRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!inScope(row.scope, scope)) continue;
    count++;
    if (row.unused.length === 0) continue;
    for (let c = 0; c < row.unused.length; c++) counts[row.unused[c]!]++;
    records.push(accountRecord(row, row.unused.slice()));
  }
  const review = accountReview(reviewedOn);
  if (count === 0) return finding('unused-accounts', scope, true, [reason('no-accounts-in-scope', 0), ...review], []);
  if (records.length === 0) return finding('unused-accounts', scope, false, [reason('accounts-clean', count, { count }), ...review], []);
  const reasons: FindingReason[] = [];
  for (const code of unusedCodes) {
    const n = counts[code];
    if (n === 0) continue;
    reasons.push(reason(code, n, code === 'accounts-unused' ? { count: n, days } : { count: n }));
  }
  return finding('unused-accounts', scope, true, [...reasons, ...review], records);
}

/** One end-of-life reason per (product, date), in date order. */
function eolReasons(code: 'os-end-of-life' | 'os-end-of-life-accepted', groups: Map<string, { product: string; endOfLifeOn: string; count: number }>): FindingReason[] {
  const list = [...groups.values()].sort((a, b) =>
    a.endOfLifeOn !== b.endOfLifeOn ? (a.endOfLifeOn < b.endOfLifeOn ? -1 : 1) : a.product < b.product ? -1 : a.product > b.product ? 1 : 0,
  );
  const out: FindingReason[] = [];
  for (const g of list) out.push(reason(code, g.count, { count: g.count, product: g.product, endOfLifeOn: g.endOfLifeOn }));
  return out;
}

function addToGroup(groups: Map<string, { product: string; endOfLifeOn: string; count: number }>, product: string, endOfLifeOn: string): void {
  const key = `${endOfLifeOn}\u0000${product}`;
  const group = groups.get(key);
  if (group) group.count++;
  else groups.set(key, { product, endOfLifeOn, count: 1 });
}

function patches(rows: readonly AssetRow[], scope: DeviceScope, days: number): Finding {
  let count = 0;
  let unrecorded = 0;
  let outdated = 0;
  const eol = new Map<string, { product: string; endOfLifeOn: string; count: number }>();
  const accepted = new Map<string, { product: string; endOfLifeOn: string; count: number }>();
  const records: FindingRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!inScope(row.scope, scope)) continue;
    count++;
    if (row.patch === PATCH_OK && row.eolProduct === null) continue;
    const codes: FindingReasonCode[] = [];
    if (row.patch === PATCH_UNRECORDED) {
      unrecorded++;
      codes.push('patches-unrecorded');
    } else if (row.patch === PATCH_OUTDATED) {
      outdated++;
      codes.push('patches-outdated');
    }
    if (row.eolProduct !== null) {
      if (row.eolAccepted) {
        addToGroup(accepted, row.eolProduct, row.eolOn);
        codes.push('os-end-of-life-accepted');
      } else {
        addToGroup(eol, row.eolProduct, row.eolOn);
        codes.push('os-end-of-life');
      }
    }
    records.push(assetRecord(row, codes));
  }
  if (count === 0) return finding('patches', scope, true, [reason('no-assets-in-scope', 0)], []);
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
function sourceRestriction(rows: readonly AssetRow[], scope: DeviceScope): Finding {
  let count = 0;
  let unrecorded = 0;
  let missing = 0;
  const records: FindingRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.scope !== 'network') continue;
    count++;
    if (row.sourceRestrictions === null) {
      unrecorded++;
      records.push(assetRecord(row, ['source-restriction-unrecorded']));
    } else if (row.sourceRestrictions.length === 0) {
      missing++;
      records.push(assetRecord(row, ['source-restriction-missing']));
    }
  }
  if (count === 0) return finding('source-restriction', scope, true, [reason('no-assets-in-scope', 0)], []);
  if (records.length === 0) return finding('source-restriction', scope, false, [reason('source-restriction-in-place', count, { count })], []);
  const reasons: FindingReason[] = [];
  if (unrecorded > 0) reasons.push(reason('source-restriction-unrecorded', unrecorded, { count: unrecorded }));
  if (missing > 0) reasons.push(reason('source-restriction-missing', missing, { count: missing }));
  return finding('source-restriction', scope, true, reasons, records);
}

function backgroundServices(rows: readonly AssetRow[], scope: DeviceScope, months: number): Finding {
  let count = 0;
  const records: FindingRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!inScope(row.scope, scope)) continue;
    count++;
    if (row.servicesStale) records.push(assetRecord(row, ['services-not-reviewed']));
  }
  if (count === 0) return finding('background-services', scope, true, [reason('no-assets-in-scope', 0)], []);
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
