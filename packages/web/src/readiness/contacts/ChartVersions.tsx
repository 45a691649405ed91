import { useState } from 'react';
import { Anchor, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert';
import { formatDateTime } from '../../common/format';
import { TableCard } from '../../common/TableCard';
import { chartPdfUrl, useChartVersion, useChartVersions } from '../api';
import { ChartDiagram } from './ChartDiagram';
import { EntriesTable } from './EntriesTable';

/** Every saved version, newest first; an older one opens read-only with its diagram and its PDF. */
export function ChartVersions({ facilityId }: { facilityId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useChartVersions(facilityId);
  const [shown, setShown] = useState<number | null>(null);

  if (versions.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const list = versions.data ?? [];
  const newest = list[0]?.chartVersion;
  return (
    <>
      <TableCard
        label={t('readiness.contacts.versions.title')}
        minWidth={560}
        empty={t('readiness.contacts.versions.none')}
        columns={[
          t('readiness.contacts.versions.version'),
          t('readiness.contacts.versions.savedAt'),
          t('readiness.contacts.versions.savedBy'),
          t('readiness.contacts.versions.entryCount'),
          t('common.actions'),
        ]}
        rows={list}
        renderRow={(v) => {
          const name = t('readiness.contacts.versionName', { version: v.chartVersion });
          return (
            <Table.Tr key={v.chartVersion}>
              <Table.Td>
                <Text size="sm" fw={v.chartVersion === newest ? 700 : 400}>
                  {name}
                  {v.chartVersion === newest && ` ${t('readiness.contacts.versions.current')}`}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(v.savedAt)}</Table.Td>
              <Table.Td>{v.savedBy ?? '—'}</Table.Td>
              <Table.Td>{v.entryCount}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setShown(v.chartVersion)}
                    aria-label={t('readiness.contacts.versions.showOf', { version: name })}
                  >
                    {t('readiness.contacts.versions.show')}
                  </Button>
                  <Anchor
                    size="sm"
                    href={chartPdfUrl(facilityId, v.chartVersion, i18n.language)}
                    download
                    aria-label={t('readiness.contacts.versions.pdfOf', { version: name })}
                  >
                    PDF
                  </Anchor>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      <VersionModal facilityId={facilityId} version={shown} onClose={() => setShown(null)} />
    </>
  );
}

function VersionModal({ facilityId, version, onClose }: { facilityId: string; version: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const chart = useChartVersion(facilityId, version);
  const name = t('readiness.contacts.versionName', { version: version ?? 0 });
  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      title={t('readiness.contacts.versions.modalTitle', { version: name })}
      size="90%"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {chart.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {chart.isError && <ErrorAlert error={chart.error} onRetry={() => void chart.refetch()} />}
      {chart.data && version !== null && (
        <Stack gap="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('readiness.contacts.savedLine', { at: formatDateTime(chart.data.savedAt), by: chart.data.savedBy ?? '—' })}
            </Text>
            <Button component="a" href={chartPdfUrl(facilityId, version, i18n.language)} download variant="default" size="xs">
              {t('readiness.contacts.pdf', { version: name })}
            </Button>
          </Group>
          <Text size="sm">{t('readiness.contacts.versions.readOnly')}</Text>
          <ChartDiagram content={chart.data} title={t('readiness.diagram.titleOf', { version: name })} />
          <EntriesTable entries={chart.data.entries} edges={chart.data.edges} flagged={new Set()} readOnly onEdit={() => {}} onRemove={() => {}} />
          {chart.data.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {chart.data.note}
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}
