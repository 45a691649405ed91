import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problems';

type Problem = Parameters<typeof problemMessage>[0];

/** An item's problems under its answer: ● blocking, ○ warnings. `children` come first (page-specific lines). */
export function ProblemLines({
  blocking,
  warnings,
  fiscalYear,
  children,
}: {
  blocking: Problem[];
  warnings: Problem[];
  fiscalYear: number;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} role="status">
      {children}
      {blocking.map((p) => (
        <Text key={p.code} size="sm" c="red.8">
          ● {problemMessage(p, fiscalYear, t, i18n.language)}
        </Text>
      ))}
      {warnings.map((p) => (
        <Text key={p.code} size="sm" c="yellow.9">
          ○ {problemMessage(p, fiscalYear, t, i18n.language)}
        </Text>
      ))}
    </Stack>
  );
}

/** What went wrong saving an item: someone else saved first (overwrite or reload), or the server refused it. */
export function SaveNotices(props: {
  itemId: string;
  conflict: boolean;
  rowError: string | null | undefined;
  onOverwrite: (itemId: string) => void;
  onDiscard: (itemId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.conflict && (
        <Alert color="orange" title={t('checklist.conflict.title')}>
          <Stack gap="xs">
            <Text size="sm">{t('checklist.conflict.body')}</Text>
            <Group gap="xs">
              <Button size="xs" color="orange" onClick={() => props.onOverwrite(props.itemId)}>
                {t('checklist.conflict.overwrite')}
              </Button>
              <Button size="xs" variant="default" onClick={() => props.onDiscard(props.itemId)}>
                {t('checklist.conflict.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {props.rowError && (
        <Alert color="red" p="xs">
          <Text size="sm">{props.rowError}</Text>
        </Alert>
      )}
    </>
  );
}
