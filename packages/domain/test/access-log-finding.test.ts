import { describe, expect, it } from 'vitest';
import { accessLogFinding } from '../src/access-logs/finding.js';
import { alertReasonText, alertRuleText } from '../src/access-logs/alert-messages.js';
import { alertRules } from '../src/access-logs/alerts.js';
import { findingReasonText } from '../src/ledgers/finding-messages.js';

const settings = { silentDays: 30, unreviewedDays: 90 };
const today = '2026-12-02';
const source = (id: string, lastEventAt: string | null, reviewedThrough: string | null) => ({ id, name: `server-${id}`, lastEventAt, reviewedThrough });

describe('2(6) from the access logs', () => {
  it('has no suggestion until a source is registered', () => {
    const finding = accessLogFinding([], today, settings);
    expect(finding).toMatchObject({ topic: 'access-logs', scope: 'server', suggestion: 'undetermined', records: [] });
    expect(findingReasonText(finding.reasons[0]!, 'ja')).toContain('取得元');
  });

  it('says はい when every source sends and was reviewed lately, naming the oldest review', () => {
    const finding = accessLogFinding([source('a', '2026-12-01T00:00:00Z', '2026-11-30'), source('b', '2026-11-20T00:00:00Z', '2026-10-31')], today, settings);
    expect(finding.suggestion).toBe('yes');
    expect(finding.reasons).toEqual([{ code: 'access-logs-managed', count: 2, params: { reviewedThrough: '2026-10-31' } }]);
  });

  it.each([
    ['silent for 31 days', source('a', '2026-11-01T00:00:00Z', '2026-11-30'), ['access-logs-silent']],
    ['silent exactly 30 days is still collecting', source('a', '2026-11-02T00:00:00Z', '2026-11-30'), []],
    ['never sent anything', source('a', null, '2026-11-30'), ['access-logs-silent']],
    ['never reviewed', source('a', '2026-12-01T00:00:00Z', null), ['access-logs-unreviewed']],
    ['reviewed 91 days ago', source('a', '2026-12-01T00:00:00Z', '2026-09-02'), ['access-logs-unreviewed']],
    ['both', source('a', null, null), ['access-logs-silent', 'access-logs-unreviewed']],
  ])('%s', (_, state, reasons) => {
    const finding = accessLogFinding([state], today, settings);
    expect(finding.suggestion).toBe(reasons.length ? 'no' : 'yes');
    if (reasons.length) {
      expect(finding.records).toEqual([{ ledger: 'logSources', id: 'a', label: 'server-a', reasons }]);
      expect(finding.reasons.map((r) => r.code)).toEqual(reasons);
      expect(findingReasonText(finding.reasons[0]!, 'ja')).toContain('server-a');
    }
  });

  it('words every alert rule in both languages', () => {
    for (const rule of alertRules) {
      expect(alertRuleText(rule, 'ja')).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(alertRuleText(rule, 'en')).toMatch(/^[A-Z]/);
    }
    expect(alertReasonText('retired', 'ja')).toBe('退職済み');
  });
});
