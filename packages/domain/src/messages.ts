import type { Locale } from './api/common.js';

/** API error codes and their user-facing messages. The web app shows these as they come. */
export const errorMessages = {
  validation_error: { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' },
  malformed_json: { ja: '送信データ(JSON)の形式が正しくありません。', en: 'The request body is not valid JSON.' },
  payload_too_large: { ja: '送信データが大きすぎます。', en: 'The request is too large.' },
  unsupported_media_type: { ja: 'この形式のデータは受け付けられません。', en: 'This content type is not accepted.' },
  unauthorized: { ja: 'ログインしてください。', en: 'Please sign in.' },
  session_expired: { ja: 'ログインの有効期限が切れました。もう一度ログインしてください。', en: 'Your session has expired. Please sign in again.' },
  invalid_credentials: { ja: 'メールアドレスまたはパスワードが正しくありません。', en: 'The email address or password is incorrect.' },
  totp_required: { ja: '認証アプリの6桁のコードを入力してください。', en: 'Enter the 6-digit code from your authenticator app.' },
  totp_invalid: {
    ja: '認証コードが正しくありません。時刻がずれていないか確認し、新しいコードを入力してください。',
    en: 'The authentication code is not correct. Check the clock and enter a fresh code.',
  },
  account_locked: {
    ja: 'ログインに続けて失敗したため、このメールアドレスでのログインは一時的にロックされています。{minutes}分後にもう一度お試しください。',
    en: 'Too many failed sign-ins: signing in with this email address is locked. Try again in {minutes} minutes.',
  },
  account_disabled: {
    ja: 'このアカウントは無効になっているため、ログインできません。引き続き利用する必要がある場合は、システム管理者に連絡してください。',
    en: 'This account has been disabled, so it cannot sign in. If you still need it, contact the system administrator.',
  },
  too_many_attempts: {
    ja: 'ログインの試行回数が多すぎます。しばらく待ってからお試しください。',
    en: 'Too many sign-in attempts. Please wait a while and try again.',
  },
  csrf_failed: { ja: '画面の有効期限が切れました。ページを再読み込みしてからやり直してください。', en: 'This page has expired. Reload it and try again.' },
  forbidden: { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  not_found: { ja: '見つかりません。', en: 'Not found.' },
  version_conflict: {
    ja: '他の人が先に更新しました。最新の内容を読み込み直してから、もう一度変更してください。',
    en: 'Someone else changed this first. Reload the latest version and make your change again.',
  },
  conflict: { ja: '同じ内容がすでに登録されています。', en: 'This already exists.' },
  setup_done: { ja: '初期設定はすでに完了しています。', en: 'Setup has already been completed.' },
  password_change_required: { ja: 'パスワードを変更してから操作を続けてください。', en: 'Change your password before continuing.' },
  totp_enrollment_required: {
    ja: 'この法人では二要素認証が必須です。認証アプリを登録してください。',
    en: 'Your organization requires two-factor authentication. Set up an authenticator app.',
  },
  session_required: {
    ja: 'この操作(APIトークンの作成、パスワードや二要素認証の変更)はAPIトークンではできません。ブラウザでログインして行ってください。',
    en: 'This (creating API tokens, changing the password or two-factor authentication) cannot be done with an API token. Sign in with a browser to do it.',
  },
  wrong_password: { ja: '現在のパスワードが正しくありません。', en: 'The current password is incorrect.' },
  unsubscribe_invalid: {
    ja: 'この配信停止のリンクは正しくありません。ログインして、アカウントのページの「お知らせの設定」から変更してください。',
    en: 'This unsubscribe link is not valid. Sign in and change it under "Notification settings" on your account page.',
  },
  invitation_invalid: {
    ja: 'この招待リンクは無効か、有効期限が切れています。招待した方に再送を依頼してください。',
    en: 'This invitation link is invalid or has expired. Ask for a new one.',
  },
  invitation_wrong_user: {
    ja: 'この招待は別のメールアドレス宛てです。招待されたアカウントでログインしてください。',
    en: 'This invitation is for another email address. Sign in with the invited account.',
  },
  bed_count_required: { ja: '病院は病床数を入力してください。', en: 'Enter the bed count for a hospital.' },
  bed_count_not_allowed: { ja: '病床数は病院のみ入力できます。', en: 'Only hospitals have a bed count.' },
  last_manager: {
    ja: '最後の安全管理責任者は外せません。先に別の方を安全管理責任者にしてください。',
    en: 'The last security manager cannot be removed. Appoint another one first.',
  },
  vendor_form_locked: {
    ja: 'この事業者確認用チェックリストは提出済みです。医療機関から質問があると再び記入できます。',
    en: 'This vendor form has been submitted. It opens again when the facility asks a question.',
  },
  vendor_form_not_submitted: {
    ja: '事業者がまだ提出していないため、確認済みにできません。',
    en: 'The vendor has not submitted this form yet, so it cannot be accepted.',
  },
  vendor_form_already_accepted: { ja: 'この事業者確認用チェックリストはすでに確認済みです。', en: 'This vendor form has already been accepted.' },
  vendor_form_incomplete: {
    ja: '記入が終わっていない項目があります。すべての必須項目に回答と日付を入れてから提出してください。',
    en: 'Some items are not complete. Answer every required item with a date before submitting.',
  },
  vendor_answers_by_vendor: {
    ja: '事業者への依頼で作成したチェックリストは、事業者が記入します。',
    en: 'A form requested from the vendor is filled in by the vendor.',
  },
  vendor_has_members: {
    ja: 'この事業者にはすでに担当者が登録されています。登録済みの担当者のアカウントでログインしてから開いてください。',
    en: 'This vendor already has registered users. Sign in with a registered user of the vendor and open the link again.',
  },
  vendor_invitation_own_facility: {
    ja: 'この医療機関(法人)の職員のアカウントでは、この医療機関の事業者として登録できません。依頼は事業者の担当者ご本人のメールアドレスに送ってください。',
    en: "A member of this facility (or its organization) cannot register as the facility's vendor. Send the request to the vendor's own address.",
  },
  vendor_form_self_review: {
    ja: 'このチェックリストに回答した方は、確認済みにできません。回答していない別の職員が確認してください。',
    en: 'Someone who answered this form cannot accept it. A member who did not answer it must review it.',
  },
  contract_in_use: { ja: 'この契約には事業者確認用チェックリストがあるため削除できません。', en: 'This contract has vendor forms, so it cannot be deleted.' },
  own_form_missing: { ja: 'この年度のチェックリスト（医療機関確認用）を先に作成してください。', en: "Create this fiscal year's institution checklist first." },
  log_source_name_taken: {
    ja: 'この施設には同じ名前のログの取得元がすでにあります。別の名前にしてください。',
    en: 'This facility already has a log source of that name.',
  },
  log_source_address_taken: {
    ja: 'このIPアドレスはすでに別のログの取得元に登録されています。syslog の送信元は1つの取得元にだけ登録できます。',
    en: 'This IP address is already registered on another log source: a syslog sender belongs to one source.',
  },
  log_token_invalid: {
    ja: 'ログ送信用トークンが正しくありません。Mamori の「アクセスログ」画面で取得元のトークンを確認してください。',
    en: "The log ingest token is not valid. Check the source's token on Mamori's access log page.",
  },
  log_file_unreadable: {
    ja: 'ログファイルを読めません（文字コードが UTF-8 でも Shift_JIS でもないか、テキストではありません）。何も保存していません。',
    en: 'The log file cannot be read (neither UTF-8 nor Shift_JIS text). Nothing was stored.',
  },
  inspector_disabled: {
    ja: 'この検査員のアカウントは無効になっています。閲覧を許可するには、先にシステム管理者にアカウントを有効に戻してもらってください。',
    en: "This inspector's account is disabled. Ask the system administrator to enable it again before granting access.",
  },
  inspector_unknown: {
    ja: 'このメールアドレスの立入検査の検査員は登録されていません。システム管理者に登録を依頼してください。',
    en: 'No inspector is registered with this email address. Ask the system administrator to register them.',
  },
  server_busy: { ja: '処理が混み合っています。しばらく待ってからもう一度お試しください。', en: 'The server is busy. Please wait a moment and try again.' },
  internal_error: { ja: 'システムエラーが発生しました。時間をおいて再度お試しください。', en: 'Something went wrong. Please try again later.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

/** Fills `{name}` placeholders of a catalog text; a missing parameter leaves nothing. */
export function fillMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillMessage(errorMessages[code][locale], params);
}
