import { isIsoDate } from '../checklist/fiscal-year.js';
import { shiftMonths } from '../ledgers/dates.js';
import type { Finding, FindingReason, FindingReasonCode, FindingRecord, FindingTopic } from '../ledgers/finding-types.js';
import type { BackupPlanFields, BcpEssentials, ContactChartContent, ContactKind, IncidentFacts } from './model.js';

/*
 * The incident-readiness rules of spec §3, items 3(1)–3(3): from the contact chart, the backup plans with their restore
 * tests and the BCP to a suggested answer for the facility as a whole (scope 'general'), with reasons and records in the
 * style of the ledger findings. Dates are YYYY-MM-DD strings compared as text; "within N months" means on or after
 * asOf minus N calendar months (clamped to the month's end), so a date exactly N months back still counts.
 */

/** The manual's generation management: 3 generations or more (3(2) 用語の解説). */
export const minBackupGenerations = 3;

/**
 * The outside contacts 3(1) names (事業者、厚生労働省、警察等); a chart without one of them is incomplete. In the order of
 * the sentence. A facility with no vendor contract has no vendor to call: the vendor entry is then not required.
 */
const requiredContacts: readonly { kind: ContactKind; name: string; vendor?: true }[] = [
  { kind: 'ministry', name: '厚生労働省' },
  { kind: 'police', name: '警察' },
  { kind: 'vendor', name: '事業者', vendor: true },
];

function reason(code: FindingReasonCode, count: number, params: Record<string, string | number> = {}): FindingReason {
  return { code, count, params };
}

function finding(topic: FindingTopic, no: boolean, reasons: FindingReason[], records: FindingRecord[]): Finding {
  return { topic, scope: 'general', suggestion: no ? 'no' : 'yes', reasons, records };
}

/** A chart counts as made once it has at least one entry (the evaluator's `artifacts.contactChart`). */
export function contactChartExists(chart: ContactChartContent | null): boolean {
  return chart !== null && chart.entries.length > 0;
}

/** How a backup plan is named in a finding: `電子カルテ（診療データ・画像）`. */
export function backupPlanLabel(plan: Pick<BackupPlanFields, 'system' | 'data'>): string {
  const data = plan.data.trim();
  return `${plan.system.trim()}${data ? `（${data}）` : ''}`;
}

function contactChart(chart: ContactChartContent | null, hasVendorContract: boolean): Finding {
  if (chart === null || !contactChartExists(chart)) return finding('contact-chart', true, [reason('contact-chart-missing', 0)], []);
  const kinds = new Set<ContactKind>();
  for (let i = 0; i < chart.entries.length; i++) kinds.add(chart.entries[i]!.kind);
  const required = requiredContacts.filter((c) => hasVendorContract || !c.vendor);
  const missing = required.filter((c) => !kinds.has(c.kind)).map((c) => c.name);
  if (missing.length > 0) return finding('contact-chart', true, [reason('contact-chart-lacks', 0, { missing: missing.join('・') })], []);
  const count = chart.entries.length;
  return finding('contact-chart', false, [reason('contact-chart-complete', count, { count, required: required.map((c) => c.name).join('・') })], []);
}

interface PlanRow {
  id: string;
  label: string;
  codes: FindingReasonCode[];
}

/**
 * 3(2). What the item asks is that backups are taken and the restore procedure is confirmed; an offline copy is
 * 望ましい (manual 3(2) 補足), so its absence is a note, not いいえ. Only tests on or before asOf count (a test dated later is not known on that day). A plan's latest test is the
 * one with the latest date; when several share that date, a success among them counts (the retest the same day).
 */
function backupRestore(backups: IncidentFacts['backups'], asOf: string, months: number): Finding {
  if (backups.length === 0) return finding('backup-restore', true, [reason('backups-none', 0)], []);
  const cutoff = shiftMonths(asOf, -months);
  const listed: PlanRow[] = [];
  let fewGenerations = 0;
  let failed = 0;
  let offline = false;
  /** The latest successful test of any plan (on or before asOf), '' when none. */
  let testedOn = '';
  for (let i = 0; i < backups.length; i++) {
    const { plan, tests } = backups[i]!;
    if (plan.offline || plan.immutable) offline = true;
    let latestOn = '';
    let latestSucceeded = false;
    for (let t = 0; t < tests.length; t++) {
      const test = tests[t]!;
      if (test.testedOn > asOf) continue;
      const success = test.result === 'success';
      if (success && test.testedOn > testedOn) testedOn = test.testedOn;
      if (test.testedOn > latestOn) {
        latestOn = test.testedOn;
        latestSucceeded = success;
      } else if (test.testedOn === latestOn && success) latestSucceeded = true;
    }
    const codes: FindingReasonCode[] = [];
    if (plan.generations < minBackupGenerations) {
      fewGenerations++;
      codes.push('backups-few-generations');
    }
    if (latestOn !== '' && !latestSucceeded) {
      failed++;
      codes.push('restore-test-failed');
    }
    if (codes.length > 0) listed.push({ id: plan.id, label: backupPlanLabel(plan), codes });
  }
  listed.sort((a, b) => (a.label !== b.label ? (a.label < b.label ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const reasons: FindingReason[] = [];
  if (fewGenerations > 0) reasons.push(reason('backups-few-generations', fewGenerations, { count: fewGenerations, generations: minBackupGenerations }));
  if (testedOn === '' || testedOn < cutoff) reasons.push(reason('restore-test-missing', 0, testedOn ? { months, testedOn } : { months }));
  if (failed > 0) reasons.push(reason('restore-test-failed', failed, { count: failed }));
  const advice = offline ? [] : [reason('backups-no-offline', 0)];
  const records: FindingRecord[] = listed.map((row) => ({ ledger: 'backups', id: row.id, label: row.label, reasons: row.codes }));
  if (reasons.length > 0) return finding('backup-restore', true, [...reasons, ...advice], records);
  return finding('backup-restore', false, [reason('backups-ready', backups.length, { count: backups.length, testedOn }), ...advice], []);
}

function essentialsWritten(essentials: BcpEssentials | null): boolean {
  if (essentials === null) return false;
  for (const value of Object.values(essentials)) if (value.trim() !== '') return true;
  return false;
}

/**
 * 3(3). Without a BCP the answer is いいえ; a planned date is kept as a reason, because the 2023 form's item reads
 * "策定、又は令和6年度中に策定予定である" and counts the plan as はい (see `findingForItem`).
 */
function bcp(facts: IncidentFacts['bcp'], asOf: string, months: number): Finding {
  if (!facts.hasDocument && !essentialsWritten(facts.essentials)) {
    return finding('bcp', true, [facts.plannedOn ? reason('bcp-planned', 0, { plannedOn: facts.plannedOn }) : reason('bcp-missing', 0)], []);
  }
  const reviewedOn = facts.lastReviewedOn;
  if (reviewedOn === null || reviewedOn < shiftMonths(asOf, -months)) {
    return finding('bcp', true, [reason('bcp-not-reviewed', 0, reviewedOn ? { reviewedOn, months } : { months })], []);
  }
  return finding('bcp', false, [reason('bcp-ready', 0, { reviewedOn })], []);
}

/**
 * The incident-readiness findings for a facility on `facts.asOf`, in a fixed order: contact-chart (3(1)),
 * backup-restore (3(2)), bcp (3(3)); all with scope 'general'.
 */
export function computeIncidentFindings(facts: IncidentFacts): Finding[] {
  if (!isIsoDate(facts.asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${facts.asOf}`);
  const t = facts.thresholds;
  return [
    contactChart(facts.contactChart, facts.hasVendorContract),
    backupRestore(facts.backups, facts.asOf, t.restoreTestMonths),
    bcp(facts.bcp, facts.asOf, t.bcpReviewMonths),
  ];
}
