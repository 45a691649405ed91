import { shiftMonths } from '../ledgers/dates.js';

export interface RestoreDue {
  /** The last successful restore test, if any. */
  lastSuccessOn: string | null;
  /** The day the next test is due (last success + the facility's months); null when never tested. */
  dueOn: string | null;
  /** Never tested, or past the due day. */
  overdue: boolean;
}

/** When a backup's next restore test is due: the reminder the backups page and the overview show. */
export function restoreTestDue(tests: readonly { testedOn: string; result: string }[], months: number, asOf: string): RestoreDue {
  let lastSuccessOn: string | null = null;
  for (const test of tests)
    if (test.result === 'success' && test.testedOn <= asOf && (lastSuccessOn === null || test.testedOn > lastSuccessOn)) lastSuccessOn = test.testedOn;
  if (lastSuccessOn === null) return { lastSuccessOn, dueOn: null, overdue: true };
  const dueOn = shiftMonths(lastSuccessOn, months);
  return { lastSuccessOn, dueOn, overdue: dueOn < asOf };
}
