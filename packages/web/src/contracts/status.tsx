import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import type { VendorFormStatus, VendorFormSummary } from './api';

// The same colours as the vendor portal's badges (vendor-portal/labels.tsx), so both sides read one status alike.
const statusColor: Record<VendorFormStatus | 'none', string> = {
  none: 'gray',
  requested: 'orange',
  'in-progress': 'yellow',
  submitted: 'blue',
  queried: 'red',
  accepted: 'teal',
};

/** 未依頼 / 依頼済み / 記入中 / 提出済み / 質問中 / 確認済み */
export function VendorFormStatusBadge({ status, ...props }: { status: VendorFormStatus | null | undefined } & BadgeProps) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  return (
    // Never cut to 「確認…」: the badge keeps its full width even in a narrow table column.
    <Badge
      color={statusColor[key]}
      variant={key === 'accepted' ? 'filled' : key === 'none' ? 'outline' : 'light'}
      style={{ minWidth: 'max-content' }}
      {...props}
    >
      {t(`contracts.status.${key}`)}
    </Badge>
  );
}

const tokyo = 'Asia/Tokyo';

/** 11月20日 in Japanese, 20 Nov in English: a day this year, for reminders and comments. */
function shortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', { month: 'short', day: 'numeric', timeZone: tokyo }).format(date);
}

/** 「督促メール 2回 (最終 11月20日)」 or 「督促メールはまだ送っていません」. */
export function reminderLine(
  form: Pick<VendorFormSummary, 'reminderCount' | 'remindedAt'>,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (form.reminderCount === 0 || !form.remindedAt) return t('contracts.reminders.none');
  return t('contracts.reminders.sent', { count: form.reminderCount, date: shortDate(form.remindedAt) });
}

/** 「次の督促: 12月4日 (14日ごと)」 while the vendor has not submitted. */
export function nextReminderLine(
  form: Pick<VendorFormSummary, 'nextReminderAt' | 'reminderDays'>,
  t: (key: string, values?: Record<string, unknown>) => string,
): string | null {
  if (!form.nextReminderAt) return null;
  return t('contracts.reminders.next', { date: shortDate(form.nextReminderAt), days: form.reminderDays });
}

/** Where a vendor form opens (both sides use the same page). */
export const vendorFormPath = (formId: string) => `/vendor-forms/${formId}`;
export const contractPath = (contractId: string) => `/contracts/${contractId}`;

/** 「〇〇メディカル 電子カルテ保守」: how a contract is named in lists and in the readiness findings. */
export function contractLabel(contract: { vendorName?: string; vendor?: { name: string }; title: string }): string {
  const vendor = contract.vendor?.name ?? contract.vendorName ?? '';
  return `${vendor}（${contract.title}）`;
}
