import type { Finding, FindingRecord, FindingReasonCode } from '../ledgers/finding-types.js';
import { accessLogReadiness, type AccessLogReadinessSettings, type LogSourceState } from './readiness.js';

/**
 * 2(6) 「アクセスログを管理している」 (item topic `access-logs`, scope server) from the sources' data: いいえ naming the
 * sources that went silent or that nobody reviewed (see readiness.ts for the documents and the thresholds).
 */
export function accessLogFinding(sources: readonly (LogSourceState & { id: string })[], today: string, settings: AccessLogReadinessSettings): Finding {
  const base = { topic: 'access-logs', scope: 'server' } as const;
  const readiness = accessLogReadiness(sources, today, settings);
  if (readiness.suggestion === null) {
    return { ...base, suggestion: 'undetermined', reasons: [{ code: 'access-logs-none', count: 0, params: {} }], records: [] };
  }
  if (readiness.suggestion === 'yes') {
    const reviewedThrough = sources.map((s) => s.reviewedThrough!).sort()[0]!;
    return { ...base, suggestion: 'yes', reasons: [{ code: 'access-logs-managed', count: sources.length, params: { reviewedThrough } }], records: [] };
  }
  const byName = new Map(sources.map((s) => [s.name, s]));
  const records = new Map<string, FindingRecord>();
  const note = (names: string[], code: FindingReasonCode) => {
    for (const name of names) {
      const source = byName.get(name)!;
      const record = records.get(source.id) ?? { ledger: 'logSources', id: source.id, label: name, reasons: [] };
      record.reasons.push(code);
      records.set(source.id, record);
    }
  };
  note(readiness.silent, 'access-logs-silent');
  note(readiness.unreviewed, 'access-logs-unreviewed');
  const reasons = [
    readiness.silent.length && {
      code: 'access-logs-silent' as const,
      count: readiness.silent.length,
      params: { days: settings.silentDays, names: readiness.silent.join('、') },
    },
    readiness.unreviewed.length && {
      code: 'access-logs-unreviewed' as const,
      count: readiness.unreviewed.length,
      params: { days: settings.unreviewedDays, names: readiness.unreviewed.join('、') },
    },
  ].filter((r) => r !== 0);
  return { ...base, suggestion: 'no', reasons: reasons as Finding['reasons'], records: [...records.values()] };
}
