import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { DayInput } from '../../checklist/RoundFields';
import { DeleteAction } from '../../common/DeleteAction';
import { formatDay } from '../../checklist/dates';
import { createEndOfLife, deleteEndOfLife, ledgerKeys, type EndOfLifeEntry } from '../api';

function DeleteEntry({ facilityId, id, product }: { facilityId: string; id: string; product: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <DeleteAction
      label={t('ledgers.eol.deleteOf', { product })}
      message={t('ledgers.eol.deleteConfirm', { product })}
      success={t('ledgers.eol.deleted', { product })}
      action={async () => {
        await deleteEndOfLife(id);
        await queryClient.invalidateQueries({ queryKey: ledgerKeys.facility(facilityId) });
      }}
    />
  );
}

/** Adds an own row: a product line, the words that find it in the OS column, and the end of support. */
function AddEntry({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [product, setProduct] = useState('');
  const [match, setMatch] = useState<string[]>([]);
  const [date, setDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const sink = { setFieldError: (path: string, error: string) => setErrors((prev) => ({ ...prev, [path]: error })) };

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!product.trim()) next.product = t('validation.required');
    if (match.length === 0) next.match = t('ledgers.eol.matchRequired');
    if (!date) next.endOfLifeOn = t('validation.required');
    setErrors(next);
    if (Object.keys(next).length > 0 || !date) return;
    setBusy(true);
    try {
      await createEndOfLife(facilityId, { product: product.trim(), match, endOfLifeOn: date });
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.facility(facilityId) });
      showSuccess(t('ledgers.eol.added', { product: product.trim() }));
      setProduct('');
      setMatch([]);
      setDate(null);
    } catch (error) {
      handleError(error, sink);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('ledgers.eol.addTitle')}
        </Title>
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t('ledgers.eol.product')}
            placeholder="Windows 10"
            value={product}
            onChange={(e) => setProduct(e.currentTarget.value)}
            error={errors.product}
            maxLength={200}
            w={240}
          />
          <TagsInput
            label={t('ledgers.eol.match')}
            description={t('ledgers.eol.matchHint')}
            placeholder="windows10"
            value={match}
            onChange={setMatch}
            error={errors.match}
            maxTags={20}
            w={300}
          />
          <DayInput label={t('ledgers.eol.endOfLifeOn')} ariaLabel={t('ledgers.eol.endOfLifeOn')} value={date} onChange={setDate} error={errors.endOfLifeOn} />
        </Group>
        <Group>
          <Button onClick={() => void submit()} loading={busy}>
            {t('ledgers.eol.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The end-of-support table the patch suggestion uses: built-in rows are read-only, own rows can be added and deleted. */
export function EndOfLifeTable({ facilityId, entries, canEdit }: { facilityId: string; entries: EndOfLifeEntry[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const needle = filter.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const sorted = [...entries]
    .filter((e) => !needle || `${e.product}${e.match.join('')}`.normalize('NFKC').toLowerCase().replace(/\s+/g, '').includes(needle))
    .sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || a.product.localeCompare(b.product, 'ja'));
  return (
    <Stack gap="md">
      {canEdit && <AddEntry facilityId={facilityId} />}
      <TextInput
        label={t('ledgers.eol.filter')}
        description={t('ledgers.eol.filterHint', { count: entries.length })}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        type="search"
        maw={420}
      />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640} maxHeight={520}>
          <Table verticalSpacing="xs" striped stickyHeader aria-label={t('ledgers.eol.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledgers.eol.product')}</Table.Th>
                <Table.Th>{t('ledgers.eol.match')}</Table.Th>
                <Table.Th>{t('ledgers.eol.endOfLifeOn')}</Table.Th>
                <Table.Th>{t('ledgers.eol.kind')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((entry) => (
                <Table.Tr key={entry.id ?? `builtin-${entry.product}`}>
                  <Table.Td>{entry.product}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.match.join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(entry.endOfLifeOn)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={entry.builtIn ? 'gray' : 'teal'}>
                      {entry.builtIn ? t('ledgers.eol.builtIn') : t('ledgers.eol.own')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{!entry.builtIn && entry.id && canEdit && <DeleteEntry facilityId={facilityId} id={entry.id} product={entry.product} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
