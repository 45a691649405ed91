import { useState } from 'react';
import { Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert';
import { useLogEvents, type EventQuery } from './api';
import { EventCards } from './EventCards';
import { EventFilters } from './EventFilters';
import { EventsTable } from './EventsTable';
import type { Period } from './period';

/** ログを探す: the period's lines filtered by who, where and what, a hundred at a time (さらに表示 for the next). */
export function EventSearch({ facilityId, sourceId, period }: { facilityId: string; sourceId: string; period: Period }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<EventQuery>({});
  const events = useLogEvents(facilityId, sourceId, period, filters);
  const list = events.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="search-title">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="search-title">
          {t('accessLogs.search.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('accessLogs.search.description')}
        </Text>
        <EventFilters onApply={setFilters} />
        {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
        {events.isLoading && <Loader size="sm" />}
        {events.data && (
          <Text size="sm" fw={600} data-testid="search-count" aria-live="polite">
            {list.length === 0
              ? t('accessLogs.search.none')
              : events.hasNextPage
                ? t('accessLogs.search.shownMore', { count: list.length })
                : t('accessLogs.search.shown', { count: list.length })}
          </Text>
        )}
        {list.length > 0 && (
          <>
            <Box visibleFrom="sm">
              <EventsTable events={list} />
            </Box>
            <Box hiddenFrom="sm">
              <EventCards events={list} />
            </Box>
          </>
        )}
        {events.hasNextPage && (
          <Group justify="center">
            <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              {t('accessLogs.search.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
