import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { FacilityMember, FacilityRole } from '../api/types';
import { useRefreshSession } from '../auth/session';
import { useOptions } from '../common/labels';
import { facilityKeys } from '../facilities/queries';

export function MemberRoleSelect({ facilityId, member }: { facilityId: string; member: FacilityMember }) {
  const { t } = useTranslation();
  const { roles } = useOptions();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const onError = useApiErrorHandler();
  const change = useMutation({
    mutationFn: (role: FacilityRole) =>
      request(
        client.PATCH('/facilities/{facilityId}/members/{memberId}', {
          params: { path: { facilityId, memberId: member.id } },
          body: { version: member.version, role },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData<FacilityMember[]>(facilityKeys.members(facilityId), (old) => old?.map((m) => (m.id === updated.id ? updated : m)));
      void refreshSession();
      showSuccess(t('members.roleChanged', { name: member.name, role: t(`roles.${updated.role}`) }));
    },
    onError: (error) => {
      onError(error);
      void queryClient.invalidateQueries({ queryKey: facilityKeys.members(facilityId) });
    },
  });

  return (
    <Select
      aria-label={t('members.roleOf', { name: member.name })}
      data={roles}
      value={member.role}
      allowDeselect={false}
      disabled={change.isPending}
      onChange={(value) => value && value !== member.role && change.mutate(value as FacilityRole)}
      w={{ base: 180, sm: 260 }}
      size="sm"
    />
  );
}
