import { useState } from 'react';
import { Alert, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { AccountScope, AccountSystemView } from '@mamori/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showError, showSuccess } from '../api/errors';

const systemsKey = (facilityId: string) => ['ledgers', facilityId, 'account-systems'] as const;

/**
 * 2(4)/2(5) are answered per scope: accounts of a server or application (電子カルテ…) and accounts of terminal PCs
 * (Windows local accounts, Active Directory users). Each system's accounts are set at once here; new accounts of the
 * system imported without a 対象機器 column follow it.
 */
export function AccountSystemsPanel({ facilityId, canEdit }: { facilityId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const systems = useQuery({
    queryKey: systemsKey(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/account-systems', { params: { path: { facilityId } } })),
  });
  if (!systems.data || systems.data.length === 0) return null;

  const setScope = async (system: string, scope: AccountScope) => {
    setBusy(system);
    try {
      const { updated } = await request(
        client.POST('/facilities/{facilityId}/account-systems/scope', { params: { path: { facilityId } }, body: { system, scope } }),
      );
      await queryClient.invalidateQueries({ queryKey: ['ledgers', facilityId] });
      await queryClient.invalidateQueries({ queryKey: ['findings', facilityId] });
      showSuccess(t('ledgers.systems.updated', { system: system || t('ledgers.systems.none'), count: updated }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const scopeOf = (s: AccountSystemView): AccountScope | 'mixed' => (s.server && s.terminal ? 'mixed' : s.terminal ? 'terminal' : 'server');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="account-systems-title">
      <Stack gap="xs">
        <Title order={2} fz="h5" id="account-systems-title">
          {t('ledgers.systems.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('ledgers.systems.hint')}
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledgers.systems.system')}</Table.Th>
                <Table.Th>{t('ledgers.systems.count')}</Table.Th>
                <Table.Th>{t('ledgers.systems.scope')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {systems.data.map((s) => {
                const name = s.system || t('ledgers.systems.none');
                const scope = scopeOf(s);
                return (
                  <Table.Tr key={s.system}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>{t('ledgers.systems.counts', { server: s.server, terminal: s.terminal })}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <SegmentedControl
                          size="xs"
                          aria-label={t('ledgers.systems.scopeOf', { system: name })}
                          value={scope === 'mixed' ? '' : scope}
                          disabled={!canEdit || busy !== null}
                          onChange={(value) => void setScope(s.system, value as AccountScope)}
                          data={[
                            { value: 'server', label: t('ledgers.values.scope.server') },
                            { value: 'terminal', label: t('ledgers.values.scope.terminal') },
                          ]}
                        />
                        {scope === 'mixed' && (
                          <Text size="xs" c="orange.8">
                            {t('ledgers.systems.mixed')}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {systems.data.every((s) => s.terminal === 0) && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t('ledgers.systems.noTerminal')}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
