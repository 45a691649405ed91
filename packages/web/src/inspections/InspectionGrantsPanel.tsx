import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';

const grantsKey = (facilityId: string) => ['facilities', facilityId, 'inspection-grants'] as const;

/**
 * The facility manager's panel on the members page: which health-center inspectors (立入検査) may read the
 * facility's records, granting one by e-mail and revoking a grant. Inspectors never write anything.
 */
export function InspectionGrantsPanel({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [email, setEmail] = useState('');
  const grants = useQuery({
    queryKey: grantsKey(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/inspection-grants', { params: { path: { facilityId } } })),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: grantsKey(facilityId) });
  const grant = useMutation({
    mutationFn: (inspectorEmail: string) =>
      request(client.POST('/facilities/{facilityId}/inspection-grants', { params: { path: { facilityId } }, body: { inspectorEmail } })),
    onSuccess: (created) => {
      refresh();
      setEmail('');
      showSuccess(t('inspections.granted', { name: created?.inspector.name ?? '' }));
    },
    onError: (error) => onError(error),
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) =>
      request(client.DELETE('/facilities/{facilityId}/inspection-grants/{grantId}', { params: { path: { facilityId, grantId } } })),
    onSuccess: () => {
      refresh();
      showSuccess(t('inspections.revoked'));
    },
    onError: (error) => onError(error),
  });

  return (
    <Paper withBorder radius="md" p="lg" mt="xl">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('inspections.grantsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('inspections.grantsHelp')}
        </Text>
        {grants.data?.length === 0 && <Text size="sm">{t('inspections.none')}</Text>}
        {grants.data && grants.data.length > 0 && (
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inspections.inspector')}</Table.Th>
                  <Table.Th>{t('inspections.healthCenter')}</Table.Th>
                  <Table.Th aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grants.data.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {g.inspector.name}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {g.inspector.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{g.inspector.healthCenter}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={revoke.isPending && revoke.variables === g.id}
                        aria-label={t('inspections.revokeOf', { name: g.inspector.name })}
                        onClick={() => revoke.mutate(g.id)}
                      >
                        {t('inspections.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (email.trim()) grant.mutate(email.trim());
          }}
        >
          <Group align="flex-end">
            <TextInput
              type="email"
              label={t('inspections.emailLabel')}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
              required
            />
            <Button type="submit" loading={grant.isPending}>
              {t('inspections.grant')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
