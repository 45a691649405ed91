import { MultiSelect, Select, Switch, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../checklist/RoundFields';
import { choiceLabel, headerOf, restrictionValues, type FieldSpec } from './fields';

interface Props {
  spec: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string | undefined;
  readOnly: boolean;
}

const noneChecked = 'none';

/** 接続元制限: nothing chosen = not recorded; 「なし（確認済み）」 = checked, none in place. */
function RestrictionsInput({ label, value, onChange, error, readOnly }: { label: string } & Omit<Props, 'spec'>) {
  const { t } = useTranslation();
  const selected = Array.isArray(value) ? (value.length === 0 ? [noneChecked] : (value as string[])) : [];
  const data = [
    { value: noneChecked, label: t('ledgers.restrictions.none') },
    ...restrictionValues.map((v) => ({ value: v, label: choiceLabel('sourceRestrictions', v, t) })),
  ];
  const change = (next: string[]) => {
    if (next.length === 0) return onChange(null);
    const addedNone = next.includes(noneChecked) && !selected.includes(noneChecked);
    if (addedNone) return onChange([]);
    onChange(next.filter((v) => v !== noneChecked));
  };
  return (
    <MultiSelect
      label={label}
      description={t('ledgers.restrictions.hint')}
      placeholder={selected.length ? undefined : t('ledgers.restrictions.unrecorded')}
      data={data}
      value={selected}
      onChange={change}
      error={error}
      disabled={readOnly}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** One ledger field as a form input; its kind comes from the domain's column type. */
export function FieldInput({ spec, value, onChange, error, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const label = headerOf(spec, i18n.language);
  const input = spec.input;
  const hint = t(`ledgers.hints.${spec.field}`, { defaultValue: '' }) || undefined;
  switch (input.kind) {
    case 'text':
    case 'ip': {
      const common = {
        label,
        description: hint,
        value: typeof value === 'string' ? value : '',
        onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.currentTarget.value),
        error,
        readOnly,
        required: spec.link,
      };
      if (input.kind === 'text' && input.multiline) return <Textarea {...common} autosize minRows={2} maxLength={input.maxLength} />;
      return <TextInput {...common} maxLength={input.kind === 'text' ? input.maxLength : 200} placeholder={input.kind === 'ip' ? '192.168.1.10' : undefined} />;
    }
    case 'date':
      return (
        <DayInput
          label={label}
          ariaLabel={label}
          description={hint}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error}
          disabled={readOnly}
        />
      );
    case 'flag':
      if (input.named) {
        return (
          <Select
            label={label}
            description={hint}
            data={['true', 'false'].map((v) => ({ value: v, label: choiceLabel(spec.field, v, t) }))}
            value={value === false ? 'false' : 'true'}
            onChange={(v) => onChange(v !== 'false')}
            allowDeselect={false}
            error={error}
            disabled={readOnly}
            comboboxProps={{ withinPortal: true }}
          />
        );
      }
      return (
        <Switch
          mt="md"
          label={label}
          description={hint}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
          disabled={readOnly}
        />
      );
    case 'tristate':
      return (
        <Select
          label={label}
          description={hint}
          placeholder={t('ledgers.unrecorded')}
          data={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          value={value === true ? 'yes' : value === false ? 'no' : null}
          onChange={(v) => onChange(v === 'yes' ? true : v === 'no' ? false : null)}
          clearable
          error={error}
          disabled={readOnly}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'choice':
      return (
        <Select
          label={label}
          description={hint}
          placeholder={input.optional ? t('ledgers.unrecorded') : undefined}
          data={input.values.map((v) => ({ value: v, label: choiceLabel(spec.field, v, t) }))}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? (input.optional ? null : value))}
          clearable={input.optional}
          allowDeselect={input.optional}
          error={error}
          disabled={readOnly}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'restrictions':
      return <RestrictionsInput label={label} value={value} onChange={onChange} error={error} readOnly={readOnly} />;
  }
}
