import { describe, expect, it } from 'vitest';
import {
  annualCheckReminder,
  bcpReviewReminder,
  deadlineOccasion,
  deliveryFor,
  logReviewReminders,
  notificationKinds,
  notificationPath,
  notificationTitle,
  remindersDue,
  restoreTestReminders,
  targetDateReminders,
  type ReminderFacts,
} from '../src/index.js';

const thresholds = { restoreTestMonths: 12, bcpReviewMonths: 12, unreviewedDays: 90 };
const empty: ReminderFacts = { asOf: '2026-06-01', checklist: null, annualCheck: null, backups: [], logSources: [], bcp: null, thresholds };

describe('a deadline on a day', () => {
  it.each([
    // [deadline, as of, phase, occasion]
    ['2026-12-01', '2026-11-16', null, null],
    ['2026-12-01', '2026-11-17', 'soon', '14-days:2026-12-01'],
    ['2026-12-01', '2026-11-30', 'soon', '14-days:2026-12-01'],
    ['2026-12-01', '2026-12-01', 'due', 'due:2026-12-01'],
    ['2026-12-01', '2026-12-02', 'overdue', 'overdue:2026-12'],
    ['2026-12-01', '2026-12-31', 'overdue', 'overdue:2026-12'],
    ['2026-12-01', '2027-01-01', 'overdue', 'overdue:2027-01'],
    ['2026-03-10', '2026-02-24', 'soon', '14-days:2026-03-10'],
    ['2026-03-10', '2026-02-23', null, null],
    // Never done: overdue, once a month.
    [null, '2026-05-20', 'overdue', 'overdue:2026-05'],
  ])('deadline %s on %s: %s %s', (dueOn, asOf, phase, occasion) => {
    expect(deadlineOccasion(dueOn, asOf)).toEqual(phase ? { phase, occasion } : null);
  });

  it('the same occasion every day of a window, so it is sent once; a moved deadline is a new one', () => {
    const days = ['2026-11-17', '2026-11-20', '2026-11-30'].map((d) => deadlineOccasion('2026-12-01', d)?.occasion);
    expect(new Set(days)).toEqual(new Set(['14-days:2026-12-01']));
    expect(deadlineOccasion('2026-12-05', '2026-11-30')?.occasion).toBe('14-days:2026-12-05');
  });
});

describe('(1) target dates of いいえ answers', () => {
  const checklist = {
    assessmentId: 'a1',
    fiscalYear: 2026,
    items: [
      { id: '2(1)', latest: 'no' as const, targetDate: '2026-12-01' },
      { id: '2(2)', latest: 'yes' as const, targetDate: '2026-12-01' },
      { id: '2(4)@server', latest: 'no' as const, targetDate: null },
      { id: '2(5)@server', latest: 'no' as const, targetDate: '2026-10-31' },
      { id: '3(1)', latest: null, targetDate: null },
    ],
  };
  it.each([
    ['2026-10-01', []],
    ['2026-10-17', [['2(5)@server', '14-days:2026-10-31']]],
    ['2026-10-31', [['2(5)@server', 'due:2026-10-31']]],
    [
      '2026-11-17',
      [
        ['2(1)', '14-days:2026-12-01'],
        ['2(5)@server', 'overdue:2026-11'],
      ],
    ],
    [
      '2026-12-01',
      [
        ['2(1)', 'due:2026-12-01'],
        ['2(5)@server', 'overdue:2026-12'],
      ],
    ],
    [
      '2027-01-05',
      [
        ['2(1)', 'overdue:2027-01'],
        ['2(5)@server', 'overdue:2027-01'],
      ],
    ],
  ])('on %s', (asOf, expected) => {
    const due = targetDateReminders({ asOf, checklist });
    expect(due.map((r) => [r.params.itemId, r.occasion])).toEqual(expected);
    for (const r of due) expect(r.subjectId).toBe(`a1:${r.params.itemId}`);
  });

  it('はい later, or no target date: nothing', () => {
    expect(targetDateReminders({ asOf: '2026-12-01', checklist: { ...checklist, items: [{ id: '2(1)', latest: 'yes', targetDate: '2026-12-01' }] } })).toEqual(
      [],
    );
    expect(targetDateReminders({ asOf: '2026-12-01', checklist: null })).toEqual([]);
  });
});

describe('(2) the annual check in the fiscal year’s last quarter', () => {
  it.each([
    ['2026-12-31', null, null],
    ['2027-01-01', null, { subjectId: 'fy2026', occasion: '2027-01', assessmentId: null }],
    ['2027-02-15', { assessmentId: 'f', complete: false }, { subjectId: 'fy2026', occasion: '2027-02', assessmentId: 'f' }],
    ['2027-03-31', { assessmentId: 'f', complete: false }, { subjectId: 'fy2026', occasion: '2027-03', assessmentId: 'f' }],
    ['2027-03-31', { assessmentId: 'f', complete: true }, null],
    ['2027-04-01', null, null],
  ])('on %s with %j', (asOf, annualCheck, expected) => {
    const due = annualCheckReminder({ asOf, annualCheck });
    if (!expected) return expect(due).toBeNull();
    expect(due).toEqual({
      kind: 'annual-check',
      subjectId: expected.subjectId,
      phase: 'due',
      occasion: expected.occasion,
      params: { fiscalYear: 2026, assessmentId: expected.assessmentId, dueOn: '2027-03-31' },
    });
  });
});

describe('(3) restore tests', () => {
  const plan = (tests: { testedOn: string; result: string }[]) => [{ id: 'p1', system: '電子カルテ', tests }];
  it.each([
    // [tests, as of, occasion, due on]
    [[{ testedOn: '2025-06-15', result: 'success' }], '2026-05-31', null, null],
    [[{ testedOn: '2025-06-15', result: 'success' }], '2026-06-01', '14-days:2026-06-15', '2026-06-15'],
    [[{ testedOn: '2025-06-15', result: 'success' }], '2026-06-15', 'due:2026-06-15', '2026-06-15'],
    [[{ testedOn: '2025-06-15', result: 'success' }], '2026-06-16', 'overdue:2026-06', '2026-06-15'],
    // A failed test does not count; never successful: overdue.
    [[{ testedOn: '2026-05-01', result: 'failure' }], '2026-06-01', 'overdue:2026-06', null],
    [[], '2026-06-01', 'overdue:2026-06', null],
  ])('%j on %s', (tests, asOf, occasion, dueOn) => {
    const due = restoreTestReminders({ asOf, backups: plan(tests), thresholds });
    expect(due.map((r) => [r.occasion, r.params.dueOn])).toEqual(occasion ? [[occasion, dueOn]] : []);
  });

  it('the facility’s months count', () => {
    const due = restoreTestReminders({
      asOf: '2025-12-15',
      backups: plan([{ testedOn: '2025-06-15', result: 'success' }]),
      thresholds: { ...thresholds, restoreTestMonths: 6 },
    });
    expect(due[0]).toMatchObject({ subjectId: 'p1', occasion: 'due:2025-12-15', params: { system: '電子カルテ', lastSuccessOn: '2025-06-15' } });
  });
});

describe('(4) access log reviews', () => {
  it.each([
    // Reviewed through 2026-03-31, 90 days: due 2026-06-29 (the 2(6) rule says いいえ from the 30th).
    ['2026-03-31', '2026-06-14', null],
    ['2026-03-31', '2026-06-15', '14-days:2026-06-29'],
    ['2026-03-31', '2026-06-29', 'due:2026-06-29'],
    ['2026-03-31', '2026-06-30', 'overdue:2026-06'],
    [null, '2026-06-01', 'overdue:2026-06'],
  ])('reviewed through %s, on %s: %s', (reviewedThrough, asOf, occasion) => {
    const due = logReviewReminders({ asOf, logSources: [{ id: 's1', name: '電子カルテサーバ', reviewedThrough }], thresholds });
    expect(due.map((r) => r.occasion)).toEqual(occasion ? [occasion] : []);
  });
});

describe('(5) the BCP review', () => {
  it.each([
    [null, '2026-06-01', null],
    [{ lastReviewedOn: '2025-07-01' }, '2026-06-16', null],
    [{ lastReviewedOn: '2025-07-01' }, '2026-06-17', '14-days:2026-07-01'],
    [{ lastReviewedOn: '2025-07-01' }, '2026-07-02', 'overdue:2026-07'],
    [{ lastReviewedOn: null }, '2026-06-01', 'overdue:2026-06'],
  ])('%j on %s: %s', (bcp, asOf, occasion) => {
    expect(bcpReviewReminder({ asOf, bcp, thresholds })?.occasion ?? null).toBe(occasion);
  });
});

describe('everything due for a facility', () => {
  it('gathers every rule, in kind order', () => {
    const due = remindersDue({
      ...empty,
      asOf: '2027-01-10',
      checklist: { assessmentId: 'a', fiscalYear: 2026, items: [{ id: '2(1)', latest: 'no', targetDate: '2027-01-20' }] },
      backups: [{ id: 'p', system: 'NAS', tests: [] }],
      logSources: [{ id: 's', name: 'UTM', reviewedThrough: '2026-12-31' }],
      bcp: { lastReviewedOn: '2026-01-15' },
    });
    expect(due.map((r) => `${r.kind} ${r.occasion}`)).toEqual([
      'target-date 14-days:2027-01-20',
      'annual-check 2027-01',
      'restore-test overdue:2027-01',
      'bcp-review 14-days:2027-01-15',
    ]);
  });

  it('refuses a day that is not a date', () => {
    expect(() => remindersDue({ ...empty, asOf: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('how a notification is delivered', () => {
  it.each([
    ['standard', 'target-date', 'soon', 'daily'],
    ['standard', 'target-date', 'due', 'daily'],
    ['standard', 'target-date', 'overdue', 'immediate'],
    ['standard', 'annual-check', 'due', 'daily'],
    ['standard', 'vendor-form', 'overdue', 'immediate'],
    ['daily', 'restore-test', 'overdue', 'daily'],
    ['immediate', 'bcp-review', 'soon', 'immediate'],
    ['off', 'vendor-form', 'overdue', 'off'],
  ] as const)('%s, %s, %s → %s', (mode, kind, phase, delivery) => {
    expect(deliveryFor(mode, kind, phase)).toBe(delivery);
  });
});

describe('texts and links', () => {
  it('says what is due in Japanese first, and in English', () => {
    const params = { assessmentId: 'a', fiscalYear: 2026, itemId: '2(1)', dueOn: '2026-12-01' };
    expect(notificationTitle('target-date', 'overdue', params)).toBe(
      '令和8年度のチェックリスト 項目2(1)：「いいえ」の目標日の期限（令和8年12月1日）を過ぎています',
    );
    expect(notificationTitle('target-date', 'soon', params, 'en')).toContain('is due on 2026-12-01');
    expect(notificationTitle('restore-test', 'overdue', { system: 'NAS', dueOn: null })).toBe('バックアップ「NAS」の復旧確認がまだ一度も成功していません');
    for (const kind of notificationKinds) {
      expect(notificationTitle(kind, 'due', { dueOn: '2026-12-01', fiscalYear: 2026 })).not.toMatch(/undefined|NaN/);
      expect(notificationTitle(kind, 'due', { dueOn: '2026-12-01', fiscalYear: 2026 }, 'en')).not.toMatch(/undefined|NaN/);
    }
  });

  it('leads to the page of the thing', () => {
    expect(notificationPath('target-date', 'f', { assessmentId: 'a', itemId: '2(4)@server' })).toBe('/facilities/f/checklist/a#item-2_4__server');
    expect(notificationPath('restore-test', 'f', {})).toBe('/facilities/f/readiness/backups');
    expect(notificationPath('log-review', 'f', { sourceId: 's' })).toBe('/facilities/f/access-logs/s');
    expect(notificationPath('vendor-form', 'f', { formId: 'v' })).toBe('/vendor-forms/v');
    expect(notificationPath('annual-check', 'f', { assessmentId: null })).toBe('/facilities/f/checklist');
  });
});
