import { fiscalYearLabel } from '@mamori/domain';

/** 令和7年度 in Japanese, FY2025 in English. */
export function fyLabel(fiscalYear: number, language: string): string {
  return language === 'en' ? `FY${fiscalYear}` : fiscalYearLabel(fiscalYear);
}

/** Bilingual texts of the domain data: Japanese is authoritative, English when the UI is in English. */
export function pickText(text: { ja: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.ja;
}
