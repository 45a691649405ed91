import { useMemo, useState } from 'react';
import { Button, Center, Paper, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import type { QueryOf } from '../api/types';
import { useCan } from '../auth/actor';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { useCurrentFacility } from '../facilities/CurrentFacility';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** The `kind` filter: every action on one kind of record. */
type AuditKind = NonNullable<QueryOf<'/audit-events'>['kind']>;

/** Scope values are `facility:<id>`, `organization:<id>` or `all` (system administrators only). */
function scopeQuery(scope: string | null): { facilityId?: string; organizationId?: string } {
  if (!scope || scope === 'all') return {};
  const [kind, id] = scope.split(':');
  return kind === 'facility' ? { facilityId: id } : { organizationId: id };
}

export function AuditPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const allowed = useCan();
  const { facilities, current } = useCurrentFacility();

  const scopes = useMemo(() => {
    const options: { value: string; label: string }[] = [];
    if (session?.user.isSystemAdmin) options.push({ value: 'all', label: t('audit.allScopes') });
    for (const org of session?.memberships.organizations ?? []) {
      if (allowed('audit.read', { kind: 'organization', organizationId: org.id })) {
        options.push({ value: `organization:${org.id}`, label: t('audit.orgScope', { name: org.name }) });
      }
    }
    for (const f of facilities) {
      if (allowed('audit.read', { kind: 'facility', organizationId: f.organizationId, facilityId: f.id })) {
        options.push({ value: `facility:${f.id}`, label: t('audit.facilityScope', { name: f.name }) });
      }
    }
    return options;
  }, [session, facilities, allowed, t]);

  const preferred = (current && scopes.find((s) => s.value === `facility:${current.id}`)?.value) ?? scopes[0]?.value ?? null;
  const [filters, setFilters] = useState<AuditFilterValues | null>(null);
  const active: AuditFilterValues = filters ?? { scope: preferred, action: null, from: null, to: null };

  const events = useInfiniteQuery({
    queryKey: ['audit', active],
    enabled: !!active.scope,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      request(
        client.GET('/audit-events', {
          params: {
            query: {
              ...scopeQuery(active.scope),
              ...(active.action?.startsWith('kind:') ? { kind: active.action.slice('kind:'.length) as AuditKind } : { action: active.action ?? undefined }),
              from: active.from ?? undefined,
              to: active.to ?? undefined,
              before: pageParam,
              limit: 50,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  if (scopes.length === 0) {
    return (
      <>
        <PageHeader title={t('audit.title')} />
        <Text c="dimmed">{t('audit.notAllowed')}</Text>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <AuditFilters key={active.scope ?? ''} scopes={scopes} initial={active} onApply={setFilters} />
        </Paper>
        {events.isLoading && <FullPageLoader />}
        {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
        {events.data && (
          <Paper withBorder radius="md">
            {items.length === 0 ? (
              <Text p="lg" c="dimmed">
                {t('audit.empty')}
              </Text>
            ) : (
              <AuditTable events={items} />
            )}
          </Paper>
        )}
        {events.hasNextPage && (
          <Center>
            <Button variant="default" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              {t('audit.loadMore')}
            </Button>
          </Center>
        )}
      </Stack>
    </>
  );
}
