import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Modal, Radio, Select, Stack, Stepper, Text } from '@mantine/core';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { client, request } from '../api/client';
import { showError } from '../api/errors';
import type { Facility } from '../api/types';
import { pick } from './model';
import { fyName } from './problems';
import { checklistKeys, editionFor, fetchAssessment, putRound, useEditionForm, useEditions, type AssessmentSummary } from './queries';

export function StartWizard({
  opened,
  onClose,
  facility,
  existing,
}: {
  opened: boolean;
  onClose: () => void;
  facility: Facility;
  existing: AssessmentSummary[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const editions = useEditions();
  const today = todayInTokyo();
  const currentFy = fiscalYearOf(today);

  const years = useMemo(() => {
    const first = Math.min(...(editions.data ?? []).map((e) => e.fiscalYear), currentFy);
    const taken = new Set(existing.map((a) => a.fiscalYear));
    const list: number[] = [];
    for (let fy = currentFy; fy >= first; fy--) if (!taken.has(fy) && editionFor(editions.data, fy)) list.push(fy);
    return list;
  }, [editions.data, existing, currentFy]);

  const [step, setStep] = useState(0);
  const [fiscalYear, setFiscalYear] = useState<number | null>(null);
  const [hasSystem, setHasSystem] = useState<'yes' | 'no' | null>(null);
  const [vendor, setVendor] = useState<'yes' | 'no' | null>(null);
  const [carryOver, setCarryOver] = useState(true);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the wizard opens
  useEffect(() => {
    if (opened) {
      setStep(0);
      setFiscalYear(years[0] ?? null);
      setHasSystem(null);
      setVendor(null);
      setCarryOver(true);
    }
  }, [opened]);
  useEffect(() => {
    if (fiscalYear === null && years.length) setFiscalYear(years[0]!);
  }, [years, fiscalYear]);

  const edition = fiscalYear !== null ? editionFor(editions.data, fiscalYear) : undefined;
  const formKind = facility.kind === 'pharmacy' && edition?.forms.includes('pharmacy') ? 'pharmacy' : 'institution';
  const form = useEditionForm(edition?.edition, edition ? formKind : undefined);
  const gate = form.data?.items.find((i) => i.flags.gate);
  const vendorItems = form.data?.items.filter((i) => i.flags.vendorContractOnly) ?? [];
  const previous = fiscalYear !== null ? existing.filter((a) => a.fiscalYear < fiscalYear).sort((a, b) => b.fiscalYear - a.fiscalYear)[0] : undefined;

  const canNext = [fiscalYear !== null && !!form.data, hasSystem !== null, vendor !== null, true][step];
  const last = 3;

  const create = async () => {
    if (fiscalYear === null || !hasSystem || !gate) return;
    setBusy(true);
    try {
      const summary = await request(
        client.POST('/facilities/{facilityId}/assessments', {
          params: { path: { facilityId: facility.id } },
          body: { fiscalYear, hasVendorContract: vendor === 'yes', carryOver: !!previous && carryOver },
        }),
      );
      void queryClient.invalidateQueries({ queryKey: checklistKeys.list(facility.id) });
      try {
        const detail = await fetchAssessment(summary.id);
        const draft = detail.answers[gate.id]?.[0];
        const shaped = await putRound(summary.id, gate.id, 1, {
          value: hasSystem,
          date: today,
          targetDate: null,
          note: draft?.note ?? '',
          riskAcceptance: draft?.riskAcceptance ?? '',
          version: draft?.version ?? null,
        });
        queryClient.setQueryData(checklistKeys.detail(summary.id), shaped);
      } catch (error) {
        showError(error);
      }
      onClose();
      navigate(`/facilities/${facility.id}/checklist/${summary.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('checklist.wizard.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('checklist.wizard.stepYear')}>
          <Stack gap="sm" mt="md">
            {years.length === 0 ? (
              <Alert color="gray">{t('checklist.wizard.noYears')}</Alert>
            ) : (
              <Select
                label={t('checklist.wizard.yearLabel')}
                description={t('checklist.wizard.yearHint')}
                data={years.map((fy) => ({ value: String(fy), label: `${fyName(fy, language)}${language === 'en' ? '' : `(${fy}年4月〜${fy + 1}年3月)`}` }))}
                value={fiscalYear !== null ? String(fiscalYear) : null}
                onChange={(v) => setFiscalYear(v ? Number(v) : null)}
                allowDeselect={false}
              />
            )}
            {edition && fiscalYear !== null && form.data && (
              <Text size="sm" c="dimmed">
                {t('checklist.wizard.editionUsed', { title: pick(form.data.title, language) })}
              </Text>
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('checklist.wizard.stepSystem')}>
          <Stack gap="sm" mt="md">
            <Radio.Group label={t('checklist.wizard.systemQuestion')} value={hasSystem} onChange={(v) => setHasSystem(v as 'yes' | 'no')}>
              <Stack gap="xs" mt="xs">
                <Radio value="yes" label={t('checklist.wizard.systemYes')} />
                <Radio value="no" label={t('checklist.wizard.systemNo')} />
              </Stack>
            </Radio.Group>
            {gate && (
              <Alert color="blue" variant="light" title={t('checklist.wizard.whatCounts')}>
                <Text size="sm">{pick(gate.explanation, language)}</Text>
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t('checklist.wizard.systemWhy')}
            </Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('checklist.wizard.stepVendor')}>
          <Stack gap="sm" mt="md">
            <Radio.Group label={t('checklist.wizard.vendorQuestion')} value={vendor} onChange={(v) => setVendor(v as 'yes' | 'no')}>
              <Stack gap="xs" mt="xs">
                <Radio value="yes" label={t('checklist.wizard.vendorYes')} />
                <Radio value="no" label={t('checklist.wizard.vendorNo')} />
              </Stack>
            </Radio.Group>
            <Alert color="blue" variant="light" title={t('checklist.wizard.vendorWhyTitle')}>
              <Stack gap={4}>
                <Text size="sm">{t('checklist.wizard.vendorWhy')}</Text>
                {vendorItems.length > 0 && (
                  <List size="sm">
                    {vendorItems.map((i) => (
                      <List.Item key={i.id}>
                        {i.section}
                        {i.label} {pick(i.text, language)}
                      </List.Item>
                    ))}
                  </List>
                )}
                <Text size="sm">{t('checklist.wizard.vendorLater')}</Text>
              </Stack>
            </Alert>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('checklist.wizard.stepConfirm')}>
          <Stack gap="sm" mt="md">
            <List size="sm" spacing={4}>
              <List.Item>{t('checklist.wizard.summaryYear', { fy: fiscalYear !== null ? fyName(fiscalYear, language) : '' })}</List.Item>
              <List.Item>{hasSystem === 'yes' ? t('checklist.wizard.summarySystemYes') : t('checklist.wizard.summarySystemNo')}</List.Item>
              <List.Item>{vendor === 'yes' ? t('checklist.wizard.summaryVendorYes') : t('checklist.wizard.summaryVendorNo')}</List.Item>
            </List>
            {previous && (
              <Stack gap={4}>
                <Checkbox
                  checked={carryOver}
                  onChange={(e) => setCarryOver(e.currentTarget.checked)}
                  label={t('checklist.wizard.carryOver')}
                  description={t('checklist.wizard.carryOverHint', { fy: fyName(previous.fiscalYear, language) })}
                />
              </Stack>
            )}
            <Text size="sm" c="dimmed">
              {t('checklist.wizard.gateAnswered')}
            </Text>
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between" mt="xl">
        <Button variant="default" onClick={() => (step === 0 ? onClose() : setStep(step - 1))}>
          {step === 0 ? t('common.cancel') : t('checklist.wizard.back')}
        </Button>
        {step < last ? (
          <Button onClick={() => setStep(step + 1)} disabled={!canNext}>
            {t('checklist.wizard.next')}
          </Button>
        ) : (
          <Button onClick={() => void create()} loading={busy}>
            {t('checklist.wizard.create')}
          </Button>
        )}
      </Group>
    </Modal>
  );
}
