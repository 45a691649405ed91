import type { Locale } from './api/common.js';
import { fillMessage } from './messages.js';

/**
 * What is wrong with one field of a request, as a code with parameters: the server sends the code, its
 * parameters and the message in the caller's language (Accept-Language), so scripts read the code and
 * people read their own language.
 */
export const detailMessages = {
  // Text PostgreSQL cannot store.
  unsafe_nul: { ja: '使えない制御文字（NUL）が含まれています', en: 'contains a NUL character' },
  unsafe_lone_surrogate: { ja: '壊れた文字（対になっていないサロゲート）が含まれています', en: 'contains a broken character (an unpaired surrogate)' },
  // Uploads.
  file_required: { ja: 'ファイルを選んでください', en: 'Choose a file' },
  file_too_large: { ja: '{megabytes}MB 以下のファイルにしてください', en: 'Use a file of {megabytes} MB or less' },
  evidence_type: {
    ja: 'PDF・画像(PNG/JPEG/WebP)・Excel・Word・テキスト/CSVのファイルを添付してください',
    en: 'Attach a PDF, an image (PNG/JPEG/WebP), an Excel or Word file, or text/CSV',
  },
  // Ledgers.
  mapping_malformed: { ja: '列の対応付けの形式が正しくありません', en: 'The column mapping is not in the expected form' },
  mapping_unknown_field: { ja: '列の対応付けに知らない項目があります', en: 'The column mapping names a field that does not exist' },
  ledger_changed_meanwhile: {
    ja: '途中で他の人が利用者ID台帳を変更しました。もう一度お試しください。',
    en: 'Someone changed the account ledger meanwhile. Please try again.',
  },
  ledger_changed_during_import: {
    ja: '取り込みの途中で他の人が台帳を変更しました。もう一度プレビューしてから取り込んでください。',
    en: 'Someone changed the ledger during the import. Preview the file again, then import it.',
  },
  review_duplicate_account: { ja: '同じ利用者IDが2回含まれています', en: 'The same account appears twice' },
  review_unknown_account: {
    ja: 'この利用者IDは台帳にありません（削除されたか、別の施設のものです）',
    en: "This account is not in the ledger (it was deleted, or it is another facility's)",
  },
  // Checklists and answers.
  edition_missing: { ja: '{fiscalYear}年度のチェックリストはまだ登録されていません', en: 'There is no checklist for FY{fiscalYear} yet' },
  assessment_exists: { ja: 'この年度のチェックリストはすでにあります', en: 'This fiscal year already has a checklist' },
  single_round_item: { ja: 'この項目は1回目のみ記入します', en: 'This item has only a first check' },
  not_applicable_not_allowed: {
    ja: '「該当なし」はサーバ・端末PC・ネットワーク機器の行だけで選べます',
    en: '"Not applicable" is only for the server, terminal PC and network device rows',
  },
  previous_round_first: { ja: '{round}回目を先に記入してください', en: 'Fill in check {round} first' },
  later_round_first: { ja: '後の回の記入を先に削除してください', en: 'Delete the later checks first' },
  vendor_form_edition_missing: { ja: '{edition}年度版に事業者確認用の様式がありません', en: 'The {edition} edition has no vendor form' },
  vendor_item_unknown: { ja: '事業者確認用に {item} という項目はありません', en: 'The vendor form has no item {item}' },
  vendor_assessment_exists: { ja: 'この事業者の確認用チェックリストはすでにあります', en: 'This vendor already has a vendor form' },
  target_date_only_for_no: { ja: '目標日は「いいえ」のときだけ入力します', en: 'A target date is only for "no"' },
  // Suggestions from the ledgers.
  finding_institution_only: {
    ja: '台帳からの提案は医療機関確認用の回答にだけ使えます',
    en: "Suggestions from the ledgers are only for the institution form's answers",
  },
  finding_missing: { ja: 'この項目には台帳からの提案がありません', en: 'This item has no suggestion from the ledgers' },
  finding_undetermined: {
    ja: '台帳の記録が足りないため、まだ提案がありません。理由に書かれたものを台帳に記録してください',
    en: 'The ledgers do not hold enough to suggest an answer yet. Record what the reason names in the ledgers',
  },
  finding_already_answered: { ja: 'すでに提案と同じ回答が記入されています', en: 'The answer already matches the suggestion' },
  target_date_required: { ja: '「いいえ」には目標日が必要です', en: '"No" needs a target date' },
  // Vendors and contracts.
  prime_contract_cycle: {
    ja: '元請の契約に、この契約自身やその下請けは選べません',
    en: 'A contract cannot have itself or one of its subcontracts as its prime contract',
  },
  prime_contract_missing: { ja: '元請の契約が見つかりません', en: 'The prime contract was not found' },
  vendor_not_contracted: {
    ja: 'この施設の契約先ではない事業者です。事業者名を入力して登録してください',
    en: "This vendor has no contract with this facility. Enter the vendor's name to register it",
  },
  vendor_name_required: { ja: '事業者名を入力してください', en: "Enter the vendor's name" },
  system_not_in_contract: { ja: '「{system}」はこの契約のシステムにありません', en: '"{system}" is not one of this contract\'s systems' },
  request_email_required: { ja: '依頼先のメールアドレスを入力してください', en: 'Enter the e-mail address to send the request to' },
  request_email_missing_on_contract: {
    ja: '依頼先のメールアドレスを入力してください（契約の担当者メールアドレスが未登録です）',
    en: 'Enter the e-mail address to send the request to (the contract has no contact address)',
  },
  own_form_missing_for_year: {
    ja: '{fiscalYear}年度のチェックリスト（医療機関確認用）を先に作成してください',
    en: 'Create the FY{fiscalYear} institution checklist first',
  },
  request_exists: {
    ja: 'この契約のこの年度の依頼はすでにあります。再送する場合は「依頼メールを再送」を使ってください',
    en: 'This contract already has a request for this year. To send it again, use "Resend"',
  },
  role_sharing_area_unknown: { ja: '「{area}」という区分はありません', en: 'There is no area "{area}"' },
  role_sharing_area_twice: { ja: '「{area}」が2回あります', en: '"{area}" appears twice' },
  // A vendor form that cannot be submitted yet: one detail per blocking problem of an item.
  item_unanswered: { ja: '{item}: 回答がありません', en: '{item}: not answered' },
  item_missing_date: { ja: '{item}: 日付がありません', en: '{item}: no date' },
  item_missing_target_date: { ja: '{item}: 「いいえ」の目標日がありません', en: '{item}: "no" without a target date' },
  item_target_outside_fiscal_year: { ja: '{item}: 目標日が年度の外です', en: '{item}: the target date is outside the fiscal year' },
  item_round_date_order: { ja: '{item}: 回の日付の順序が逆です', en: '{item}: the checks are dated in the wrong order' },
  item_date_in_future: { ja: '{item}: 日付が未来です', en: '{item}: the date is in the future' },
  item_problem: { ja: '{item}: {problem}', en: '{item}: {problem}' },
  // The contact chart (validateChart).
  chart_entry_repeated: { ja: '連絡先「{name}」が{count}回あります', en: 'The contact "{name}" appears {count} times' },
  chart_entries_share_key: { ja: '連絡先「{names}」が同じ識別キー（{key}）になっています', en: 'The contacts "{names}" have the same key ({key})' },
  chart_caller_missing: { ja: '「{to}」へ連絡する人（{key}）が連絡先にありません', en: 'The person who calls "{to}" ({key}) is not among the contacts' },
  chart_callee_missing: { ja: '「{from}」から連絡する相手（{key}）が連絡先にありません', en: 'The person "{from}" calls ({key}) is not among the contacts' },
  chart_self_edge: { ja: '「{name}」から「{name}」自身へ連絡する線になっています', en: 'A line goes from "{name}" to "{name}" itself' },
  chart_edge_repeated: { ja: '「{from}」から「{to}」への連絡が{count}回あります', en: 'The call from "{from}" to "{to}" appears {count} times' },
  // Ledger rules with their own wording (duplicates).
  asset_number_taken: { ja: 'この管理番号はすでに台帳にあります', en: 'This management number is already in the ledger' },
  account_taken: { ja: 'このシステムのこのユーザIDはすでに台帳にあります', en: 'This user ID of this system is already in the ledger' },
  // Incidents.
  contact_not_on_chart: { ja: '連絡先が連絡体制図にありません', en: 'This contact is not on the contact chart' },
  incident_text_required: { ja: '何をしたかを書いてください', en: 'Write what was done' },
  // Facilities, invitations, sign-up.
  bed_count_required: { ja: '病院は病床数が必要です', en: 'A hospital needs its number of beds' },
  bed_count_not_allowed: { ja: '病院以外は病床数を入力できません', en: 'Only a hospital has a number of beds' },
  facility_twice: { ja: '同じ施設が複数回指定されています', en: 'The same facility is given more than once' },
  role_required: { ja: '施設の役割か法人管理者のどちらかを指定してください', en: 'Give a facility role or the organization administrator role' },
  facility_outside_organization: { ja: 'この法人に属さない施設が含まれています', en: 'A facility does not belong to this organization' },
  name_required: { ja: '氏名を入力してください', en: 'Enter your name' },
  password_required: { ja: 'パスワードを入力してください', en: 'Enter a password' },
  email_taken: {
    ja: 'このメールアドレスはすでに別のアカウントで使われています。別のメールアドレスを入力してください',
    en: 'This email address is already used by another account. Enter a different one',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type DetailCode = keyof typeof detailMessages;
export type DetailParams = Record<string, string | number>;

export function detailMessage(code: DetailCode, locale: Locale, params: DetailParams = {}): string {
  return fillMessage(detailMessages[code][locale], params);
}
