import { describe, expect, it } from 'vitest';
import { evaluate, parseBundle, type Bundle, type Round } from '../src/index.js';
import { catalog } from './catalog-fixture.js';

const yes = (date: string): Round => ({ value: 'yes', date });
const no = (date: string, targetDate?: string): Round => ({ value: 'no', date, ...(targetDate ? { targetDate } : {}) });

const required2023 = ['gate', '1(1)', '2(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network', '3(1)'];
const vendorRequired2023 = ['1(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network'];

function allYes(ids: string[], date = '2023-07-01'): Record<string, Round[]> {
  return Object.fromEntries(ids.map((id) => [id, [yes(date)]]));
}

/** A 2023 clinic with every required item answered はい, a vendor form and the contact chart. */
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

const run = (bundle: Bundle) => evaluate(catalog, bundle);
const codes = (bundle: Bundle) => run(bundle).inspection.problems.map((p) => `${p.form} ${p.item ?? '-'} ${p.code} ${p.severity}`);
const item = (bundle: Bundle, id: string) => run(bundle).institution.items.find((i) => i.id === id)!;

describe('evaluation of the 2023 edition', () => {
  it('a complete clinic is ready for inspection', () => {
    const result = run(complete());
    expect(result.inspection).toEqual({ ready: true, problems: [] });
    expect(result.fiscalYear).toBe(2023);
  });

  it('gate いいえ: nothing else needs checking, vendor forms and contact chart included', () => {
    const bundle = complete({ institution: { answers: { gate: [no('2023-07-01')] } }, vendors: [], artifacts: { contactChart: false } });
    const result = run(bundle);
    expect(result.inspection.ready).toBe(true);
    expect(result.institution.items.filter((i) => i.id !== 'gate').every((i) => i.requirement === 'not-needed')).toBe(true);
    expect(result.institution.gate).toBe('no');
  });

  it('no vendor contract exempts 2(2) and 2(3) and needs no vendor form', () => {
    const answers = allYes(required2023.filter((id) => id !== '2(2)' && id !== '2(3)'));
    const bundle = complete({ facility: { kind: 'dental_clinic', hasVendorContract: false }, institution: { answers }, vendors: [] });
    expect(run(bundle).inspection).toEqual({ ready: true, problems: [] });
    expect(item(bundle, '2(2)').requirement).toBe('not-needed');
    expect(item(bundle, '2(3)').requirement).toBe('not-needed');
  });

  it('reference items are not inspected in 2023 and are never blocking', () => {
    const bundle = complete();
    expect(item(bundle, '2(4)@terminal').requirement).toBe('reference');
    expect(item(bundle, '3(3)').requirement).toBe('reference');
    const badReference = complete({ institution: { answers: { ...allYes(required2023), '2(9)@server': [no('2023-07-01')] } } });
    expect(run(badReference).inspection.ready).toBe(true);
    expect(codes(badReference)).toEqual(['institution 2(9)@server missing-target-date warning']);
  });

  it('every item is required in 2024', () => {
    const result = run({ ...complete(), edition: '2024', asOf: '2024-12-01' });
    expect(result.institution.items.every((i) => i.requirement === 'required')).toBe(true);
    expect(result.inspection.ready).toBe(false);
    expect(result.inspection.problems.filter((p) => p.code === 'unanswered').map((p) => p.item)).toContain('2(4)@terminal');
  });

  it('3(1) has a single round: a いいえ needs no target date, but the chart itself must exist', () => {
    const bundle = complete({ institution: { answers: { ...allYes(required2023), '3(1)': [no('2023-07-01')] } }, artifacts: { contactChart: false } });
    expect(codes(bundle)).toEqual(['institution 3(1) contact-chart-missing blocking']);
  });

  it('Q&A 12-B-3: a first-round いいえ needs a target date inside the fiscal year, even when the work cannot be done in time', () => {
    const missing = complete({ institution: { answers: { ...allYes(required2023), '2(6)@server': [no('2023-07-01')] } } });
    expect(codes(missing)).toEqual(['institution 2(6)@server missing-target-date blocking']);
    const outside = complete({ institution: { answers: { ...allYes(required2023), '2(6)@server': [no('2023-07-01', '2024-06-30')] } } });
    expect(codes(outside)).toEqual(['institution 2(6)@server target-outside-fiscal-year blocking']);
    const inside = complete({ institution: { answers: { ...allYes(required2023), '2(6)@server': [no('2023-07-01', '2024-03-31')] } } });
    expect(run(inside).inspection.ready).toBe(true);
  });

  it('Q&A 12-C-10: second and later rounds until all are はい; the latest round counts', () => {
    const rounds = [no('2023-07-01', '2024-02-01'), no('2023-10-01'), yes('2023-11-20')];
    const bundle = complete({ institution: { answers: { ...allYes(required2023), '2(4)@server': rounds } } });
    expect(item(bundle, '2(4)@server')).toEqual({ id: '2(4)@server', requirement: 'required', latest: 'yes', targetDate: '2024-02-01', problems: [] });
  });

  it('the issue’s example bundle', () => {
    const parsed = parseBundle(catalog, {
      edition: '2023',
      asOf: '2023-12-01',
      facility: { kind: 'clinic', hasVendorContract: true },
      institution: {
        answers: {
          gate: [{ value: 'yes', date: '2023-07-01' }],
          '2(4)@server': [
            { value: 'no', date: '2023-07-01', targetDate: '2024-02-01' },
            { value: 'yes', date: '2024-01-20' },
          ],
        },
      },
      vendors: [{ name: 'A社', excludedItems: ['2(8)@network'], answers: {} }],
      artifacts: { contactChart: true },
    });
    expect(parsed.ok).toBe(true);
    const result = run((parsed as { bundle: Bundle }).bundle);
    const server = result.institution.items.find((i) => i.id === '2(4)@server')!;
    expect(server.latest).toBe('yes');
    expect(server.problems).toEqual([{ code: 'date-in-future', severity: 'blocking' }]);
    expect(result.inspection.problems).toContainEqual({ form: 'institution', item: '1(1)', code: 'unanswered', severity: 'blocking' });
    expect(result.inspection.problems).toContainEqual({ form: 'vendor:A社', item: '2(8)@network', code: 'not-covered', severity: 'blocking' });
    expect(result.inspection.problems).toContainEqual({ form: 'vendor:A社', item: '1(1)', code: 'unanswered', severity: 'blocking' });
    expect(result.inspection.ready).toBe(false);
  });
});

describe('a fiscal year without its own edition', () => {
  it('checks target dates against the checklist’s year, not the edition’s', () => {
    const answers = { gate: [yes('2026-07-01')], '2(11)@server': [no('2026-07-01', '2027-02-01')] };
    const bundle = complete({ edition: '2025', fiscalYear: 2026, asOf: '2026-11-22', institution: { answers }, vendors: [] });
    const result = run(bundle);
    expect(result.fiscalYear).toBe(2026);
    expect(result.institution.items.find((i) => i.id === '2(11)@server')!.problems).toEqual([]);
  });
});

describe('every problem code', () => {
  const withAnswer = (id: string, rounds: Round[]) => complete({ institution: { answers: { ...allYes(required2023), [id]: rounds } } });
  it.each([
    ['unanswered', complete({ institution: { answers: allYes(required2023.filter((id) => id !== '2(1)')) } }), 'institution 2(1) unanswered blocking'],
    ['missing-date', withAnswer('2(1)', [{ value: 'yes' }]), 'institution 2(1) missing-date blocking'],
    ['missing-target-date', withAnswer('2(1)', [no('2023-07-01')]), 'institution 2(1) missing-target-date blocking'],
    ['target-outside-fiscal-year', withAnswer('2(1)', [no('2023-07-01', '2024-04-15')]), 'institution 2(1) target-outside-fiscal-year blocking'],
    ['round-date-order', withAnswer('2(1)', [no('2023-07-01', '2023-09-01'), yes('2023-06-01')]), 'institution 2(1) round-date-order blocking'],
    ['date-in-future', withAnswer('2(1)', [yes('2023-12-02')]), 'institution 2(1) date-in-future blocking'],
    ['contact-chart-missing', complete({ artifacts: { contactChart: false } }), 'institution 3(1) contact-chart-missing blocking'],
    ['vendor-form-missing (no vendor forms)', complete({ vendors: [] }), 'institution - vendor-form-missing blocking'],
    ['vendor-form-missing (not returned)', complete({ vendors: [{ name: 'B社', excludedItems: [] }] }), 'vendor:B社 - vendor-form-missing blocking'],
    [
      'vendor-form-unreviewed',
      complete({ vendors: [{ name: 'C社', excludedItems: [], answers: allYes(vendorRequired2023), review: 'pending' }] }),
      'vendor:C社 - vendor-form-unreviewed warning',
    ],
    ['overdue', withAnswer('2(1)', [no('2023-07-01', '2023-11-30')]), 'institution 2(1) overdue warning'],
  ])('%s', (_name, bundle, expected) => {
    expect(codes(bundle)).toEqual([expected]);
  });

  it('not-covered: an excluded item is fine when another form answers it', () => {
    const excluded = { name: 'A社', excludedItems: ['2(7)@network'], answers: allYes(vendorRequired2023.filter((id) => id !== '2(7)@network')) };
    const bundleWithout = complete({ vendors: [excluded], institution: { answers: allYes(required2023.filter((id) => id !== '2(7)@network')) } });
    expect(codes(bundleWithout)).toEqual(['institution 2(7)@network unanswered blocking', 'vendor:A社 2(7)@network not-covered blocking']);
    const networkVendor = { name: 'N社', excludedItems: [], answers: allYes(vendorRequired2023) };
    expect(codes(complete({ vendors: [excluded, networkVendor] }))).toEqual([]);
  });

  it('an accepted vendor form counts like one entered by the facility', () => {
    expect(codes(complete({ vendors: [{ name: 'C社', excludedItems: [], answers: allYes(vendorRequired2023), review: 'accepted' }] }))).toEqual([]);
  });

  it('a warning alone keeps the facility ready', () => {
    const result = run(withAnswer('2(1)', [no('2023-07-01', '2023-11-30')]));
    expect(result.inspection.ready).toBe(true);
  });
});

describe('bundle validation', () => {
  it.each([
    [{ ...complete(), edition: '1999' }, 'edition'],
    [{ ...complete(), institution: { answers: { '2(10)': [yes('2023-07-01')] } } }, 'institution.answers.2(10)'],
    [{ ...complete(), institution: { answers: { gate: [{ value: 'yes', date: '2023/07/01' }] } } }, 'institution.answers.gate.0.date'],
    [{ ...complete(), institution: { answers: { gate: [{ value: 'maybe', date: '2023-07-01' }] } } }, 'institution.answers.gate.0.value'],
    [{ ...complete(), asOf: '2023-02-30' }, 'asOf'],
  ])('names the place of the mistake', (input, path) => {
    const result = parseBundle(catalog, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
  });
});
