import { Button, Group, Select } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { auditActionKinds, auditActionLabel, auditActionsOf } from '@mamori/domain';

export interface AuditFilterValues {
  scope: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

interface Props {
  scopes: { value: string; label: string }[];
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

/**
 * The action filter offers, per kind of record, "every action of this kind" (`kind:<kind>`) and each action in
 * words, from the domain's one list of audit actions.
 */
function useActionOptions() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  return auditActionKinds.map((kind) => ({
    group: t(`audit.kinds.${kind}`),
    items: [
      { value: `kind:${kind}`, label: t('audit.allOfKind', { kind: t(`audit.kinds.${kind}`) }) },
      ...auditActionsOf(kind).map((action) => ({ value: action, label: auditActionLabel(action, locale) })),
    ],
  }));
}

export function AuditFilters({ scopes, initial, onApply }: Props) {
  const { t } = useTranslation();
  const actionOptions = useActionOptions();
  const form = useForm<AuditFilterValues>({
    initialValues: initial,
    validate: {
      to: (value, values) => (value && values.from && value < values.from ? t('validation.dateOrder') : null),
    },
  });
  return (
    <form onSubmit={form.onSubmit(onApply)} noValidate>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select label={t('audit.scope')} data={scopes} allowDeselect={false} searchable={scopes.length > 7} w={280} {...form.getInputProps('scope')} />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          data={actionOptions}
          clearable
          searchable
          w={280}
          {...form.getInputProps('action')}
        />
        <DateInput label={t('audit.from')} valueFormat="YYYY-MM-DD" clearable w={170} {...form.getInputProps('from')} />
        <DateInput label={t('audit.to')} valueFormat="YYYY-MM-DD" clearable w={170} {...form.getInputProps('to')} />
        <Button type="submit" mt={25}>
          {t('audit.apply')}
        </Button>
      </Group>
    </form>
  );
}
