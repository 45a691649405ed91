import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmDeletePopover } from '../../common/ConfirmDeletePopover';
import { TableCard } from '../../common/TableCard';
import type { ContactEdge, ContactEntry } from '../api';
import { isInternalKind } from '../shared';

interface Props {
  entries: ContactEntry[];
  edges: ContactEdge[];
  /** Keys of entries that a validation message is about. */
  flagged: Set<string>;
  readOnly: boolean;
  onEdit: (entry: ContactEntry) => void;
  onRemove: (entry: ContactEntry) => void;
}

function Side({ side, entries, edges, flagged, readOnly, onEdit, onRemove }: Props & { side: 'internal' | 'external' }) {
  const { t } = useTranslation();
  const title = t(`readiness.contacts.${side}`);
  const id = `contacts-${side}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group gap="xs">
        <Title order={3} fz="h5" id={id}>
          {title}
        </Title>
        <Badge variant="light" color={side === 'internal' ? 'teal' : 'indigo'}>
          {t('readiness.contacts.count', { count: entries.length })}
        </Badge>
      </Group>
      <TableCard
        label={title}
        minWidth={760}
        empty={t(`readiness.contacts.${side}None`)}
        columns={[
          t('readiness.contacts.entry.kind'),
          t('readiness.contacts.entry.name'),
          t('readiness.contacts.columns.organization'),
          t('readiness.contacts.entry.phone'),
          t('readiness.contacts.entry.email'),
          t('readiness.contacts.entry.hours'),
          !readOnly && t('common.actions'),
        ]}
        rows={entries}
        renderRow={(entry) => {
          const linked = edges.filter((e) => e.from === entry.key || e.to === entry.key).length;
          return (
            <Table.Tr key={entry.key} bg={flagged.has(entry.key) ? 'orange.0' : undefined} data-testid={`contact-${entry.key}`}>
              <Table.Td>
                <Text size="sm">{t(`readiness.kinds.${entry.kind}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {entry.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[entry.organization, entry.role].filter(Boolean).join(' / ') || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {entry.phone || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {entry.email || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.hours || '—'}</Text>
              </Table.Td>
              {!readOnly && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => onEdit(entry)} aria-label={t('readiness.contacts.editEntry', { name: entry.name })}>
                      {t('common.edit')}
                    </Button>
                    <ConfirmDeletePopover
                      target={({ onClick }) => (
                        <Button size="xs" variant="subtle" color="red" onClick={onClick} aria-label={t('readiness.contacts.removeEntry', { name: entry.name })}>
                          {t('readiness.contacts.remove')}
                        </Button>
                      )}
                      message={t('readiness.contacts.removeConfirm', { name: entry.name, count: linked })}
                      busy={false}
                      confirmLabel={t('readiness.contacts.removeSubmit')}
                      onConfirm={(close) => {
                        close();
                        onRemove(entry);
                      }}
                      maw={300}
                    />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          );
        }}
      />
    </Stack>
  );
}

/** The chart's people and organisations, 院内 first, then 院外. */
export function EntriesTable(props: Props) {
  const internal = props.entries.filter((e) => isInternalKind(e.kind));
  const external = props.entries.filter((e) => !isInternalKind(e.kind));
  return (
    <Stack gap="lg">
      <Side {...props} side="internal" entries={internal} />
      <Side {...props} side="external" entries={external} />
    </Stack>
  );
}
