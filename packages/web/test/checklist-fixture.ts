import { evaluate, type AssessmentDetail, type Bundle } from '@mamori/domain';
import { catalog } from '../../domain/test/catalog-fixture';

export { catalog };
export const institution2023 = catalog.form('2023', 'institution')!;
export const vendor2023 = catalog.form('2023', 'vendor')!;

export type SavedRound = AssessmentDetail['answers'][string][number];

let version = 0;
/** A saved round as the server returns it. */
export function saved(round: number, value: SavedRound['value'], date: string | null, extra: Partial<SavedRound> = {}): SavedRound {
  return {
    round,
    value,
    date,
    targetDate: null,
    note: '',
    riskAcceptance: '',
    draft: false,
    answeredBy: '佐藤 花子',
    answeredAt: '2023-07-01T00:00:00Z',
    version: ++version,
    ...extra,
  };
}

/**
 * A clinic's 2023 checklist as the server sends it: the saved rounds, and the evaluation and bundle the server
 * computed from them on `asOf`.
 */
export function clinicDetail(answers: Record<string, SavedRound[]>, asOf = '2023-12-01'): AssessmentDetail {
  const bundleAnswers: Bundle['institution']['answers'] = {};
  for (const [id, rounds] of Object.entries(answers)) {
    const confirmed = rounds.filter((r) => !r.draft);
    if (confirmed.length) bundleAnswers[id] = confirmed.map((r) => ({ value: r.value, date: r.date, targetDate: r.targetDate, note: r.note }));
  }
  const bundle: Bundle = {
    edition: '2023',
    asOf,
    facility: { kind: 'clinic', hasVendorContract: false },
    institution: { answers: bundleAnswers },
    vendors: [],
    artifacts: { contactChart: true },
  };
  return {
    assessment: {
      id: '00000000-0000-4000-8000-000000000001',
      facilityId: '00000000-0000-4000-8000-000000000002',
      fiscalYear: 2023,
      fiscalYearLabel: '令和5年度',
      edition: '2023',
      form: 'institution',
      vendorName: null,
      hasVendorContract: false,
      excludedItems: [],
      carriedOver: false,
      version: 1,
      createdAt: '2023-04-01T00:00:00Z',
    },
    answers,
    evidence: [],
    evaluation: evaluate(catalog, bundle),
    bundle,
  };
}

/** Every item a 2023 clinic without a vendor contract must answer. */
export const required2023 = ['gate', '1(1)', '2(1)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network', '3(1)'];
export const allYes = (date = '2023-07-01') => Object.fromEntries(required2023.map((id) => [id, [saved(1, 'yes', date)]]));
