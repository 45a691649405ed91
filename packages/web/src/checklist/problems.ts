import { fiscalYearLabel, fiscalYearRange } from '@mamori/domain';
import type { TFunction } from 'i18next';
import { formatDay } from './dates';
import type { LiveProblem } from './model';

const vendorWorded = new Set<string>(['vendor-form-missing', 'vendor-form-unreviewed', 'not-covered']);

/** A problem in the words of the person filling the form, with the fiscal year it is about. */
export function problemMessage(problem: Pick<LiveProblem, 'code' | 'form'>, fiscalYear: number, t: TFunction, language: string): string {
  const { start, end } = fiscalYearRange(fiscalYear);
  const fy = fyName(fiscalYear, language);
  const name = problem.form.startsWith('vendor:') ? problem.form.slice('vendor:'.length) : null;
  const values = { fy, start: formatDay(start), end: formatDay(end), vendor: name ? `(${name})` : '', name: name ?? '' };
  // Findings about one vendor's form have their own wording, naming the vendor.
  if (name !== null && vendorWorded.has(problem.code)) return t(`problemsVendor.${problem.code}`, values);
  return t(`problems.${problem.code}`, values);
}

/** 令和7年度 in Japanese, FY2025 in English. */
export function fyName(fiscalYear: number, language: string): string {
  return language === 'en' ? `FY${fiscalYear}` : fiscalYearLabel(fiscalYear);
}
