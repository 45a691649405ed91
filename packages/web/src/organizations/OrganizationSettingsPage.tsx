import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../auth/actor';
import { ErrorAlert } from '../common/ErrorAlert';
import { useFacilityList, useOrganization } from '../facilities/queries';
import { InviteModal } from '../invitations/InviteModal';
import { PendingInvitations } from '../invitations/PendingInvitations';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { OrganizationFacilities } from './OrganizationFacilities';
import { OrganizationMembers } from './OrganizationMembers';
import { OrganizationSettingsForm } from './OrganizationSettingsForm';

export function OrganizationSettingsPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const allowed = useCan();
  const organization = useOrganization(organizationId);
  const scope = { kind: 'organization', organizationId } as const;
  const isAdmin = allowed('organization.update', scope);
  const facilities = useFacilityList(organizationId, isAdmin);
  const [inviteOpened, invite] = useDisclosure(false);

  if (organization.isLoading) return <FullPageLoader />;
  if (organization.isError) return <ErrorAlert error={organization.error} onRetry={() => void organization.refetch()} />;
  if (!organization.data) return null;

  return (
    <>
      <PageHeader title={organization.data.name} description={t('organization.description')} />
      <Stack gap="lg">
        <OrganizationSettingsForm organization={organization.data} editable={isAdmin} />
        <OrganizationFacilities organizationId={organizationId} canCreate={allowed('facility.create', scope)} canOversee={allowed('oversight.read', scope)} />
        {isAdmin && <OrganizationMembers organizationId={organizationId} />}
        {isAdmin && <PendingInvitations organizationId={organizationId} actions={<Button onClick={invite.open}>{t('members.inviteButton')}</Button>} />}
      </Stack>
      {isAdmin && (
        <InviteModal
          opened={inviteOpened}
          onClose={invite.close}
          organizationId={organizationId}
          facilities={(facilities.data ?? []).map((f) => ({ id: f.id, name: f.name }))}
          canInviteOrgAdmin
        />
      )}
    </>
  );
}
