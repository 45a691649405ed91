import { Box, Button, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { fieldGroups, fieldSpecs, type FieldSpec } from './fields';
import { FieldInput } from './FieldInput';

export type RecordValues = Record<string, unknown>;

export interface FormErrorSink {
  setFieldError: (path: string, error: string) => void;
}

interface Props {
  ledger: LedgerKind;
  initial: RecordValues;
  readOnly: boolean;
  submitting: boolean;
  submitLabel: string;
  /** Only the fields that differ from `initial` (all of them for a new record). */
  onSubmit: (changes: RecordValues, form: FormErrorSink) => void;
  onCancel: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields that make no sense for the rest of the record stay out of the way (クラウド形態 only for cloud services). */
function shown(spec: FieldSpec, values: RecordValues): boolean {
  if (spec.field === 'cloudModel') return values.kind === 'cloud' || !!values.cloudModel;
  return true;
}

const wide = (spec: FieldSpec) => (spec.input.kind === 'text' && spec.input.multiline) || spec.input.kind === 'restrictions';

/** The add / edit form of one record, grouped 基本 / 管理 / セキュリティ, inputs chosen by field type. */
export function RecordForm({ ledger, initial, readOnly, submitting, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const specs = fieldSpecs[ledger];
  const form = useForm<RecordValues>({
    initialValues: initial,
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const spec of specs) {
        const value = values[spec.field];
        if (spec.link && (typeof value !== 'string' || !value.trim())) errors[spec.field] = t('validation.required');
      }
      const from = values.validFrom;
      const to = values.validTo;
      if (typeof from === 'string' && typeof to === 'string' && from > to) errors.validTo = t('validation.dateOrder');
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    const changes: RecordValues = {};
    for (const spec of specs) {
      let value = values[spec.field];
      if (typeof value === 'string') value = value.trim();
      if (!same(value, initial[spec.field])) changes[spec.field] = value;
    }
    // A changed kind away from cloud leaves no cloud model behind.
    if (values.kind !== undefined && values.kind !== 'cloud' && values.cloudModel) changes.cloudModel = null;
    onSubmit(changes, form);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {fieldGroups.map((group) => (
          <Fieldset key={group} legend={t(`ledgers.groups.${ledger}.${group}`)} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              {specs
                .filter((spec) => spec.group === group && shown(spec, form.values))
                .map((spec) => (
                  <Box key={spec.field} style={wide(spec) ? { gridColumn: '1 / -1' } : undefined}>
                    <FieldInput
                      spec={spec}
                      value={form.values[spec.field]}
                      onChange={(value) => form.setFieldValue(spec.field, value)}
                      error={typeof form.errors[spec.field] === 'string' ? (form.errors[spec.field] as string) : undefined}
                      readOnly={readOnly}
                    />
                  </Box>
                ))}
            </SimpleGrid>
          </Fieldset>
        ))}
        {!readOnly && (
          <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 2 }}>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
