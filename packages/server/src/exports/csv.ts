import { stringify } from 'csv-stringify/sync';
import { formForFiscalYear, safeCell, type AnswerValue, type DeviceScope } from '@mamori/domain';
import type { ExportLocale, ExportModel } from './model.js';

/** Headings and words of the CSV in the reader's language; dates as 2024/05/13 in Japanese, which Excel reads as dates. */
const words = {
  ja: {
    columns: ['項目ID', '番号', '対象', 'チェック項目', '回', '回答', '確認日', '目標日', '備考'],
    scope: { general: '医療情報システム全般', server: 'サーバ', terminal: '端末PC', network: 'ネットワーク機器' },
    answer: { yes: 'はい', no: 'いいえ', not_applicable: '該当なし' },
    date: (iso: string) => iso.replaceAll('-', '/'),
  },
  en: {
    columns: ['id', 'label', 'scope', 'text', 'round', 'value', 'date', 'targetDate', 'note'],
    scope: { general: 'general', server: 'server', terminal: 'terminal', network: 'network' },
    answer: { yes: 'yes', no: 'no', not_applicable: 'not applicable' },
    date: (iso: string) => iso,
  },
} satisfies Record<ExportLocale, { columns: string[]; scope: Record<DeviceScope, string>; answer: Record<AnswerValue, string>; date: (iso: string) => string }>;

/**
 * One line per item and round (an unanswered item gets one line with the round empty), for people who
 * sort and filter in Excel: UTF-8 with a BOM so Excel reads the Japanese, CRLF and RFC 4180 quoting.
 */
export function renderFormCsv(model: ExportModel): string {
  const w = words[model.locale];
  const form = formForFiscalYear(model.form, model.fiscalYear);
  const gateFirst = [...form.items].sort((a, b) => Number(b.flags.gate) - Number(a.flags.gate));
  const records = gateFirst.flatMap((item) => {
    const base = [item.id, item.label, w.scope[item.scope], item.text[model.locale]];
    const rounds = [...(model.answers[item.id] ?? [])].sort((a, b) => a.round - b.round);
    if (rounds.length === 0) return [[...base, '', '', '', '', '']];
    return rounds.map((r) => [...base, String(r.round), w.answer[r.value], r.date ? w.date(r.date) : '', r.targetDate ? w.date(r.targetDate) : '', r.note]);
  });
  return stringify(
    [w.columns, ...records].map((record) => record.map(safeCell)),
    { bom: true, record_delimiter: '\r\n' },
  );
}
