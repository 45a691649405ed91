import { Alert, Button, Group, List, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import type { VendorFormDetail } from '../contracts/api';
import { nextReminderLine, reminderLine, VendorFormStatusBadge } from '../contracts/status';

export interface RefusedItem {
  id: string;
  name: string;
  reason: string;
}

/**
 * The form's state in one line and the one action that moves it on: the vendor submits, the facility
 * accepts. A refused submit lists the items still missing, each a button to its row.
 */
export function StatusBar({
  detail,
  canSubmit,
  canAccept,
  dirty,
  busy,
  refused,
  questions,
  onSubmit,
  onAccept,
  onJump,
}: {
  detail: VendorFormDetail;
  canSubmit: boolean;
  canAccept: boolean;
  dirty: boolean;
  busy: boolean;
  refused: RefusedItem[];
  /** Items whose latest message is the facility's question, each a button to its row. */
  questions: { id: string; name: string }[];
  onSubmit: () => void;
  onAccept: () => void;
  onJump: (itemId: string) => void;
}) {
  const { t } = useTranslation();
  const f = detail.form;
  const side = detail.viewerSide;
  const values = {
    requested: formatDate(f.requestedAt),
    submitted: formatDate(f.submittedAt),
    accepted: formatDate(f.acceptedAt),
    done: f.answeredItems,
    total: f.itemCount,
    count: f.openQueries,
  };
  const message = t(`vendorForm.statusBar.${side}.${f.status}`, values);
  const percent = f.itemCount ? Math.round((f.answeredItems / f.itemCount) * 100) : 0;
  const next = side === 'facility' ? nextReminderLine(f, t) : null;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="region"
      aria-label={t('vendorForm.statusBar.label')}
      bg={f.status === 'submitted' && side === 'facility' ? 'blue.0' : f.status === 'queried' && side === 'vendor' ? 'orange.0' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="md">
          <Stack gap={6} style={{ flex: '1 1 420px' }}>
            <Group gap="sm">
              <VendorFormStatusBadge status={f.status} size="lg" data-testid="vendor-form-status" />
              <Text size="sm" fw={500}>
                {t('contracts.answered', { done: f.answeredItems, total: f.itemCount })}
              </Text>
              {f.openQueries > 0 && (
                <Text size="sm" c="blue.8" fw={500}>
                  {t('contracts.openQueries', { count: f.openQueries })}
                </Text>
              )}
            </Group>
            <Progress value={percent} size="sm" color={f.status === 'accepted' ? 'teal' : 'blue'} aria-hidden maw={420} />
            <Text size="sm">{message}</Text>
            {questions.length > 0 && (
              <Group gap={6}>
                <Text size="sm" fw={700} c="blue.8">
                  {side === 'vendor' ? t('vendorForm.statusBar.questionsVendor') : t('vendorForm.statusBar.questionsFacility')}
                </Text>
                {questions.map((q) => (
                  <Button
                    key={q.id}
                    size="compact-sm"
                    variant="light"
                    color="blue"
                    onClick={() => onJump(q.id)}
                    aria-label={t('vendorForm.refused.jump', { item: q.name })}
                  >
                    {q.name}
                  </Button>
                ))}
              </Group>
            )}
            {side === 'facility' && (f.status === 'requested' || f.status === 'in-progress') && (
              <Text size="xs" c="dimmed">
                {reminderLine(f, t)}
                {next ? ` ・ ${next}` : ''}
              </Text>
            )}
          </Stack>
          <Group gap="sm">
            {canSubmit && (
              <Button size="md" onClick={onSubmit} loading={busy} disabled={dirty}>
                {t('vendorForm.actions.submit')}
              </Button>
            )}
            {canAccept && (
              <Button size="md" color="teal" onClick={onAccept} loading={busy}>
                {t('vendorForm.actions.accept')}
              </Button>
            )}
          </Group>
        </Group>
        {canSubmit && dirty && (
          <Text size="xs" c="orange.8">
            {t('vendorForm.actions.saveFirst')}
          </Text>
        )}
        {refused.length > 0 && (
          <Alert color="red" title={t('vendorForm.refused.title', { count: refused.length })} role="alert">
            <Text size="sm" mb={6}>
              {t('vendorForm.refused.body')}
            </Text>
            <List size="sm" spacing={2}>
              {refused.map((r) => (
                <List.Item key={r.id}>
                  <UnstyledButton onClick={() => onJump(r.id)} aria-label={t('vendorForm.refused.jump', { item: r.name })}>
                    <Text size="sm" c="red.9" td="underline" fw={700} component="span">
                      {r.name}
                    </Text>
                    <Text size="sm" component="span">
                      {r.reason ? `: ${r.reason}` : ''}
                    </Text>
                  </UnstyledButton>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
