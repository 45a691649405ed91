// Issue 14's section of the benchmark record: Mamori's facility list against the same work written plainly,
// in alternating rounds, and PGlite with ten users of one clinic.
import { formatRatio, type Measured } from './report.js';

export const PIPELINE_HEADING = '## Issue 14 — request pipeline vs the same work written plainly';

export interface PipelineAim {
  /** Mamori's requests/s ÷ the plain server's, at least. */
  ratio: number;
  /** Mamori's p99 ÷ the plain server's, at most. */
  p99Factor: number;
  /** PGlite p99 with ten users of one clinic, below. */
  clinicP99Ms: number;
}

export interface PipelineVerdict {
  aimText: string;
  text: string;
  ratio: number | null;
  p99Factor: number | null;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => (n < 10 ? fmt(n, 1) : fmt(n));

export function pipelineVerdict(postgres: Measured | undefined, plain: Measured | undefined, clinic: Measured, aim: PipelineAim): PipelineVerdict {
  const aimText = `requests/s ≥ ${aim.ratio} × the plain server's and p99 ≤ ${aim.p99Factor} × its p99 on PostgreSQL; PGlite p99 < ${aim.clinicP99Ms} ms with ten users of one clinic`;
  const clinicOk = clinic.p99 < aim.clinicP99Ms;
  const clinicText = `PGlite p99 ${ms(clinic.p99)} ms ${clinicOk ? '<' : '≥'} ${aim.clinicP99Ms} ms (${clinicOk ? 'met' : 'missed'})`;
  if (!postgres || !plain) return { aimText, text: `not evaluated on PostgreSQL (not measured); ${clinicText}`, ratio: null, p99Factor: null };
  const ratio = postgres.requestsPerSecond / plain.requestsPerSecond;
  const p99Factor = postgres.p99 / plain.p99;
  const ratioOk = ratio >= aim.ratio;
  const p99Ok = p99Factor <= aim.p99Factor;
  const met = ratioOk && p99Ok && clinicOk;
  const parts = [
    `ratio ${formatRatio(ratio)} ${ratioOk ? '≥' : '<'} ${aim.ratio} (${ratioOk ? 'met' : 'missed'})`,
    `p99 ${ms(postgres.p99)} ms = ${fmt(p99Factor, 2)} × the plain server's ${ms(plain.p99)} ms (${p99Ok ? 'met' : 'missed'})`,
    clinicText,
  ];
  return { aimText, text: `${met ? 'MET' : 'NOT MET'} — ${parts.join(', ')}`, ratio, p99Factor };
}

export interface PipelineSectionInput {
  date: string;
  machine: string;
  method: string[];
  rounds: Measured[];
  plain: Measured | undefined;
  postgres: Measured | undefined;
  pgliteClinic: Measured;
  verdict: PipelineVerdict;
  notes: string[];
}

function row(r: Measured, ratio: number | null): string {
  return `| ${r.target} | ${fmt(r.requestsPerSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} (${r.timeouts}) / ${r.non2xx} | ${formatRatio(ratio)} |`;
}

export function renderPipelineSection(input: PipelineSectionInput): string {
  const table = ['| Run | Requests/s | p50 (ms) | p99 (ms) | Errors (timeouts) / non-2xx | Ratio to plain |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of input.rounds) table.push(row(r, r.ratio));
  if (input.plain && input.postgres) {
    table.push(row({ ...input.plain, target: `**all rounds: ${input.plain.target}**` }, 1));
    table.push(row({ ...input.postgres, target: `**all rounds: ${input.postgres.target}**` }, input.verdict.ratio));
  }
  table.push(row(input.pgliteClinic, null));
  return [
    PIPELINE_HEADING,
    '',
    `Last run: ${input.date}. Machine: ${input.machine}.`,
    '',
    '**Method.**',
    '',
    ...input.method.map((m) => `- ${m}`),
    '- "All rounds": requests/s is the mean of the rounds, p50 and p99 the worst round\'s.',
    '',
    ...table,
    '',
    `**Aim** (${input.verdict.aimText}): ${input.verdict.text}.`,
    ...(input.notes.length ? ['', ...input.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}
