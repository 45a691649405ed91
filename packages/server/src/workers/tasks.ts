import { readLedgerRows, type HeaderMapping, type ImportEncoding, type LedgerKind, type Locale, type ReadLedgerRowsResult } from '@mamori/domain';
import { renderBcpDocx } from '../bcp/template-docx.js';
import { renderBcpPdf } from '../bcp/template-pdf.js';
import { renderContactChartPdf } from '../contact-chart/chart-pdf.js';
import { renderFormCsv, renderFormPdf, renderFormXlsx, type ExportModel } from '../exports/index.js';
import { renderInspectionReportPdf } from '../exports/inspection-report-pdf.js';
import { renderLedger } from '../ledgers/export.js';
import { readSpreadsheet } from '../ledgers/read-file.js';
import { SpreadsheetError, type SpreadsheetErrorCode } from '../ledgers/spreadsheet-error.js';
import { renderRoleSharingPdf } from '../vendors/role-sharing-pdf.js';
import { renderRoleSharingXlsx } from '../vendors/role-sharing-xlsx.js';

export interface ReadLedgerInput {
  ledger: LedgerKind;
  content: Uint8Array;
  chosen?: HeaderMapping;
  saved: HeaderMapping;
  locale: Locale;
}

/** A thrown class does not cross a thread: an unreadable file comes back as data. */
export type ReadLedgerOutcome =
  | { ok: true; encoding: ImportEncoding; read: ReadLedgerRowsResult<Record<string, unknown>> }
  | { ok: false; code: SpreadsheetErrorCode; reason: string; reasonEn: string };

/** The file read and every row checked: the CPU-heavy half of an import (the other half needs the database). */
async function readLedger(input: ReadLedgerInput): Promise<ReadLedgerOutcome> {
  const content = Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength);
  try {
    const sheet = await readSpreadsheet(content);
    const read = readLedgerRows({ ledger: input.ledger, rows: sheet.rows, chosen: input.chosen, saved: input.saved, locale: input.locale });
    return { ok: true, encoding: sheet.encoding, read: read as ReadLedgerRowsResult<Record<string, unknown>> };
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    return { ok: false, code: error.code, reason: error.reason, reasonEn: error.reasonEn };
  }
}

/**
 * Everything that takes long enough on the CPU to stall other requests (PDF, Excel, Word and large CSV
 * rendering, reading spreadsheets), run on the worker pool (pool.ts). Inputs and outputs are plain data.
 */
export const tasks = {
  readLedger,
  renderLedger,
  renderFormPdf,
  renderFormXlsx,
  renderFormCsv: async (model: ExportModel) => Buffer.from(renderFormCsv(model), 'utf8'),
  renderInspectionReportPdf,
  renderContactChartPdf,
  renderBcpPdf,
  renderBcpDocx,
  renderRoleSharingPdf,
  renderRoleSharingXlsx,
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;

/** What the worker receives: a task by name and its arguments. */
export interface TaskMessage<K extends TaskName = TaskName> {
  name: K;
  args: Parameters<Tasks[K]>;
}

export function runTask({ name, args }: TaskMessage): ReturnType<Tasks[TaskName]> {
  return (tasks[name] as (...a: unknown[]) => ReturnType<Tasks[TaskName]>)(...args);
}
