/**
 * Why an uploaded ledger file cannot be read, in words for the person who uploaded it, and how much one
 * file may hold.
 */

export type SpreadsheetErrorCode = 'empty' | 'xls' | 'utf16' | 'encoding' | 'not_spreadsheet' | 'csv_syntax' | TooLargeCode;
/** The file is readable but beyond what one import may hold: the request is refused (413), not previewed. */
export type TooLargeCode = 'too_large_inflated' | 'too_many_rows' | 'too_many_cells';

/**
 * What one ledger file may hold. A real 50,000-row ledger with every column is about 1.7 million cells and
 * 50 MB of sheet XML, and takes about 750 MB to read with exceljs; a file a thousand times smaller than
 * what it inflates to (a "zip bomb") must be refused before it is inflated, not after.
 */
export const SPREADSHEET_LIMITS = {
  /** Everything in an .xlsx once inflated. */
  inflatedBytes: 100 * 1024 * 1024,
  /** Files inside an .xlsx (a workbook has about 15). */
  entries: 10_000,
  rows: 100_000,
  cells: 2_000_000,
} as const;

/** The file cannot be read at all; `reason` (Japanese) and `reasonEn` tell the user what to do. */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: SpreadsheetErrorCode,
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
    this.name = 'SpreadsheetError';
  }
}

export function isTooLarge(code: SpreadsheetErrorCode): code is TooLargeCode {
  return code === 'too_large_inflated' || code === 'too_many_rows' || code === 'too_many_cells';
}

const count = (n: number) => n.toLocaleString('en-US');

const SAVE_AS_JA = 'Excel で「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」で保存し直してください';
const SAVE_AS_EN = 'In Excel, save it again as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)"';

export const spreadsheetErrors = {
  empty: () => new SpreadsheetError('empty', 'ファイルが空です', 'The file is empty'),
  xls: () =>
    new SpreadsheetError(
      'xls',
      '古い形式の Excel ファイル（.xls）か、パスワード付きのファイルは読めません。パスワードを外し、Excel で「Excel ブック（.xlsx）」か「CSV UTF-8（コンマ区切り）」で保存し直してください',
      'Old Excel files (.xls) and password-protected files cannot be read. Remove the password and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited)"',
    ),
  utf16: () =>
    new SpreadsheetError(
      'utf16',
      `「Unicode テキスト」（UTF-16）の形式は読めません。${SAVE_AS_JA}`,
      `"Unicode Text" (UTF-16) files cannot be read. ${SAVE_AS_EN}`,
    ),
  encoding: () => new SpreadsheetError('encoding', `文字コードを判別できません。${SAVE_AS_JA}`, `The character encoding cannot be recognised. ${SAVE_AS_EN}`),
  notSpreadsheet: () =>
    new SpreadsheetError(
      'not_spreadsheet',
      'Excel ファイルとして読めません。Excel で開けるか確かめ、「Excel ブック（.xlsx）」か「CSV UTF-8（コンマ区切り）」で保存し直してください',
      'The file cannot be read as an Excel workbook. Check that Excel opens it, then save it as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited)"',
    ),
  csvSyntax: (line: number) =>
    new SpreadsheetError(
      'csv_syntax',
      `CSV の ${line} 行目を読めません。引用符（"）が閉じているか確かめるか、Excel で開いて保存し直してください`,
      `The CSV cannot be read at line ${line}. Check that every quote (") is closed, or open it in Excel and save it again`,
    ),
  tooLargeInflated: () =>
    new SpreadsheetError(
      'too_large_inflated',
      `ファイルの中身が大きすぎます（展開後の上限 ${SPREADSHEET_LIMITS.inflatedBytes / 1024 / 1024}MB）。不要なシートや画像を削除するか、台帳を分けてから取り込んでください`,
      `The file holds too much once unpacked (at most ${SPREADSHEET_LIMITS.inflatedBytes / 1024 / 1024} MB). Remove unneeded sheets or pictures, or split the ledger`,
    ),
  tooManyRows: () =>
    new SpreadsheetError(
      'too_many_rows',
      `行が多すぎます（上限 ${count(SPREADSHEET_LIMITS.rows)} 行）。台帳を分けてから取り込んでください`,
      `Too many rows (at most ${count(SPREADSHEET_LIMITS.rows)}). Split the ledger and import the parts`,
    ),
  tooManyCells: () =>
    new SpreadsheetError(
      'too_many_cells',
      `セルが多すぎます（ファイル全体で上限 ${count(SPREADSHEET_LIMITS.cells)} セル）。不要な列やシートを削除するか、台帳を分けてから取り込んでください`,
      `Too many cells (at most ${count(SPREADSHEET_LIMITS.cells)} in the whole file). Remove unneeded columns or sheets, or split the ledger`,
    ),
};
