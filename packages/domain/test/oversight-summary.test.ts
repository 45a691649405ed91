import { describe, expect, it } from 'vitest';
import { evaluate, overdueCount, summarizeEvaluation, type Bundle, type Round } from '../src/index.js';
import { catalog } from './catalog-fixture.js';

const yes = (date: string): Round => ({ value: 'yes', date });
const no = (date: string, targetDate: string): Round => ({ value: 'no', date, targetDate });
const required2023 = ['gate', '1(1)', '2(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network', '3(1)'];
const vendorRequired2023 = ['1(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network'];
const allYes = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, [yes('2023-07-01')]]));

function bundle(overrides: Partial<Bundle> = {}): Bundle {
  return {
    edition: '2023',
    asOf: '2023-12-01',
    facility: { kind: 'clinic', hasVendorContract: true },
    institution: { answers: allYes(required2023) },
    vendors: [{ name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023) }],
    artifacts: { contactChart: true },
    ...overrides,
  };
}
const summarize = (b: Bundle) => summarizeEvaluation(evaluate(catalog, b));

describe('a facility year as a dashboard counts it', () => {
  it('a complete clinic: every required item answered, ready, nothing open', () => {
    expect(summarize(bundle())).toEqual({
      requiredItems: required2023.length,
      answeredItems: required2023.length,
      blockingProblems: 0,
      ready: true,
      openTargets: [],
      vendorFormsExpected: 1,
      vendorsNotAnswering: [],
    });
  });

  it('counts the unanswered items and blocking problems the evaluation finds, and is not ready', () => {
    const answers = allYes(required2023.filter((id) => id !== '2(1)' && id !== '3(1)'));
    const summary = summarize(bundle({ institution: { answers } }));
    expect(summary.answeredItems).toBe(required2023.length - 2);
    expect(summary.ready).toBe(false);
    expect(summary.blockingProblems).toBe(
      evaluate(catalog, bundle({ institution: { answers } })).inspection.problems.filter((p) => p.severity === 'blocking').length,
    );
  });

  it('keeps the target dates of いいえ answers on both forms, sorted; overdue is decided on the day it is asked', () => {
    const summary = summarize(
      bundle({
        institution: { answers: { ...allYes(required2023), '2(1)': [no('2023-07-01', '2024-02-01')] } },
        vendors: [{ name: 'A社', excludedItems: [], answers: { ...allYes(vendorRequired2023), '1(1)': [no('2023-07-01', '2023-11-15')] } }],
      }),
    );
    expect(summary.openTargets).toEqual(['2023-11-15', '2024-02-01']);
    expect(overdueCount(summary.openTargets, '2023-12-01')).toBe(1);
    expect(overdueCount(summary.openTargets, '2024-03-01')).toBe(2);
    expect(overdueCount(summary.openTargets, '2023-11-15')).toBe(0);
  });

  it('a いいえ answered はい in a later round is no longer open', () => {
    const summary = summarize(bundle({ institution: { answers: { ...allYes(required2023), '2(1)': [no('2023-07-01', '2023-09-01'), yes('2023-08-20')] } } }));
    expect(summary.openTargets).toEqual([]);
  });

  it('names the vendors whose form has not come back; an exempt contract is not expected', () => {
    const summary = summarize(
      bundle({
        vendors: [
          { name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023) },
          { name: 'B社', excludedItems: [] },
          { name: 'C社', excludedItems: [], exemption: 'no-patient-data' },
        ],
      }),
    );
    expect(summary.vendorFormsExpected).toBe(2);
    expect(summary.vendorsNotAnswering).toEqual(['B社']);
  });

  it('gate いいえ: nothing else is required or expected', () => {
    const summary = summarize(bundle({ institution: { answers: { gate: [{ value: 'no', date: '2023-07-01' }] } }, vendors: [] }));
    expect(summary).toMatchObject({ requiredItems: 1, answeredItems: 1, ready: true, vendorFormsExpected: 0 });
  });
});
