import { notificationAdvice, notificationKindLabel, notificationTitle, type NotificationKind, type ReminderParams, type ReminderPhase } from '@mamori/domain';

/**
 * The reminder e-mails: Japanese first (the readers are the clinic's staff), a short English line for the
 * others, and in every message the link that stops that kind of reminder without signing in.
 */
export interface MailText {
  subject: string;
  text: string;
}

export interface MailedNotification {
  kind: NotificationKind;
  phase: ReminderPhase;
  params: ReminderParams;
  facilityName: string;
  /** The page of the thing, as a full URL. */
  link: string;
}

const footer = (unsubscribe: { kind: NotificationKind; link: string }[]) =>
  `\n--\nMamori（医療機関のサイバーセキュリティ対策チェックリスト）\nこのメールは送信専用です。受け取り方（すぐに／毎朝まとめて／受け取らない）は、アカウントのページの「お知らせの設定」で変えられます。\n` +
  `このお知らせを今後受け取らない場合は、次のリンクを開いてください（ログインは不要です） / To stop these reminders, open:\n` +
  unsubscribe.map((u) => `  ${notificationKindLabel(u.kind)}: ${u.link}\n`).join('');

/** One reminder mailed as it happens. */
export function reminderMail(name: string, notice: MailedNotification, unsubscribeLink: string): MailText {
  const title = notificationTitle(notice.kind, notice.phase, notice.params);
  return {
    subject: `【${notice.facilityName}】${title}`,
    text: `${name} 様

${notice.facilityName}についてのお知らせです。

  ${title}

${notificationAdvice(notice.kind)}

  ${notice.link}

(English) ${notice.facilityName}: ${notificationTitle(notice.kind, notice.phase, notice.params, 'en')}
${footer([{ kind: notice.kind, link: unsubscribeLink }])}`,
  };
}

/** The morning digest: every reminder a person chose to receive daily, by facility, in one message. */
export function digestMail(name: string, notices: MailedNotification[], unsubscribe: (kind: NotificationKind) => string): MailText {
  const byFacility = new Map<string, MailedNotification[]>();
  for (const notice of notices) byFacility.set(notice.facilityName, [...(byFacility.get(notice.facilityName) ?? []), notice]);
  const sections = [...byFacility].map(
    ([facility, list]) => `■ ${facility}\n${list.map((n) => `・${notificationTitle(n.kind, n.phase, n.params)}\n  ${n.link}\n`).join('')}`,
  );
  const kinds = [...new Set(notices.map((n) => n.kind))];
  return {
    subject: `【Mamori】今日のお知らせ（${notices.length}件）`,
    text: `${name} 様

Mamori からの今日のお知らせです（${notices.length}件）。

${sections.join('\n')}
(English) Today's ${notices.length} reminder(s) from Mamori, listed above with their links.
${footer(kinds.map((kind) => ({ kind, link: unsubscribe(kind) })))}`,
  };
}
