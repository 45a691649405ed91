import { useState } from 'react';
import { Anchor, Paper, Stepper, Text } from '@mantine/core';
import { ledgerKinds, type HeaderMapping, type ImportResult, type LedgerKind } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { showError, showSuccess } from '../../api/errors';
import { ErrorAlert } from '../../common/ErrorAlert';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { PageHeader } from '../../layout/PageHeader';
import { useLedgerAccess } from '../access';
import { importLedger, ledgerKeys } from '../api';
import { ledgerPaths } from '../records';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';

/** The server's words for a refused upload (413 too large, 415 not a spreadsheet), with its details. */
function uploadMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details.map((d) => d.message).filter((m) => m && m !== error.message);
  return [error.message, ...details].join(' ');
}

export function ImportPage() {
  const { ledger = '' } = useParams();
  if (!(ledgerKinds as readonly string[]).includes(ledger)) return <NotFoundPage />;
  return <ImportWizard key={ledger} ledger={ledger as LedgerKind} />;
}

/** 取り込み: choose a file → check the headings → see every problem → write. Nothing is written before the last step. */
function ImportWizard({ ledger }: { ledger: LedgerKind }) {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const queryClient = useQueryClient();
  const access = useLedgerAccess(facilityId);
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<HeaderMapping>({});
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const read = async (mapping: HeaderMapping, goTo?: number) => {
    if (!file) return;
    setBusy(true);
    setFileError(null);
    try {
      const result = await importLedger(facilityId, ledger, file, mapping, false);
      setPreview(result);
      if (goTo !== undefined) setStep(goTo);
    } catch (error) {
      const message = uploadMessage(error);
      if (message && step === 0) setFileError(message);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  const changeMapping = (header: string, target: string | null) => {
    const next = { ...chosen };
    if (target === null) delete next[header];
    else next[header] = target;
    setChosen(next);
    void read(next);
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await importLedger(facilityId, ledger, file, chosen, true);
      if (result.committed) {
        setDone(result);
        setStep(4);
        showSuccess(t('ledgers.import.doneTitle'));
        await queryClient.invalidateQueries({ queryKey: ledgerKeys.facility(facilityId) });
      } else {
        // Something changed since the preview: show the problems as they are now.
        setPreview(result);
      }
    } catch (error) {
      showError(error);
      if (error instanceof ApiError && error.status === 409) await read(chosen);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setChosen({});
    setPreview(null);
    setDone(null);
  };

  if (access.facility.isLoading) return <FullPageLoader />;
  if (access.facility.isError) return <ErrorAlert error={access.facility.error} onRetry={() => void access.facility.refetch()} />;
  const title = t(`ledgers.import.title.${ledger}`);
  if (!access.canEdit) {
    return (
      <>
        <PageHeader title={title} />
        <Text c="dimmed">{t('ledgers.import.notAllowed')}</Text>
      </>
    );
  }

  return (
    <>
      <Anchor component={Link} to={ledgerPaths.list(facilityId, ledger)} size="sm">
        ← {t(`ledgers.${ledger}.back`)}
      </Anchor>
      <PageHeader title={title} description={t('ledgers.import.description')} />
      <Paper withBorder radius="md" p="lg">
        <Stepper
          active={step}
          onStepClick={(index) => {
            if (!done && index < step) setStep(index);
          }}
          allowNextStepsSelect={false}
          size="sm"
        >
          <Stepper.Step label={t('ledgers.import.steps.file')} description={t('ledgers.import.steps.fileHint')}>
            <FileStep
              ledger={ledger}
              file={file}
              onFile={(f) => {
                setFile(f);
                setPreview(null);
                setChosen({});
                setFileError(null);
              }}
              onRead={() => void read(chosen, 1)}
              busy={busy}
              error={fileError}
            />
          </Stepper.Step>
          <Stepper.Step label={t('ledgers.import.steps.mapping')} description={t('ledgers.import.steps.mappingHint')}>
            {preview && (
              <MappingStep ledger={ledger} result={preview} busy={busy} onChange={changeMapping} onBack={() => setStep(0)} onNext={() => setStep(2)} />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('ledgers.import.steps.preview')} description={t('ledgers.import.steps.previewHint')}>
            {preview && <PreviewStep ledger={ledger} result={preview} busy={busy} onBack={() => setStep(1)} onCommit={() => void commit()} />}
          </Stepper.Step>
          <Stepper.Step label={t('ledgers.import.steps.done')} description={t('ledgers.import.steps.doneHint')} />
          <Stepper.Completed>{done && <ResultStep facilityId={facilityId} ledger={ledger} result={done} onAgain={restart} />}</Stepper.Completed>
        </Stepper>
      </Paper>
    </>
  );
}
