import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportResult, LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { displayValue, headerOf, specOf } from '../fields';
import { ProblemsTable } from './ProblemsTable';

interface Props {
  ledger: LedgerKind;
  result: ImportResult;
  busy: boolean;
  onBack: () => void;
  onCommit: () => void;
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Paper>
  );
}

/** The first rows as Mamori read them, headed by the ledger's own column names. */
function SampleTable({ ledger, result }: { ledger: LedgerKind; result: ImportResult }) {
  const { t, i18n } = useTranslation();
  const fields = result.headers.flatMap((h) => (h.field && h.source !== 'ignored' ? [h.field] : []));
  if (result.sample.length === 0 || fields.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="h5">
        {t('ledgers.import.sample', { count: result.sample.length })}
      </Title>
      <Table.ScrollContainer minWidth={Math.max(640, fields.length * 120)}>
        <Table verticalSpacing={4} striped withTableBorder aria-label={t('ledgers.import.sampleTable')}>
          <Table.Thead>
            <Table.Tr>
              {fields.map((field) => {
                const spec = specOf(ledger, field);
                return (
                  <Table.Th key={field} style={{ whiteSpace: 'nowrap' }}>
                    {spec ? headerOf(spec, i18n.language) : field}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.sample.map((row, index) => (
              <Table.Tr key={index}>
                {fields.map((field) => (
                  <Table.Td key={field}>{field in row ? displayValue(specOf(ledger, field), row[field], t) : '—'}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Step 3: what would change, and every problem. Nothing is written while a problem remains. */
export function PreviewStep({ ledger, result, busy, onBack, onCommit }: Props) {
  const { t } = useTranslation();
  const problems = result.errors;
  const blocked = problems.length > 0 || result.encoding === null;
  return (
    <Stack gap="lg">
      {problems.length === 0 ? (
        <SimpleGrid cols={{ base: 1, xs: 4 }} spacing="sm" maw={720} aria-label={t('ledgers.import.counts')}>
          <Count label={t('ledgers.import.rows')} value={result.rowCount} />
          <Count label={t('ledgers.import.created')} value={result.created} />
          <Count label={t('ledgers.import.updated')} value={result.updated} />
          <Count label={t('ledgers.import.unchanged')} value={result.unchanged} />
        </SimpleGrid>
      ) : (
        <Alert color="red" title={t('ledgers.import.problemsTitle', { count: problems.length })} role="alert">
          <Text size="sm">{t('ledgers.import.problemsBody')}</Text>
        </Alert>
      )}
      <SampleTable ledger={ledger} result={result} />
      {problems.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h5">
            {t('ledgers.import.problemsHeading')}
          </Title>
          <ProblemsTable problems={problems} />
        </Stack>
      )}
      <Group justify="space-between" align="center">
        <Button variant="default" onClick={onBack}>
          {t('ledgers.import.backToMapping')}
        </Button>
        <Group gap="sm">
          <Text size="sm" c={blocked ? 'red.8' : 'dimmed'}>
            {blocked ? t('ledgers.import.blocked') : t('ledgers.import.commitHint')}
          </Text>
          <Button onClick={onCommit} disabled={blocked} loading={busy}>
            {t('ledgers.import.commit')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
