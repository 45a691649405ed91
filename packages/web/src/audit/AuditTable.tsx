import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEvent } from '../api/types';
import { accountColumns, assetColumns, auditActionLabel } from '@mamori/domain';
import { formatDateTime } from '../common/format';

/** A ledger field changed by an import or an edit is named by its spreadsheet heading (管理番号, 職種…). */
const ledgerHeadings = new Map([...assetColumns, ...accountColumns].map((c) => [c.field as string, c.header]));

/** Codes stored in the record (role, kind, prefecture) are shown by their names. */
function show(field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('audit.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const lookup: Record<string, string> = { role: 'roles', kind: 'facilityKinds', prefecture: 'prefectures', organizationRole: 'roles' };
    const ns = lookup[field];
    if (ns) return t(`${ns}.${value === 'admin' ? 'orgAdmin' : value}`, { defaultValue: value });
    if (field === 'locale') return value === 'en' ? 'English' : '日本語';
    return value;
  }
  return JSON.stringify(value);
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
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
              <Table.Td miw={120}>
                <Text size="sm">{event.actorName ?? t('audit.system')}</Text>
              </Table.Td>
              <Table.Td miw={160}>
                <Text size="sm">{auditActionLabel(event.action, locale)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`auditEntities.${event.entityType}`, { defaultValue: event.entityType })}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {Object.entries(event.changes).map(([field, change]) => (
                    <Text size="xs" key={field}>
                      <Code>{t(`auditFields.${field}`, { defaultValue: ledgerHeadings.get(field)?.[locale] ?? field })}</Code> {show(field, change.before, t)} →{' '}
                      {show(field, change.after, t)}
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
