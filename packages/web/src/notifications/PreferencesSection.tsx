import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { ErrorAlert } from '../common/ErrorAlert';
import { type NotificationKind, type NotificationMode, usePreferences, useSavePreferences } from './api';

const modes: NotificationMode[] = ['standard', 'immediate', 'daily', 'off'];

/** The account page's お知らせの設定: per kind, at once, in the morning digest, or not at all. */
export function PreferencesSection() {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const preferences = usePreferences();
  const save = useSavePreferences();
  const [edits, setEdits] = useState<Partial<Record<NotificationKind, NotificationMode>>>({});

  if (preferences.isError) return <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />;
  const list = preferences.data?.preferences ?? [];
  const changed = list.filter((p) => edits[p.kind] !== undefined && edits[p.kind] !== p.mode);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('notifications.preferences.hint')}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.kind}>
                <Table.Td>{t(`notifications.kinds.${p.kind}`)}</Table.Td>
                <Table.Td w={240}>
                  <Select
                    aria-label={t(`notifications.kinds.${p.kind}`)}
                    data={modes.map((mode) => ({ value: mode, label: t(`notifications.modes.${mode}`) }))}
                    value={edits[p.kind] ?? p.mode}
                    onChange={(value) => value && setEdits((e) => ({ ...e, [p.kind]: value as NotificationMode }))}
                    allowDeselect={false}
                    size="sm"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button
          disabled={changed.length === 0}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { preferences: changed.map((p) => ({ kind: p.kind, mode: edits[p.kind]! })) },
              {
                onSuccess: () => {
                  setEdits({});
                  showSuccess(t('notifications.preferences.saved'));
                },
                onError: (error) => onError(error),
              },
            )
          }
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
