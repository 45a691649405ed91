import { describe, expect, it } from 'vitest';
import { evaluate, formForFiscalYear, parseBundle, vendorFormExemption, type Bundle, type Round } from '../src/index.js';
import { catalog } from './catalog-fixture.js';

/*
 * Issue 11: the evaluator against the ministry's documents. Each case names its source: the manual (seed 000, 別添2),
 * the inspection guide (seed 000, 別添3), the Q&A (seed 002).
 */
const yes = (date: string): Round => ({ value: 'yes', date });
const no = (date: string, targetDate?: string): Round => ({ value: 'no', date, ...(targetDate ? { targetDate } : {}) });
const na = (date: string, note?: string): Round => ({ value: 'not_applicable', date, ...(note ? { note } : {}) });

const required2023 = ['gate', '1(1)', '2(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network', '3(1)'];
const vendorRequired2023 = ['1(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network'];
const allYes = (ids: string[], date = '2023-07-01') => Object.fromEntries(ids.map((id) => [id, [yes(date)]]));

function bundle2023(answers: Record<string, Round[]>, overrides: Partial<Bundle> = {}): Bundle {
  return {
    edition: '2023',
    asOf: '2023-12-01',
    facility: { kind: 'clinic', hasVendorContract: true },
    institution: { answers: { ...allYes(required2023), ...answers } },
    vendors: [{ name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023) }],
    artifacts: { contactChart: true },
    ...overrides,
  };
}
const problems = (bundle: Bundle) => evaluate(catalog, bundle).inspection.problems.map((p) => `${p.form} ${p.item ?? '-'} ${p.code} ${p.severity}`);

describe('the evaluator and the printed form (issue 11)', () => {
  it.each([
    // Manual I-3: 参考項目は令和6年度中に — a 2023 reference item may aim at its own due year.
    ['reference item, target in its due year (manual I-3)', { '2(9)@server': [no('2023-07-01', '2025-03-31')] }, []],
    [
      'reference item, target after its due year (warning only)',
      { '2(9)@server': [no('2023-07-01', '2025-04-01')] },
      ['institution 2(9)@server target-outside-fiscal-year warning'],
    ],
    [
      'required item, target in the next year (manual I-2)',
      { '2(1)': [no('2023-07-01', '2024-04-01')] },
      ['institution 2(1) target-outside-fiscal-year blocking'],
    ],
    // Manual I-4: at least once a fiscal year — the first check of the year's checklist is within that year.
    ['first-round date before the fiscal year (manual I-4)', { '2(1)': [yes('2023-03-31')] }, ['institution 2(1) date-outside-fiscal-year blocking']],
    ['first-round date on the first day of the year', { '2(1)': [yes('2023-04-01')] }, []],
    [
      'a target before the check it belongs to',
      { '2(1)': [no('2023-07-01', '2023-06-30')] },
      ['institution 2(1) target-before-date blocking', 'institution 2(1) overdue warning'],
    ],
    ['a target on the day of the check', { '2(1)': [no('2023-07-01', '2023-07-01')] }, ['institution 2(1) overdue warning']],
    // Q&A 12-B-8: no internet line — the network part does not apply.
    ['該当なし on a network row with its reason (Q&A 12-B-8)', { '2(8)@network': [na('2023-07-01', 'インターネット回線がなく院内のみで運用')] }, []],
    ['該当なし without a reason', { '2(8)@network': [na('2023-07-01')] }, ['institution 2(8)@network missing-reason blocking']],
    ['該当なし with a blank reason', { '2(7)@network': [na('2023-07-01', '  ')] }, ['institution 2(7)@network missing-reason blocking']],
    ['該当なし on a general item', { '2(1)': [na('2023-07-01', '機器なし')] }, ['institution 2(1) not-applicable-not-allowed blocking']],
    [
      '該当なし on a reference device row without a reason: a warning',
      { '2(9)@terminal': [na('2023-07-01')] },
      ['institution 2(9)@terminal missing-reason warning'],
    ],
  ] satisfies [string, Record<string, Round[]>, string[]][])('%s', (_, answers, expected) => {
    expect(problems(bundle2023(answers))).toEqual(expected);
  });

  it('該当なし needs no target date, and the latest answer says so', () => {
    const result = evaluate(catalog, bundle2023({ '2(8)@network': [na('2023-07-01', '回線なし')] }));
    expect(result.institution.items.find((i) => i.id === '2(8)@network')).toMatchObject({ latest: 'not_applicable', problems: [] });
  });

  it('a returned but not yet accepted vendor form is a warning, not an inspection finding (inspection guide ②)', () => {
    const pending = bundle2023({}, { vendors: [{ name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023), review: 'pending' }] });
    expect(problems(pending)).toEqual(['vendor:A社 - vendor-form-unreviewed warning']);
    expect(evaluate(catalog, pending).inspection.ready).toBe(true);
  });

  it.each([
    ['the gate', 'institution.answers.gate', { gate: [yes('2023-07-01'), yes('2023-08-01')] }],
    ['3(1), printed with one column in 2023', 'institution.answers.3(1)', { '3(1)': [yes('2023-07-01'), yes('2023-08-01')] }],
  ])('a second round on %s is malformed input', (_, path, answers) => {
    const result = parseBundle(catalog, bundle2023(answers));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(`${path}.1`);
  });

  it('keeps every existing rule: a second round on an ordinary item is fine', () => {
    expect(parseBundle(catalog, bundle2023({ '2(1)': [no('2023-07-01', '2023-09-01'), yes('2023-09-01')] })).ok).toBe(true);
  });
});

describe('which contracts need a vendor form (manual I-4, Q&A 12-D-19/22/23)', () => {
  it.each([
    ['a direct maintenance contract for a system with patient data', { primeContractId: null, handlesPatientData: true, maintenanceContract: true }, null],
    [
      'a subcontract under a prime contractor (manual I-4, Q&A 12-D-19)',
      { primeContractId: 'prime', handlesPatientData: true, maintenanceContract: true },
      'subcontract',
    ],
    ['a system without patient information (Q&A 12-D-22)', { primeContractId: null, handlesPatientData: false, maintenanceContract: true }, 'no-patient-data'],
    ['no maintenance contract (Q&A 12-D-23)', { primeContractId: null, handlesPatientData: true, maintenanceContract: false }, 'no-maintenance'],
  ] as const)('%s → %s', (_, contract, expected) => {
    expect(vendorFormExemption(contract)).toBe(expected);
  });

  it('an exempt contract without a form blocks nothing; a needed one does', () => {
    const vendors: Bundle['vendors'] = [
      { name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023) },
      { name: 'B社（部門システム）', excludedItems: [], exemption: 'subcontract' },
      { name: 'C社（勤怠）', excludedItems: [], exemption: 'no-patient-data' },
      { name: 'D社', excludedItems: [] },
    ];
    const result = evaluate(catalog, bundle2023({}, { vendors }));
    expect(result.inspection.problems.map((p) => `${p.form} ${p.code} ${p.severity}`)).toEqual(['vendor:D社 vendor-form-missing blocking']);
    expect(result.vendors.map((v) => [v.name, v.exemption])).toEqual([
      ['A社', null],
      ['B社（部門システム）', 'subcontract'],
      ['C社（勤怠）', 'no-patient-data'],
      ['D社', null],
    ]);
  });

  it('a form an exempt vendor returns anyway is checked, as warnings', () => {
    const vendors: Bundle['vendors'] = [
      { name: 'A社', excludedItems: [], answers: allYes(vendorRequired2023) },
      { name: 'B社', excludedItems: [], exemption: 'subcontract', answers: { '1(1)': [no('2023-07-01')] } },
    ];
    const result = evaluate(catalog, bundle2023({}, { vendors }));
    expect(result.inspection.ready).toBe(true);
    expect(result.inspection.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});

describe('the fiscal year on the form', () => {
  it('a FY2026 checklist on the 2025 edition names 令和8年度 in every year-bearing text', () => {
    const form = formForFiscalYear(catalog.form('2025', 'institution')!, 2026);
    const texts = [form.title.ja, ...form.notes.map((n) => n.ja)].join('\n');
    expect(texts).toContain('令和8年度中にすべての項目で');
    expect(texts).toContain('令和8年度中の対応目標日');
    expect(texts).not.toMatch(/令和7年度|\{fy/);
    expect(
      formForFiscalYear(catalog.form('2025', 'vendor')!, 2026)
        .notes.map((n) => n.en)
        .join(),
    ).toContain('FY2026');
  });

  it('every shipped form names the year through the template, so its own year prints as before', () => {
    for (const edition of catalog.editions()) {
      for (const kind of ['institution', 'vendor', 'pharmacy'] as const) {
        const form = catalog.form(edition, kind);
        if (!form) continue;
        const filled = formForFiscalYear(form, form.fiscalYear);
        expect(filled.title.ja, `${edition} ${kind}`).toContain(`令和${form.fiscalYear - 2018}年度`);
        expect(JSON.stringify(filled.notes)).not.toContain('{fy');
      }
    }
    expect(formForFiscalYear(catalog.form('2023', 'institution')!, 2023).notes.map((n) => n.ja)).toContain(
      '【参考項目（令和6年度中）】*以下項目について、令和6年度中にすべての項目で「はい」にマルが付くよう取り組んでください。',
    );
  });
});
