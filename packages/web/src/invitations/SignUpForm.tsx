import type { ReactNode } from 'react';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { password, passwordMin, requiredText } from '../common/validators';

/** Name, password and its confirmation for someone who signs up through an invitation link. */
export function useSignUpForm() {
  const { t } = useTranslation();
  return useForm({
    initialValues: { name: '', password: '', confirm: '' },
    validate: {
      name: requiredText,
      password,
      confirm: (value, values) => (value === values.password ? null : t('validation.passwordMismatch')),
    },
  });
}

export type SignUpForm = ReturnType<typeof useSignUpForm>;

/** The sign-up fields of an invitation page (members and vendors alike); the page says what happens next. */
export function SignUpFields(props: {
  form: SignUpForm;
  intro: ReactNode;
  submitLabel: string;
  loading: boolean;
  onSubmit: (body: { name: string; password: string }) => void;
}) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <form onSubmit={form.onSubmit((values) => props.onSubmit({ name: values.name.trim(), password: values.password }))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{props.intro}</Text>
        <TextInput label={t('fields.name')} autoComplete="name" {...form.getInputProps('name')} />
        <PasswordInput
          label={t('fields.password')}
          description={t('fields.passwordHint', { min: passwordMin })}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput label={t('fields.passwordConfirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={props.loading} mt="sm">
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
