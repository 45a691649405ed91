import { useState } from 'react';
import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { RoleBadges } from '../common/RoleBadges';
import { organizationKeys } from '../facilities/queries';
import { ResetPasswordModal } from './ResetPasswordModal';

export function OrganizationMembers({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const members = useQuery({
    queryKey: organizationKeys.members(organizationId),
    queryFn: () => request(client.GET('/organizations/{organizationId}/members', { params: { path: { organizationId } } })),
  });
  const [resetTarget, setResetTarget] = useState<{ userId: string; name: string } | null>(null);

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="h4" mb="sm">
        {t('organization.members')}
      </Title>
      {members.isError && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      {members.data?.length === 0 && <Text c="dimmed">{t('members.empty')}</Text>}
      {members.data && members.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('members.roles')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    <RoleBadges organizationId={organizationId} organizationRole={m.organizationRole} facilityRoles={m.facilities} />
                  </Table.Td>
                  <Table.Td>
                    {m.userId !== session?.user.id && (
                      <Button size="xs" variant="subtle" onClick={() => setResetTarget({ userId: m.userId, name: m.name })}>
                        {t('resetPassword.button')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ResetPasswordModal target={resetTarget} onClose={() => setResetTarget(null)} />
    </Paper>
  );
}
