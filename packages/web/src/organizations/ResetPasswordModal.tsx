import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { CopyField } from '../common/CopyField';

interface Target {
  userId: string;
  name: string;
}

export function ResetPasswordModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const reset = useMutation({
    mutationFn: (userId: string) => request(client.POST('/users/{userId}/password-reset', { params: { path: { userId } } })),
    onError: (error) => onError(error),
  });
  const close = () => {
    reset.reset();
    onClose();
  };

  return (
    <Modal opened={!!target} onClose={close} title={t('resetPassword.title')}>
      {target && !reset.data && (
        <Stack gap="sm">
          <Text size="sm">{t('resetPassword.confirm', { name: target.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={reset.isPending} onClick={() => reset.mutate(target.userId)}>
              {t('resetPassword.submit')}
            </Button>
          </Group>
        </Stack>
      )}
      {reset.data && (
        <Stack gap="sm">
          <Alert color="yellow">{t('resetPassword.showOnce')}</Alert>
          <Text size="sm">
            {reset.data.revokedTokens > 0 ? t('resetPassword.revokedTokens', { count: reset.data.revokedTokens }) : t('resetPassword.signedOut')}
          </Text>
          <CopyField label={t('resetPassword.temporaryPassword')} value={reset.data.temporaryPassword} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
