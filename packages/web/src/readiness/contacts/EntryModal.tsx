import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ContactKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '../api';
import { useKindOptions } from '../shared';

export type EntryDraft = Omit<ContactEntry, 'key'> & { key?: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Add or edit one person or organisation of the chart; the chart is saved as a whole afterwards. */
export function EntryModal({
  opened,
  initial,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  /** The entry to edit (with key) or the prefilled values of a new one (without). */
  initial: EntryDraft | null;
  onClose: () => void;
  onSubmit: (entry: EntryDraft) => void;
}) {
  const { t } = useTranslation();
  const isNew = !initial?.key;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={isNew ? t('readiness.contacts.entry.addTitle') : t('readiness.contacts.entry.editTitle', { name: initial?.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {initial && <EntryForm key={initial.key ?? `new-${initial.kind}`} initial={initial} isNew={isNew} onCancel={onClose} onSubmit={onSubmit} />}
    </Modal>
  );
}

function EntryForm({
  initial,
  isNew,
  onCancel,
  onSubmit,
}: {
  initial: EntryDraft;
  isNew: boolean;
  onCancel: () => void;
  onSubmit: (entry: EntryDraft) => void;
}) {
  const { t } = useTranslation();
  const kindOptions = useKindOptions();
  const form = useForm<EntryDraft>({
    initialValues: initial,
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      email: (v) => (!v.trim() || emailPattern.test(v.trim()) ? null : t('validation.email')),
    },
  });
  const submit = form.onSubmit((values) => {
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as EntryDraft;
    onSubmit(trimmed);
  });
  const hint = (field: string) => t(`readiness.contacts.entry.hints.${field}`, { defaultValue: '' }) || undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('readiness.contacts.entry.kind')}
            data={kindOptions}
            value={form.values.kind}
            onChange={(v) => v && form.setFieldValue('kind', v as ContactKind)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('readiness.contacts.entry.name')}
            description={hint('name')}
            required
            maxLength={100}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('readiness.contacts.entry.organization')}
            description={hint('organization')}
            maxLength={200}
            {...form.getInputProps('organization')}
          />
          <TextInput label={t('readiness.contacts.entry.role')} description={hint('role')} maxLength={200} {...form.getInputProps('role')} />
          <TextInput
            label={t('readiness.contacts.entry.phone')}
            description={hint('phone')}
            maxLength={50}
            type="tel"
            placeholder="03-1234-5678"
            {...form.getInputProps('phone')}
          />
          <TextInput label={t('readiness.contacts.entry.email')} maxLength={254} type="email" placeholder="name@example.jp" {...form.getInputProps('email')} />
          <TextInput
            label={t('readiness.contacts.entry.hours')}
            description={hint('hours')}
            maxLength={200}
            placeholder={t('readiness.contacts.entry.hoursPlaceholder')}
            {...form.getInputProps('hours')}
            style={{ gridColumn: '1 / -1' }}
          />
        </SimpleGrid>
        <Textarea label={t('readiness.contacts.entry.notes')} autosize minRows={2} maxLength={1000} {...form.getInputProps('notes')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{isNew ? t('readiness.contacts.entry.add') : t('readiness.contacts.entry.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
