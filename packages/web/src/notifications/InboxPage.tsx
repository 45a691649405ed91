import { Badge, Button, Checkbox, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { showError } from '../api/errors';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { type NotificationItem, useMarkRead, useNotifications } from './api';

const phaseColor = { soon: 'yellow', due: 'orange', overdue: 'red' } as const;

/** /notifications: the signed-in user's reminders, newest first; opening one marks it read. */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id, { onError: showError });
    navigate(item.link);
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={
          <>
            {t('notifications.description')} <Link to="/account#notifications">{t('notifications.settingsLink')}</Link>
          </>
        }
        actions={
          <Button variant="default" onClick={() => markRead.mutate(undefined, { onError: showError })} loading={markRead.isPending && !markRead.variables}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Stack gap="sm">
        <Checkbox label={t('notifications.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
        {list.isLoading && <FullPageLoader />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
        {items.map((item) => (
          <Paper key={item.id} withBorder radius="md" p="sm" bg={item.readAt ? undefined : 'teal.0'}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <UnstyledButton onClick={() => open(item)} style={{ flex: 1 }}>
                <Group gap="xs" mb={4}>
                  <Badge color={phaseColor[item.phase]} variant="light">
                    {t(`notifications.phases.${item.phase}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {item.facilityName} · {formatDateTime(item.createdAt)}
                  </Text>
                </Group>
                <Text fw={item.readAt ? 400 : 700} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.title}
                </Text>
              </UnstyledButton>
              {!item.readAt && (
                <Button size="xs" variant="subtle" onClick={() => markRead.mutate(item.id, { onError: showError })}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
        {list.hasNextPage && (
          <Button variant="default" w="fit-content" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('notifications.loadMore')}
          </Button>
        )}
      </Stack>
    </>
  );
}
