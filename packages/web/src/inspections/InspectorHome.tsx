import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { InspectionReportButtons } from './InspectionReportButtons';

/**
 * An inspector's home (立入検査の検査員): the facilities that granted them read-only access, each a link to its
 * dashboard, a reminder that nothing can be changed from here, and the facility's readiness reports (PDF).
 */
export function InspectorHome({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const granted = session?.memberships.inspections ?? [];
  if (!granted.some((f) => f.id === facilityId)) return null;
  return (
    <Alert color="blue" title={t('inspections.homeTitle')}>
      <Text size="sm" mb="xs">
        {t('inspections.homeBody')}
      </Text>
      <List size="sm">
        {granted.map((f) => (
          <List.Item key={f.id}>
            {f.id === facilityId ? (
              <Text span fw={600} size="sm">
                {f.name}
              </Text>
            ) : (
              <Anchor component={Link} to={`/facilities/${f.id}`} size="sm">
                {f.name}
              </Anchor>
            )}
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to="/oversight" size="sm" mt="xs" display="inline-block">
        {t('inspections.homeOverview')}
      </Anchor>
      <Text size="sm" mt="sm" mb="xs">
        {t('inspections.report.help')}
      </Text>
      <InspectionReportButtons facilityId={facilityId} />
    </Alert>
  );
}
