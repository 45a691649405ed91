/**
 * Why a cell, a heading or a file could not be read, and the words shown for it. Japanese is the default;
 * the texts avoid jargon (the reader may be a dentist keeping the ledger on the side).
 */

export type ImportLocale = 'ja' | 'en';
export interface Label {
  ja: string;
  en: string;
}

export type ImportReason =
  | { code: 'date_format' }
  | { code: 'date_month_only' }
  | { code: 'date_impossible'; year: number; month: number; day: number }
  | { code: 'date_impossible_era'; era: string; eraYear: number; month: number; day: number }
  | { code: 'date_before_era'; era: string; start: string }
  | { code: 'date_year_range'; year: number }
  | { code: 'date_serial_range' }
  | { code: 'text_too_long'; max: number; length: number }
  | { code: 'ip_invalid'; value: string }
  | { code: 'boolean_unknown'; value: string }
  | { code: 'enum_unknown'; value: string; choices: Label[] }
  | { code: 'restriction_unknown'; value: string }
  | { code: 'required'; label: Label }
  | { code: 'duplicate_link'; label: Label; value: string; system: string | null; firstRow: number }
  | { code: 'duplicate_heading'; label: Label; columns: string[] }
  | { code: 'mapping_unknown_field'; heading: string; field: string }
  | { code: 'no_known_headings'; found: string[] }
  | { code: 'link_column_missing'; label: Label }
  | { code: 'no_rows' }
  | { code: 'too_many_problems'; more: number };

export type ImportReasonCode = ImportReason['code'];

/**
 * Cell text echoed in a problem is cut to this many characters (and "…"): a file can hold a 24 MB cell,
 * and a problem list must stay small enough to send and read.
 */
export const ECHO_MAX_CHARS = 100;

export function clipEcho(text: string): string {
  if (text.length <= ECHO_MAX_CHARS) return text;
  // Never cut between the two halves of a surrogate pair (the JSON would carry a broken character).
  const end = /[\uD800-\uDBFF]/.test(text[ECHO_MAX_CHARS - 1]!) ? ECHO_MAX_CHARS - 1 : ECHO_MAX_CHARS;
  return `${text.slice(0, end)}…`;
}

const eraEn: Record<string, string> = { 令和: 'Reiwa', 平成: 'Heisei', 昭和: 'Showa', 大正: 'Taisho', 明治: 'Meiji' };

function quoteList(items: readonly string[], locale: ImportLocale, max = 20): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (locale === 'ja') return shown.map((s) => `「${clipEcho(s)}」`).join('、') + (more > 0 ? ` ほか ${more} 件` : '');
  return shown.map((s) => `"${clipEcho(s)}"`).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function eraYearJa(n: number): string {
  return n === 1 ? '元' : String(n);
}

/** The text for one reason in the caller's language. */
export function importReasonText(reason: ImportReason, locale: ImportLocale = 'ja'): string {
  const ja = locale === 'ja';
  switch (reason.code) {
    case 'date_format':
      return ja ? '日付として読めません。2024/4/1 や 令和6年4月1日 のように入力してください' : 'This is not a date. Write it like 2024/4/1 or 2024-04-01';
    case 'date_month_only':
      return ja ? '日付に日がありません。2025/10/14 のように日まで入力してください' : 'The date has no day. Write the full date, like 2025/10/14';
    case 'date_impossible':
      return ja
        ? `存在しない日付です（${reason.year}年${reason.month}月${reason.day}日）`
        : `This date does not exist (${reason.year}-${reason.month}-${reason.day})`;
    case 'date_impossible_era':
      return ja
        ? `存在しない日付です（${reason.era}${eraYearJa(reason.eraYear)}年${reason.month}月${reason.day}日）`
        : `This date does not exist (${eraEn[reason.era] ?? reason.era} ${reason.eraYear}, month ${reason.month}, day ${reason.day})`;
    case 'date_before_era': {
      const [y, m, d] = reason.start.split('-').map(Number);
      return ja
        ? `${reason.era}は${y}年${m}月${d}日からです。それより前の日付は前の元号で入力してください`
        : `The ${eraEn[reason.era] ?? reason.era} era began on ${reason.start}; earlier dates belong to the previous era`;
    }
    case 'date_year_range':
      return ja ? `年が正しくありません（${reason.year}年）` : `The year looks wrong (${reason.year})`;
    case 'date_serial_range':
      return ja ? '日付として読めない数値です' : 'This number is not a date';
    case 'text_too_long':
      return ja
        ? `長すぎます（${reason.length}文字）。${reason.max}文字以内にしてください`
        : `Too long (${reason.length} characters); at most ${reason.max} are allowed`;
    case 'ip_invalid':
      return ja
        ? `IPアドレスの形式ではありません（${clipEcho(reason.value)}）。192.168.1.10 のように数字で入力してください`
        : `Not an IP address (${clipEcho(reason.value)}). Write it in digits, like 192.168.1.10`;
    case 'boolean_unknown':
      return ja
        ? `「${clipEcho(reason.value)}」は読めません。「はい」か「いいえ」（または あり／なし）にしてください`
        : `"${clipEcho(reason.value)}" is not understood; use yes or no`;
    case 'enum_unknown':
      return ja
        ? `「${clipEcho(reason.value)}」は使えません。次のどれかにしてください: ${reason.choices.map((c) => c.ja).join('、')}`
        : `"${clipEcho(reason.value)}" is not understood; use one of: ${reason.choices.map((c) => c.en).join(', ')}`;
    case 'restriction_unknown':
      return ja
        ? `「${clipEcho(reason.value)}」は読めません。接続元制限は MAC、IP、地域 を「、」で区切って入力してください（制限がなければ「なし」）`
        : `"${clipEcho(reason.value)}" is not understood; list MAC, IP or region separated by commas (or "none")`;
    case 'required':
      return ja ? `${reason.label.ja}が空です` : `${reason.label.en} is empty`;
    case 'duplicate_link':
      if (reason.system) {
        return ja
          ? `${reason.label.ja}「${clipEcho(reason.value)}」（システム「${clipEcho(reason.system)}」）が ${reason.firstRow} 行目と重複しています`
          : `${reason.label.en} "${clipEcho(reason.value)}" (system "${clipEcho(reason.system)}") is also on row ${reason.firstRow}`;
      }
      return ja
        ? `${reason.label.ja}「${clipEcho(reason.value)}」が ${reason.firstRow} 行目と重複しています`
        : `${reason.label.en} "${clipEcho(reason.value)}" is also on row ${reason.firstRow}`;
    case 'duplicate_heading':
      return ja
        ? reason.columns.length === 2
          ? `${quoteList(reason.columns, locale)} の列がどちらも「${reason.label.ja}」として読まれます。どちらか一方を「取り込まない」にしてください`
          : `${quoteList(reason.columns, locale)} の列がいずれも「${reason.label.ja}」として読まれます。1つを残してほかは「取り込まない」にしてください`
        : `The columns ${quoteList(reason.columns, locale)} are all read as "${reason.label.en}"; set all but one to "ignore"`;
    case 'mapping_unknown_field':
      return ja
        ? `見出し「${clipEcho(reason.heading)}」の対応先「${clipEcho(reason.field)}」はこの台帳にない項目です`
        : `Heading "${clipEcho(reason.heading)}" is mapped to "${clipEcho(reason.field)}", which this ledger does not have`;
    case 'no_known_headings':
      return ja
        ? `見出し行に Mamori が知っている列がありません（見つかった見出し: ${reason.found.length > 0 ? quoteList(reason.found, locale) : 'なし'}）。列の対応付けを指定してください`
        : `The heading row has no column Mamori knows (headings found: ${reason.found.length > 0 ? quoteList(reason.found, locale) : 'none'}). Choose what each column means`;
    case 'link_column_missing':
      return ja
        ? `「${reason.label.ja}」の列がありません。どの列が${reason.label.ja}かを指定してください`
        : `There is no "${reason.label.en}" column; choose which column holds it`;
    case 'no_rows':
      return ja ? 'ファイルに見出しも行もありません' : 'The file has no headings and no rows';
    case 'too_many_problems':
      return ja
        ? `ほかにも ${reason.more} 件の問題があります。上の問題を直してからもう一度取り込んでください`
        : `${reason.more} more problems are not shown; fix the ones above and import again`;
  }
}
