import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildInspectionReport,
  evaluate,
  inspectionReportWords,
  problemCodes,
  type Bundle,
  type InspectionReport,
  type ReportPoint,
  type Round,
} from '../src/index.js';
import { catalog } from './catalog-fixture.js';

const yes = (date: string): Round => ({ value: 'yes', date });
const no = (date: string, targetDate?: string): Round => ({ value: 'no', date, ...(targetDate ? { targetDate } : {}) });

const required2023 = ['gate', '1(1)', '2(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network', '3(1)'];
const vendorRequired2023 = ['1(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network'];
const allYes = (ids: string[], date = '2023-07-01') => Object.fromEntries(ids.map((id) => [id, [yes(date)]]));
const without = (ids: string[], ...gone: string[]) => ids.filter((id) => !gone.includes(id));

/** A 2023 clinic ready for inspection: every required item はい, one vendor form, the contact chart. */
function complete(overrides: Partial<Bundle> = {}): Bundle {
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

const report = (bundle: Bundle) => buildInspectionReport(evaluate(catalog, bundle));
const pointOf = (r: InspectionReport, id: ReportPoint['id'], vendor?: string) => r.points.find((p) => p.id === id && (p.vendor?.name ?? undefined) === vendor)!;
/** Each point as `guide point [vendor] status: problems`, for whole-report comparisons. */
const outline = (r: InspectionReport) =>
  r.points.map(
    (p) =>
      `${p.citation.point}${p.vendor ? ` ${p.vendor.name}` : ''} ${p.status}${p.notApplicable ? ` (${p.notApplicable})` : ''}${
        p.problems.length ? `: ${p.problems.map((x) => `${x.item ?? '-'} ${x.code}`).join(', ')}` : ''
      }`,
  );

describe('the readiness report follows the inspection guide point by point', () => {
  it('a complete clinic meets every point, in the guide order ①-1…①-4, ②-1, then ②-2…②-5 per vendor', () => {
    const r = report(complete());
    expect(r.ready).toBe(true);
    expect(outline(r)).toEqual([
      '①-1 met',
      '①-2 met',
      '①-3 met',
      '①-4 met',
      '②-1 met',
      '②-2 A社 met',
      '②-3 A社 met',
      '②-4 A社 not-applicable (nothing-excluded)',
      '②-5 A社 met',
    ]);
    expect(r.points.every((p) => p.citation.doc === 'inspection-guide')).toBe(true);
  });

  // Each row: what the facility's forms are like, and the report it must give.
  const cases: [string, Bundle, string[]][] = [
    [
      'gate いいえ: only the gate point is checked, everything else is 対象外',
      complete({ institution: { answers: { gate: [no('2023-07-01')] } }, vendors: [], artifacts: { contactChart: false } }),
      ['①-1 met', '①-2 not-applicable (gate-no)', '①-3 not-applicable (gate-no)', '①-4 not-applicable (gate-no)', '②-1 not-applicable (gate-no)'],
    ],
    [
      'gate unanswered',
      complete({ institution: { answers: allYes(without(required2023, 'gate')) } }),
      [
        '①-1 not-met: gate unanswered',
        '①-2 met',
        '①-3 met',
        '①-4 met',
        '②-1 met',
        '②-2 A社 met',
        '②-3 A社 met',
        '②-4 A社 not-applicable (nothing-excluded)',
        '②-5 A社 met',
      ],
    ],
    [
      'a missing date lands in ①-2',
      complete({ institution: { answers: { ...allYes(required2023), '2(1)': [{ value: 'yes' }] } } }),
      [
        '①-1 met',
        '①-2 not-met: 2(1) missing-date',
        '①-3 met',
        '①-4 met',
        '②-1 met',
        '②-2 A社 met',
        '②-3 A社 met',
        '②-4 A社 not-applicable (nothing-excluded)',
        '②-5 A社 met',
      ],
    ],
    [
      'a いいえ without a target date lands in ①-3',
      complete({ institution: { answers: { ...allYes(required2023), '2(6)@server': [no('2023-07-01')] } } }),
      [
        '①-1 met',
        '①-2 met',
        '①-3 not-met: 2(6)@server missing-target-date',
        '①-4 met',
        '②-1 met',
        '②-2 A社 met',
        '②-3 A社 met',
        '②-4 A社 not-applicable (nothing-excluded)',
        '②-5 A社 met',
      ],
    ],
    [
      'no contact chart lands in ①-4',
      complete({ artifacts: { contactChart: false } }),
      [
        '①-1 met',
        '①-2 met',
        '①-3 met',
        '①-4 not-met: 3(1) contact-chart-missing',
        '②-1 met',
        '②-2 A社 met',
        '②-3 A社 met',
        '②-4 A社 not-applicable (nothing-excluded)',
        '②-5 A社 met',
      ],
    ],
    [
      "a vendor's form not returned: ②-2 not met, its answers cannot be checked",
      complete({ vendors: [{ name: 'B社', excludedItems: [] }] }),
      [
        '①-1 met',
        '①-2 met',
        '①-3 met',
        '①-4 met',
        '②-1 met',
        '②-2 B社 not-met: - vendor-form-missing',
        '②-3 B社 not-applicable (no-form)',
        '②-4 B社 not-applicable (nothing-excluded)',
        '②-5 B社 not-applicable (no-form)',
      ],
    ],
    [
      'a vendor contract but no vendor registered at all: ②-1 not met',
      complete({ vendors: [] }),
      ['①-1 met', '①-2 met', '①-3 met', '①-4 met', '②-1 not-met: - vendor-form-missing'],
    ],
    [
      'no vendor contract: ② is 対象外 and 2(2), 2(3) need no entry',
      complete({
        facility: { kind: 'clinic', hasVendorContract: false },
        institution: { answers: allYes(without(required2023, '2(2)', '2(3)')) },
        vendors: [],
      }),
      ['①-1 met', '①-2 met', '①-3 met', '①-4 met', '②-1 not-applicable (no-vendor-contract)'],
    ],
    [
      'an excluded item answered on the institution form is covered',
      complete({ vendors: [{ name: 'A社', excludedItems: ['2(7)@network'], answers: allYes(without(vendorRequired2023, '2(7)@network')) }] }),
      ['①-1 met', '①-2 met', '①-3 met', '①-4 met', '②-1 met', '②-2 A社 met', '②-3 A社 met', '②-4 A社 met', '②-5 A社 met'],
    ],
    [
      'an excluded item answered nowhere else is not covered (②-4)',
      complete({
        institution: { answers: allYes(without(required2023, '2(7)@network')) },
        vendors: [{ name: 'A社', excludedItems: ['2(7)@network'], answers: allYes(without(vendorRequired2023, '2(7)@network')) }],
      }),
      [
        '①-1 met',
        '①-2 not-met: 2(7)@network unanswered',
        '①-3 met',
        '①-4 met',
        '②-1 met',
        '②-2 A社 met',
        '②-3 A社 met',
        '②-4 A社 not-met: 2(7)@network not-covered',
        '②-5 A社 met',
      ],
    ],
    [
      "a vendor's いいえ without a target date lands in its ②-5",
      complete({ vendors: [{ name: 'A社', excludedItems: [], answers: { ...allYes(vendorRequired2023), '2(2)': [no('2023-07-01')] } }] }),
      [
        '①-1 met',
        '①-2 met',
        '①-3 met',
        '①-4 met',
        '②-1 met',
        '②-2 A社 met',
        '②-3 A社 met',
        '②-4 A社 not-applicable (nothing-excluded)',
        '②-5 A社 not-met: 2(2) missing-target-date',
      ],
    ],
    [
      'a contract that needs no form of its own: its points are 対象外',
      complete({
        vendors: [
          { name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023) },
          { name: 'S社', excludedItems: [], exemption: 'subcontract' },
        ],
      }),
      [
        '①-1 met',
        '①-2 met',
        '①-3 met',
        '①-4 met',
        '②-1 met',
        '②-2 A社 met',
        '②-3 A社 met',
        '②-4 A社 not-applicable (nothing-excluded)',
        '②-5 A社 met',
        '②-2 S社 not-applicable (form-not-needed)',
        '②-3 S社 not-applicable (form-not-needed)',
        '②-4 S社 not-applicable (form-not-needed)',
        '②-5 S社 not-applicable (form-not-needed)',
      ],
    ],
  ];
  it.each(cases)('%s', (_, bundle, expected) => {
    const r = report(bundle);
    expect(outline(r)).toEqual(expected);
    expect(r.ready).toBe(!expected.some((line) => line.includes('not-met')));
  });

  it('2(2) and 2(3) are named as needing no entry without a vendor contract', () => {
    const r = report(complete({ facility: { kind: 'clinic', hasVendorContract: false }, vendors: [] }));
    expect(pointOf(r, 'first-round').items).toEqual(['2(2)', '2(3)']);
  });

  it('the items a contract leaves out are named in its ②-4, covered or not', () => {
    const r = report(complete({ vendors: [{ name: 'A社', excludedItems: ['2(7)@network'], answers: allYes(without(vendorRequired2023, '2(7)@network')) }] }));
    expect(pointOf(r, 'vendor-coverage', 'A社')).toMatchObject({ status: 'met', items: ['2(7)@network'] });
  });

  it('reference items are not inspected: their problems are listed under the ※ note, never in a point', () => {
    const bundle = complete({ institution: { answers: { ...allYes(required2023), '2(9)@server': [no('2023-07-01')] } } });
    const r = report(bundle);
    expect(r.ready).toBe(true);
    expect(r.points.every((p) => p.problems.length === 0 && p.notes.length === 0)).toBe(true);
    expect(r.reference.citation).toEqual({ doc: 'inspection-guide', point: '※' });
    expect(r.reference.items).toContainEqual({ form: 'institution', item: '2(9)@server' });
    expect(r.reference.items).toContainEqual({ form: 'institution', item: '3(3)' });
    expect(r.reference.notes).toEqual([{ form: 'institution', item: '2(9)@server', code: 'missing-target-date', severity: 'warning' }]);
    // 2024 has no reference items.
    expect(report({ ...complete(), edition: '2024', asOf: '2024-12-01' }).reference.items).toEqual([]);
  });

  it('warnings (overdue, an unreviewed vendor form) are listed as 参考 in their point and never decide', () => {
    const r = report(
      complete({
        asOf: '2024-01-15',
        institution: { answers: { ...allYes(required2023), '2(1)': [no('2023-07-01', '2023-12-01')] } },
        vendors: [{ name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023), review: 'pending' }],
      }),
    );
    expect(r.ready).toBe(true);
    expect(pointOf(r, 'target-dates')).toMatchObject({ status: 'met', notes: [{ item: '2(1)', code: 'overdue', severity: 'warning' }] });
    expect(pointOf(r, 'vendor-form', 'A社')).toMatchObject({ status: 'met', notes: [{ item: null, code: 'vendor-form-unreviewed' }] });
  });

  it('has the guide wording of every point, status, problem and reason in Japanese and English', () => {
    for (const words of Object.values(inspectionReportWords)) {
      for (const p of report(complete()).points) expect(words.points[p.id].guide.length).toBeGreaterThan(10);
      for (const code of problemCodes) expect(words.problems[code]).toBeTruthy();
    }
    expect(inspectionReportWords.ja.points['contact-chart'].guide).toContain('現物を見て確認してください');
    expect(inspectionReportWords.ja.item('2(4)@server')).toBe('2(4) サーバ');
  });
});

describe('the report matches the evaluation', () => {
  const dates = ['2023-03-31', '2023-07-01', '2023-12-01', '2024-02-01', '2024-04-02'];
  const roundArb = fc.record(
    {
      value: fc.constantFrom('yes', 'no', 'not_applicable'),
      date: fc.option(fc.constantFrom(...dates), { nil: undefined }),
      targetDate: fc.option(fc.constantFrom(...dates), { nil: undefined }),
      note: fc.option(fc.constantFrom('', '回線なし'), { nil: undefined }),
    },
    { requiredKeys: ['value'] },
  ) as fc.Arbitrary<Round>;
  const answersArb = (ids: string[]): fc.Arbitrary<Record<string, Round[]>> =>
    fc
      .subarray(ids)
      .chain((chosen) =>
        fc.tuple(...chosen.map((id) => fc.array(roundArb, { minLength: 1, maxLength: id === 'gate' || id === '3(1)' ? 1 : 3 }).map((r) => [id, r] as const))),
      )
      .map((entries) => Object.fromEntries(entries.map(([id, rounds]) => [id, [...rounds]])));
  const institutionIds = catalog.form('2023', 'institution')!.items.map((i) => i.id);
  const vendorIds = catalog.form('2023', 'vendor')!.items.map((i) => i.id);
  const vendorArb = fc.record({
    name: fc.constantFrom('A社', 'B社', 'C社'),
    excludedItems: fc.subarray(vendorIds, { maxLength: 3 }),
    answers: fc.option(answersArb(vendorIds), { nil: undefined }),
    review: fc.option(fc.constantFrom('pending' as const, 'accepted' as const), { nil: undefined }),
    exemption: fc.option(fc.constantFrom('subcontract' as const, 'no-patient-data' as const), { nil: undefined }),
  });
  const bundleArb: fc.Arbitrary<Bundle> = fc.record({
    edition: fc.constantFrom('2023', '2024'),
    asOf: fc.constantFrom('2023-12-01', '2024-03-31'),
    fiscalYear: fc.constant(2023),
    facility: fc.record({ kind: fc.constantFrom('clinic' as const, 'hospital' as const), hasVendorContract: fc.boolean() }),
    institution: fc.record({
      answers: fc.oneof(answersArb(institutionIds), fc.constant(allYes(required2023)), fc.constant<Record<string, Round[]>>({ gate: [no('2023-07-01')] })),
    }),
    vendors: fc.array(vendorArb, { maxLength: 3 }),
    artifacts: fc.record({ contactChart: fc.boolean() }),
  });

  it('every blocking problem lands in exactly one point, no point holds anything else, and the verdict is `ready`', () => {
    fc.assert(
      fc.property(bundleArb, (bundle) => {
        const evaluation = evaluate(catalog, bundle);
        const r = buildInspectionReport(evaluation);
        const blocking = evaluation.inspection.problems.filter((p) => p.severity === 'blocking');
        const inPoints = r.points.flatMap((p) => p.problems);
        expect(inPoints).toHaveLength(blocking.length);
        expect(new Set(inPoints)).toEqual(new Set(blocking));
        const warnings = evaluation.inspection.problems.filter((p) => p.severity === 'warning');
        expect([...r.points.flatMap((p) => p.notes), ...r.reference.notes]).toHaveLength(warnings.length);
        expect(r.ready).toBe(evaluation.inspection.ready);
        for (const p of r.points) expect(p.status === 'not-met').toBe(p.problems.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
