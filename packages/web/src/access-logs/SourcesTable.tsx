import { Anchor, Box, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableCard } from '../common/TableCard';
import type { LogChainCheck, LogSource } from './api';
import { IntegrityBadge } from './IntegrityBadge';
import { LastReceived, ReviewedThrough, SourceFactList } from './SourceStatus';
import { accessLogPaths } from './paths';

/** The facility's log sources: where each one's logs stand (how many, last received, reviewed through, untouched). */
export function SourcesTable({
  facilityId,
  sources,
  checks,
}: {
  facilityId: string;
  sources: readonly LogSource[];
  checks: readonly LogChainCheck[] | undefined;
}) {
  const checkOf = new Map((checks ?? []).map((c) => [c.sourceId, c]));
  return (
    <>
      <Box visibleFrom="sm">
        <SourceTable facilityId={facilityId} sources={sources} checkOf={checkOf} />
      </Box>
      <Stack gap="sm" hiddenFrom="sm">
        {sources.map((source) => (
          <SourceCard key={source.id} facilityId={facilityId} source={source} check={checkOf.get(source.id)} />
        ))}
      </Stack>
    </>
  );
}

/** On a phone: one card per source, every fact visible without scrolling sideways. */
function SourceCard({ facilityId, source, check }: { facilityId: string; source: LogSource; check: LogChainCheck | undefined }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={accessLogPaths.source(facilityId, source.id)} fw={700}>
            {source.name}
          </Anchor>
          <IntegrityBadge check={check} />
        </Group>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          <SourceFactList source={source} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function SourceTable({ facilityId, sources, checkOf }: { facilityId: string; sources: readonly LogSource[]; checkOf: Map<string, LogChainCheck> }) {
  const { t } = useTranslation();
  return (
    <TableCard
      label={t('accessLogs.sources.title')}
      minWidth={760}
      columns={[
        t('accessLogs.sources.name'),
        t('accessLogs.sources.asset'),
        { label: t('accessLogs.sources.events'), w: 90 },
        t('accessLogs.sources.lastReceived'),
        t('accessLogs.sources.reviewedThrough'),
        t('accessLogs.sources.integrity'),
      ]}
      rows={sources}
      renderRow={(source) => (
        <Table.Tr key={source.id}>
          <Table.Td>
            <Anchor component={Link} to={accessLogPaths.source(facilityId, source.id)} fw={700}>
              {source.name}
            </Anchor>
          </Table.Td>
          <Table.Td>
            {source.assetName ?? (
              <Text c="dimmed" span size="sm">
                {t('accessLogs.sources.noAsset')}
              </Text>
            )}
          </Table.Td>
          <Table.Td ta="right">{source.events.toLocaleString()}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <LastReceived source={source} />
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <ReviewedThrough source={source} />
          </Table.Td>
          <Table.Td>
            <IntegrityBadge check={checkOf.get(source.id)} />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
