import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { todayInTokyo } from '@mamori/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../api/errors';
import { DayInput } from '../checklist/RoundFields';
import { applyAnswerSet, useAllAnswerSets, vendorPortalKeys, type ApplyAnswerSetResult, type ContractView, type VendorFormSummary } from './api';
import { useVendorMemberships } from './access';
import { fyLabel } from './labels';

export interface SelectedForm {
  form: VendorFormSummary;
  contract: ContractView;
}

/**
 * 回答セットを適用: writes one product's prepared answers into many requested forms at once. Only items
 * not yet answered are filled in; the vendor still reviews and submits each form.
 */
export function ApplyAnswerSetModal({
  opened,
  forms,
  onClose,
  onApplied,
}: {
  opened: boolean;
  forms: SelectedForm[];
  onClose: () => void;
  onApplied: (formIds: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const memberships = useVendorMemberships();
  // The sets of the companies whose forms are selected (usually one company).
  const vendorIds = useMemo(() => {
    const ids = [...new Set(forms.map((f) => f.contract.vendor.id))];
    return ids.length ? ids : memberships.map((v) => v.id);
  }, [forms, memberships]);
  const sets = useAllAnswerSets(vendorIds);
  const loading = sets.some((s) => s.isLoading);
  const options = sets.flatMap((s) => s.data ?? []);
  const [answerSetId, setAnswerSetId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayInTokyo());
  const [result, setResult] = useState<{ result: ApplyAnswerSetResult; forms: SelectedForm[] } | null>(null);

  useEffect(() => {
    if (opened) {
      setResult(null);
      setDate(todayInTokyo());
    }
  }, [opened]);
  useEffect(() => {
    if (opened && !answerSetId && options.length === 1) setAnswerSetId(options[0]!.id);
  }, [opened, answerSetId, options]);

  const chosen = options.find((s) => s.id === answerSetId) ?? null;
  const otherEdition = chosen ? forms.filter((f) => f.form.edition !== chosen.edition) : [];
  const otherCompany = chosen ? forms.filter((f) => f.contract.vendor.id !== chosen.vendorId) : [];
  const vendorName = (id: string) => memberships.find((v) => v.id === id)?.name ?? '';

  const apply = useMutation({
    mutationFn: () => applyAnswerSet(answerSetId!, { formIds: forms.map((f) => f.form.id), date: date! }),
    onSuccess: (response) => {
      setResult({ result: response, forms });
      onApplied(response.applied.map((a) => a.formId));
      void queryClient.invalidateQueries({ queryKey: vendorPortalKeys.contracts });
      // The forms' own screens and the contract pages reload their answers and progress.
      void queryClient.invalidateQueries({ queryKey: ['vendor-forms'] });
      void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    },
    onError: (error) => onError(error),
  });

  const describe = (formId: string, pool: SelectedForm[]) => {
    const f = pool.find((x) => x.form.id === formId);
    if (!f) return formId;
    return t('vendorPortal.home.formName', { fy: fyLabel(f.form.fiscalYear, i18n.language), contract: f.contract.title, facility: f.contract.facilityName });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('vendorPortal.apply.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {result ? (
        <Stack gap="sm" role="status" aria-label={t('vendorPortal.apply.resultLabel')}>
          <Alert color={result.result.applied.length ? 'teal' : 'orange'} title={t('vendorPortal.apply.appliedTitle', { count: result.result.applied.length })}>
            {result.result.applied.length > 0 ? (
              <Stack gap={4}>
                <Text size="sm">{t('vendorPortal.apply.appliedBody')}</Text>
                <List size="sm" spacing={2}>
                  {result.result.applied.map((a) => (
                    <List.Item key={a.formId}>
                      {describe(a.formId, result.forms)}: {t('vendorPortal.apply.answersWritten', { count: a.answers })}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : (
              <Text size="sm">{t('vendorPortal.apply.noneApplied')}</Text>
            )}
          </Alert>
          {result.result.skipped.length > 0 && (
            <Alert color="gray" title={t('vendorPortal.apply.skippedTitle', { count: result.result.skipped.length })}>
              <List size="sm" spacing={2}>
                {result.result.skipped.map((s) => (
                  <List.Item key={s.formId}>
                    {describe(s.formId, result.forms)}: {s.reason}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('vendorPortal.apply.afterHint')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('vendorPortal.apply.intro', { count: forms.length })}</Text>
          <List size="sm" spacing={2} mah={160} style={{ overflowY: 'auto' }}>
            {forms.map((f) => (
              <List.Item key={f.form.id}>{describe(f.form.id, forms)}</List.Item>
            ))}
          </List>
          {!loading && options.length === 0 ? (
            <Alert color="blue" title={t('vendorPortal.apply.noSetsTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('vendorPortal.apply.noSetsBody')}</Text>
                <Anchor component={Link} to="/vendor/answer-sets/new" size="sm">
                  {t('answerSets.create')}
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <Select
              label={t('vendorPortal.apply.answerSet')}
              placeholder={loading ? t('common.loading') : t('vendorPortal.apply.answerSetPlaceholder')}
              data={options.map((s) => ({
                value: s.id,
                label:
                  t('vendorPortal.apply.setOption', { product: s.product, edition: fyLabel(Number(s.edition), i18n.language) }) +
                  (vendorIds.length > 1 ? ` — ${vendorName(s.vendorId)}` : ''),
              }))}
              value={answerSetId}
              onChange={setAnswerSetId}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {otherEdition.length > 0 && (
            <Alert color="orange" variant="light" p="xs">
              <Text size="sm">
                {t('vendorPortal.apply.editionMismatch', { count: otherEdition.length, edition: fyLabel(Number(chosen!.edition), i18n.language) })}
              </Text>
            </Alert>
          )}
          {otherCompany.length > 0 && (
            <Alert color="orange" variant="light" p="xs">
              <Text size="sm">{t('vendorPortal.apply.companyMismatch', { count: otherCompany.length })}</Text>
            </Alert>
          )}
          <DayInput
            label={t('vendorPortal.apply.date')}
            ariaLabel={t('vendorPortal.apply.date')}
            description={t('vendorPortal.apply.dateHint')}
            value={date}
            onChange={setDate}
            maxDate={todayInTokyo()}
            error={date ? undefined : t('validation.required')}
          />
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">{t('vendorPortal.apply.onlyUnanswered')}</Text>
          </Alert>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => apply.mutate()} loading={apply.isPending} disabled={!answerSetId || !date || forms.length === 0}>
              {t('vendorPortal.apply.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
