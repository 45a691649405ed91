import { describe, expect, it } from 'vitest';
import { bedCountProblem, errorMessage, errorMessages, prefectureCodes } from '../src/index.js';

describe('facility rules', () => {
  it('asks hospitals, and only hospitals, for a bed count', () => {
    expect(bedCountProblem('hospital', null)).toBe('required');
    expect(bedCountProblem('hospital', 120)).toBeNull();
    expect(bedCountProblem('clinic', 19)).toBe('not_allowed');
    expect(bedCountProblem('dental_clinic', null)).toBeNull();
  });

  it('knows the 47 prefectures by JIS code', () => {
    expect(prefectureCodes).toHaveLength(47);
    expect(prefectureCodes[0]).toBe('01');
    expect(prefectureCodes[46]).toBe('47');
  });
});

describe('error messages', () => {
  it('has a Japanese and an English text for every code', () => {
    for (const [code, texts] of Object.entries(errorMessages)) {
      expect(texts.ja, code).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(texts.en, code).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('fills parameters', () => {
    expect(errorMessage('account_locked', 'ja', { minutes: 15 })).toContain('15分後');
  });
});
