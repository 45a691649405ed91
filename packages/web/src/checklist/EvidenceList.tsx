import { useState } from 'react';
import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { evidenceContentTypes } from '@mamori/domain';
import { showError, showSuccess } from '../api/errors';
import { ConfirmDeletePopover } from '../common/ConfirmDeletePopover';
import { formatDateTime } from '../common/format';
import { checklistKeys, deleteEvidence, evidenceUrl, uploadEvidence, type EvidenceView } from './queries';

/** The file picker offers what the server accepts (it checks the bytes again). */
export const evidenceAccept = [...evidenceContentTypes.detected, ...evidenceContentTypes.text, ...evidenceContentTypes.extensions].join(',');

const maxBytes = 25 * 1024 * 1024;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function DeleteEvidence({ assessmentId, evidence, label }: { assessmentId: string; evidence: EvidenceView; label: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const remove = async (close: () => void) => {
    setBusy(true);
    try {
      await deleteEvidence(assessmentId, evidence.id);
      await queryClient.invalidateQueries({ queryKey: checklistKeys.detail(assessmentId) });
      showSuccess(t('checklist.evidence.deleted', { name: evidence.fileName }));
      close();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDeletePopover
      target={({ onClick }) => (
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
          ×
        </ActionIcon>
      )}
      message={t('checklist.evidence.deleteConfirm', { name: evidence.fileName })}
      busy={busy}
      onConfirm={(close) => void remove(close)}
    />
  );
}

export function EvidenceList({
  assessmentId,
  itemId,
  itemLabel,
  evidence,
  canAnswer,
  hint,
}: {
  assessmentId: string;
  itemId: string;
  itemLabel: string;
  evidence: EvidenceView[];
  canAnswer: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File | null) => {
    if (!file) return;
    if (file.size > maxBytes) {
      showError(new Error(t('checklist.evidence.tooLarge')));
      return;
    }
    setUploading(true);
    try {
      await uploadEvidence(assessmentId, itemId, file);
      await queryClient.invalidateQueries({ queryKey: checklistKeys.detail(assessmentId) });
      showSuccess(t('checklist.evidence.uploaded', { name: file.name }));
    } catch (error) {
      showError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={700}>
        {t('checklist.evidence.title')}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('checklist.evidence.none')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {evidence.map((e) => (
            <Group key={e.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor href={evidenceUrl(assessmentId, e.id)} download={e.fileName} size="sm" style={{ wordBreak: 'break-all' }}>
                  {e.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {size(e.size)} ・ {formatDateTime(e.uploadedAt)}
                  {e.uploadedBy ? ` ・ ${e.uploadedBy}` : ''}
                </Text>
              </Stack>
              {canAnswer && <DeleteEvidence assessmentId={assessmentId} evidence={e} label={t('checklist.evidence.deleteLabel', { name: e.fileName })} />}
            </Group>
          ))}
        </Stack>
      )}
      {canAnswer && (
        <Group gap="xs">
          <FileButton onChange={(file) => void upload(file)} accept={evidenceAccept}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={uploading} aria-label={t('checklist.evidence.uploadLabel', { item: itemLabel })}>
                {t('checklist.evidence.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('checklist.evidence.types')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
