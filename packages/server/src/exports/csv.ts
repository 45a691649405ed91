import { stringify } from 'csv-stringify/sync';
import type { ExportModel } from './model.js';
import { safeCell } from '@mamori/domain';

const columns = ['id', 'label', 'scope', 'text', 'round', 'value', 'date', 'targetDate', 'note'] as const;

/**
 * One line per item and round (an unanswered item gets one line with the round empty), for people who
 * sort and filter in Excel: UTF-8 with a BOM so Excel reads the Japanese, CRLF and RFC 4180 quoting.
 */
export function renderFormCsv(model: ExportModel): string {
  const gateFirst = [...model.form.items].sort((a, b) => Number(b.flags.gate) - Number(a.flags.gate));
  const records = gateFirst.flatMap((item) => {
    const base = [item.id, item.label, item.scope, item.text[model.locale]];
    const rounds = [...(model.answers[item.id] ?? [])].sort((a, b) => a.round - b.round);
    if (rounds.length === 0) return [[...base, '', '', '', '', '']];
    return rounds.map((r) => [...base, String(r.round), r.value, r.date ?? '', r.targetDate ?? '', r.note]);
  });
  return stringify(
    records.map((record) => record.map(safeCell)),
    { bom: true, header: true, columns: [...columns], record_delimiter: '\r\n' },
  );
}
