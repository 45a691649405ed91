import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { columnsOf, type ImportResult, type LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { headerOf } from '../fields';
import { ProblemsTable } from './ProblemsTable';

const ignoreTarget = 'ignore';

interface Props {
  ledger: LedgerKind;
  result: ImportResult;
  busy: boolean;
  onChange: (header: string, target: string | null) => void;
  onBack: () => void;
  onNext: () => void;
}

const sourceColor = { builtin: 'teal', saved: 'blue', chosen: 'grape', unmapped: 'yellow', ignored: 'gray' } as const;

/** Step 2: how the file was read and what each heading means; changing one reads the file again. */
export function MappingStep({ ledger, result, busy, onChange, onBack, onNext }: Props) {
  const { t, i18n } = useTranslation();
  // Every column the importer reads, including those only read on import (氏名 → 性 and 名), in the manual's order.
  const options = [
    ...columnsOf(ledger).map((column) => ({ value: column.field, label: headerOf(column, i18n.language) })),
    { value: ignoreTarget, label: t('ledgers.import.ignore') },
  ];
  // Problems about the file or its headings rather than a row: they are fixed here, not in Excel.
  const fileProblems = result.errors.filter((p) => p.row === null || p.row <= 1);
  const unmapped = result.headers.filter((h) => h.source === 'unmapped').length;

  return (
    <Stack gap="md">
      <Text>
        {result.encoding
          ? t('ledgers.import.detected', { encoding: t(`ledgers.import.encodings.${result.encoding}`), rows: result.rowCount })
          : t('ledgers.import.unreadable')}
      </Text>
      {unmapped > 0 && (
        <Alert color="yellow" variant="light">
          {t('ledgers.import.unmappedNote', { count: unmapped })}
        </Alert>
      )}
      {fileProblems.length > 0 && (
        <Alert color="red" variant="light" title={t('ledgers.import.fileProblems')}>
          <ProblemsTable problems={fileProblems} />
        </Alert>
      )}
      {result.headers.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label={t('ledgers.import.headingsTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ width: 64 }}>{t('ledgers.import.columnNo')}</Table.Th>
                <Table.Th>{t('ledgers.import.heading')}</Table.Th>
                <Table.Th>{t('ledgers.import.mapsTo')}</Table.Th>
                <Table.Th>{t('ledgers.import.how')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.headers.map((h) => {
                const missing = h.source === 'unmapped';
                return (
                  <Table.Tr key={`${h.column}-${h.header}`} bg={missing ? 'yellow.0' : undefined} data-unmapped={missing || undefined}>
                    <Table.Td>{h.column}</Table.Td>
                    <Table.Td>
                      <Text fw={500}>{h.header || t('ledgers.import.emptyHeading')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('ledgers.import.mapLabel', { header: h.header })}
                        data={options}
                        value={h.source === 'ignored' ? ignoreTarget : h.field}
                        placeholder={t('ledgers.import.choose')}
                        onChange={(value) => onChange(h.header, value)}
                        searchable
                        disabled={busy}
                        error={missing}
                        comboboxProps={{ withinPortal: true }}
                        maw={320}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={sourceColor[h.source]}>
                        {t(`ledgers.import.sources.${h.source}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('ledgers.import.back')}
        </Button>
        <Button onClick={onNext} loading={busy} disabled={result.encoding === null}>
          {t('ledgers.import.toPreview')}
        </Button>
      </Group>
    </Stack>
  );
}
