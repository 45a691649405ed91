import { useEffect } from 'react';
import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { BodyOf, Facility, FacilityKind } from '../api/types';
import { useOptions } from '../common/labels';
import { requiredText } from '../common/validators';

export interface FacilityValues {
  name: string;
  kind: FacilityKind | null;
  prefecture: string | null;
  healthCenter: string;
  bedCount: number | string;
}

export interface FacilityPayload {
  name: string;
  kind: FacilityKind;
  prefecture: BodyOf<'/organizations/{organizationId}/facilities', 'post'>['prefecture'];
  healthCenter: string;
  bedCount: number | null;
}

interface FormErrorSink {
  setFieldError: (path: string, error: string) => void;
}

interface Props {
  initial?: Facility;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (payload: FacilityPayload, form: FormErrorSink) => void;
  onCancel?: () => void;
}

export function FacilityForm({ initial, submitLabel, submitting, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { kinds, prefectures } = useOptions();
  const form = useForm<FacilityValues>({
    initialValues: {
      name: initial?.name ?? '',
      kind: initial?.kind ?? null,
      prefecture: initial?.prefecture ?? null,
      healthCenter: initial?.healthCenter ?? '',
      bedCount: initial?.bedCount ?? '',
    },
    validate: {
      name: requiredText,
      kind: (value) => (value ? null : t('validation.chooseKind')),
      prefecture: (value) => (value ? null : t('validation.choosePrefecture')),
      bedCount: (value, values) => {
        if (values.kind !== 'hospital') return null;
        if (value === '' || value === null) return t('validation.bedCountRequired');
        return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? null : t('validation.bedCountNumber');
      },
    },
  });

  const isHospital = form.values.kind === 'hospital';
  // A bed count belongs only to hospitals; switching kind away drops it so it is not sent by mistake.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the kind changes (the form object is stable)
  useEffect(() => {
    if (!isHospital && form.values.bedCount !== '') form.setFieldValue('bedCount', '');
  }, [isHospital]);

  const submit = (values: FacilityValues) => {
    onSubmit(
      {
        name: values.name.trim(),
        kind: values.kind as FacilityKind,
        prefecture: values.prefecture as FacilityPayload['prefecture'],
        healthCenter: values.healthCenter.trim(),
        bedCount: values.kind === 'hospital' && typeof values.bedCount === 'number' ? values.bedCount : null,
      },
      form,
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm" maw={520}>
        <TextInput label={t('fields.facilityName')} description={t('fields.facilityNameHint')} {...form.getInputProps('name')} />
        <Select label={t('fields.kind')} data={kinds} allowDeselect={false} {...form.getInputProps('kind')} />
        <Select
          label={t('fields.prefecture')}
          data={prefectures}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('prefecture')}
        />
        <TextInput label={t('fields.healthCenter')} description={t('fields.healthCenterHint')} {...form.getInputProps('healthCenter')} />
        {isHospital && (
          <NumberInput
            label={t('fields.bedCount')}
            description={t('fields.bedCountHint')}
            min={0}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            w={200}
            {...form.getInputProps('bedCount')}
          />
        )}
        <Group mt="sm">
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
