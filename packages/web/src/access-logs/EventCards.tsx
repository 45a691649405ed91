import { useState } from 'react';
import { Anchor, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogEvent } from './api';
import { formatLogTime } from './logTime';
import { OutcomeBadge } from './OutcomeBadge';

function EventCard({ event }: { event: LogEvent }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const who = [event.user, event.host && `@${event.host}`].filter(Boolean).join(' ');
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatLogTime(event.occurredAt)}
          </Text>
          <OutcomeBadge event={event} />
        </Group>
        {event.parsed ? (
          <>
            {who && <Text size="sm">{who}</Text>}
            <Text size="sm" c="dimmed">
              {[
                event.category && t(`accessLogs.categories.${event.category}`),
                event.action,
                event.sourceIp && t('accessLogs.events.from', { ip: event.sourceIp }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }} lineClamp={open ? undefined : 2}>
            {event.raw}
          </Text>
        )}
        {open && event.parsed && (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {event.raw}
          </Code>
        )}
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} style={{ alignSelf: 'flex-start' }}>
          {open ? t('accessLogs.events.hideRawShort') : t('accessLogs.events.showRawShort')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** On a phone: one card per line, the time and result first, then who and what; the original line opens below. */
export function EventCards({ events }: { events: readonly LogEvent[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('accessLogs.events.label')}>
      {events.map((event) => (
        <EventCard key={event.seq} event={event} />
      ))}
    </Stack>
  );
}
