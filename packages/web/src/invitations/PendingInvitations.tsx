import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { Invitation } from '../api/types';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDate } from '../common/format';
import { RoleBadges } from '../common/RoleBadges';
import { organizationKeys } from '../facilities/queries';

export function PendingInvitations({ organizationId, actions }: { organizationId: string; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const invitations = useQuery({
    queryKey: organizationKeys.invitations(organizationId),
    queryFn: () => request(client.GET('/organizations/{organizationId}/invitations', { params: { path: { organizationId } } })),
  });
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = useMutation({
    mutationFn: (invitationId: string) => request(client.DELETE('/invitations/{invitationId}', { params: { path: { invitationId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organizationKeys.invitations(organizationId) });
      showSuccess(t('invitations.revoked'));
      setRevoking(null);
    },
    onError: (error) => onError(error),
  });

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('invitations.pending')}
        </Title>
        {actions}
      </Group>
      {invitations.isError && <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />}
      {invitations.data?.length === 0 && <Text c="dimmed">{t('invitations.none')}</Text>}
      {invitations.data && invitations.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('members.roles')}</Table.Th>
                <Table.Th>{t('invitations.expiresAt')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>{inv.email}</Table.Td>
                  <Table.Td>
                    <RoleBadges organizationId={organizationId} organizationRole={inv.organizationRole} facilityRoles={inv.facilityRoles} />
                  </Table.Td>
                  <Table.Td>{formatDate(inv.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(inv)}>
                      {t('invitations.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('invitations.revokeTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('invitations.revokeConfirm', { email: revoking?.email ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              {t('invitations.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
