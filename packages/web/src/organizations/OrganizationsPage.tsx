import { Anchor, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDate } from '../common/format';
import { useOrganizations } from '../facilities/queries';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { CreateOrganizationModal } from './CreateOrganizationModal';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const organizations = useOrganizations();

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={<Button onClick={open}>{t('organizations.createButton')}</Button>}
      />
      {organizations.isLoading && <FullPageLoader />}
      {organizations.isError && <ErrorAlert error={organizations.error} onRetry={() => void organizations.refetch()} />}
      {organizations.data && (
        <Paper withBorder radius="md">
          {organizations.data.length === 0 ? (
            <Text p="lg" c="dimmed">
              {t('organizations.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.organizationName')}</Table.Th>
                    <Table.Th>{t('fields.requireTotp')}</Table.Th>
                    <Table.Th>{t('common.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {organizations.data.map((org) => (
                    <Table.Tr key={org.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/organizations/${org.id}`}>
                          {org.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {org.requireTotp ? (
                          <Badge color="teal" variant="light">
                            {t('organizations.totpRequired')}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light">
                            {t('organizations.totpOptional')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{formatDate(org.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      <CreateOrganizationModal opened={opened} onClose={close} />
    </>
  );
}
