import { Fragment, useState } from 'react';
import { ActionIcon, Code, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogEvent } from './api';
import { formatLogTime } from './logTime';
import { OutcomeBadge } from './OutcomeBadge';

/**
 * The matching lines, newest first: when (Japan time), who, on which machine, what, with what result, from where.
 * Each row opens to the line as it was written; a line Mamori could not read is kept and shown as 未解析.
 */
export function EventsTable({ events }: { events: readonly LogEvent[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={6} fz="sm" aria-label={t('accessLogs.events.label')} data-testid="log-events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <VisuallyHidden>{t('accessLogs.events.raw')}</VisuallyHidden>
              </Table.Th>
              <Table.Th w={160}>{t('accessLogs.events.time')}</Table.Th>
              <Table.Th>{t('accessLogs.events.user')}</Table.Th>
              <Table.Th>{t('accessLogs.events.host')}</Table.Th>
              <Table.Th>{t('accessLogs.events.category')}</Table.Th>
              <Table.Th>{t('accessLogs.events.action')}</Table.Th>
              <Table.Th>{t('accessLogs.events.outcome')}</Table.Th>
              <Table.Th>{t('accessLogs.events.sourceIp')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => {
              const expanded = open.has(event.seq);
              return (
                <Fragment key={event.seq}>
                  <Table.Tr data-parsed={event.parsed}>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        onClick={() => toggle(event.seq)}
                        aria-expanded={expanded}
                        aria-label={t('accessLogs.events.showRaw', { time: formatLogTime(event.occurredAt) })}
                      >
                        {expanded ? '▾' : '▸'}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatLogTime(event.occurredAt)}</Table.Td>
                    {event.parsed ? (
                      <>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{event.user ?? '—'}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{event.host ?? '—'}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{event.category ? t(`accessLogs.categories.${event.category}`) : '—'}</Table.Td>
                        <Table.Td>{event.action ?? '—'}</Table.Td>
                        <Table.Td>
                          <OutcomeBadge event={event} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{event.sourceIp ?? '—'}</Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={6}>
                        <Text size="sm" component="span" mr="xs">
                          <OutcomeBadge event={event} />
                        </Text>
                        <Text size="sm" c="dimmed" component="span" ff="monospace" style={{ wordBreak: 'break-all' }}>
                          {event.raw.length > 120 ? `${event.raw.slice(0, 120)}…` : event.raw}
                        </Text>
                      </Table.Td>
                    )}
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={7}>
                        <Text size="xs" c="dimmed" mb={4}>
                          {t('accessLogs.events.rawCaption', { seq: event.seq, received: formatLogTime(event.receivedAt) })}
                        </Text>
                        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                          {event.raw}
                        </Code>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
