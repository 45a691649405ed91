import { useState } from 'react';
import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { FacilityMember } from '../api/types';
import { useCan } from '../auth/actor';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { useFacility, useFacilityMembers } from '../facilities/queries';
import { InspectionGrantsPanel } from '../inspections/InspectionGrantsPanel';
import { InviteModal } from '../invitations/InviteModal';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { MemberRoleSelect } from './MemberRoleSelect';
import { RemoveMemberModal } from './RemoveMemberModal';

export function MembersPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const { data: session } = useSession();
  const allowed = useCan();
  const facility = useFacility(facilityId);
  const scope = facility.data ? ({ kind: 'facility', organizationId: facility.data.organizationId, facilityId } as const) : null;
  const canRead = !!scope && allowed('member.read', scope);
  const members = useFacilityMembers(facilityId, canRead);
  const [inviteOpened, invite] = useDisclosure(false);
  const [removing, setRemoving] = useState<FacilityMember | null>(null);

  if (facility.isLoading || members.isLoading) return <FullPageLoader />;
  if (facility.isError) return <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />;
  if (!facility.data || !scope) return null;
  if (!canRead) {
    return (
      <>
        <PageHeader title={t('members.title')} />
        <Text c="dimmed">{t('members.notAllowed')}</Text>
      </>
    );
  }

  const canUpdate = allowed('member.update', scope);
  const canRemove = allowed('member.remove', scope);
  const canInvite = allowed('member.invite', scope);
  const canInviteOrgAdmin = allowed('organization.update', { kind: 'organization', organizationId: scope.organizationId });

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={t('members.description', { facility: facility.data.name })}
        actions={canInvite ? <Button onClick={invite.open}>{t('members.inviteButton')}</Button> : undefined}
      />
      {members.isError && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      {members.data?.length === 0 && (
        <Paper withBorder radius="md" p="lg">
          <Text c="dimmed">{t('members.none')}</Text>
        </Paper>
      )}
      {members.data && members.data.length > 0 && (
        <Paper withBorder radius="md">
          {/* Name and address share a cell, so on a phone the table fits without cutting either. */}
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('members.nameAndEmail')}</Table.Th>
                  <Table.Th>{t('fields.role')}</Table.Th>
                  <Table.Th aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                          {m.name}
                        </Text>
                        {m.userId === session?.user.id && (
                          <Badge size="sm" variant="light" color="gray" style={{ flexShrink: 0 }}>
                            {t('members.you')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {m.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{canUpdate ? <MemberRoleSelect facilityId={facilityId} member={m} /> : t(`roles.${m.role}`)}</Table.Td>
                    <Table.Td>
                      {canRemove && (
                        <Button size="xs" variant="subtle" color="red" aria-label={t('members.removeOf', { name: m.name })} onClick={() => setRemoving(m)}>
                          {t('members.remove')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Text size="sm" c="dimmed" mt="md">
        {t('members.rolesHelp')}
      </Text>
      {allowed('inspectionGrant.manage', scope) && <InspectionGrantsPanel facilityId={facilityId} />}
      {canInvite && (
        <InviteModal
          opened={inviteOpened}
          onClose={invite.close}
          organizationId={scope.organizationId}
          facilities={[{ id: facilityId, name: facility.data.name }]}
          fixedFacilityId={facilityId}
          canInviteOrgAdmin={canInviteOrgAdmin}
        />
      )}
      <RemoveMemberModal facilityId={facilityId} facilityName={facility.data.name} member={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
