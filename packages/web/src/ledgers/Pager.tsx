import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 「120件中 51〜100件」 with previous / next: plain words rather than a row of page numbers. */
export function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('ledgers.pager.range', { total, from, to })}
      </Text>
      {pages > 1 && (
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={page <= 1} onClick={() => onChange(page - 1)}>
            {t('ledgers.pager.previous')}
          </Button>
          <Text size="sm">{t('ledgers.pager.page', { page, pages })}</Text>
          <Button size="xs" variant="default" disabled={page >= pages} onClick={() => onChange(page + 1)}>
            {t('ledgers.pager.next')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
