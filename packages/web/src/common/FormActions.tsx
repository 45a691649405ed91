import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** キャンセル and the submit button at the foot of a form; the label defaults to 保存. */
export function FormActions({ onCancel, busy, submitLabel }: { onCancel: () => void; busy: boolean; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
