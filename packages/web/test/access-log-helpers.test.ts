import { describe, expect, it } from 'vitest';
import { daysOf, periodInstants, presetOf, presetPeriod, shiftDay } from '../src/access-logs/period';
import { bucketLabel, fillTimeline } from '../src/access-logs/timeline';
import { ingestCommand, uploadResultMessage } from '../src/access-logs/words';
import ja from '../src/i18n/ja.json' with { type: 'json' };

describe('access log periods (Tokyo days)', () => {
  it('moves days across month and year ends, and a month back from the 31st lands on the shorter month’s end', () => {
    expect(shiftDay('2026-12-31', { days: 1 })).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', { days: -1 })).toBe('2026-02-28');
    expect(shiftDay('2026-03-31', { months: -1 })).toBe('2026-02-28');
    expect(shiftDay('2028-03-31', { months: -1 })).toBe('2028-02-29');
    expect(shiftDay('2026-01-15', { months: -1 })).toBe('2025-12-15');
  });

  it('the default past month ends today and starts the day after the same day a month ago', () => {
    expect(presetPeriod('pastMonth', '2026-12-03')).toEqual({ from: '2026-11-04', to: '2026-12-03' });
    expect(presetPeriod('pastMonth', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('this month, the previous month and the past week', () => {
    expect(presetPeriod('thisMonth', '2026-12-03')).toEqual({ from: '2026-12-01', to: '2026-12-03' });
    expect(presetPeriod('previousMonth', '2026-01-20')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('previousMonth', '2026-03-05')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('pastWeek', '2026-12-03')).toEqual({ from: '2026-11-27', to: '2026-12-03' });
  });

  it('recognises a preset, and a hand-picked period as none', () => {
    expect(presetOf({ from: '2026-12-01', to: '2026-12-03' }, '2026-12-03')).toBe('thisMonth');
    expect(presetOf({ from: '2026-12-02', to: '2026-12-03' }, '2026-12-03')).toBeNull();
  });

  it('sends the first day’s start and the last day’s end in Japan time', () => {
    const { from, to } = periodInstants({ from: '2026-12-01', to: '2026-12-31' });
    expect(from).toBe('2026-12-01T00:00:00+09:00');
    expect(to).toBe('2026-12-31T23:59:59.999+09:00');
    expect(new Date(from).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2026-12-31T14:59:59.999Z');
  });

  it('lists every day of a period', () => {
    expect(daysOf({ from: '2026-11-29', to: '2026-12-02' })).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });
});

describe('the timeline chart', () => {
  it('fills the days the server left out with zeros', () => {
    const filled = fillTimeline('day', [{ at: '2026-12-02T00:00', login: 3, failure: 6, other: 1 }], { from: '2026-12-01', to: '2026-12-03' });
    expect(filled).toEqual([
      { at: '2026-12-01T00:00', login: 0, failure: 0, other: 0 },
      { at: '2026-12-02T00:00', login: 3, failure: 6, other: 1 },
      { at: '2026-12-03T00:00', login: 0, failure: 0, other: 0 },
    ]);
  });

  it('fills every hour of a short period, and keeps a bucket outside Japan’s days', () => {
    const filled = fillTimeline('hour', [{ at: '2026-12-03T00:00', login: 1, failure: 0, other: 0 }], { from: '2026-12-01', to: '2026-12-02' });
    expect(filled).toHaveLength(49);
    expect(filled.at(-1)).toEqual({ at: '2026-12-03T00:00', login: 1, failure: 0, other: 0 });
  });

  it('labels days and hours', () => {
    expect(bucketLabel('day', '2026-12-01T00:00', 'ja')).toBe('12/1');
    expect(bucketLabel('hour', '2026-12-01T09:00', 'ja')).toBe('12/1 9時');
    expect(bucketLabel('hour', '2026-12-01T09:00', 'en')).toBe('12/1 9:00');
  });
});

describe('what an upload stored, in words', () => {
  const say = ({ key, values }: { key: string; values: Record<string, number> }) => {
    const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ja) as string;
    return template.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));
  };

  it('says how many lines were read and how many were kept as written', () => {
    expect(say(uploadResultMessage({ received: 9, stored: 9, parsed: 8, raw: 1 }))).toBe('9行を保存しました（解析できた行 8、そのまま保存した行 1）');
  });

  it('says when every line was read, and when there was nothing', () => {
    expect(say(uploadResultMessage({ received: 4, stored: 4, parsed: 4, raw: 0 }))).toBe('4行を保存しました（すべて解析できました）');
    expect(uploadResultMessage({ received: 0, stored: 0, parsed: 0, raw: 0 }).key).toBe('accessLogs.upload.resultEmpty');
  });

  it('gives the curl line for a source’s token', () => {
    expect(ingestCommand('https://mamori.example.jp', 'mlog_abc')).toBe(
      'curl -H "Authorization: Bearer mlog_abc" --data-binary @/var/log/auth.log https://mamori.example.jp/api/v1/log-ingest',
    );
  });
});
