import { Anchor, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { useFacilityList } from '../facilities/queries';

export function OrganizationFacilities({ organizationId, canCreate, canOversee }: { organizationId: string; canCreate: boolean; canOversee: boolean }) {
  const { t } = useTranslation();
  const facilities = useFacilityList(organizationId);
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('organization.facilities')}
        </Title>
        <Group gap="sm">
          {canOversee && (
            <Button component={Link} to={`/oversight?organizationId=${organizationId}`} variant="default">
              {t('organization.oversight')}
            </Button>
          )}
          {canCreate && (
            <Button component={Link} to={`/organizations/${organizationId}/facilities/new`}>
              {t('facility.addButton')}
            </Button>
          )}
        </Group>
      </Group>
      {facilities.isError && <ErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} />}
      {facilities.data?.length === 0 && <Text c="dimmed">{t('organization.noFacilities')}</Text>}
      {facilities.data && facilities.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.facilityName')}</Table.Th>
                <Table.Th>{t('fields.kind')}</Table.Th>
                <Table.Th>{t('fields.prefecture')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {facilities.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/facilities/${f.id}`}>
                      {f.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`facilityKinds.${f.kind}`)}</Table.Td>
                  <Table.Td>{t(`prefectures.${f.prefecture}`, { defaultValue: f.prefecture })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
