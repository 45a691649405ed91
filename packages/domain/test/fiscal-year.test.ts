import { describe, expect, it } from 'vitest';
import { daysBetween, fiscalYearLabel, fiscalYearOf, fiscalYearRange, formatJapaneseDate, isInFiscalYear, isIsoDate, todayInTokyo } from '../src/index.js';

describe('fiscal years', () => {
  it.each([
    ['2023-04-01', 2023],
    ['2024-03-31', 2023],
    ['2024-04-01', 2024],
    ['2024-01-15', 2023],
  ])('%s is in FY%i', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it('runs April to March', () => {
    expect(fiscalYearRange(2023)).toEqual({ start: '2023-04-01', end: '2024-03-31' });
    expect(isInFiscalYear('2024-03-31', 2023)).toBe(true);
    expect(isInFiscalYear('2024-04-01', 2023)).toBe(false);
  });

  it('is named with the Japanese era', () => {
    expect(fiscalYearLabel(2023)).toBe('令和5年度');
    expect(fiscalYearLabel(2024)).toBe('令和6年度');
    expect(fiscalYearLabel(2019)).toBe('平成31年度');
    expect(formatJapaneseDate('2024-05-13')).toBe('令和6年5月13日');
    expect(formatJapaneseDate('2019-05-01')).toBe('令和元年5月1日');
  });

  it('validates real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023/02/01')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });

  it('counts days and knows the date in Tokyo', () => {
    expect(daysBetween('2024-03-01', '2024-03-31')).toBe(30);
    expect(todayInTokyo(new Date('2024-03-31T15:30:00Z'))).toBe('2024-04-01');
  });
});
