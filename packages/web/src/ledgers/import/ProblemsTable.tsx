import { Table, Text } from '@mantine/core';
import type { ImportProblem } from '@mamori/domain';
import { useTranslation } from 'react-i18next';

/** Every problem of an import, each naming the spreadsheet row and column so it can be found in Excel. */
export function ProblemsTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640} maxHeight={480}>
      <Table verticalSpacing="xs" striped stickyHeader aria-label={t('ledgers.import.problemsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ width: 72 }}>{t('ledgers.import.row')}</Table.Th>
            <Table.Th style={{ width: 160 }}>{t('ledgers.import.column')}</Table.Th>
            <Table.Th style={{ width: 180 }}>{t('ledgers.import.value')}</Table.Th>
            <Table.Th>{t('ledgers.import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, index) => (
            <Table.Tr key={index}>
              <Table.Td>{p.row ?? '—'}</Table.Td>
              <Table.Td>{p.column ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {p.value || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="red.8">
                  {p.reason}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
