import { describe, expect, it } from 'vitest';
import {
  computeDisclosureFindings,
  contractSystemLabel,
  findingForItem,
  findingReasonText,
  findingRecordReasonText,
  findingSummary,
  itemIdsForFinding,
  latestJahisVersion,
  normalizeSystemName,
  type DisclosureFacts,
  type Finding,
} from '../src/index.js';
import { catalog } from './catalog-fixture.js';

const AS_OF = '2025-03-31';

type Contract = DisclosureFacts['contracts'][number];
type Disclosure = DisclosureFacts['disclosures'][number];

const ehr: Contract = { id: 'c-ehr', title: '電子カルテ保守', vendorName: 'A社', systems: ['電子カルテ', 'オーダリング'] };
const pacs: Contract = { id: 'c-pacs', title: '画像システム保守', vendorName: 'B社', systems: ['PACS'] };

function disclosure(contractId: string, system: string, fields: Partial<Disclosure> = {}): Disclosure {
  return { contractId, system, kind: 'SDS', jahisVersion: '5.0', receivedOn: '2024-10-01', ...fields };
}

function run(contracts: Contract[], disclosures: Disclosure[], asOf = AS_OF): Finding {
  const all = computeDisclosureFindings({ asOf, contracts, disclosures });
  expect(all).toHaveLength(1);
  const [f] = all;
  expect(f!.topic).toBe('mds-sds');
  expect(f!.scope).toBe('general');
  return f!;
}

const codes = (f: Finding) => f.reasons.map((r) => r.code);
const labels = (f: Finding) => f.records.map((r) => `${r.label} [${r.reasons.join()}]`);

describe('2(3) MDS/SDS: the rule table', () => {
  const full = [disclosure('c-ehr', '電子カルテ'), disclosure('c-ehr', 'オーダリング'), disclosure('c-pacs', 'PACS', { kind: 'MDS' })];

  const rows: { name: string; contracts: Contract[]; disclosures: Disclosure[]; suggestion: 'yes' | 'no'; codes: string[]; records: string[] }[] = [
    { name: 'no contract registered', contracts: [], disclosures: [], suggestion: 'no', codes: ['disclosures-no-contracts'], records: [] },
    {
      name: 'contracts but no statement at all',
      contracts: [ehr, pacs],
      disclosures: [],
      suggestion: 'no',
      codes: ['disclosures-missing'],
      records: [
        'A社 電子カルテ保守 — オーダリング [disclosures-missing]',
        'A社 電子カルテ保守 — 電子カルテ [disclosures-missing]',
        'B社 画像システム保守 — PACS [disclosures-missing]',
      ],
    },
    {
      name: 'one system of a contract without one',
      contracts: [ehr, pacs],
      disclosures: [disclosure('c-ehr', '電子カルテ'), disclosure('c-pacs', 'PACS')],
      suggestion: 'no',
      codes: ['disclosures-missing'],
      records: ['A社 電子カルテ保守 — オーダリング [disclosures-missing]'],
    },
    {
      name: 'every contracted system has one (JAHIS 5.0)',
      contracts: [ehr, pacs],
      disclosures: full,
      suggestion: 'yes',
      codes: ['disclosures-complete'],
      records: [],
    },
    {
      name: 'an older JAHIS version is still a statement: はい, with the outdated note (Q&A 5-1)',
      contracts: [pacs],
      disclosures: [disclosure('c-pacs', 'PACS', { jahisVersion: '4.1' })],
      suggestion: 'yes',
      codes: ['disclosures-complete', 'disclosures-outdated'],
      records: ['B社 画像システム保守 — PACS [disclosures-outdated]'],
    },
    {
      name: 'missing and outdated together: いいえ for the missing one, missing records first',
      contracts: [ehr],
      disclosures: [disclosure('c-ehr', '電子カルテ', { jahisVersion: '4.0' })],
      suggestion: 'no',
      codes: ['disclosures-missing', 'disclosures-outdated'],
      records: ['A社 電子カルテ保守 — オーダリング [disclosures-missing]', 'A社 電子カルテ保守 — 電子カルテ [disclosures-outdated]'],
    },
    {
      name: 'the newest statement of a kind decides: 4.1 replaced by 5.0',
      contracts: [pacs],
      disclosures: [
        disclosure('c-pacs', 'PACS', { jahisVersion: '4.1', receivedOn: '2022-04-01' }),
        disclosure('c-pacs', 'PACS', { receivedOn: '2024-04-01' }),
      ],
      suggestion: 'yes',
      codes: ['disclosures-complete'],
      records: [],
    },
    {
      name: 'a newer statement in an older version is outdated',
      contracts: [pacs],
      disclosures: [
        disclosure('c-pacs', 'PACS', { receivedOn: '2022-04-01' }),
        disclosure('c-pacs', 'PACS', { jahisVersion: '4.1', receivedOn: '2024-04-01' }),
      ],
      suggestion: 'yes',
      codes: ['disclosures-complete', 'disclosures-outdated'],
      records: ['B社 画像システム保守 — PACS [disclosures-outdated]'],
    },
    {
      name: 'per kind: a current SDS does not hide an outdated MDS (Q&A 5-2)',
      contracts: [pacs],
      disclosures: [
        disclosure('c-pacs', 'PACS', { kind: 'SDS', receivedOn: '2024-12-01' }),
        disclosure('c-pacs', 'PACS', { kind: 'MDS', jahisVersion: '4.0', receivedOn: '2024-11-01' }),
      ],
      suggestion: 'yes',
      codes: ['disclosures-complete', 'disclosures-outdated'],
      records: ['B社 画像システム保守 — PACS [disclosures-outdated]'],
    },
    {
      name: 'the same day, the best version filed counts',
      contracts: [pacs],
      disclosures: [disclosure('c-pacs', 'PACS', { jahisVersion: '4.1' }), disclosure('c-pacs', 'PACS')],
      suggestion: 'yes',
      codes: ['disclosures-complete'],
      records: [],
    },
    {
      name: 'an own format (other, Q&A 5-6) counts and is never called outdated',
      contracts: [pacs],
      disclosures: [disclosure('c-pacs', 'PACS', { jahisVersion: 'other' })],
      suggestion: 'yes',
      codes: ['disclosures-complete'],
      records: [],
    },
    {
      name: 'names match ignoring width, case and spaces',
      contracts: [{ ...pacs, systems: [' ＰＡＣＳ ', '電子 カルテ'] }],
      disclosures: [disclosure('c-pacs', 'pacs'), disclosure('c-pacs', '電子カルテ　')],
      suggestion: 'yes',
      codes: ['disclosures-complete'],
      records: [],
    },
    {
      name: "another contract's statement does not count",
      contracts: [ehr, pacs],
      disclosures: [disclosure('c-pacs', '電子カルテ'), disclosure('c-pacs', 'オーダリング'), disclosure('c-pacs', 'PACS')],
      suggestion: 'no',
      codes: ['disclosures-missing'],
      records: ['A社 電子カルテ保守 — オーダリング [disclosures-missing]', 'A社 電子カルテ保守 — 電子カルテ [disclosures-missing]'],
    },
    {
      name: 'a statement received after the day of the finding is not known yet',
      contracts: [pacs],
      disclosures: [disclosure('c-pacs', 'PACS', { receivedOn: '2025-04-01' })],
      suggestion: 'no',
      codes: ['disclosures-missing'],
      records: ['B社 画像システム保守 — PACS [disclosures-missing]'],
    },
    {
      name: 'received on the day itself counts',
      contracts: [pacs],
      disclosures: [disclosure('c-pacs', 'PACS', { receivedOn: AS_OF })],
      suggestion: 'yes',
      codes: ['disclosures-complete'],
      records: [],
    },
    {
      name: 'a system listed twice in one contract counts once',
      contracts: [{ ...pacs, systems: ['PACS', 'pacs '] }],
      disclosures: [],
      suggestion: 'no',
      codes: ['disclosures-missing'],
      records: ['B社 画像システム保守 — PACS [disclosures-missing]'],
    },
    {
      name: 'a contract whose systems are all blank is as good as none',
      contracts: [{ ...pacs, systems: ['  '] }],
      disclosures: [],
      suggestion: 'no',
      codes: ['disclosures-no-contracts'],
      records: [],
    },
  ];

  it.each(rows)('$name', (row) => {
    const f = run(row.contracts, row.disclosures);
    expect(f.suggestion).toBe(row.suggestion);
    expect(codes(f)).toEqual(row.codes);
    expect(labels(f)).toEqual(row.records);
    expect(f.records.every((r) => r.ledger === 'contracts')).toBe(true);
  });

  it('counts: missing systems out of all, complete with the number of contracts', () => {
    const missing = run([ehr, pacs], [disclosure('c-pacs', 'PACS')]);
    expect(missing.reasons[0]).toEqual({ code: 'disclosures-missing', count: 2, params: { count: 2, total: 3 } });
    expect(missing.records.map((r) => r.id)).toEqual(['c-ehr', 'c-ehr']);
    const complete = run([ehr, pacs], full);
    expect(complete.reasons[0]).toEqual({ code: 'disclosures-complete', count: 3, params: { count: 3, contracts: 2 } });
    const outdated = run([pacs], [disclosure('c-pacs', 'PACS', { jahisVersion: '4.0' })]);
    expect(outdated.reasons[1]).toEqual({ code: 'disclosures-outdated', count: 1, params: { count: 1, latest: latestJahisVersion } });
  });

  it('rejects a malformed day', () => {
    expect(() => computeDisclosureFindings({ asOf: '2025-13-01', contracts: [], disclosures: [] })).toThrow(RangeError);
  });
});

describe('2(3) MDS/SDS: names and sentences', () => {
  it('labels a contracted system by vendor, contract and system', () => {
    expect(contractSystemLabel({ vendorName: 'A社', title: '電子カルテ保守' }, ' 電子カルテ ')).toBe('A社 電子カルテ保守 — 電子カルテ');
    expect(normalizeSystemName(' Ｐ Ａ Ｃ Ｓ ')).toBe('pacs');
  });

  it('renders every reason it gives with the message catalog, in both languages', () => {
    const findings = [run([], []), run([ehr], [disclosure('c-ehr', '電子カルテ', { jahisVersion: '4.1' })]), run([pacs], [disclosure('c-pacs', 'PACS')])];
    const ja = findings.flatMap((f) => f.reasons.map((r) => findingReasonText(r, 'ja')));
    expect(ja).toEqual([
      '事業者との契約が登録されていません（事業者と契約していない場合、この項目は記入不要です）',
      '契約しているシステム 2件のうち 1件で MDS/SDS を受け取っていません',
      '1件のシステムの MDS/SDS が JAHIS 5.0 より前の版です（その時点の最新版での提出を依頼してください）',
      '契約しているシステム 1件すべてで MDS/SDS を受け取っています',
    ]);
    const en = findings.flatMap((f) => f.reasons.map((r) => findingReasonText(r, 'en')));
    expect(en[1]).toBe('1 of the 2 contracted systems have no MDS/SDS');
    expect(en.every((text) => !/[぀-ヿ]/u.test(text))).toBe(true);
    expect(findingSummary(findings[1]!)).toMatch(/^いいえ: 契約しているシステム/);
    expect(findingRecordReasonText('disclosures-missing')).toBe('MDS/SDSなし');
    expect(findingRecordReasonText('disclosures-outdated', 'en')).toBe('MDS/SDS in an older version');
  });

  it('answers 2(3) of every shipped institution and pharmacy form', () => {
    const [f] = computeDisclosureFindings({ asOf: AS_OF, contracts: [pacs], disclosures: [] });
    let matched = 0;
    for (const edition of catalog.editions()) {
      for (const kind of ['institution', 'pharmacy'] as const) {
        const form = catalog.form(edition, kind);
        if (!form) continue;
        const item = form.items.find((i) => i.topic === 'mds-sds')!;
        expect(findingForItem(item, [f!]), `${edition} ${kind}`).toBe(f);
        expect(itemIdsForFinding(f!, form.items)).toEqual([item.id]);
        matched++;
      }
    }
    expect(matched).toBeGreaterThanOrEqual(6);
  });
});
