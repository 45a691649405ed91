export type { ExportModel, ExportRound } from './model.js';
export { renderFormPdf } from './pdf.js';
export { renderFormXlsx } from './xlsx.js';
export { renderFormCsv } from './csv.js';
