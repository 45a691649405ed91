import { alertRuleText, type AlertRule } from '@mamori/domain';
import type { logAlerts } from '../db/schema.js';

const tokyo = (at: Date) => at.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });

/** One message per facility listing its new alerts, Japanese first (the people reading it are not IT experts). */
export function alertMail(facilityName: string, alerts: { alert: typeof logAlerts.$inferSelect; sourceName: string }[], link: string) {
  const lines = alerts.map(
    ({ alert, sourceName }) =>
      `・${sourceName}: ${alertRuleText(alert.rule as AlertRule, 'ja')} — ${alert.subject}（${alert.count}件、${tokyo(alert.firstAt)}〜${tokyo(alert.lastAt)}）`,
  );
  return {
    subject: `【Mamori】アクセスログの警告 ${alerts.length}件（${facilityName}） / Access log alerts`,
    text: [
      `${facilityName} のアクセスログで、確認が必要な出来事が見つかりました。`,
      '',
      ...lines,
      '',
      '心当たりがない場合は、パスワードの変更やアカウントの無効化を検討し、必要に応じて事業者に相談してください。',
      `確認する: ${link}`,
      '',
      `Mamori found ${alerts.length} access log alert(s) for ${facilityName}. Review them at ${link}`,
    ].join('\n'),
  };
}
