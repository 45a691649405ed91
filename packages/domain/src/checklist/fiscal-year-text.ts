import type { Bilingual, EditionForm, Item } from './edition-schema.js';
import { fiscalYearLabel } from './fiscal-year.js';

export type TextLocale = 'ja' | 'en';

/**
 * Fills the year placeholders of an edition's text: `{fy}` is the checklist's own fiscal year, `{fy+1}` the next.
 * 令和8年度 in Japanese (the era via Intl, as every date Mamori prints), FY2026 in English.
 */
export function fillFiscalYear(text: string, fiscalYear: number, locale: TextLocale): string {
  return text.replace(/\{fy(?:\+(\d))?\}/g, (_match, offset: string | undefined) => {
    const year = fiscalYear + Number(offset ?? 0);
    return locale === 'en' ? `FY${year}` : fiscalYearLabel(year);
  });
}

const fill = (text: Bilingual, fiscalYear: number): Bilingual => ({
  ja: fillFiscalYear(text.ja, fiscalYear, 'ja'),
  en: fillFiscalYear(text.en, fiscalYear, 'en'),
});

/**
 * The edition's form as printed for one checklist: every year-bearing text names the checklist's fiscal year, so a
 * FY2026 checklist on the 2025 edition says 令和8年度 on screen and in every output.
 */
export function formForFiscalYear(form: EditionForm, fiscalYear: number): EditionForm {
  return {
    ...form,
    title: fill(form.title, fiscalYear),
    notes: form.notes.map((note) => fill(note, fiscalYear)),
    sections: form.sections.map((section) => ({
      ...section,
      title: fill(section.title, fiscalYear),
      scopeHeadings: Object.fromEntries(Object.entries(section.scopeHeadings).map(([scope, text]) => [scope, fill(text!, fiscalYear)])),
    })),
    items: form.items.map((item): Item => ({ ...item, text: fill(item.text, fiscalYear) })),
  };
}
