import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/types';
import { formatDateTime } from '../common/format';

function show(value: unknown, none: string): string {
  if (value === null || value === undefined || value === '') return none;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const none = t('audit.none');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.changes')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</Table.Td>
              <Table.Td>{event.actorName ?? t('audit.system')}</Table.Td>
              <Table.Td>
                <Text size="sm">{t(`auditActions.${event.action}`, { defaultValue: event.action })}</Text>
                <Text size="xs" c="dimmed">
                  {event.action}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`auditEntities.${event.entityType}`, { defaultValue: event.entityType })}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {Object.entries(event.changes).map(([field, change]) => (
                    <Text size="xs" key={field}>
                      <Code>{t(`auditFields.${field}`, { defaultValue: field })}</Code> {show(change.before, none)} → {show(change.after, none)}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{event.ip ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
