import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { CurrentUser } from '../api/types';
import { useRefreshSession } from '../auth/session';
import { TotpCodeInput } from '../common/TotpCodeInput';
import { TotpEnrollment } from './TotpEnrollment';

export function TotpSection({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  const onError = useApiErrorHandler();
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const disable = useMutation({
    mutationFn: (value: string) => request(client.POST('/me/totp/disable', { body: { code: value } })),
    onSuccess: () => {
      setDisabling(false);
      setCode('');
      showSuccess(t('totp.disabled'));
      void refresh();
    },
    onError: (error) => {
      setCode('');
      onError(error, { setFieldError: (_p, message) => setCodeError(message) });
    },
  });

  if (!user.totpEnabled) {
    return (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color="gray" variant="light">
            {t('totp.statusOff')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('totp.why')}
        </Text>
        {enrolling ? (
          <TotpEnrollment
            onEnabled={() => {
              setEnrolling(false);
              showSuccess(t('totp.enabled'));
              void refresh();
            }}
          />
        ) : (
          <Button onClick={() => setEnrolling(true)} w="fit-content">
            {t('totp.setUp')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color="teal" variant="light">
          {t('totp.statusOn')}
        </Badge>
      </Group>
      {disabling ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setCodeError(null);
            if (code.length === 6) disable.mutate(code);
          }}
        >
          <Stack gap="sm">
            <Alert color="orange">{t('totp.disableWarning')}</Alert>
            <TotpCodeInput value={code} onChange={setCode} error={codeError} autoFocus />
            <Group>
              <Button type="submit" color="red" loading={disable.isPending} disabled={code.length !== 6}>
                {t('totp.disable')}
              </Button>
              <Button variant="default" onClick={() => setDisabling(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Button variant="default" onClick={() => setDisabling(true)} w="fit-content">
          {t('totp.disableButton')}
        </Button>
      )}
    </Stack>
  );
}
