import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { FacilityMember } from '../api/types';
import { useRefreshSession } from '../auth/session';
import { facilityKeys } from '../facilities/queries';

interface Props {
  facilityId: string;
  facilityName: string;
  member: FacilityMember | null;
  onClose: () => void;
}

export function RemoveMemberModal({ facilityId, facilityName, member, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const onError = useApiErrorHandler();
  const remove = useMutation({
    mutationFn: (m: FacilityMember) =>
      request(client.DELETE('/facilities/{facilityId}/members/{memberId}', { params: { path: { facilityId, memberId: m.id } } })),
    onSuccess: (_data, m) => {
      void queryClient.invalidateQueries({ queryKey: facilityKeys.members(facilityId) });
      void refreshSession();
      showSuccess(t('members.removed', { name: m.name }));
      onClose();
    },
    onError: (error) => onError(error),
  });

  return (
    <Modal opened={!!member} onClose={onClose} title={t('members.removeTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('members.removeConfirm', { name: member?.name ?? '', facility: facilityName })}</Text>
        <Text size="sm" c="dimmed">
          {t('members.removeNote')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => member && remove.mutate(member)}>
            {t('members.removeSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
