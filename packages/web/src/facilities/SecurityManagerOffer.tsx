import { Alert, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { Facility } from '../api/types';
import { useCan } from '../auth/actor';
import { useRefreshSession } from '../auth/session';
import { InviteModal } from '../invitations/InviteModal';
import { facilityKeys, useFacilityMembers } from './queries';

/**
 * Item 1(1) asks for a named 安全管理責任者: the facility's members with the manager role. The administrator
 * who created the facility is no member of it, so until someone is, offer to take the role or to invite who has it.
 */
export function SecurityManagerOffer({ facility }: { facility: Facility }) {
  const { t } = useTranslation();
  const allowed = useCan();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const onError = useApiErrorHandler();
  const [inviteOpened, invite] = useDisclosure(false);
  const scope = { kind: 'facility', organizationId: facility.organizationId, facilityId: facility.id } as const;
  const canJoin = allowed('member.joinSelf', scope);
  const canInvite = allowed('member.invite', scope);
  const members = useFacilityMembers(facility.id, allowed('member.read', scope));

  const join = useMutation({
    mutationFn: () => request(client.POST('/facilities/{facilityId}/members/me', { params: { path: { facilityId: facility.id } }, body: { role: 'manager' } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: facilityKeys.members(facility.id) });
      void queryClient.invalidateQueries({ queryKey: ['findings'] });
      void refreshSession();
      showSuccess(t('facility.securityManager.joined'));
    },
    onError: (error) => onError(error),
  });

  if (!members.data || members.data.some((m) => m.role === 'manager') || (!canJoin && !canInvite)) return null;
  return (
    <Alert color="orange" title={t('facility.securityManager.title')} mb="lg">
      <Text size="sm" mb="sm">
        {t('facility.securityManager.body')}
      </Text>
      <Group gap="sm">
        {canJoin && (
          <Button size="sm" onClick={() => join.mutate()} loading={join.isPending}>
            {t('facility.securityManager.makeMe')}
          </Button>
        )}
        {canInvite && (
          <Button size="sm" variant="default" onClick={invite.open}>
            {t('facility.securityManager.invite')}
          </Button>
        )}
      </Group>
      {canInvite && (
        <InviteModal
          opened={inviteOpened}
          onClose={invite.close}
          organizationId={facility.organizationId}
          facilities={[{ id: facility.id, name: facility.name }]}
          fixedFacilityId={facility.id}
          canInviteOrgAdmin={false}
          initialRole="manager"
        />
      )}
    </Alert>
  );
}
