import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useCan } from '../auth/actor';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { useCurrentFacility } from '../facilities/CurrentFacility';
import { useFacility, useFacilityMembers } from '../facilities/queries';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { ChecklistCard, useChecklistReady } from './ChecklistCard';
import { FacilitySummary } from './FacilitySummary';
import { NextSteps, type Step } from './NextSteps';
import { useWorkSteps } from './work-steps';
import { isVendorOnly, vendorHome } from '../vendor-portal/access';
import { InspectorHome } from '../inspections/InspectorHome';

function Welcome() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { organizationId } = useCurrentFacility();
  const allowed = useCan();
  if (!session) return null;
  const canCreateFacility = !!organizationId && allowed('facility.create', { kind: 'organization', organizationId });

  let body: React.ReactNode;
  if (canCreateFacility) {
    body = (
      <Alert color="teal" title={t('dashboard.noFacilityAdminTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('dashboard.noFacilityAdminBody')}</Text>
          <Group>
            <Button component={Link} to={`/organizations/${organizationId}/facilities/new`}>
              {t('facility.addButton')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  } else if (session.user.isSystemAdmin) {
    body = (
      <Alert color="teal" title={t('dashboard.noOrganizationTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('dashboard.noOrganizationBody')}</Text>
          <Group>
            <Button component={Link} to="/organizations">
              {t('dashboard.toOrganizations')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  } else {
    body = (
      <Alert color="gray" title={t('dashboard.noFacilityTitle')}>
        {t('dashboard.noFacilityBody')}
      </Alert>
    );
  }
  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: session.user.name })} />
      {body}
    </>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const params = useParams();
  const { data: session } = useSession();
  const { current, loading } = useCurrentFacility();
  const allowed = useCan();
  const facilityId = params.facilityId ?? current?.id;
  const facility = useFacility(facilityId);
  const memberScope = facility.data ? ({ kind: 'facility', organizationId: facility.data.organizationId, facilityId: facility.data.id } as const) : null;
  const members = useFacilityMembers(facilityId, !!memberScope && allowed('member.read', memberScope));
  const checklistReady = useChecklistReady(facilityId);
  const workSteps = useWorkSteps(facility.data);

  // A vendor company's staff (no facility of their own) start at the vendor portal.
  if (!params.facilityId && isVendorOnly(session)) return <Navigate to={vendorHome} replace />;
  if (loading || facility.isLoading) return <FullPageLoader />;
  if (!facilityId) return <Welcome />;
  if (facility.isError) return <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />;
  if (!facility.data || !session) return null;

  const f = facility.data;
  const scope = { kind: 'facility', organizationId: f.organizationId, facilityId: f.id } as const;
  const role = session.memberships.facilities.find((m) => m.id === f.id)?.role ?? null;
  const inspecting = !role && !!session.memberships.inspections?.some((g) => g.id === f.id);
  const steps: Step[] = [
    {
      key: 'facility',
      title: t('dashboard.stepFacility'),
      body: t('dashboard.stepFacilityBody'),
      done: !!f.healthCenter,
      to: `/facilities/${f.id}`,
      action: t('dashboard.stepFacilityAction'),
    },
    ...(allowed('member.read', scope)
      ? [
          {
            key: 'members',
            title: t('dashboard.stepMembers'),
            body: t('dashboard.stepMembersBody'),
            // The guideline's first item is a named security manager (1(1)); that is what this step checks.
            done: !!members.data?.some((m) => m.role === 'manager'),
            to: `/facilities/${f.id}/members`,
            action: t('dashboard.stepMembersAction'),
          },
        ]
      : []),
    {
      key: 'totp',
      title: t('dashboard.stepTotp'),
      body: t('dashboard.stepTotpBody'),
      done: session.user.totpEnabled,
      to: '/account',
      action: t('dashboard.stepTotpAction'),
    },
    ...workSteps,
    {
      key: 'checklist',
      title: t('dashboard.stepChecklist'),
      body: t('dashboard.stepChecklistBody'),
      done: checklistReady,
      to: `/facilities/${f.id}/checklist`,
      action: t('dashboard.stepChecklistAction'),
    },
  ];

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} />
      <Stack gap="lg">
        <InspectorHome facilityId={f.id} />
        <FacilitySummary facility={f} role={role} />
        <ChecklistCard facilityId={f.id} canCreate={allowed('assessment.create', scope)} canAnswer={allowed('assessment.answer', scope)} />
        {/* The facility's to-do list is its staff's: an inspector reading it (立入検査) can do none of it. */}
        {!inspecting && <NextSteps steps={steps} />}
      </Stack>
    </>
  );
}
