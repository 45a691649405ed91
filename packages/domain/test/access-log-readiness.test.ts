import { describe, expect, it } from 'vitest';
import { accessLogReadiness } from '../src/index.js';

const today = '2024-06-30';
const source = (name: string, lastEventAt: string | null, reviewedThrough: string | null) => ({ name, lastEventAt, reviewedThrough });

describe('2(6) from the access logs', () => {
  it('no source registered: the logs say nothing either way', () => {
    expect(accessLogReadiness([], today)).toEqual({ suggestion: null, silent: [], unreviewed: [] });
  });

  it('every source sending and reviewed within the limits: はい', () => {
    expect(
      accessLogReadiness([source('電子カルテ', '2024-06-30T01:00:00Z', '2024-05-31'), source('UTM', '2024-05-31T23:00:00Z', '2024-04-01')], today),
    ).toEqual({ suggestion: 'yes', silent: [], unreviewed: [] });
  });

  it('a source silent for more than 30 days, or never heard from: いいえ, named', () => {
    expect(accessLogReadiness([source('電子カルテ', '2024-05-30T00:00:00Z', '2024-06-01'), source('新サーバ', null, '2024-06-01')], today)).toEqual({
      suggestion: 'no',
      silent: ['電子カルテ', '新サーバ'],
      unreviewed: [],
    });
  });

  it('logs nobody reviewed for more than 90 days, or ever: いいえ, named', () => {
    expect(accessLogReadiness([source('電子カルテ', '2024-06-29T00:00:00Z', '2024-03-31'), source('UTM', '2024-06-29T00:00:00Z', null)], today)).toEqual({
      suggestion: 'no',
      silent: [],
      unreviewed: ['電子カルテ', 'UTM'],
    });
  });

  it('the limits are the facility’s to set', () => {
    const strict = { silentDays: 7, unreviewedDays: 30 };
    expect(accessLogReadiness([source('電子カルテ', '2024-06-20T00:00:00Z', '2024-05-15')], today, strict)).toEqual({
      suggestion: 'no',
      silent: ['電子カルテ'],
      unreviewed: ['電子カルテ'],
    });
  });
});
