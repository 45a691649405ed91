import { useCallback, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../common/ErrorAlert';
import { formatDate, formatDateTime } from '../../common/format';
import { flaggedRecords, useFindings } from '../../findings/queries';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { PageHeader } from '../../layout/PageHeader';
import { useLedgerAccess } from '../access';
import { ledgerKeys, submitAccountReview, useAllRecords, useLedgerReviews, type AccountView, type LedgerReviewView, type ReviewDecision } from '../api';
import { ledgerPaths } from '../records';
import { DecisionsTable, type DecisionDraft } from './DecisionsTable';
import { PastReviews } from './PastReviews';

/** 棚卸し: go through every enabled account, decide keep / disable / delete, and sign. */
export function AccountReviewPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const { data: session } = useSession();
  const access = useLedgerAccess(facilityId);
  const all = useAllRecords(facilityId, 'accounts', access.canRead);
  const reviews = useLedgerReviews(facilityId);
  const findings = useFindings(facilityId, fiscalYearOf(todayInTokyo()), access.canRead);
  const flagged = useMemo(() => flaggedRecords(findings.data, 'accounts', 'unused-accounts'), [findings.data]);

  const accounts = useMemo(() => {
    const enabled = ((all.data ?? []) as AccountView[]).filter((a) => a.enabled);
    // The accounts the finding lists come first: they are the point of the review.
    return enabled.sort((a, b) => Number(flagged.has(b.id)) - Number(flagged.has(a.id)));
  }, [all.data, flagged]);

  const [overrides, setOverrides] = useState<Record<string, DecisionDraft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState<LedgerReviewView | null>(null);

  const drafts = useMemo(() => {
    const map: Record<string, DecisionDraft> = {};
    for (const a of accounts) map[a.id] = overrides[a.id] ?? { decision: flagged.has(a.id) ? 'disable' : 'keep', reason: '' };
    return map;
  }, [accounts, flagged, overrides]);

  const onChange = useCallback((accountId: string, draft: DecisionDraft) => {
    setOverrides((prev) => ({ ...prev, [accountId]: draft }));
    setErrors((prev) => {
      if (!prev[accountId]) return prev;
      const rest = { ...prev };
      delete rest[accountId];
      return rest;
    });
  }, []);

  const counts = useMemo(() => {
    const c: Record<ReviewDecision, number> = { keep: 0, disable: 0, delete: 0 };
    for (const a of accounts) c[drafts[a.id]!.decision]++;
    return c;
  }, [accounts, drafts]);

  /** Keeping an account the finding lists needs a reason: that is what an inspector will ask. */
  const check = () => {
    const next: Record<string, string> = {};
    for (const a of accounts) {
      const d = drafts[a.id]!;
      if (flagged.has(a.id) && d.decision === 'keep' && !d.reason.trim()) next[a.id] = t('ledgers.review.reasonRequired');
    }
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const submit = async () => {
    setBusy(true);
    try {
      const review = await submitAccountReview(facilityId, {
        decisions: accounts.map((a) => ({ accountId: a.id, decision: drafts[a.id]!.decision, reason: drafts[a.id]!.reason.trim() })),
        note: note.trim(),
      });
      setSigned(review);
      setConfirming(false);
      setOverrides({});
      setNote('');
      showSuccess(t('ledgers.review.signedToast'));
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.facility(facilityId) });
    } catch (error) {
      setConfirming(false);
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  if (access.facility.isLoading || all.isLoading) return <FullPageLoader />;
  if (access.facility.isError) return <ErrorAlert error={access.facility.error} onRetry={() => void access.facility.refetch()} />;
  if (!access.canRead) {
    return (
      <>
        <PageHeader title={t('ledgers.review.title')} />
        <Text c="dimmed">{t('ledgers.notAllowed')}</Text>
      </>
    );
  }

  const lastAccountReview = (reviews.data ?? []).filter((r) => r.ledger === 'accounts');

  return (
    <>
      <PageHeader title={t('ledgers.review.title')} description={t('ledgers.review.description')} />
      <Stack gap="lg">
        {all.isError && <ErrorAlert error={all.error} onRetry={() => void all.refetch()} />}
        {signed && (
          <Alert color="teal" title={t('ledgers.review.signedTitle')} role="status">
            {t('ledgers.review.signedBody', {
              name: signed.reviewedBy ?? '—',
              at: formatDateTime(signed.createdAt),
              kept: signed.kept,
              disabled: signed.disabled,
              deleted: signed.deleted,
            })}
          </Alert>
        )}
        {!access.canReview && (
          <Alert color="gray" variant="light">
            {t('ledgers.review.readOnly')}
          </Alert>
        )}
        {all.data && accounts.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <Text c="dimmed">
              {t('ledgers.review.noAccounts')}{' '}
              <Anchor component={Link} to={ledgerPaths.list(facilityId, 'accounts')}>
                {t('nav.ledgerAccounts')}
              </Anchor>
            </Text>
          </Paper>
        ) : (
          <>
            <Text size="sm">{t('ledgers.review.intro', { count: accounts.length, flagged: flagged.size })}</Text>
            <Paper withBorder radius="md">
              <DecisionsTable accounts={accounts} flagged={flagged} drafts={drafts} errors={errors} disabled={!access.canReview || busy} onChange={onChange} />
            </Paper>
            {access.canReview && (
              <Paper withBorder radius="md" p="md">
                <Stack gap="sm">
                  <Textarea
                    label={t('ledgers.review.note')}
                    description={t('ledgers.review.noteHint')}
                    autosize
                    minRows={2}
                    maxLength={2000}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                  />
                  <Group justify="space-between">
                    <Text size="sm" c="dimmed">
                      {t('ledgers.review.summary', counts)}
                    </Text>
                    <Button
                      onClick={() => {
                        if (check()) setConfirming(true);
                      }}
                    >
                      {t('ledgers.review.sign')}
                    </Button>
                  </Group>
                  {Object.keys(errors).length > 0 && (
                    <Text size="sm" c="red.8" role="alert">
                      {t('ledgers.review.fixReasons', { count: Object.keys(errors).length })}
                    </Text>
                  )}
                </Stack>
              </Paper>
            )}
          </>
        )}
        {reviews.isError ? <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} /> : <PastReviews reviews={lastAccountReview} />}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('ledgers.review.confirmTitle')} centered>
        <Stack gap="md">
          <List size="sm" spacing={4}>
            <List.Item>{t('ledgers.review.confirmKeep', { count: counts.keep })}</List.Item>
            <List.Item>{t('ledgers.review.confirmDisable', { count: counts.disable })}</List.Item>
            <List.Item>{t('ledgers.review.confirmDelete', { count: counts.delete })}</List.Item>
          </List>
          <Text size="sm">{t('ledgers.review.confirmSigner', { name: session?.user.name ?? '—', date: formatDate(todayInTokyo()) })}</Text>
          <Text size="sm" c="dimmed">
            {t('ledgers.review.confirmNote')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void submit()}>
              {t('ledgers.review.signSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
