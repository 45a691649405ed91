import { describe, expect, it } from 'vitest';
import {
  BcpEssentials,
  bcpTemplate,
  computeIncidentFindings,
  restoreTestDue,
  contactChartExists,
  findingReasonText,
  type BackupPlanFields,
  type ContactChartContent,
  type ContactEntry,
  type ContactKind,
  type Finding,
  type IncidentFacts,
  type RestoreTestFields,
} from '../src/index.js';

/*
 * asOf 2025-03-31 with 12-month thresholds: a restore test or BCP review on or after 2024-03-31 counts.
 * asOf 2025-03-31 with 1 month: the cut-off clamps to 2025-02-28.
 */
const AS_OF = '2025-03-31';

function entry(kind: ContactKind, key: string = kind): ContactEntry {
  return { key, kind, name: key, organization: '', role: '', phone: '', email: '', hours: '', notes: '', vendorName: '' };
}

function chart(...kinds: ContactKind[]): ContactChartContent {
  return { entries: kinds.map((k, i) => entry(k, `${k}${i}`)), edges: [], note: '' };
}

let seq = 0;
function plan(fields: Partial<BackupPlanFields> = {}, tests: Partial<RestoreTestFields>[] = [{}]): IncidentFacts['backups'][number] {
  seq++;
  return {
    plan: {
      system: '電子カルテ',
      data: '',
      method: 'external_disk',
      frequency: '毎日',
      generations: 7,
      location: '',
      offline: true,
      immutable: false,
      restoreProcedure: '',
      ...fields,
      id: `plan-${seq}`,
    },
    tests: tests.map((t) => ({ testedOn: '2024-10-01', result: 'success', minutesToRestore: null, testedBy: '院長', notes: '', ...t })),
  };
}

const essentials = (fields: Partial<BcpEssentials> = {}): BcpEssentials => ({
  networkStopCriteria: '',
  decisionMaker: '',
  paperOperations: '',
  recoverySteps: '',
  reentryProcedure: '',
  communication: '',
  ...fields,
});

function facts(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    asOf: AS_OF,
    contactChart: chart('director', 'vendor', 'police', 'ministry'),
    backups: [plan()],
    bcp: { hasDocument: true, essentials: null, lastReviewedOn: '2024-11-12', plannedOn: null },
    hasVendorContract: true,
    thresholds: { restoreTestMonths: 12, bcpReviewMonths: 12 },
    ...overrides,
  };
}

function topic(findings: Finding[], name: string): Finding {
  const found = findings.find((f) => f.topic === name);
  if (!found) throw new Error(`no ${name} finding`);
  return found;
}

const codes = (f: Finding) => f.reasons.map((r) => r.code);

describe('computeIncidentFindings', () => {
  it('gives three general findings in a fixed order, all yes for a ready facility', () => {
    const findings = computeIncidentFindings(facts());
    expect(findings.map((f) => [f.topic, f.scope, f.suggestion])).toEqual([
      ['contact-chart', 'general', 'yes'],
      ['backup-restore', 'general', 'yes'],
      ['bcp', 'general', 'yes'],
    ]);
    expect(findings[0]!.reasons).toEqual([{ code: 'contact-chart-complete', count: 4, params: { count: 4, required: '厚生労働省・警察・事業者' } }]);
    expect(findings[1]!.reasons).toEqual([{ code: 'backups-ready', count: 1, params: { count: 1, testedOn: '2024-10-01' } }]);
    expect(findings[2]!.reasons).toEqual([{ code: 'bcp-ready', count: 0, params: { reviewedOn: '2024-11-12' } }]);
  });

  it('rejects an asOf that is not a date', () => {
    expect(() => computeIncidentFindings(facts({ asOf: '2025/03/31' }))).toThrow(RangeError);
  });

  it('renders every reason it gives with the message catalog', () => {
    const all = [
      ...computeIncidentFindings(facts()),
      ...computeIncidentFindings(
        facts({
          contactChart: chart('vendor'),
          backups: [plan({ generations: 1, offline: false }, [{ result: 'failure', testedOn: '2023-01-01' }])],
          bcp: { hasDocument: true, essentials: null, lastReviewedOn: '2023-01-01', plannedOn: null },
        }),
      ),
      ...computeIncidentFindings(
        facts({ contactChart: null, backups: [], bcp: { hasDocument: false, essentials: null, lastReviewedOn: null, plannedOn: null } }),
      ),
    ];
    for (const f of all) {
      for (const r of f.reasons) {
        const ja = findingReasonText(r, 'ja');
        expect(ja).not.toMatch(/undefined|NaN/);
        expect(findingReasonText(r, 'en')).not.toMatch(/undefined|NaN/);
      }
    }
  });
});

describe('3(1) contact chart', () => {
  const cases: [string, ContactChartContent | null, 'yes' | 'no', string, Record<string, string | number>][] = [
    ['no chart', null, 'no', 'contact-chart-missing', {}],
    ['a chart without entries', { entries: [], edges: [], note: 'draft' }, 'no', 'contact-chart-missing', {}],
    ['only internal people', chart('director', 'it'), 'no', 'contact-chart-lacks', { missing: '厚生労働省・警察・事業者' }],
    ['no ministry', chart('director', 'vendor', 'police'), 'no', 'contact-chart-lacks', { missing: '厚生労働省' }],
    ['no police', chart('director', 'vendor', 'ministry'), 'no', 'contact-chart-lacks', { missing: '警察' }],
    [
      'no vendor (a security company is not the vendor)',
      chart('director', 'security_company', 'police', 'ministry'),
      'no',
      'contact-chart-lacks',
      { missing: '事業者' },
    ],
    ['no police and no vendor', chart('ministry', 'expert'), 'no', 'contact-chart-lacks', { missing: '警察・事業者' }],
    ['all three', chart('ministry', 'police', 'vendor'), 'yes', 'contact-chart-complete', { count: 3, required: '厚生労働省・警察・事業者' }],
  ];
  it.each(cases)('%s', (_, contactChart, suggestion, code, params) => {
    const f = topic(computeIncidentFindings(facts({ contactChart })), 'contact-chart');
    expect(f.suggestion).toBe(suggestion);
    expect(f.reasons).toEqual([{ code, count: code === 'contact-chart-complete' ? 3 : 0, params }]);
    expect(f.records).toEqual([]);
  });

  it('without a vendor contract no vendor entry is required (issue 11; manual 3(1) names 事業者 for those who have one)', () => {
    const f = topic(computeIncidentFindings(facts({ contactChart: chart('director', 'police', 'ministry'), hasVendorContract: false })), 'contact-chart');
    expect(f).toMatchObject({ suggestion: 'yes', reasons: [{ code: 'contact-chart-complete', params: { required: '厚生労働省・警察' } }] });
    const g = topic(computeIncidentFindings(facts({ contactChart: chart('director', 'ministry'), hasVendorContract: false })), 'contact-chart');
    expect(g).toMatchObject({ suggestion: 'no', reasons: [{ code: 'contact-chart-lacks', params: { missing: '警察' } }] });
  });

  it('contactChartExists needs at least one entry', () => {
    expect(contactChartExists(null)).toBe(false);
    expect(contactChartExists({ entries: [], edges: [], note: '' })).toBe(false);
    expect(contactChartExists(chart('director'))).toBe(true);
  });

  it('the lacks sentence reads naturally', () => {
    const f = topic(computeIncidentFindings(facts({ contactChart: chart('director', 'vendor') })), 'contact-chart');
    expect(findingReasonText(f.reasons[0]!, 'ja')).toBe('連絡体制図に 厚生労働省・警察 の連絡先がありません');
  });
});

describe('3(2) backups and restore tests', () => {
  const backups = (f: IncidentFacts['backups'], thresholds = { restoreTestMonths: 12, bcpReviewMonths: 12 }) =>
    topic(computeIncidentFindings(facts({ backups: f, thresholds })), 'backup-restore');

  it('no plan at all', () => {
    const f = backups([]);
    expect(f.suggestion).toBe('no');
    expect(f.reasons).toEqual([{ code: 'backups-none', count: 0, params: {} }]);
  });

  it.each([
    ['2 generations', 2, 'no'],
    ['3 generations', 3, 'yes'],
    ['0 generations', 0, 'no'],
  ] as const)('%s', (_, generations, suggestion) => {
    const f = backups([plan({ generations })]);
    expect(f.suggestion).toBe(suggestion);
    if (suggestion === 'no') {
      expect(codes(f)).toEqual(['backups-few-generations']);
      expect(f.reasons[0]!.count).toBe(1);
      expect(f.records).toHaveLength(1);
    }
  });

  it('lists plans with few generations as backup records labelled by system and data', () => {
    const a = plan({ system: 'レセコン', data: '', generations: 1 });
    const b = plan({ system: '電子カルテ', data: '診療データ・画像', generations: 2 });
    const fine = plan({ system: 'NAS', generations: 5 });
    const f = backups([b, fine, a]);
    expect(f.suggestion).toBe('no');
    expect(f.reasons).toEqual([{ code: 'backups-few-generations', count: 2, params: { count: 2, generations: 3 } }]);
    expect(f.records).toEqual([
      { ledger: 'backups', id: a.plan.id, label: 'レセコン', reasons: ['backups-few-generations'] },
      { ledger: 'backups', id: b.plan.id, label: '電子カルテ（診療データ・画像）', reasons: ['backups-few-generations'] },
    ]);
  });

  // Manual 3(2) 補足: an offline third generation is 望ましい (desirable); the item asks for backups and a confirmed
  // restore procedure. No offline copy is a note beside the answer, never いいえ.
  it.each([
    ['offline', { offline: true, immutable: false }, false],
    ['immutable counts as offline-equivalent', { offline: false, immutable: true }, false],
    ['neither', { offline: false, immutable: false }, true],
  ] as const)('offline copy: %s', (_, flags, noted) => {
    const f = backups([plan(flags)]);
    expect(f.suggestion).toBe('yes');
    expect(codes(f).includes('backups-no-offline')).toBe(noted);
  });

  it('one offline plan among several is enough', () => {
    expect(codes(backups([plan({ offline: false }), plan({ offline: false, immutable: true })]))).toEqual(['backups-ready']);
  });

  // asOf 2025-03-31, 12 months → 2024-03-31 is still within.
  it.each([
    ['exactly 12 months back', '2024-03-31', 'yes'],
    ['one day older', '2024-03-30', 'no'],
    ['today', AS_OF, 'yes'],
    ['after asOf (not known yet)', '2025-04-01', 'no'],
  ] as const)('restore test %s', (_, testedOn, suggestion) => {
    const f = backups([plan({}, [{ testedOn }])]);
    expect(f.suggestion).toBe(suggestion);
    if (suggestion === 'no') expect(codes(f)).toEqual(['restore-test-missing']);
    else expect(f.reasons[0]!.params.testedOn).toBe(testedOn);
  });

  it('clamps the month arithmetic: 2025-03-31 minus 1 month is 2025-02-28', () => {
    const oneMonth = { restoreTestMonths: 1, bcpReviewMonths: 1 };
    expect(backups([plan({}, [{ testedOn: '2025-02-28' }])], oneMonth).suggestion).toBe('yes');
    expect(backups([plan({}, [{ testedOn: '2025-02-27' }])], oneMonth).suggestion).toBe('no');
    // In a leap year 2024-03-31 minus 1 month is 2024-02-29.
    const f = computeIncidentFindings(facts({ asOf: '2024-03-31', backups: [plan({}, [{ testedOn: '2024-02-29' }])], thresholds: oneMonth }));
    expect(topic(f, 'backup-restore').suggestion).toBe('yes');
    const g = computeIncidentFindings(facts({ asOf: '2024-03-31', backups: [plan({}, [{ testedOn: '2024-02-28' }])], thresholds: oneMonth }));
    expect(codes(topic(g, 'backup-restore'))).toEqual(['restore-test-missing']);
  });

  it('a plan without any test, but a recent successful test on another plan, is fine', () => {
    expect(backups([plan({}, []), plan()]).suggestion).toBe('yes');
  });

  it('no test at all gives restore-test-missing with the months', () => {
    const f = backups([plan({}, [])]);
    expect(f.reasons).toEqual([{ code: 'restore-test-missing', count: 0, params: { months: 12 } }]);
    expect(f.records).toEqual([]);
  });

  it('an old success is mentioned when too old', () => {
    const f = backups([plan({}, [{ testedOn: '2023-05-01' }])]);
    expect(f.reasons).toEqual([{ code: 'restore-test-missing', count: 0, params: { months: 12, testedOn: '2023-05-01' } }]);
  });

  it('flags a plan whose latest test failed, even with an earlier success in time', () => {
    const p = plan({ system: 'レセコン' }, [
      { testedOn: '2024-06-01', result: 'success' },
      { testedOn: '2025-01-10', result: 'failure' },
    ]);
    const f = backups([p]);
    expect(f.suggestion).toBe('no');
    expect(f.reasons).toEqual([{ code: 'restore-test-failed', count: 1, params: { count: 1 } }]);
    expect(f.records).toEqual([{ ledger: 'backups', id: p.plan.id, label: 'レセコン', reasons: ['restore-test-failed'] }]);
  });

  it('a partial restore is not a success', () => {
    const f = backups([plan({}, [{ result: 'partial' }])]);
    expect(codes(f)).toEqual(['restore-test-missing', 'restore-test-failed']);
  });

  it('a failure followed by a success is fine, whatever the order of the tests array', () => {
    const later = [
      { testedOn: '2025-02-01', result: 'success' as const },
      { testedOn: '2025-01-10', result: 'failure' as const },
    ];
    expect(backups([plan({}, later)]).suggestion).toBe('yes');
    expect(backups([plan({}, later.slice().reverse())]).suggestion).toBe('yes');
  });

  it('a failure and a success on the same day count as a success', () => {
    const sameDay = [
      { testedOn: '2025-02-01', result: 'success' as const },
      { testedOn: '2025-02-01', result: 'failure' as const },
    ];
    expect(backups([plan({}, sameDay)]).suggestion).toBe('yes');
    expect(backups([plan({}, sameDay.slice().reverse())]).suggestion).toBe('yes');
  });

  it('ignores a failed test dated after asOf when judging the latest', () => {
    expect(backups([plan({}, [{ testedOn: '2025-02-01' }, { testedOn: '2025-05-01', result: 'failure' }])]).suggestion).toBe('yes');
  });

  it('gathers every reason and merges a plan listed twice into one record', () => {
    const p = plan({ system: 'A', generations: 1, offline: false }, [{ testedOn: '2023-01-01', result: 'failure' }]);
    const q = plan({ system: 'B', generations: 2, offline: false }, []);
    const f = backups([q, p]);
    expect(codes(f)).toEqual(['backups-few-generations', 'restore-test-missing', 'restore-test-failed', 'backups-no-offline']);
    expect(f.records.map((r) => [r.label, r.reasons])).toEqual([
      ['A', ['backups-few-generations', 'restore-test-failed']],
      ['B', ['backups-few-generations']],
    ]);
  });

  it('backups-ready counts the plans and names the latest successful test', () => {
    const f = backups([
      plan({}, [{ testedOn: '2024-05-01' }]),
      plan({}, [{ testedOn: '2025-03-01' }, { testedOn: '2025-03-15', result: 'success' }]),
      plan({}, []),
    ]);
    expect(f.reasons).toEqual([{ code: 'backups-ready', count: 3, params: { count: 3, testedOn: '2025-03-15' } }]);
  });
});

describe('3(3) BCP', () => {
  const bcpFinding = (bcp: IncidentFacts['bcp'], months = 12) =>
    topic(computeIncidentFindings(facts({ bcp, thresholds: { restoreTestMonths: 12, bcpReviewMonths: months } })), 'bcp');

  it.each([
    ['nothing at all', { hasDocument: false, essentials: null, lastReviewedOn: null, plannedOn: null }, ['bcp-missing']],
    [
      'blank essentials only',
      { hasDocument: false, essentials: essentials({ decisionMaker: '  ', communication: '\n' }), lastReviewedOn: '2025-01-01', plannedOn: null },
      ['bcp-missing'],
    ],
    [
      'essentials written, never reviewed',
      { hasDocument: false, essentials: essentials({ decisionMaker: '院長' }), lastReviewedOn: null, plannedOn: null },
      ['bcp-not-reviewed'],
    ],
    ['a document, never reviewed', { hasDocument: true, essentials: null, lastReviewedOn: null, plannedOn: null }, ['bcp-not-reviewed']],
    ['reviewed exactly 12 months back', { hasDocument: true, essentials: null, lastReviewedOn: '2024-03-31', plannedOn: null }, ['bcp-ready']],
    ['reviewed one day too early', { hasDocument: true, essentials: null, lastReviewedOn: '2024-03-30', plannedOn: null }, ['bcp-not-reviewed']],
    [
      'essentials and a recent review',
      { hasDocument: false, essentials: essentials({ paperOperations: '紙カルテ' }), lastReviewedOn: '2025-03-01', plannedOn: null },
      ['bcp-ready'],
    ],
  ] as const)('%s', (_, bcp, expected) => {
    const f = bcpFinding(bcp);
    expect(codes(f)).toEqual(expected);
    expect(f.suggestion).toBe(expected[0] === 'bcp-ready' ? 'yes' : 'no');
  });

  it('gives the params the sentences use', () => {
    expect(bcpFinding({ hasDocument: true, essentials: null, lastReviewedOn: null, plannedOn: null }).reasons[0]!.params).toEqual({ months: 12 });
    expect(bcpFinding({ hasDocument: true, essentials: null, lastReviewedOn: '2023-01-05', plannedOn: null }).reasons[0]!.params).toEqual({
      reviewedOn: '2023-01-05',
      months: 12,
    });
    expect(bcpFinding({ hasDocument: true, essentials: null, lastReviewedOn: '2025-01-05', plannedOn: null }).reasons[0]!.params).toEqual({
      reviewedOn: '2025-01-05',
    });
  });

  it('a planned date is kept as the reason of the いいえ', () => {
    const f = bcpFinding({ hasDocument: false, essentials: null, lastReviewedOn: null, plannedOn: '2024-12-01' });
    expect(f).toMatchObject({ suggestion: 'no', reasons: [{ code: 'bcp-planned', params: { plannedOn: '2024-12-01' } }] });
  });

  it('uses the configured months with the month-end clamp', () => {
    expect(bcpFinding({ hasDocument: true, essentials: null, lastReviewedOn: '2025-02-28', plannedOn: null }, 1).suggestion).toBe('yes');
    expect(bcpFinding({ hasDocument: true, essentials: null, lastReviewedOn: '2025-02-27', plannedOn: null }, 1).suggestion).toBe('no');
  });
});

describe('BCP template', () => {
  it('has a section for every BCP essentials field, and the introductory ones', () => {
    const keys = bcpTemplate.map((s) => s.key);
    for (const field of BcpEssentials.keyof().options) expect(keys).toContain(field);
    expect(keys.slice(0, 3)).toEqual(['purpose', 'scenario', 'preparedness']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every section has a heading, 2–5 sentences of guidance, an example and English', () => {
    for (const section of bcpTemplate) {
      expect(section.heading.trim(), section.key).not.toBe('');
      const sentences = section.guidance.split('。').filter((s) => s.trim() !== '');
      expect(sentences.length, section.key).toBeGreaterThanOrEqual(2);
      expect(sentences.length, section.key).toBeLessThanOrEqual(5);
      expect(section.example.trim().length, section.key).toBeGreaterThan(30);
      expect(section.en.heading.trim(), section.key).not.toBe('');
      expect(section.en.guidance.trim(), section.key).not.toBe('');
    }
  });

  it('names the ministry number where it tells whom to call', () => {
    expect(bcpTemplate.find((s) => s.key === 'communication')!.guidance).toContain('03-6812-7837');
  });
});

describe('restoreTestDue', () => {
  it('is due 12 months after the last successful test; failures and future dates do not count', () => {
    expect(restoreTestDue([], 12, '2026-11-22')).toEqual({ lastSuccessOn: null, dueOn: null, overdue: true });
    const tests = [
      { testedOn: '2026-01-31', result: 'success' },
      { testedOn: '2026-06-01', result: 'failure' },
      { testedOn: '2027-01-01', result: 'success' },
    ];
    expect(restoreTestDue(tests, 12, '2026-11-22')).toEqual({ lastSuccessOn: '2026-01-31', dueOn: '2027-01-31', overdue: false });
    expect(restoreTestDue(tests, 6, '2026-11-22')).toEqual({ lastSuccessOn: '2026-01-31', dueOn: '2026-07-31', overdue: true });
    expect(restoreTestDue([{ testedOn: '2025-03-31', result: 'success' }], 11, '2026-02-28').dueOn).toBe('2026-02-28');
  });
});
