/**
 * Spreadsheet apps run a cell that starts with one of these as a formula (=HYPERLINK… leaks data, =cmd… runs
 * commands), so exported user text gets a leading apostrophe (OWASP "CSV injection"), and the importer
 * drops that apostrophe again, so an exported ledger re-imports unchanged. Besides = + - @ and tab / CR:
 * the full-width signs (Japanese Excel turns a typed ＝ into a formula when someone edits the cell), the
 * small forms, and U+2212 (−), which the Shift_JIS export writes as the full-width minus.
 */
const FORMULA_CHARS = '=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B\\u2212';

const formulaStart = new RegExp(`^[${FORMULA_CHARS}]`);
const formulaGuard = new RegExp(`^'(?=[${FORMULA_CHARS}])`);

/** Whether a spreadsheet would read this cell text as a formula. */
export function startsFormula(text: string): boolean {
  return formulaStart.test(text);
}

/** The text as it is safe to put in an exported cell. */
export function safeCell(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

/** The text of an imported cell without the apostrophe safeCell put before it. */
export function withoutFormulaGuard(text: string): string {
  return text.replace(formulaGuard, '');
}
