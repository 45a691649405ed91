import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { contactKinds, internalContactKinds, type ContactKind } from '@mamori/domain';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import type { useReadinessAccess } from './access';
import { readinessKeys } from './api';

export type ReadinessAccess = ReturnType<typeof useReadinessAccess>;

/** Loading, load failure and "not allowed" of a readiness page, so each page only draws its content. */
export function ReadinessGate({ access, title, children }: { access: ReadinessAccess; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  if (access.facility.isLoading) return <FullPageLoader />;
  if (access.facility.isError) return <ErrorAlert error={access.facility.error} onRetry={() => void access.facility.refetch()} />;
  if (!access.canRead) {
    return (
      <>
        <PageHeader title={title} />
        <Text c="dimmed">{t('readiness.notAllowed')}</Text>
      </>
    );
  }
  return <>{children}</>;
}

/** After a readiness write: reload the readiness data and the checklist suggestions for 3(1)–3(3). */
export async function invalidateReadiness(queryClient: QueryClient, facilityId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: readinessKeys.facility(facilityId) }),
    // The findings live under the ledger keys (findings/queries.ts): ['ledgers', facilityId, 'findings', fiscalYear].
    queryClient.invalidateQueries({ queryKey: ['ledgers', facilityId, 'findings'] }),
  ]);
}

export const isInternalKind = (kind: ContactKind) => internalContactKinds.includes(kind);

/** The kind select, grouped 院内 / 院外, in the order of the domain's list. */
export function useKindOptions() {
  const { t } = useTranslation();
  const item = (kind: ContactKind) => ({ value: kind, label: t(`readiness.kinds.${kind}`) });
  return [
    { group: t('readiness.contacts.internal'), items: contactKinds.filter(isInternalKind).map(item) },
    { group: t('readiness.contacts.external'), items: contactKinds.filter((k) => !isInternalKind(k)).map(item) },
  ];
}
