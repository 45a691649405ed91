// Formats the results for the terminal and records them in docs/benchmarks.md, replacing only this
// benchmark's own section so the file can hold the figures of other issues too.
import fs from 'node:fs';

export interface Measured {
  target: string;
  requestsPerSecond: number;
  totalRequests: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number;
  ratio: number | null;
}

export interface Aim {
  ratio: number;
  p99Ms: number;
  connections: number;
  cores: number;
}

export interface Verdict {
  evaluated: boolean;
  met: boolean;
  text: string;
}

export const SECTION_HEADING = '## Issue 2 — authenticated facility list vs bare Fastify';

const FILE_HEADER = `# Benchmarks

Figures recorded by \`npm run bench\` (code in \`packages/server/bench/\`). Each issue that sets a
performance aim has its own section below; a run rewrites only its own section, so re-run the
benchmark rather than editing the figures by hand.
`;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => (n < 10 ? fmt(n, 1) : fmt(n));
/** Two decimals, three below 0.1 so a small ratio doesn't read as zero. */
export const formatRatio = (r: number | null) => (r === null ? '—' : fmt(r, r < 0.1 ? 3 : 2));

export function verdict(postgres: Measured | undefined, aim: Aim, cores: number, postgresSkipped: string | null): Verdict {
  if (!postgres || postgres.ratio === null) {
    return { evaluated: false, met: false, text: `not evaluated: PostgreSQL was not measured${postgresSkipped ? ` (${postgresSkipped})` : ''}` };
  }
  const ratioOk = postgres.ratio >= aim.ratio;
  const p99Ok = postgres.p99 < aim.p99Ms;
  const parts = [
    `ratio ${formatRatio(postgres.ratio)} ${ratioOk ? '≥' : '<'} ${aim.ratio} (${ratioOk ? 'met' : 'missed'})`,
    `p99 ${ms(postgres.p99)} ms ${p99Ok ? '<' : '≥'} ${aim.p99Ms} ms (${p99Ok ? 'met' : 'missed'})`,
  ];
  const caveat = cores === aim.cores ? '' : `; note: this machine has ${cores} cores, the aim is stated for ${aim.cores}`;
  const met = ratioOk && p99Ok;
  return { evaluated: true, met, text: `${met ? 'MET' : 'NOT MET'} on PostgreSQL — ${parts.join(', ')}${caveat}` };
}

export function terminalTable(rows: Measured[]): string {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors (timeouts)', 'non-2xx', 'ratio'];
  const body = rows.map((r) => [
    r.target,
    fmt(r.requestsPerSecond),
    ms(r.p50),
    ms(r.p99),
    `${r.errors} (${r.timeouts})`,
    String(r.non2xx),
    formatRatio(r.ratio),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export interface SectionInput {
  date: string;
  machine: string;
  method: string[];
  rows: Measured[];
  aimText: string;
  verdict: Verdict;
  notes: string[];
}

export function renderSection(input: SectionInput): string {
  const table = [
    '| Target | Requests/s | p50 (ms) | p99 (ms) | Errors (timeouts) / non-2xx | Bytes/response | Ratio to hello |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...input.rows.map(
      (r) =>
        `| ${r.target} | ${fmt(r.requestsPerSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} (${r.timeouts}) / ${r.non2xx} | ${fmt(r.bytesPerResponse)} | ${formatRatio(r.ratio)} |`,
    ),
  ];
  return [
    SECTION_HEADING,
    '',
    `Last run: ${input.date}. Machine: ${input.machine}.`,
    '',
    '**Method.**',
    '',
    ...input.method.map((m) => `- ${m}`),
    '',
    ...table,
    '',
    `**Aim** (${input.aimText}): ${input.verdict.text}.`,
    ...(input.notes.length ? ['', ...input.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}

/** Writes the section into the file, replacing the previous run's section and keeping the rest. */
export function recordSection(file: string, section: string, heading: string = SECTION_HEADING): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : FILE_HEADER;
  const lines = existing.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  let next: string;
  if (start < 0) {
    next = `${existing.trimEnd()}\n\n${section}`;
  } else {
    const after = lines.findIndex((l, i) => i > start && /^## /.test(l));
    const before = lines.slice(0, start).join('\n').trimEnd();
    const rest = after < 0 ? '' : lines.slice(after).join('\n').trimEnd();
    next = `${before ? `${before}\n\n` : ''}${section}${rest ? `\n${rest}\n` : ''}`;
  }
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}
