/**
 * Spreadsheet apps run a cell that starts with one of these as a formula (=HYPERLINK… leaks data, =cmd… runs
 * commands), so user text gets a leading apostrophe (OWASP "CSV injection"). The full-width signs are there
 * because Japanese Excel turns a typed ＝ into a formula when someone edits the cell.
 */
const formulaStart = /^[=+\-@\t\r＝＋－＠]/;

export function safeCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
