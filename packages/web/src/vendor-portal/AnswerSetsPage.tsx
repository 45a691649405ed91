import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { PageHeader } from '../layout/PageHeader';
import { useVendorMemberships } from './access';
import { useAnswerSets, type AnswerSetView } from './api';
import { fyLabel } from './labels';

/** /vendor/answer-sets: the prepared answers per product, for each company the user answers for. */
export function AnswerSetsPage() {
  const { t } = useTranslation();
  const vendors = useVendorMemberships();
  return (
    <>
      <PageHeader
        title={t('answerSets.title')}
        description={t('answerSets.description')}
        actions={
          vendors.length === 1 && (
            <Button component={Link} to={`/vendor/answer-sets/new?vendor=${vendors[0]!.id}`}>
              {t('answerSets.create')}
            </Button>
          )
        }
      />
      {vendors.length === 0 ? (
        <Alert color="gray">{t('vendorPortal.home.noVendorBody')}</Alert>
      ) : (
        <Stack gap="lg">
          {vendors.map((vendor) => (
            <CompanySets key={vendor.id} vendor={vendor} withHeading={vendors.length > 1} />
          ))}
        </Stack>
      )}
    </>
  );
}

function CompanySets({ vendor, withHeading }: { vendor: { id: string; name: string }; withHeading: boolean }) {
  const { t } = useTranslation();
  const sets = useAnswerSets(vendor.id);
  return (
    <Stack gap="xs" component="section" aria-label={vendor.name}>
      {withHeading && (
        <Group justify="space-between">
          <Title order={2} fz="h4">
            {vendor.name}
          </Title>
          <Button component={Link} to={`/vendor/answer-sets/new?vendor=${vendor.id}`} size="sm">
            {t('answerSets.createFor', { vendor: vendor.name })}
          </Button>
        </Group>
      )}
      {sets.isLoading ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : sets.isError ? (
        <ErrorAlert error={sets.error} onRetry={() => void sets.refetch()} />
      ) : (sets.data ?? []).length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="xs" align="flex-start">
            <Text fw={700}>{t('answerSets.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" maw={640}>
              {t('answerSets.emptyBody')}
            </Text>
            <Button component={Link} to={`/vendor/answer-sets/new?vendor=${vendor.id}`} variant="light">
              {t('answerSets.create')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label={t('answerSets.tableLabel', { vendor: vendor.name })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('answerSets.product')}</Table.Th>
                  <Table.Th>{t('answerSets.edition')}</Table.Th>
                  <Table.Th>{t('answerSets.answers')}</Table.Th>
                  <Table.Th>{t('answerSets.updated')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...sets.data!]
                  .sort((a, b) => a.product.localeCompare(b.product, 'ja'))
                  .map((set) => (
                    <SetRow key={set.id} set={set} />
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

function SetRow({ set }: { set: AnswerSetView }) {
  const { t, i18n } = useTranslation();
  const answers = Object.values(set.answers);
  const no = answers.filter((a) => a.value === 'no').length;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={700} size="sm">
          {set.product}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('answerSets.editionName', { edition: fyLabel(Number(set.edition), i18n.language) })}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" color="teal">
            {t('answerSets.countYes', { count: answers.length - no })}
          </Badge>
          {no > 0 && (
            <Badge variant="light" color="orange">
              {t('answerSets.countNo', { count: no })}
            </Badge>
          )}
          {set.excludedItems.length > 0 && (
            <Badge variant="outline" color="gray">
              {t('answerSets.countExcluded', { count: set.excludedItems.length })}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(set.updatedAt)}</Text>
        {set.updatedBy && (
          <Text size="xs" c="dimmed">
            {set.updatedBy}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button
          component={Link}
          to={`/vendor/answer-sets/${set.id}`}
          size="xs"
          variant="light"
          aria-label={t('answerSets.editLabel', { product: set.product })}
        >
          {t('common.edit')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
