import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { ApiToken, CreatedToken } from '../api/types';
import { CopyField } from '../common/CopyField';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { requiredText } from '../common/validators';

export const tokensKey = ['me', 'tokens'] as const;

export function TokensSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => request(client.GET('/me/tokens')) });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [deleting, setDeleting] = useState<ApiToken | null>(null);
  const form = useForm({ initialValues: { name: '' }, validate: { name: requiredText } });

  const create = useMutation({
    mutationFn: (name: string) => request(client.POST('/me/tokens', { body: { name } })),
    onSuccess: (token) => {
      setCreated(token);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => onError(error, form),
  });
  const remove = useMutation({
    mutationFn: (tokenId: string) => request(client.DELETE('/me/tokens/{tokenId}', { params: { path: { tokenId } } })),
    onSuccess: () => {
      setDeleting(null);
      showSuccess(t('tokens.deleted'));
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => onError(error),
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('tokens.description')}
      </Text>
      {tokens.isError && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('common.createdAt')}</Table.Th>
                <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(token)}>
                      {t('common.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {created && (
        <Stack gap="xs">
          <Alert color="yellow" title={t('tokens.createdTitle')}>
            {t('tokens.showOnce')}
          </Alert>
          <CopyField label={t('tokens.value')} value={created.token} />
          <Button variant="default" size="xs" w="fit-content" onClick={() => setCreated(null)}>
            {t('tokens.copiedDone')}
          </Button>
        </Stack>
      )}
      <form onSubmit={form.onSubmit((values) => create.mutate(values.name.trim()))} noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('tokens.name')} description={t('tokens.nameHint')} w={320} {...form.getInputProps('name')} />
          <Button type="submit" loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
      </form>
      <Modal opened={!!deleting} onClose={() => setDeleting(null)} title={t('tokens.deleteTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('tokens.deleteConfirm', { name: deleting?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
