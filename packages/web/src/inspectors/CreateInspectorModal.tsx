import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { prefectureCodes } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../api/errors';
import { CopyField } from '../common/CopyField';
import { email, requiredText } from '../common/validators';
import { useCreateInspector, type NewInspector } from './api';

/**
 * Registers a health center's inspector, then shows the temporary password once: the administrator hands it over
 * (not by e-mail) and the inspector replaces it at first sign-in. Closing the dialog forgets it.
 */
export function CreateInspectorModal({ opened, onClose, prefecture }: { opened: boolean; onClose: () => void; prefecture: string | null }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const create = useCreateInspector();
  const form = useForm({
    initialValues: { email: '', name: '', prefecture: prefecture ?? '', healthCenter: '' },
    validate: { email, name: requiredText, prefecture: (value) => (value ? null : t('validation.choosePrefecture')), healthCenter: requiredText },
  });
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  const submit = (values: typeof form.values) => {
    const body: NewInspector = {
      email: values.email.trim(),
      name: values.name.trim(),
      prefecture: values.prefecture as NewInspector['prefecture'],
      healthCenter: values.healthCenter.trim(),
    };
    create.mutate(body, { onError: (error) => onError(error, form) });
  };
  const created = create.data;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('inspectorAccounts.passwordTitle') : t('inspectorAccounts.createTitle')}
      // The password is shown once: a stray click or Escape must not lose it before it is written down.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <Stack gap="sm">
          <Alert color="yellow" title={t('inspectorAccounts.passwordOnce')}>
            {t('inspectorAccounts.passwordHandOver', { name: created.name })}
          </Alert>
          <Text size="sm">{t('inspectorAccounts.who', { name: created.name, email: created.email })}</Text>
          <CopyField label={t('inspectorAccounts.temporaryPassword')} value={created.temporaryPassword} />
          <Text size="sm" c="dimmed">
            {t('inspectorAccounts.passwordNext', { name: created.name })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('inspectorAccounts.passwordDone')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="sm">
            <TextInput type="email" label={t('fields.email')} description={t('inspectorAccounts.emailHint')} data-autofocus {...form.getInputProps('email')} />
            <TextInput label={t('fields.name')} {...form.getInputProps('name')} />
            <Select
              label={t('fields.prefecture')}
              data={prefectureCodes.map((code) => ({ value: code, label: t(`prefectures.${code}`) }))}
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('prefecture')}
            />
            <TextInput
              label={t('inspectorAccounts.healthCenter')}
              description={t('inspectorAccounts.healthCenterHint')}
              {...form.getInputProps('healthCenter')}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('inspectorAccounts.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
