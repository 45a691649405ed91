import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../common/ErrorAlert';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { PageHeader } from '../../layout/PageHeader';
import { useReadinessAccess } from '../access';
import { bcpTemplateUrl, useBcp } from '../api';
import { ReadinessGate } from '../shared';
import { BcpDocuments } from './BcpDocuments';
import { BcpRecords } from './BcpRecords';
import { EssentialsForm, SectionTitle } from './EssentialsForm';

/** BCP（サイバー攻撃を想定した事業継続計画）: the essentials to fill, the document in versions, reviews and drills (3(3)). */
export function BcpPage() {
  const { t, i18n } = useTranslation();
  const { facilityId = '' } = useParams();
  const access = useReadinessAccess(facilityId);
  const bcp = useBcp(facilityId, access.canRead);
  const [conflict, setConflict] = useState<string | null>(null);
  const locale = i18n.language;

  return (
    <ReadinessGate access={access} title={t('readiness.bcp.title')}>
      <PageHeader
        title={t('readiness.bcp.title')}
        description={t('readiness.bcp.description')}
        actions={
          <>
            <Button component="a" href={bcpTemplateUrl(facilityId, 'docx', locale)} download variant="default">
              {t('readiness.bcp.templateDocx')}
            </Button>
            <Button component="a" href={bcpTemplateUrl(facilityId, 'pdf', locale)} download variant="default">
              {t('readiness.bcp.templatePdf')}
            </Button>
          </>
        }
      />
      {bcp.isLoading && <FullPageLoader />}
      {bcp.isError && <ErrorAlert error={bcp.error} onRetry={() => void bcp.refetch()} />}
      {bcp.data && (
        <Stack gap="xl">
          {bcp.data.version === null && bcp.data.documents.length === 0 && (
            <Alert color="teal" variant="light" title={t('readiness.bcp.startTitle')}>
              <Text size="sm">{t('readiness.bcp.startBody')}</Text>
            </Alert>
          )}
          {conflict && (
            <Alert color="orange" title={t('errors.conflictTitle')} role="alert" withCloseButton onClose={() => setConflict(null)}>
              <Text size="sm">{conflict}</Text>
              <Text size="sm">{t('readiness.bcp.conflictReloaded')}</Text>
            </Alert>
          )}
          <Stack gap="sm" component="section" aria-labelledby="bcp-essentials">
            <SectionTitle id="bcp-essentials">{t('readiness.bcp.essentialsTitle')}</SectionTitle>
            <Text size="sm" c="dimmed">
              {t('readiness.bcp.essentialsHint')}
            </Text>
            {/* A new version (after saving or a conflict) starts the form again from what the server has. */}
            <EssentialsForm key={bcp.data.version ?? 'new'} facilityId={facilityId} bcp={bcp.data} canEdit={access.canPlan} onConflict={setConflict} />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="bcp-documents">
            <SectionTitle id="bcp-documents">{t('readiness.bcp.documents.title')}</SectionTitle>
            <Text size="sm" c="dimmed">
              {t('readiness.bcp.documents.description')}
            </Text>
            <BcpDocuments facilityId={facilityId} documents={bcp.data.documents} canEdit={access.canPlan} />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="bcp-records">
            <SectionTitle id="bcp-records">{t('readiness.bcp.records.title')}</SectionTitle>
            <Text size="sm" c="dimmed">
              {t('readiness.bcp.records.description')}
            </Text>
            <BcpRecords facilityId={facilityId} records={bcp.data.records} canEdit={access.canPlan} />
          </Stack>
          <Group>
            <Text size="sm" c="dimmed">
              {t('readiness.bcp.templateHint')}
            </Text>
          </Group>
        </Stack>
      )}
    </ReadinessGate>
  );
}
