import { Anchor, Badge, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { alertReasonText, alertRuleText } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LogAlert } from './api';
import { formatLogTime } from './logTime';
import { accessLogPaths } from './paths';

/**
 * The alerts the rules raised, newest first, each as a card (reads on a phone as well as on a desk): what happened
 * in words, about whom, how many times, from when to when, and — on the facility's list — from which source.
 */
export function AlertList({ facilityId, alerts, showSource }: { facilityId: string; alerts: readonly LogAlert[]; showSource: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  if (alerts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('accessLogs.alerts.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('accessLogs.alerts.title')}>
      {alerts.map((alert) => (
        <Paper key={alert.id} component="li" withBorder radius="md" p="sm" style={{ borderLeft: '4px solid var(--mantine-color-orange-6)' }}>
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={700}>
                {alertRuleText(alert.rule, locale)}
              </Text>
              {alert.reason && (
                <Badge color="red" variant="light">
                  {alertReasonText(alert.reason, locale)}
                </Badge>
              )}
            </Group>
            <Group gap="md" wrap="wrap" style={{ rowGap: 2 }}>
              <Text size="sm">
                {t('accessLogs.alerts.subject')} <Code>{alert.subject}</Code>
              </Text>
              <Text size="sm">{t('accessLogs.alerts.count', { count: alert.count })}</Text>
              <Text size="sm" c="dimmed">
                {alert.first === alert.last
                  ? formatLogTime(alert.first)
                  : t('accessLogs.alerts.range', { first: formatLogTime(alert.first), last: formatLogTime(alert.last) })}
              </Text>
              {showSource && (
                <Anchor component={Link} to={accessLogPaths.source(facilityId, alert.sourceId)} size="sm">
                  {alert.sourceName}
                </Anchor>
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
