import { useState } from 'react';
import { Button, Code, Group, Image, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { TotpCodeInput } from '../common/TotpCodeInput';

interface Pending {
  secret: string;
  qr: string;
}

/** Two steps: the server makes a secret (pending), the user proves the app has it by typing a code. */
export function TotpEnrollment({ onEnabled }: { onEnabled: () => void }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [pending, setPending] = useState<Pending | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: async () => {
      const setup = await request(client.POST('/me/totp/setup'));
      const qr = await QRCode.toDataURL(setup.otpauthUrl, { width: 220, margin: 1 });
      return { secret: setup.secret, qr };
    },
    onSuccess: (result) => {
      setPending(result);
      setCode('');
    },
    onError: (error) => onError(error),
  });

  const enable = useMutation({
    mutationFn: (value: string) => request(client.POST('/me/totp/enable', { body: { code: value } })),
    onSuccess: () => onEnabled(),
    onError: (error) => {
      setCode('');
      onError(error, { setFieldError: (_path, message) => setCodeError(message) });
    },
  });

  if (!pending) {
    return (
      <Stack gap="sm">
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>{t('totp.step1')}</List.Item>
          <List.Item>{t('totp.step2')}</List.Item>
          <List.Item>{t('totp.step3')}</List.Item>
        </List>
        <Button onClick={() => start.mutate()} loading={start.isPending} w="fit-content">
          {t('totp.start')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('totp.scan')}</Text>
      <Group align="flex-start" gap="lg">
        <Image src={pending.qr} alt={t('totp.qrAlt')} w={220} h={220} />
        <Stack gap={4} maw={320}>
          <Text size="sm" c="dimmed">
            {t('totp.manual')}
          </Text>
          <Code block fz="md" style={{ wordBreak: 'break-all' }} aria-label={t('totp.secretLabel')} data-testid="totp-secret">
            {pending.secret}
          </Code>
        </Stack>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setCodeError(null);
          if (code.length === 6) enable.mutate(code);
        }}
      >
        <Stack gap="sm">
          <TotpCodeInput value={code} onChange={setCode} error={codeError} />
          <Button type="submit" loading={enable.isPending} disabled={code.length !== 6} w="fit-content">
            {t('totp.enable')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
