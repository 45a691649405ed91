import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError, client, request } from '../api/client';
import { TotpCodeInput } from '../common/TotpCodeInput';
import { email, requiredText } from '../common/validators';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PublicLayout } from '../layout/PublicLayout';
import { useSession, useSignedIn } from './session';

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: session, isLoading } = useSession();
  const signedIn = useSignedIn();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email, password: requiredText },
  });

  const login = useMutation({
    mutationFn: (totpCode?: string) =>
      request(
        client.POST('/auth/login', {
          body: { email: form.values.email.trim(), password: form.values.password, ...(totpCode ? { totpCode } : {}) },
        }),
      ),
    onSuccess: (result) => {
      setMessage(null);
      signedIn(result);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'totp_required') {
        setStep('totp');
        setMessage(null);
        return;
      }
      if (error instanceof ApiError && error.code === 'totp_invalid') setCode('');
      setMessage(error instanceof ApiError ? error.message : t('errors.unknown'));
    },
  });

  if (isLoading) return <FullPageLoader />;
  if (session) return <Navigate to={next} replace />;

  const backToPassword = () => {
    setStep('password');
    setCode('');
    setMessage(null);
    form.setFieldValue('password', '');
  };

  return (
    <PublicLayout title={t('login.title')}>
      {message && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      {step === 'password' ? (
        <form onSubmit={form.onSubmit(() => login.mutate(undefined))} noValidate>
          <Stack gap="sm">
            <TextInput label={t('fields.email')} type="email" autoComplete="username" {...form.getInputProps('email')} />
            <PasswordInput label={t('fields.password')} autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={login.isPending} mt="sm">
              {t('login.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('login.forgotHint')}
            </Text>
          </Stack>
        </form>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (code.length === 6) login.mutate(code);
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('login.totpIntro')}</Text>
            <TotpCodeInput value={code} onChange={setCode} autoFocus />
            <Button type="submit" loading={login.isPending} disabled={code.length !== 6}>
              {t('login.verify')}
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={backToPassword}>
              {t('login.backToPassword')}
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
