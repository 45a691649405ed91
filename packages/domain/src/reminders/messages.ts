import type { Locale } from '../api/common.js';
import { fiscalYearLabel, formatJapaneseDate } from '../checklist/fiscal-year.js';
import type { NotificationKind, ReminderParams, ReminderPhase } from './kinds.js';

/** The reminders in plain words, for the inbox, the e-mails and the CLI's readers (Japanese first). */

const kindLabels: Record<Locale, Record<NotificationKind, string>> = {
  ja: {
    'target-date': 'チェックリストの目標日（「いいえ」の項目）',
    'annual-check': '年度のチェックリスト',
    'restore-test': 'バックアップの復旧確認',
    'log-review': 'アクセスログの確認',
    'bcp-review': 'BCPの見直し・訓練',
    'vendor-form': '事業者の未提出',
  },
  en: {
    'target-date': 'Target dates of "no" answers',
    'annual-check': "The year's checklist",
    'restore-test': 'Restore tests of backups',
    'log-review': 'Access log reviews',
    'bcp-review': 'BCP reviews and drills',
    'vendor-form': 'Vendors that have not answered',
  },
};

export const notificationKindLabel = (kind: NotificationKind, locale: Locale = 'ja') => kindLabels[locale][kind];

interface Words {
  date: (iso: string) => string;
  year: (fiscalYear: number) => string;
  when: Record<ReminderPhase, (date: string) => string>;
}

const words: Record<Locale, Words> = {
  ja: {
    date: formatJapaneseDate,
    year: fiscalYearLabel,
    when: { soon: (d) => `期限（${d}）が近づいています`, due: (d) => `期限は今日（${d}）です`, overdue: (d) => `期限（${d}）を過ぎています` },
  },
  en: {
    date: (iso) => iso,
    year: (fy) => `FY${fy}`,
    when: { soon: (d) => `is due on ${d}`, due: (d) => `is due today (${d})`, overdue: (d) => `was due on ${d}` },
  },
};

const str = (params: ReminderParams, key: string) => String(params[key] ?? '');
const num = (params: ReminderParams, key: string) => Number(params[key] ?? 0);

type Title = (phase: ReminderPhase, p: ReminderParams, w: Words) => string;

const titles: Record<Locale, Record<NotificationKind, Title>> = {
  ja: {
    'target-date': (phase, p, w) =>
      `${w.year(num(p, 'fiscalYear'))}のチェックリスト 項目${str(p, 'itemId')}：「いいえ」の目標日の${w.when[phase](w.date(str(p, 'dueOn')))}`,
    'annual-check': (_, p, w) =>
      `${w.year(num(p, 'fiscalYear'))}のチェックリストが${p.assessmentId ? '終わっていません' : 'まだ作られていません'}（年度末 ${w.date(str(p, 'dueOn'))} まで）`,
    'restore-test': (phase, p, w) =>
      p.dueOn
        ? `バックアップ「${str(p, 'system')}」の復旧確認の${w.when[phase](w.date(str(p, 'dueOn')))}`
        : `バックアップ「${str(p, 'system')}」の復旧確認がまだ一度も成功していません`,
    'log-review': (phase, p, w) =>
      p.dueOn
        ? `アクセスログ「${str(p, 'sourceName')}」の確認（期間の承認）の${w.when[phase](w.date(str(p, 'dueOn')))}`
        : `アクセスログ「${str(p, 'sourceName')}」がまだ一度も確認（期間の承認）されていません`,
    'bcp-review': (phase, p, w) => (p.dueOn ? `BCPの見直し・訓練の${w.when[phase](w.date(str(p, 'dueOn')))}` : 'BCPの見直し・訓練がまだ記録されていません'),
    'vendor-form': (_, p, w) =>
      `${str(p, 'vendorName')}（${str(p, 'contractTitle')}）が${w.year(num(p, 'fiscalYear'))}の事業者確認用チェックリストをまだ提出していません（督促メール${num(p, 'reminderCount')}回目を送りました）`,
  },
  en: {
    'target-date': (phase, p, w) =>
      `Checklist ${w.year(num(p, 'fiscalYear'))}, item ${str(p, 'itemId')}: the target date of a "no" answer ${w.when[phase](w.date(str(p, 'dueOn')))}`,
    'annual-check': (_, p, w) =>
      `The ${w.year(num(p, 'fiscalYear'))} checklist ${p.assessmentId ? 'is not complete' : 'has not been started'} (the year ends on ${w.date(str(p, 'dueOn'))})`,
    'restore-test': (phase, p, w) =>
      p.dueOn
        ? `The restore test of backup "${str(p, 'system')}" ${w.when[phase](w.date(str(p, 'dueOn')))}`
        : `Backup "${str(p, 'system')}" has never been restored successfully in a test`,
    'log-review': (phase, p, w) =>
      p.dueOn
        ? `The review (sign-off) of access log "${str(p, 'sourceName')}" ${w.when[phase](w.date(str(p, 'dueOn')))}`
        : `Nobody has reviewed (signed off) access log "${str(p, 'sourceName')}" yet`,
    'bcp-review': (phase, p, w) => (p.dueOn ? `The BCP review or drill ${w.when[phase](w.date(str(p, 'dueOn')))}` : 'No BCP review or drill is recorded yet'),
    'vendor-form': (_, p, w) =>
      `${str(p, 'vendorName')} (${str(p, 'contractTitle')}) has not submitted the ${w.year(num(p, 'fiscalYear'))} vendor checklist (reminder e-mail no. ${num(p, 'reminderCount')} sent)`,
  },
};

/** One line saying what is due: the inbox entry, a digest line, an e-mail's subject. */
export function notificationTitle(kind: NotificationKind, phase: ReminderPhase, params: ReminderParams, locale: Locale = 'ja'): string {
  return titles[locale][kind](phase, params, words[locale]);
}

const advice: Record<Locale, Record<NotificationKind, string>> = {
  ja: {
    'target-date': '対策が済んだら、その項目に次の回の回答（はい）と日付を記入してください。目標日を変える場合は回答を修正してください。',
    'annual-check': 'チェックリストは年度に1回、年度末までに記入し、立入検査に備えます。未回答や日付のない項目を確認してください。',
    'restore-test': 'バックアップから実際に復旧できるかを確かめ、結果を「バックアップ」のページに記録してください（チェックリスト 3(2)）。',
    'log-review': 'アクセスログを確認し、確認した期間を承認してください（チェックリスト 2(6)）。',
    'bcp-review': 'BCPを見直すか訓練を行い、「BCP」のページに記録してください（チェックリスト 3(3)）。',
    'vendor-form': '事業者に連絡し、必要なら依頼メールを再送してください。',
  },
  en: {
    'target-date': 'Once the measure is in place, enter the next round (yes) with its date on the item; to move the target date, change the answer.',
    'annual-check': 'The checklist is filled in once a year, by the end of the fiscal year, ready for the inspection. Check unanswered and undated items.',
    'restore-test': 'Check that the backup really restores and record the result on the backups page (checklist 3(2)).',
    'log-review': 'Review the access log and sign off the period you reviewed (checklist 2(6)).',
    'bcp-review': 'Review the BCP or hold a drill and record it on the BCP page (checklist 3(3)).',
    'vendor-form': 'Contact the vendor, and resend the request if needed.',
  },
};

/** What to do about a reminder, in a sentence (the e-mail's body). */
export const notificationAdvice = (kind: NotificationKind, locale: Locale = 'ja') => advice[locale][kind];
