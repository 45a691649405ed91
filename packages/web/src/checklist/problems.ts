import { fiscalYearLabel, fiscalYearRange } from '@mamori/domain';
import type { TFunction } from 'i18next';
import { formatDay } from './dates';
import type { LiveProblem } from './model';

/** A problem in the words of the person filling the form, with the fiscal year it is about. */
export function problemMessage(problem: Pick<LiveProblem, 'code' | 'form'>, fiscalYear: number, t: TFunction, language: string): string {
  const { start, end } = fiscalYearRange(fiscalYear);
  const fy = fyName(fiscalYear, language);
  const vendor = problem.form.startsWith('vendor:') ? `(${problem.form.slice('vendor:'.length)})` : '';
  return t(`problems.${problem.code}`, { fy, start: formatDay(start), end: formatDay(end), vendor });
}

/** 令和7年度 in Japanese, FY2025 in English. */
export function fyName(fiscalYear: number, language: string): string {
  return language === 'en' ? `FY${fiscalYear}` : fiscalYearLabel(fiscalYear);
}
