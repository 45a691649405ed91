import type { Alert, AlertRule } from './alerts.js';

/** Each rule in plain words, for the alert list, the e-mail and the CLI's readers. */
const ruleTexts: Record<'ja' | 'en', Record<AlertRule, string>> = {
  ja: {
    'failures-per-account': '同じアカウントでログインの失敗が続いています（パスワードの総当たりのおそれ）',
    'failures-per-address': '同じ接続元からログインの失敗が続いています（パスワードの総当たりのおそれ）',
    'ledger-account-login': '利用者ID台帳で使えないはずのアカウントがログインしました',
    'unknown-account': '利用者ID台帳にないアカウントがログインしました',
    'admin-outside-hours': '管理者アカウントが決められた時間外にログインしました',
    'new-address': 'いつもと違う接続元からログインしました',
  },
  en: {
    'failures-per-account': 'Repeated failed sign-ins for one account (possible password guessing)',
    'failures-per-address': 'Repeated failed sign-ins from one address (possible password guessing)',
    'ledger-account-login': 'An account the account ledger says cannot be used signed in',
    'unknown-account': 'An account not in the account ledger signed in',
    'admin-outside-hours': 'An administrator signed in outside the set hours',
    'new-address': 'A sign-in from an address not seen before',
  },
};

const reasonTexts: Record<'ja' | 'en', Record<NonNullable<Alert['reason']>, string>> = {
  ja: { retired: '退職済み', disabled: '無効', expired: '有効期限切れ' },
  en: { retired: 'retired', disabled: 'disabled', expired: 'past its valid-to date' },
};

export const alertRuleText = (rule: AlertRule, locale: 'ja' | 'en' = 'ja') => ruleTexts[locale][rule];
export const alertReasonText = (reason: NonNullable<Alert['reason']>, locale: 'ja' | 'en' = 'ja') => reasonTexts[locale][reason];
