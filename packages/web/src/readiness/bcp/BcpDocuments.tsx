import { useRef, useState } from 'react';
import { Anchor, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { formatDateTime } from '../../common/format';
import { TableCard } from '../../common/TableCard';
import { bcpDocumentUrl, uploadBcpDocument, type BcpDocument } from '../api';
import { invalidateReadiness } from '../shared';

const accept = '.pdf,.docx,.doc,.xlsx,.xls,.txt,.png,.jpg,.jpeg,application/pdf';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / (1024 * 102.4)) / 10} MB`;
}

/** The BCP document itself: each upload is a new version; every version stays downloadable. */
export function BcpDocuments({ facilityId, documents, canEdit }: { facilityId: string; documents: BcpDocument[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const resetRef = useRef<() => void>(null);
  const sorted = [...documents].sort((a, b) => b.documentVersion - a.documentVersion);

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const view = await uploadBcpDocument(facilityId, file);
      queryClient.setQueryData(['readiness', facilityId, 'bcp'], view);
      await invalidateReadiness(queryClient, facilityId);
      const newest = Math.max(0, ...view.documents.map((d) => d.documentVersion));
      showSuccess(t('readiness.bcp.documents.uploaded', { name: file.name, version: newest }));
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
      resetRef.current?.();
    }
  };

  return (
    <Stack gap="sm">
      {canEdit && (
        <Group gap="sm">
          <FileButton onChange={(f) => void upload(f)} accept={accept} resetRef={resetRef}>
            {(props) => (
              <Button {...props} loading={busy} variant={sorted.length ? 'default' : 'filled'}>
                {sorted.length ? t('readiness.bcp.documents.uploadNew') : t('readiness.bcp.documents.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('readiness.bcp.documents.hint')}
          </Text>
        </Group>
      )}
      <TableCard
        label={t('readiness.bcp.documents.title')}
        minWidth={600}
        empty={t('readiness.bcp.documents.none')}
        columns={[
          t('readiness.bcp.documents.version'),
          t('readiness.bcp.documents.file'),
          t('readiness.bcp.documents.size'),
          t('readiness.bcp.documents.uploadedBy'),
          t('readiness.bcp.documents.uploadedAt'),
        ]}
        rows={sorted}
        renderRow={(d, i) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Text size="sm" fw={i === 0 ? 700 : 400}>
                {t('readiness.bcp.versionName', { version: d.documentVersion })}
                {i === 0 && ` ${t('readiness.bcp.documents.current')}`}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor
                href={bcpDocumentUrl(d.id)}
                download={d.fileName}
                size="sm"
                style={{ wordBreak: 'break-all' }}
                aria-label={t('readiness.bcp.documents.downloadOf', { name: d.fileName, version: d.documentVersion })}
              >
                {d.fileName}
              </Anchor>
            </Table.Td>
            <Table.Td>{size(d.size)}</Table.Td>
            <Table.Td>{d.uploadedBy ?? '—'}</Table.Td>
            <Table.Td>{formatDateTime(d.uploadedAt)}</Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
