import { fiscalYearLabel } from '@mamori/domain';

/**
 * The e-mails vendors receive. Japanese first (the readers are Japanese vendors' support desks), with a
 * short English line for foreign-owned vendors.
 */
export interface MailText {
  subject: string;
  text: string;
}

interface FormContext {
  facilityName: string;
  vendorName: string;
  contractTitle: string;
  fiscalYear: number;
}

const signature =
  '\n--\nMamori（医療機関のサイバーセキュリティ対策チェックリスト）\nこのメールは送信専用です。ご不明な点は依頼元の医療機関へお問い合わせください。\n';

export function invitationMail(form: FormContext, link: string, expiresAt: Date): MailText {
  const until = expiresAt.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long', timeStyle: 'short' });
  return {
    subject: `【${form.facilityName}】${fiscalYearLabel(form.fiscalYear)} 事業者確認用チェックリストのご記入のお願い`,
    text: `${form.vendorName} ご担当者様

${form.facilityName}より、医療機関におけるサイバーセキュリティ対策チェックリスト（事業者確認用）のご記入をお願いいたします。

  契約: ${form.contractTitle}
  年度: ${fiscalYearLabel(form.fiscalYear)}

次のリンクから担当者として登録（またはログイン）し、各項目に「はい／いいえ」、確認した日付、
「はい」と言える根拠をご記入のうえ、提出してください。契約の範囲外の項目は「契約範囲外」にできます。

  ${link}

このリンクは一度だけ使えます。有効期限: ${until}
期限が切れた場合は、${form.facilityName}に再送をご依頼ください。

(English) ${form.facilityName} asks you to fill in the vendor checklist for "${form.contractTitle}" (FY${form.fiscalYear}). Open the link above; it works once and expires at ${expiresAt.toISOString()}.
${signature}`,
  };
}

export function reminderMail(form: FormContext, link: string, requestedAt: Date, count: number): MailText {
  const requested = requestedAt.toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' });
  return {
    subject: `【再送${count > 1 ? ` ${count}回目` : ''}】${form.facilityName} 事業者確認用チェックリストが未提出です`,
    text: `${form.vendorName} ご担当者様

${requested}に${form.facilityName}からご依頼した事業者確認用チェックリスト（${fiscalYearLabel(form.fiscalYear)}、契約: ${form.contractTitle}）が、まだ提出されていません。
お手数ですが、ご記入と提出をお願いいたします。

  ${link}

(English) The vendor checklist requested by ${form.facilityName} for "${form.contractTitle}" has not been submitted yet.
${signature}`,
  };
}

export function questionMail(form: FormContext, link: string, itemId: string | null, body: string): MailText {
  return {
    subject: `【${form.facilityName}】事業者確認用チェックリストについてご質問があります`,
    text: `${form.vendorName} ご担当者様

${form.facilityName}から、提出いただいたチェックリスト（${fiscalYearLabel(form.fiscalYear)}、契約: ${form.contractTitle}）${itemId ? `の項目 ${itemId} ` : ''}について質問が届いています。

  「${body}」

回答の修正や返信のうえ、もう一度提出してください。

  ${link}

(English) ${form.facilityName} has a question about your vendor checklist. Please reply, revise and submit again.
${signature}`,
  };
}
