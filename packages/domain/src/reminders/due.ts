import type { AnswerValue } from '../checklist/answer-values.js';
import { fiscalYearOf, fiscalYearRange, isIsoDate } from '../checklist/fiscal-year.js';
import { restoreTestDue } from '../incident/restore-due.js';
import { shiftDays, shiftMonths } from '../ledgers/dates.js';
import type { NotificationKind, ReminderParams, ReminderPhase } from './kinds.js';

/**
 * What is due on a date (issue 16): pure rules over a facility's facts, run by the daily job and by
 * `mamori reminders run`. Each reminder names an occasion; the server sends each occasion once per recipient
 * (the notifications table's unique key), so a rule may say the same thing every day until it changes.
 */

/** A deadline is reminded this many days ahead, on the day, and while it is overdue once a calendar month. */
export const REMIND_DAYS_BEFORE = 14;

export interface Occasion {
  phase: ReminderPhase;
  /**
   * `14-days:<deadline>`, `due:<deadline>`, `overdue:<YYYY-MM of the day>`. A deadline that moves re-arms the
   * first two; overdue repeats on the first scan of every month until the thing is done.
   */
  occasion: string;
}

/**
 * The occasion a deadline gives on `asOf`: within 14 days before it, on it, or after it (null deadline: never
 * done, which the readiness rules treat as overdue too). Nothing while the deadline is further away.
 */
export function deadlineOccasion(dueOn: string | null, asOf: string, daysBefore = REMIND_DAYS_BEFORE): Occasion | null {
  if (dueOn === null || dueOn < asOf) return { phase: 'overdue', occasion: `overdue:${asOf.slice(0, 7)}` };
  if (dueOn === asOf) return { phase: 'due', occasion: `due:${dueOn}` };
  if (shiftDays(dueOn, -daysBefore) <= asOf) return { phase: 'soon', occasion: `${daysBefore}-days:${dueOn}` };
  return null;
}

/** One reminder for a facility on a day, before recipients and their preferences. */
export interface DueReminder extends Occasion {
  kind: NotificationKind;
  /** What it is about within the facility: `<form>:<item>`, a plan, a source, `fy2025`, `bcp`. */
  subjectId: string;
  params: ReminderParams;
}

export interface ChecklistItemState {
  id: string;
  /** The latest confirmed round's value (carried-over drafts are not answers). */
  latest: AnswerValue | null;
  /** The newest target date of its rounds, as the evaluation reads it. */
  targetDate: string | null;
}

/** What the reminder rules read of one facility on one day (loaded by the server, `reminders/facts.ts`). */
export interface ReminderFacts {
  asOf: string;
  /**
   * The facility's newest own form (institution or pharmacy) not after the fiscal year of `asOf`, with its items
   * that need an answer (the gate and items the year does not require left out). Null: none yet.
   */
  checklist: { assessmentId: string; fiscalYear: number; items: ChecklistItemState[] } | null;
  /**
   * The own form of the fiscal year of `asOf`: null when there is none; complete when no item of it has a blocking
   * problem (unanswered, undated, a target outside the year…), the state the inspection asks for.
   */
  annualCheck: { assessmentId: string; complete: boolean } | null;
  backups: { id: string; system: string; tests: readonly { testedOn: string; result: string }[] }[];
  /** Each access log source and the end of its latest signed-off period (null: never). */
  logSources: { id: string; name: string; reviewedThrough: string | null }[];
  /** Null when the facility has no BCP yet (neither a document nor written essentials): nothing to review. */
  bcp: { lastReviewedOn: string | null } | null;
  thresholds: { restoreTestMonths: number; bcpReviewMonths: number; unreviewedDays: number };
}

/** (1) いいえ answers with a target date: 14 days before, on the day, and monthly once it has passed. */
export function targetDateReminders(facts: Pick<ReminderFacts, 'asOf' | 'checklist'>): DueReminder[] {
  const form = facts.checklist;
  if (!form) return [];
  const due: DueReminder[] = [];
  for (const item of form.items) {
    if (item.latest !== 'no' || !item.targetDate) continue;
    const occasion = deadlineOccasion(item.targetDate, facts.asOf);
    if (!occasion) continue;
    due.push({
      kind: 'target-date',
      subjectId: `${form.assessmentId}:${item.id}`,
      ...occasion,
      params: { assessmentId: form.assessmentId, fiscalYear: form.fiscalYear, itemId: item.id, dueOn: item.targetDate },
    });
  }
  return due;
}

/**
 * (2) The annual check: in the fiscal year's last quarter (January to March), once a month while the year's own
 * form is missing or not complete. The deadline is the fiscal year's last day.
 */
export function annualCheckReminder(facts: Pick<ReminderFacts, 'asOf' | 'annualCheck'>): DueReminder | null {
  const month = Number(facts.asOf.slice(5, 7));
  if (month > 3 || facts.annualCheck?.complete) return null;
  const fiscalYear = fiscalYearOf(facts.asOf);
  return {
    kind: 'annual-check',
    subjectId: `fy${fiscalYear}`,
    phase: 'due',
    occasion: facts.asOf.slice(0, 7),
    params: { fiscalYear, assessmentId: facts.annualCheck?.assessmentId ?? null, dueOn: fiscalYearRange(fiscalYear).end },
  };
}

/** (3) Restore tests: the last successful one plus the facility's months (never tested: overdue, as on the backups page). */
export function restoreTestReminders(facts: Pick<ReminderFacts, 'asOf' | 'backups' | 'thresholds'>): DueReminder[] {
  const due: DueReminder[] = [];
  for (const plan of facts.backups) {
    const { dueOn, lastSuccessOn } = restoreTestDue(plan.tests, facts.thresholds.restoreTestMonths, facts.asOf);
    const occasion = deadlineOccasion(dueOn, facts.asOf);
    if (occasion) due.push({ kind: 'restore-test', subjectId: plan.id, ...occasion, params: { planId: plan.id, system: plan.system, dueOn, lastSuccessOn } });
  }
  return due;
}

/**
 * (4) Access log reviews: the end of a source's latest signed-off period plus the facility's days (the 2(6)
 * rule says いいえ the day after); a source never reviewed is overdue, as the 2(6) suggestion has it.
 */
export function logReviewReminders(facts: Pick<ReminderFacts, 'asOf' | 'logSources' | 'thresholds'>): DueReminder[] {
  const due: DueReminder[] = [];
  for (const source of facts.logSources) {
    const dueOn = source.reviewedThrough ? shiftDays(source.reviewedThrough, facts.thresholds.unreviewedDays) : null;
    const occasion = deadlineOccasion(dueOn, facts.asOf);
    if (occasion)
      due.push({
        kind: 'log-review',
        subjectId: source.id,
        ...occasion,
        params: { sourceId: source.id, sourceName: source.name, dueOn, reviewedThrough: source.reviewedThrough },
      });
  }
  return due;
}

/** (5) The BCP's review or drill: the latest plus the facility's months (never: overdue, as 3(3) has it). No BCP, no reminder. */
export function bcpReviewReminder(facts: Pick<ReminderFacts, 'asOf' | 'bcp' | 'thresholds'>): DueReminder | null {
  if (!facts.bcp) return null;
  const { lastReviewedOn } = facts.bcp;
  const dueOn = lastReviewedOn ? shiftMonths(lastReviewedOn, facts.thresholds.bcpReviewMonths) : null;
  const occasion = deadlineOccasion(dueOn, facts.asOf);
  return occasion && { kind: 'bcp-review', subjectId: 'bcp', ...occasion, params: { dueOn, lastReviewedOn } };
}

/** Everything due for one facility on `facts.asOf`: target dates, the annual check, restore tests, log reviews, the BCP. */
export function remindersDue(facts: ReminderFacts): DueReminder[] {
  if (!isIsoDate(facts.asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${facts.asOf}`);
  return [
    ...targetDateReminders(facts),
    annualCheckReminder(facts),
    ...restoreTestReminders(facts),
    ...logReviewReminders(facts),
    bcpReviewReminder(facts),
  ].filter((r): r is DueReminder => r !== null);
}
