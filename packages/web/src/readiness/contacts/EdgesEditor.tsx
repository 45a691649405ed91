import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactEdge, ContactEntry } from '../api';

interface Props {
  entries: ContactEntry[];
  edges: ContactEdge[];
  /** Indexes of edges that a validation message is about. */
  flagged: Set<number>;
  readOnly: boolean;
  onChange: (edges: ContactEdge[]) => void;
}

const nextOrder = (edges: ContactEdge[], from: string) => Math.min(99, Math.max(0, ...edges.filter((e) => e.from === from).map((e) => e.order)) + 1);

/** 「誰が誰に連絡するか」: each line is one call, numbered among the calls the same person makes. */
export function EdgesEditor({ entries, edges, flagged, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const names = new Map(entries.map((e) => [e.key, e.name]));
  const nameOf = (key: string) => names.get(key) ?? t('readiness.contacts.edges.unknown');
  const options = entries.map((e) => ({ value: e.key, label: e.organization && e.organization !== e.name ? `${e.name}（${e.organization}）` : e.name }));
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [order, setOrder] = useState<number | string>(1);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const indexed = edges.map((edge, index) => ({ edge, index }));
  const sorted = [...indexed].sort((a, b) => {
    const fa = entries.findIndex((e) => e.key === a.edge.from);
    const fb = entries.findIndex((e) => e.key === b.edge.from);
    return fa - fb || a.edge.order - b.edge.order;
  });

  const add = () => {
    if (!from || !to) return setError(t('readiness.contacts.edges.choose'));
    if (from === to) return setError(t('readiness.contacts.edges.self'));
    if (edges.some((e) => e.from === from && e.to === to)) return setError(t('readiness.contacts.edges.duplicate'));
    const n = typeof order === 'number' && Number.isInteger(order) && order >= 1 && order <= 99 ? order : nextOrder(edges, from);
    setError(null);
    onChange([...edges, { from, to, order: n, note: note.trim() }]);
    setTo(null);
    setNote('');
    setOrder(nextOrder([...edges, { from, to, order: n, note: '' }], from));
  };

  const update = (index: number, change: Partial<ContactEdge>) => onChange(edges.map((e, i) => (i === index ? { ...e, ...change } : e)));
  const remove = (index: number) => onChange(edges.filter((_, i) => i !== index));

  return (
    <Stack gap="sm">
      {edges.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('readiness.contacts.edges.none')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label={t('readiness.contacts.edges.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('readiness.contacts.edges.from')}</Table.Th>
                  <Table.Th aria-hidden />
                  <Table.Th>{t('readiness.contacts.edges.to')}</Table.Th>
                  <Table.Th>{t('readiness.contacts.edges.order')}</Table.Th>
                  <Table.Th>{t('readiness.contacts.edges.note')}</Table.Th>
                  {!readOnly && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map(({ edge, index }) => {
                  const label = t('readiness.contacts.edges.line', { from: nameOf(edge.from), to: nameOf(edge.to) });
                  return (
                    <Table.Tr key={`${edge.from}-${edge.to}-${index}`} bg={flagged.has(index) ? 'orange.0' : undefined}>
                      <Table.Td>
                        <Text size="sm">{nameOf(edge.from)}</Text>
                      </Table.Td>
                      <Table.Td aria-hidden>→</Table.Td>
                      <Table.Td>
                        <Text size="sm">{nameOf(edge.to)}</Text>
                      </Table.Td>
                      <Table.Td w={110}>
                        {readOnly ? (
                          <Text size="sm">{edge.order}</Text>
                        ) : (
                          <NumberInput
                            size="xs"
                            aria-label={t('readiness.contacts.edges.orderOf', { line: label })}
                            value={edge.order}
                            min={1}
                            max={99}
                            allowDecimal={false}
                            allowNegative={false}
                            onChange={(v) => typeof v === 'number' && v >= 1 && v <= 99 && update(index, { order: v })}
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {readOnly ? (
                          <Text size="sm">{edge.note || '—'}</Text>
                        ) : (
                          <TextInput
                            size="xs"
                            aria-label={t('readiness.contacts.edges.noteOf', { line: label })}
                            value={edge.note}
                            maxLength={200}
                            onChange={(e) => update(index, { note: e.currentTarget.value })}
                          />
                        )}
                      </Table.Td>
                      {!readOnly && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => remove(index)}
                            aria-label={t('readiness.contacts.edges.removeOf', { line: label })}
                          >
                            ×
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {!readOnly && entries.length >= 2 && (
        <Paper withBorder radius="md" p="sm" bg="gray.0" component="fieldset" style={{ margin: 0 }}>
          <Text component="legend" size="sm" fw={600} px={4}>
            {t('readiness.contacts.edges.addTitle')}
          </Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('readiness.contacts.edges.from')}
              data={options}
              value={from}
              onChange={(v) => {
                setFrom(v);
                if (v) setOrder(nextOrder(edges, v));
                setError(null);
              }}
              searchable
              allowDeselect={false}
              w={220}
              comboboxProps={{ withinPortal: true }}
            />
            <Text aria-hidden pb={8}>
              →
            </Text>
            <Select
              label={t('readiness.contacts.edges.to')}
              data={options.filter((o) => o.value !== from)}
              value={to}
              onChange={(v) => {
                setTo(v);
                setError(null);
              }}
              searchable
              allowDeselect={false}
              w={220}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('readiness.contacts.edges.order')}
              value={order}
              onChange={setOrder}
              min={1}
              max={99}
              allowDecimal={false}
              allowNegative={false}
              w={90}
            />
            <TextInput
              label={t('readiness.contacts.edges.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={200}
              w={200}
              placeholder={t('readiness.contacts.edges.notePlaceholder')}
            />
            <Button variant="light" onClick={add}>
              {t('readiness.contacts.edges.add')}
            </Button>
          </Group>
          {error && (
            <Text size="sm" c="red" mt={6} role="alert">
              {error}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={6}>
            {t('readiness.contacts.edges.orderHint')}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
