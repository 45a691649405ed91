import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnsOf,
  evaluate,
  importReasonText,
  isIsoDate,
  parseBundle,
  parseCell,
  parseDate,
  readLedgerRows,
  unsafeTextKind,
  findUnsafeText,
  type LedgerKind,
  type RawCell,
} from '../src/index.js';
import { catalog } from './catalog-fixture.js';

/**
 * Property tests of every importer and of the evaluation bundle reader: whatever the input, they answer
 * (no exception, no hang) and every problem is a sentence a person can act on. Run counts are kept small
 * so the suite stays fast; a failure prints the shrunk input that breaks it.
 */
const RUNS = { numRuns: 150 };
/** No single input may take longer than this: a pathological regex or loop shows up as a failure. */
const PER_INPUT_MS = 500;

function quick<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
  return result;
}

const ledgers: LedgerKind[] = ['assets', 'accounts'];
/** Words the reader knows, so generated sheets get past heading detection and into the cell parsers. */
const knownHeadings = ledgers.flatMap((l) => columnsOf(l).flatMap((c) => [c.header.ja, c.header.en, ...c.synonyms.slice(0, 2)]));
const knownWords = ledgers.flatMap((l) => columnsOf(l).flatMap((c) => (c.type.kind === 'enum' ? Object.values(c.type.values).flat().slice(0, 4) : [])));

/** Any text, including lone surrogates, control characters and full-width forms. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    ...knownWords,
    '令和元年5月1日',
    'R2.12.1',
    '2020/12/1',
    '44166',
    '平成31年4月31日',
    '0000-01-01',
    "'=1+1",
    '192.168.001.010',
    'MAC、IP',
    '－1',
  ),
);
const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  anyText,
  fc.double(),
  fc.integer({ min: -1e9, max: 3e9 }),
  fc.date({ noInvalidDate: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const anyRow = fc.array(anyCell, { maxLength: 12 });
const headingRow = fc.array(fc.oneof(fc.constantFrom(...knownHeadings), anyText), { minLength: 1, maxLength: 12 });
const anySheet = fc
  .tuple(fc.array(anyRow, { maxLength: 3 }), headingRow, fc.array(fc.oneof(anyRow, fc.constant(null)), { maxLength: 20 }))
  .map(([top, head, body]) => [...top, head, ...body]);

describe('the ledger importer answers every sheet', () => {
  it('readLedgerRows: no exception, every problem has a reason and an echo of at most 100 characters', () => {
    let withRecords = 0;
    fc.assert(
      fc.property(fc.constantFrom(...ledgers), anySheet, fc.constantFrom('ja' as const, 'en' as const), (ledger, rows, locale) => {
        const read = quick(() => readLedgerRows({ ledger, rows, locale }));
        for (const problem of read.problems) {
          expect(problem.reason.trim().length).toBeGreaterThan(0);
          expect(problem.value.length).toBeLessThanOrEqual(101);
        }
        for (const record of read.records) expect(record.row).toBeGreaterThan(read.headerRow ?? 0);
        if (read.records.length > 0) withRecords++;
      }),
      RUNS,
    );
    // Not vacuous: many sheets got past the headings into the rows.
    expect(withRecords).toBeGreaterThan(10);
  });

  it('parseCell: every column, any cell: a value or a reason with words', () => {
    const columns = ledgers.flatMap((l) => [...columnsOf(l)]);
    fc.assert(
      fc.property(fc.constantFrom(...columns), anyCell, (column, raw) => {
        const parsed = quick(() => parseCell(column, raw));
        if (!parsed.ok) expect(importReasonText(parsed.reason, 'ja').length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseDate: a date it accepts is a real date in the years Mamori stores; anything else has a reason', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.double(), fc.integer(), fc.date({ noInvalidDate: false })), (value) => {
        const parsed = quick(() => parseDate(value));
        if (parsed.ok) expect(isIsoDate(parsed.date)).toBe(true);
        else expect(importReasonText(parsed.reason, 'en').length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hostile text is recognised wherever it sits', () => {
  it('findUnsafeText finds a NUL or a lone surrogate at any depth, and names the path to it', () => {
    const bad = fc.constantFrom('\u0000', '\uD800', '\uDFFF', 'a\uDBFFz');
    fc.assert(
      fc.property(
        fc.jsonValue(),
        bad,
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 5 }).filter((k) => unsafeTextKind(k) === null),
            fc.nat(3),
          ),
          { maxLength: 4 },
        ),
        (value, poison, path) => {
          if (findUnsafeText(value) !== null) return;
          const wrapped = path.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }), `x${poison}`);
          const found = findUnsafeText({ value, wrapped });
          expect(found).not.toBeNull();
          expect(found!.path.startsWith('wrapped')).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('the checklist evaluation bundle reader answers every input', () => {
  /** Mostly what a real caller sends, sometimes anything at all: so both parsing and evaluation get exercised. */
  const mostly = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown> = anyText) =>
    fc.oneof({ arbitrary: valid, weight: 19 }, { arbitrary: hostile, weight: 1 });
  const round = fc.record(
    {
      value: mostly(fc.constantFrom('yes', 'no')),
      date: mostly(fc.constantFrom('2023-07-01', '2024-02-29', '2025-03-31'), fc.constantFrom('0000-01-01', '2023-02-30', '', null)),
      targetDate: mostly(fc.constantFrom('2024-03-31', null, undefined), fc.constantFrom('9999-12-31', '2024-13-01')),
      note: mostly(fc.constantFrom('', '確認済み'), anyText),
      riskAccepted: fc.boolean(),
    },
    { requiredKeys: ['value'] },
  );
  const answersOf = (ids: string[]) =>
    fc.dictionary(mostly(fc.constantFrom(...ids)) as fc.Arbitrary<string>, fc.array(round, { maxLength: 3 }), { maxKeys: 12 });
  const bundleOf = (edition: string) => {
    const institution = catalog.form(edition, 'institution')!.items.map((i) => i.id);
    const vendor = catalog.form(edition, 'vendor')!.items.map((i) => i.id);
    return fc.record(
      {
        edition: mostly(fc.constant(edition)),
        fiscalYear: mostly(fc.integer({ min: 2023, max: 2030 }), fc.oneof(fc.double(), fc.integer())),
        asOf: mostly(fc.constantFrom('2023-12-01', '2025-04-01', '2026-03-31'), fc.constantFrom('0000-01-01', '2023-02-30')),
        facility: fc.record({ kind: mostly(fc.constantFrom('clinic', 'dental_clinic', 'hospital')), hasVendorContract: fc.boolean() }),
        institution: fc.record({ answers: answersOf(institution) }),
        vendors: fc.array(
          fc.record(
            {
              name: mostly(fc.constantFrom('A社', 'B社')),
              excludedItems: fc.array(mostly(fc.constantFrom(...vendor)), { maxLength: 3 }),
              answers: answersOf(vendor),
              review: fc.constantFrom('pending', 'accepted'),
            },
            { requiredKeys: ['name'] },
          ),
          { maxLength: 3 },
        ),
        artifacts: fc.record({ contactChart: fc.boolean() }),
      },
      { requiredKeys: ['edition', 'asOf', 'facility', 'institution'] },
    );
  };
  const bundleLike = fc.constantFrom(...catalog.editions()).chain(bundleOf);

  it('parseBundle + evaluate: a bundle that parses evaluates; one that does not says where and why', () => {
    let evaluated = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: bundleLike, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 }), (input) => {
        const parsed = quick(() => parseBundle(catalog, input));
        if (!parsed.ok) {
          expect(parsed.problems.length).toBeGreaterThan(0);
          for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(0);
          return;
        }
        const result = quick(() => evaluate(catalog, parsed.bundle));
        expect(typeof result.inspection.ready).toBe('boolean');
        evaluated++;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: a fair share of the inputs got as far as the evaluation.
    expect(evaluated).toBeGreaterThan(20);
  });
});
