import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { ConfirmDeletePopover } from '../common/ConfirmDeletePopover';
import { TableCard } from '../common/TableCard';
import { formatDate } from '../common/format';
import { useInspectorAccess, type InspectorAccount } from './api';

/** 利用中 / 無効 (since when). */
function Status({ inspector }: { inspector: InspectorAccount }) {
  const { t } = useTranslation();
  return inspector.disabledAt ? (
    <Badge color="gray" variant="filled">
      {t('inspectorAccounts.disabledSince', { date: formatDate(inspector.disabledAt) })}
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      {t('inspectorAccounts.active')}
    </Badge>
  );
}

/** Disable asks first (the inspector is signed out at once); enabling again needs no confirmation. */
function AccessAction({ inspector }: { inspector: InspectorAccount }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const access = useInspectorAccess();
  const change = (disabled: boolean, close?: () => void) =>
    access.mutate(
      { inspectorId: inspector.id, disabled },
      {
        onSuccess: () => {
          close?.();
          showSuccess(t(disabled ? 'inspectorAccounts.disabledDone' : 'inspectorAccounts.enabledDone', { name: inspector.name }));
        },
        onError: (error) => onError(error),
      },
    );
  if (inspector.disabledAt) {
    return (
      <Button
        size="xs"
        variant="light"
        loading={access.isPending}
        aria-label={t('inspectorAccounts.enableOf', { name: inspector.name })}
        onClick={() => change(false)}
      >
        {t('inspectorAccounts.enable')}
      </Button>
    );
  }
  return (
    <ConfirmDeletePopover
      target={({ onClick }) => (
        <Button size="xs" variant="subtle" color="red" onClick={onClick} aria-label={t('inspectorAccounts.disableOf', { name: inspector.name })}>
          {t('inspectorAccounts.disable')}
        </Button>
      )}
      message={t('inspectorAccounts.disableConfirm', { name: inspector.name })}
      confirmLabel={t('inspectorAccounts.disable')}
      busy={access.isPending}
      onConfirm={(close) => change(true, close)}
      maw={300}
    />
  );
}

type ResetPassword = (inspector: InspectorAccount) => void;

/** What an administrator does to one account: a new temporary password (while it is active), disable, enable. */
function Actions({ inspector, onResetPassword }: { inspector: InspectorAccount; onResetPassword: ResetPassword }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {!inspector.disabledAt && (
        <Button size="xs" variant="subtle" onClick={() => onResetPassword(inspector)}>
          {t('resetPassword.button')}
        </Button>
      )}
      <AccessAction inspector={inspector} />
    </Group>
  );
}

/** The inspectors: a table on a desk, one card each on a phone. */
export function InspectorList({ inspectors, onResetPassword }: { inspectors: readonly InspectorAccount[]; onResetPassword: ResetPassword }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const area = (i: InspectorAccount) => `${t(`prefectures.${i.prefecture}`)} ${i.healthCenter}`;
  const facilities = (i: InspectorAccount) => t('inspectorAccounts.facilities', { count: i.grantedFacilities });
  if (phone) {
    return (
      <Stack gap="sm" aria-label={t('inspectorAccounts.listLabel')}>
        {inspectors.map((i) => (
          <Card key={i.id} withBorder radius="md" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{i.name}</Text>
              <Status inspector={i} />
            </Group>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {i.email}
            </Text>
            <Text size="sm" mt="xs">
              {area(i)}
            </Text>
            <Text size="sm" mt={4}>
              {t('inspectorAccounts.columns.facilities')}: {facilities(i)}
            </Text>
            <Group justify="flex-end" mt="xs">
              <Actions inspector={i} onResetPassword={onResetPassword} />
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <TableCard
      label={t('inspectorAccounts.listLabel')}
      minWidth={760}
      columns={[
        t('inspectorAccounts.columns.inspector'),
        t('inspectorAccounts.columns.area'),
        t('inspectorAccounts.columns.facilities'),
        t('inspectorAccounts.columns.status'),
        { label: t('common.actions'), w: 220 },
      ]}
      rows={inspectors}
      renderRow={(i) => (
        <Table.Tr key={i.id}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {i.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {i.email}
            </Text>
          </Table.Td>
          <Table.Td>{area(i)}</Table.Td>
          <Table.Td>{facilities(i)}</Table.Td>
          <Table.Td>
            <Status inspector={i} />
          </Table.Td>
          <Table.Td>
            <Actions inspector={i} onResetPassword={onResetPassword} />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
