import { useState } from 'react';
import { Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import type { VendorCommentView, VendorSide } from '../contracts/api';

/** Whether the latest message on a thread is the facility's: a question still waiting for the vendor. */
export function openQuestion(comments: VendorCommentView[]): boolean {
  return comments.at(-1)?.side === 'facility';
}

function Message({ comment }: { comment: VendorCommentView }) {
  const { t } = useTranslation();
  const facility = comment.side === 'facility';
  return (
    <Paper
      radius="sm"
      p="xs"
      bg={facility ? 'blue.0' : 'teal.0'}
      style={{ borderLeft: `3px solid var(--mantine-color-${facility ? 'blue' : 'teal'}-5)` }}
      component="li"
      aria-label={t('vendorForm.comments.messageLabel', { side: t(`vendorForm.comments.sides.${comment.side}`), name: comment.authorName ?? '—' })}
    >
      <Group gap={6} justify="space-between" wrap="wrap">
        <Text size="xs" fw={700} c={facility ? 'blue.8' : 'teal.8'}>
          {t(`vendorForm.comments.sides.${comment.side}`)}
          {comment.authorName ? `（${comment.authorName}）` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(comment.createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Text>
    </Paper>
  );
}

/**
 * The messages about one item (or the whole form) between the facility and the vendor, oldest first,
 * with a box to write the next one: a question from the facility, a reply from the vendor.
 */
export function CommentThread({
  comments,
  side,
  canPost,
  subject,
  hint,
  onPost,
}: {
  comments: VendorCommentView[];
  side: VendorSide;
  canPost: boolean;
  /** What the messages are about, for the button's and the box's names (「2(4) サーバ」 or the whole form). */
  subject: string;
  /** Shown above the box, e.g. what a question does to a submitted form. */
  hint?: string;
  onPost: (body: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = side === 'facility' ? 'ask' : comments.length ? 'reply' : 'comment';

  const send = async () => {
    if (!body.trim()) return setError(t('vendorForm.comments.empty'));
    setBusy(true);
    const ok = await onPost(body.trim());
    setBusy(false);
    if (ok) {
      setBody('');
      setOpen(false);
      setError(null);
    }
  };

  if (comments.length === 0 && !canPost) return null;
  return (
    <Stack gap={6}>
      {comments.length > 0 && (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('vendorForm.comments.threadLabel', { subject })}>
          {comments.map((c) => (
            <Message key={c.id} comment={c} />
          ))}
        </Stack>
      )}
      {canPost &&
        (open ? (
          <Box>
            {hint && (
              <Text size="xs" c="orange.8" mb={4}>
                {hint}
              </Text>
            )}
            <Textarea
              label={t(`vendorForm.comments.boxLabel.${kind}`, { subject })}
              autosize
              minRows={2}
              maxLength={4000}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              data-autofocus
              autoFocus
            />
            <Group justify="flex-end" gap="xs" mt={6}>
              <Button size="xs" variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" loading={busy} onClick={() => void send()}>
                {t('vendorForm.comments.send')}
              </Button>
            </Group>
          </Box>
        ) : (
          <Group>
            <Button
              size="xs"
              variant={kind === 'ask' ? 'light' : 'subtle'}
              color={kind === 'ask' ? 'blue' : 'teal'}
              onClick={() => setOpen(true)}
              aria-label={t(`vendorForm.comments.buttonLabel.${kind}`, { subject })}
            >
              {t(`vendorForm.comments.button.${kind}`)}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
