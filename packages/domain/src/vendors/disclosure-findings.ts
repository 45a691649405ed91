import { isIsoDate } from '../checklist/fiscal-year.js';
import type { Finding, FindingReason, FindingReasonCode, FindingRecord } from '../ledgers/finding-types.js';

/*
 * Item 2(3) (topic mds-sds): every system a vendor contract covers should come with an MDS/SDS (JAHIS 医療情報
 * セキュリティ開示書). From the facility's contracts and the statements filed under them to a suggested answer for the
 * facility as a whole (scope 'general'), in the style of the ledger and incident-readiness findings.
 *
 * - No contract registered → いいえ (`disclosures-no-contracts`): like an empty ledger, nothing proves the answer;
 *   a facility without vendor contracts marks the checklist "no vendor contract" and the item is then not needed.
 * - A contracted system without a statement → いいえ (`disclosures-missing`), each such system listed as a record.
 * - Otherwise はい (`disclosures-complete`).
 * - Q&A 5-1 expects the format version that is the latest at the time; an older one is still a statement, so a system
 *   whose newest statement of a kind predates JAHIS 5.0 is reported (`disclosures-outdated`) without turning the
 *   suggestion into いいえ. A non-JAHIS format ('other', Q&A 5-6) is never called outdated.
 *
 * A statement counts for the contract it is filed under, for the system of that contract whose name matches
 * (NFKC, case and white space ignored), and only once received (receivedOn on or before asOf).
 */

/** The newest JAHIS format version Mamori knows of; statements in an earlier one are reported as outdated. */
export const latestJahisVersion = '5.0';
const jahisOrder: Readonly<Record<string, number>> = { '4.0': 0, '4.1': 1, '5.0': 2 };

export interface DisclosureFacts {
  /** The day the finding is for (YYYY-MM-DD, Asia/Tokyo). */
  asOf: string;
  contracts: readonly { id: string; title: string; vendorName: string; systems: readonly string[] }[];
  disclosures: readonly { contractId: string; system: string; kind: string; jahisVersion: string; receivedOn: string }[];
}

/** How system names are compared: `電子 カルテ`, `電子カルテ` and `ＰＡＣＳ`/`pacs` are the same system. */
export function normalizeSystemName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** How a contracted system is named in a finding: `A社 電子カルテ保守 — 電子カルテ`. */
export function contractSystemLabel(contract: { title: string; vendorName: string }, system: string): string {
  const head = `${contract.vendorName.trim()} ${contract.title.trim()}`.trim();
  return `${head} — ${system.trim()}`;
}

function reason(code: FindingReasonCode, count: number, params: Record<string, string | number> = {}): FindingReason {
  return { code, count, params };
}

function finding(no: boolean, reasons: FindingReason[], records: FindingRecord[]): Finding {
  return { topic: 'mds-sds', scope: 'general', suggestion: no ? 'no' : 'yes', reasons, records };
}

interface SystemRow {
  contractId: string;
  label: string;
  /** Per kind (MDS / SDS), the newest statement received: its date and the best version filed that day. */
  newest: Map<string, { receivedOn: string; rank: number }>;
}

function compareRecords(a: FindingRecord, b: FindingRecord): number {
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The MDS/SDS findings for a facility on `facts.asOf`: one finding, topic mds-sds (item 2(3)), scope 'general'
 * (a list like computeFindings / computeIncidentFindings, so the three merge alike).
 */
export function computeDisclosureFindings(facts: DisclosureFacts): Finding[] {
  if (!isIsoDate(facts.asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${facts.asOf}`);
  return [mdsSds(facts)];
}

function mdsSds(facts: DisclosureFacts): Finding {
  const noContracts = finding(true, [reason('disclosures-no-contracts', 0)], []);
  if (facts.contracts.length === 0) return noContracts;

  // contract id → normalised system name → row; a system named twice in one contract counts once.
  const systems = new Map<string, Map<string, SystemRow>>();
  let total = 0;
  for (const contract of facts.contracts) {
    let byName = systems.get(contract.id);
    if (byName === undefined) {
      byName = new Map();
      systems.set(contract.id, byName);
    }
    for (const system of contract.systems) {
      const key = normalizeSystemName(system);
      if (key === '' || byName.has(key)) continue;
      byName.set(key, { contractId: contract.id, label: contractSystemLabel(contract, system), newest: new Map() });
      total++;
    }
  }

  if (total === 0) return noContracts;

  for (const disclosure of facts.disclosures) {
    if (disclosure.receivedOn > facts.asOf) continue;
    const row = systems.get(disclosure.contractId)?.get(normalizeSystemName(disclosure.system));
    if (row === undefined) continue;
    const rank = jahisOrder[disclosure.jahisVersion] ?? Number.POSITIVE_INFINITY;
    const seen = row.newest.get(disclosure.kind);
    if (seen === undefined || disclosure.receivedOn > seen.receivedOn) row.newest.set(disclosure.kind, { receivedOn: disclosure.receivedOn, rank });
    else if (disclosure.receivedOn === seen.receivedOn && rank > seen.rank) seen.rank = rank;
  }

  const latestRank = jahisOrder[latestJahisVersion]!;
  const missing: FindingRecord[] = [];
  const outdated: FindingRecord[] = [];
  for (const byName of systems.values()) {
    for (const row of byName.values()) {
      if (row.newest.size === 0) {
        missing.push({ ledger: 'contracts', id: row.contractId, label: row.label, reasons: ['disclosures-missing'] });
        continue;
      }
      let old = false;
      for (const newest of row.newest.values()) if (newest.rank < latestRank) old = true;
      if (old) outdated.push({ ledger: 'contracts', id: row.contractId, label: row.label, reasons: ['disclosures-outdated'] });
    }
  }
  missing.sort(compareRecords);
  outdated.sort(compareRecords);

  const reasons: FindingReason[] = [];
  if (missing.length > 0) reasons.push(reason('disclosures-missing', missing.length, { count: missing.length, total }));
  else reasons.push(reason('disclosures-complete', total, { count: total, contracts: facts.contracts.length }));
  if (outdated.length > 0) reasons.push(reason('disclosures-outdated', outdated.length, { count: outdated.length, latest: latestJahisVersion }));
  return finding(missing.length > 0, reasons, [...missing, ...outdated]);
}
