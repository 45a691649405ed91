import { Badge } from '@mantine/core';
import { fiscalYearLabel, type VendorFormStatus } from '@mamori/domain';
import { useTranslation } from 'react-i18next';

export const statusColors: Record<VendorFormStatus, string> = {
  requested: 'orange',
  'in-progress': 'yellow',
  submitted: 'blue',
  queried: 'red',
  accepted: 'teal',
};

/** 依頼済み / 記入中 / 提出済み / 質問中 / 確認済み. */
export function FormStatusBadge({ status }: { status: VendorFormStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant={status === 'accepted' ? 'filled' : 'light'} styles={{ label: { overflow: 'visible' } }}>
      {t(`vendorPortal.status.${status}`)}
    </Badge>
  );
}

/** 令和7年度 in Japanese, FY2025 in English. */
export function fyLabel(fiscalYear: number, language: string): string {
  return language === 'en' ? `FY${fiscalYear}` : fiscalYearLabel(fiscalYear);
}

/** Bilingual texts of the domain data: Japanese is authoritative, English when the UI is in English. */
export function pickText(text: { ja: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.ja;
}
