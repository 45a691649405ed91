import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEvent } from '../api/types';
import { accountColumns, assetColumns, auditActionLabel } from '@mamori/domain';
import { formatDateTime } from '../common/format';

/** A ledger field changed by an import or an edit is named by its spreadsheet heading (管理番号, 職種…). */
const ledgerHeadings = new Map([...assetColumns, ...accountColumns].map((c) => [c.field as string, c.header]));

type Locale = 'ja' | 'en';

/** Fields whose stored codes are shown by their names, and the translation namespace of those names. */
const codeNames: Record<string, string> = {
  role: 'roles',
  organizationRole: 'roles',
  kind: 'facilityKinds',
  prefecture: 'prefectures',
  value: 'answers',
  suggestion: 'findings.suggestions',
  scope: 'ledgers.values.scope',
};

/** A value as the reader of the trail knows it: names for codes, はい/いいえ, a file by its name, lists joined. */
function show(field: string, value: unknown, t: TFunction, locale: Locale): string {
  if (value === null || value === undefined || value === '') return t('audit.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const ns = codeNames[field];
    if (ns) return t(`${ns}.${value === 'admin' ? 'orgAdmin' : value}`, { defaultValue: value });
    if (field === 'locale') return value === 'en' ? 'English' : '日本語';
    return value;
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.length ? value.join('、') : t('audit.none');
  if (typeof value === 'object' && 'name' in value && typeof value.name === 'string') return value.name;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, inner]) => `${fieldName(key, t, locale)}: ${show(key, inner, t, locale)}`)
      .join('、');
  }
  return JSON.stringify(value);
}

function fieldName(field: string, t: TFunction, locale: Locale): string {
  return t(`auditFields.${field}`, { defaultValue: ledgerHeadings.get(field)?.[locale] ?? field });
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
              <Table.Td miw={110}>
                <Text size="sm">{t(`auditEntities.${event.entityType}`, { defaultValue: event.entityType })}</Text>
              </Table.Td>
              <Table.Td miw={280}>
                <Stack gap={2}>
                  {Object.entries(event.changes).map(([field, change]) => (
                    <Text size="xs" key={field}>
                      <Code>{fieldName(field, t, locale)}</Code> {show(field, change.before, t, locale)} → {show(field, change.after, t, locale)}
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
