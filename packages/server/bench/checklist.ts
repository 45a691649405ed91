// `node --import tsx packages/server/bench/checklist.ts [--no-record]` — issue 3's figures: evaluating
// 10,000 facility bundles (pure, in process), and rendering one form as PDF, Excel and CSV.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { evaluate, type Bundle, type Round } from '@mamori/domain';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { renderFormCsv, renderFormPdf, renderFormXlsx, type ExportModel } from '../src/exports/index.js';
import { recordSection } from './report.js';

const HEADING = '## Issue 3 — checklist evaluation and form output';
const BUNDLES = 10_000;
const RUNS = 20;
const docsFile = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
const catalog = loadCatalog();

/** Realistic variety: editions, kinds, vendor contracts, いいえ with and without targets, second rounds. */
function bundle(i: number): Bundle {
  const edition = ['2023', '2024', '2025'][i % 3]!;
  const kind = (['clinic', 'dental_clinic', 'hospital', 'pharmacy'] as const)[i % 4]!;
  const form = catalog.facilityForm(edition, kind)!;
  const answers: Record<string, Round[]> = {};
  form.items.forEach((item, n) => {
    if ((i + n) % 11 === 0) return;
    answers[item.id] =
      (i + n) % 5 === 0
        ? [
            { value: 'no', date: `${edition}-07-01`, ...((i + n) % 3 ? { targetDate: `${edition}-12-01` } : {}) },
            { value: 'yes', date: `${edition}-11-20` },
          ]
        : [{ value: 'yes', date: `${edition}-07-01` }];
  });
  const vendorForm = catalog.form(edition, 'vendor')!;
  const vendorAnswers = Object.fromEntries(vendorForm.items.map((item) => [item.id, [{ value: 'yes' as const, date: `${edition}-08-01` }]]));
  return {
    edition,
    asOf: `${edition}-12-15`,
    facility: { kind, hasVendorContract: i % 2 === 0 },
    institution: { answers },
    vendors:
      i % 2 === 0
        ? [
            { name: 'A社', excludedItems: i % 4 === 0 ? ['2(8)@network'] : [], answers: vendorAnswers },
            { name: 'B社', excludedItems: [] },
          ]
        : [],
    artifacts: { contactChart: i % 7 !== 0 },
  };
}

function measureEvaluation() {
  const bundles = Array.from({ length: BUNDLES }, (_, i) => bundle(i));
  for (const b of bundles.slice(0, 1000)) evaluate(catalog, b);
  const start = performance.now();
  let ready = 0;
  for (const b of bundles) if (evaluate(catalog, b).inspection.ready) ready++;
  const ms = performance.now() - start;
  return { ms, perSecond: BUNDLES / (ms / 1000), ready };
}

function modelFor(edition: string): ExportModel {
  const form = catalog.form(edition, 'institution')!;
  // Every item answered in two rounds with a note: the largest form a facility normally prints.
  const answers = Object.fromEntries(
    form.items.map((item) => [
      item.id,
      [
        { round: 1, value: 'no' as const, date: `${edition}-07-01`, targetDate: `${edition}-12-01`, note: '担当者に確認し、対応を依頼した。' },
        { round: 2, value: 'yes' as const, date: `${edition}-11-20`, targetDate: null, note: '' },
      ],
    ]),
  );
  return {
    form,
    facilityName: 'さくら総合病院',
    vendorName: null,
    fiscalYear: form.fiscalYear,
    answers,
    locale: 'ja',
    printedAt: `${Number(edition) + 1}-03-01`,
  };
}

async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function median(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(run));
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const evaluation = measureEvaluation();
const model = modelFor('2023');
const firstPdf = await timed(() => renderFormPdf(model));
const pdf = await median(() => renderFormPdf(model));
const xlsx = await median(() => renderFormXlsx(model));
const csv = await median(() => renderFormCsv(model));
const pdfBytes = (await renderFormPdf(model)).length;

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rows = [
  [
    'evaluate 10,000 bundles',
    `${fmt(evaluation.ms)} ms total`,
    `${Math.round(evaluation.perSecond).toLocaleString('en-US')} bundles/s`,
    '≥ 20,000 bundles/s',
    evaluation.perSecond >= 20_000 ? 'met' : 'missed',
  ],
  ['PDF, first (loads the font)', `${fmt(firstPdf)} ms`, `${Math.round(pdfBytes / 1024)} KB`, '—', '—'],
  [`PDF, median of ${RUNS}`, `${fmt(pdf)} ms`, '', '< 300 ms', pdf < 300 ? 'met' : 'missed'],
  [`Excel (.xlsx), median of ${RUNS}`, `${fmt(xlsx)} ms`, '', '—', '—'],
  [`CSV, median of ${RUNS}`, `${fmt(csv, 2)} ms`, '', '—', '—'],
];
console.log(rows.map((r) => r.join('  |  ')).join('\n'));

if (!process.argv.includes('--no-record')) {
  const section = [
    HEADING,
    '',
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''} · Node ${process.version}. Load average at start: ${os.loadavg()[0]!.toFixed(2)}.`,
    '',
    `**Method.** In process, no database. Evaluation: ${BUNDLES.toLocaleString('en-US')} generated bundles across the 2023–2025 editions, four facility kinds, with and without vendor forms, いいえ with and without target dates and second rounds; 1,000 warm-up evaluations first (${evaluation.ready.toLocaleString('en-US')} of the bundles came out ready). Output: the 2023 institution form with every item answered in two rounds with a note, rendered ${RUNS} times after a first render that loads the Japanese font.`,
    '',
    '| figure | time | throughput / size | aim | |',
    '|---|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  recordSection(docsFile, section, HEADING);
  console.log(`recorded in ${docsFile}`);
}
