// `node --import tsx packages/server/bench/exports.ts` — time to render one checklist form as PDF, Excel and
// CSV: the first PDF (which loads and parses the 5 MB font) and the median of later ones (the aim: < 300 ms).
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { renderFormCsv, renderFormPdf, renderFormXlsx, type ExportModel } from '../src/exports/index.js';

const RUNS = 20;
const catalog = loadCatalog();

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
  return { form, facilityName: 'さくら総合病院', vendorName: null, fiscalYear: form.fiscalYear, answers, locale: 'ja', printedAt: `${Number(edition) + 1}-03-01` };
}

async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function median(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await time(run));
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

for (const edition of ['2023', '2025']) {
  const model = modelFor(edition);
  const first = edition === '2023' ? await time(() => renderFormPdf(model)) : null;
  const pdf = await median(() => renderFormPdf(model));
  const xlsx = await median(() => renderFormXlsx(model));
  const csv = await median(() => renderFormCsv(model));
  const size = (await renderFormPdf(model)).length;
  console.log(
    `${edition} institution: ${first === null ? '' : `first PDF ${first.toFixed(0)} ms, `}PDF median ${pdf.toFixed(0)} ms (${(size / 1024).toFixed(0)} KiB), XLSX ${xlsx.toFixed(0)} ms, CSV ${csv.toFixed(1)} ms (median of ${RUNS})`,
  );
}
