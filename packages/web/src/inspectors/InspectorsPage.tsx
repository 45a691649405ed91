import { Button, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { prefectureCodes } from '@mamori/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { ResetPasswordModal } from '../organizations/ResetPasswordModal';
import { prefectureOf, useInspectors, type InspectorAccount } from './api';
import { CreateInspectorModal } from './CreateInspectorModal';
import { InspectorList } from './InspectorList';

/**
 * 検査員 (system administrators): the health centers' inspector accounts, narrowed by prefecture (kept in the address
 * bar), registering one with its temporary password, and disabling one who left. The server refuses anyone else.
 */
export function InspectorsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const prefecture = prefectureOf(params.get('prefecture'));
  const [opened, { open, close }] = useDisclosure(false);
  const inspectors = useInspectors(prefecture);
  const [resetting, setResetting] = useState<InspectorAccount | null>(null);

  const choose = (value: string | null) => setParams(value ? { prefecture: value } : {}, { replace: true });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('inspectorAccounts.title')}
        description={t('inspectorAccounts.description')}
        actions={<Button onClick={open}>{t('inspectorAccounts.createButton')}</Button>}
      />
      <Select
        label={t('inspectorAccounts.filterPrefecture')}
        placeholder={t('inspectorAccounts.any')}
        data={prefectureCodes.map((code) => ({ value: code, label: t(`prefectures.${code}`) }))}
        value={prefecture}
        onChange={choose}
        searchable
        clearable
        w={200}
      />
      {inspectors.isError && <ErrorAlert error={inspectors.error} onRetry={() => void inspectors.refetch()} />}
      {inspectors.isPending && <FullPageLoader />}
      {inspectors.data &&
        (inspectors.data.length === 0 ? (
          <Text c="dimmed">{prefecture ? t('inspectorAccounts.none') : t('inspectorAccounts.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('inspectorAccounts.count', { count: inspectors.data.length })}
            </Text>
            <InspectorList inspectors={inspectors.data} onResetPassword={setResetting} />
          </>
        ))}
      {/* Keyed by the filter: a new inspector's prefecture starts as the one being looked at. */}
      <CreateInspectorModal key={prefecture ?? ''} opened={opened} onClose={close} prefecture={prefecture} />
      <ResetPasswordModal target={resetting && { userId: resetting.id, name: resetting.name }} onClose={() => setResetting(null)} />
    </Stack>
  );
}
