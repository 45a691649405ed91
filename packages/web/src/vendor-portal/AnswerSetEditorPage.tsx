import { useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Collapse, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { allowsNotApplicable, fiscalYearOf, todayInTokyo, type AnswerValue } from '@mamori/domain';
import { isApiError } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { itemName, pick } from '../checklist/model';
import { editionFor, useEditionForm, useEditions, type EditionItem } from '../checklist/queries';
import { AnswerControl, DayInput } from '../checklist/RoundFields';
import { DeleteAction } from '../common/DeleteAction';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useVendorMemberships } from './access';
import { createAnswerSet, deleteAnswerSet, updateAnswerSet, useAllAnswerSets, vendorPortalKeys, type AnswerSetView } from './api';
import { fyLabel } from './labels';
import { LeaveGuardModal, useLeaveGuard } from '../common/LeaveGuard';

interface AnswerDraft {
  value: AnswerValue | null;
  targetDate: string | null;
  note: string;
}

interface Draft {
  product: string;
  edition: string;
  excluded: string[];
  answers: Record<string, AnswerDraft>;
}

const blankAnswer: AnswerDraft = { value: null, targetDate: null, note: '' };

function draftOf(set: AnswerSetView): Draft {
  return {
    product: set.product,
    edition: set.edition,
    excluded: [...set.excludedItems],
    answers: Object.fromEntries(Object.entries(set.answers).map(([id, a]) => [id, { value: a.value, targetDate: a.targetDate, note: a.note }])),
  };
}

/** What is sent: only the chosen edition's items, nothing for items left out or left blank. */
function bodyOf(draft: Draft, items: EditionItem[]) {
  const ids = new Set(items.map((i) => i.id));
  const excluded = draft.excluded.filter((id) => ids.has(id));
  const answers: Record<string, { value: AnswerValue; targetDate: string | null; note: string }> = {};
  for (const item of items) {
    const a = draft.answers[item.id];
    if (!a?.value || excluded.includes(item.id)) continue;
    answers[item.id] = { value: a.value, targetDate: a.value === 'no' ? a.targetDate : null, note: a.note.trim() };
  }
  return { product: draft.product.trim(), edition: draft.edition, excludedItems: excluded, answers };
}

/** /vendor/answer-sets/new?vendor=… and /vendor/answer-sets/:answerSetId. */
export function AnswerSetEditorPage() {
  const { answerSetId } = useParams();
  const [params] = useSearchParams();
  const vendors = useVendorMemberships();
  const sets = useAllAnswerSets(vendors.map((v) => v.id));
  const editions = useEditions();

  if (!answerSetId) {
    const vendorId = params.get('vendor') ?? vendors[0]?.id;
    const vendor = vendors.find((v) => v.id === vendorId);
    if (editions.isLoading) return <FullPageLoader />;
    if (editions.isError) return <ErrorAlert error={editions.error} onRetry={() => void editions.refetch()} />;
    if (!vendor) return <NotFoundPage />;
    const vendorEditions = (editions.data ?? []).filter((e) => e.forms.includes('vendor'));
    const current = editionFor(vendorEditions, fiscalYearOf(todayInTokyo())) ?? vendorEditions.at(-1);
    return (
      <Editor
        key="new"
        vendor={vendor}
        set={null}
        editions={vendorEditions.map((e) => e.edition)}
        initial={{ product: '', edition: current?.edition ?? '', excluded: [], answers: {} }}
      />
    );
  }

  if (sets.some((s) => s.isLoading) || editions.isLoading) return <FullPageLoader />;
  const failed = sets.find((s) => s.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  const set = sets.flatMap((s) => s.data ?? []).find((s) => s.id === answerSetId);
  const vendor = set && vendors.find((v) => v.id === set.vendorId);
  if (!set || !vendor) return <NotFoundPage />;
  return (
    <Editor
      key={set.id}
      vendor={vendor}
      set={set}
      editions={(editions.data ?? []).filter((e) => e.forms.includes('vendor')).map((e) => e.edition)}
      initial={draftOf(set)}
    />
  );
}

function Editor({ vendor, set, editions, initial }: { vendor: { id: string; name: string }; set: AnswerSetView | null; editions: string[]; initial: Draft }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState<Draft>(initial);
  const [version, setVersion] = useState(set?.version ?? null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [productError, setProductError] = useState<string | null>(null);
  const form = useEditionForm(draft.edition || undefined, draft.edition ? 'vendor' : undefined);
  const items = useMemo(() => form.data?.items ?? [], [form.data]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  // Set just before navigating away on purpose (after a save or a delete), when state has not re-rendered yet.
  const leaving = useRef(false);
  const blocker = useLeaveGuard(dirty, () => leaving.current);

  const answered = items.filter((i) => !draft.excluded.includes(i.id) && draft.answers[i.id]?.value).length;
  const inScope = items.filter((i) => !draft.excluded.includes(i.id)).length;
  const noWithoutTarget = items.filter((i) => !draft.excluded.includes(i.id) && draft.answers[i.id]?.value === 'no' && !draft.answers[i.id]?.targetDate);

  const setAnswer = (itemId: string, patch: Partial<AnswerDraft>) =>
    setDraft((d) => ({ ...d, answers: { ...d.answers, [itemId]: { ...(d.answers[itemId] ?? blankAnswer), ...patch } } }));
  const setExcluded = (itemId: string, on: boolean) =>
    setDraft((d) => ({ ...d, excluded: on ? [...d.excluded.filter((id) => id !== itemId), itemId] : d.excluded.filter((id) => id !== itemId) }));

  const save = async () => {
    if (!draft.product.trim()) {
      setProductError(t('validation.required'));
      return;
    }
    setProductError(null);
    setSaving(true);
    setConflict(null);
    try {
      const body = bodyOf(draft, items);
      const result = set && version !== null ? await updateAnswerSet(set.id, { ...body, version }) : await createAnswerSet(vendor.id, body);
      const next = draftOf(result);
      queryClient.setQueryData<AnswerSetView[]>(vendorPortalKeys.answerSets(vendor.id), (list) =>
        list ? (list.some((s) => s.id === result.id) ? list.map((s) => (s.id === result.id ? result : s)) : [...list, result]) : list,
      );
      void queryClient.invalidateQueries({ queryKey: vendorPortalKeys.answerSets(vendor.id) });
      setDraft(next);
      setSaved(next);
      setVersion(result.version);
      showSuccess(t('answerSets.saved', { product: result.product }));
      if (!set) {
        leaving.current = true;
        navigate(`/vendor/answer-sets/${result.id}`, { replace: true });
      }
    } catch (error) {
      if (isApiError(error, 'version_conflict') || (isApiError(error) && error.status === 409)) setConflict(t('answerSets.conflict'));
      else onError(error);
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: vendorPortalKeys.answerSets(vendor.id) });
    const list = queryClient.getQueryData<AnswerSetView[]>(vendorPortalKeys.answerSets(vendor.id));
    const fresh = list?.find((s) => s.id === set?.id);
    if (fresh) {
      setDraft(draftOf(fresh));
      setSaved(draftOf(fresh));
      setVersion(fresh.version);
    }
    setConflict(null);
  };

  const editionLabel = (edition: string) => t('answerSets.editionName', { edition: fyLabel(Number(edition), language) });
  const title = set ? t('answerSets.editTitle', { product: set.product }) : t('answerSets.newTitle');

  return (
    <>
      <Anchor component={Link} to="/vendor/answer-sets" size="sm">
        {t('answerSets.back')}
      </Anchor>
      <PageHeader
        title={title}
        description={t('answerSets.editorDescription', { vendor: vendor.name })}
        actions={
          set && (
            <DeleteAction
              size="sm"
              label={t('answerSets.deleteLabel', { product: set.product })}
              message={t('answerSets.deleteConfirm', { product: set.product })}
              success={t('answerSets.deleted', { product: set.product })}
              action={async () => {
                await deleteAnswerSet(set.id);
                leaving.current = true;
              }}
              onDone={() => {
                void queryClient.invalidateQueries({ queryKey: vendorPortalKeys.answerSets(vendor.id) });
                navigate('/vendor/answer-sets', { replace: true });
              }}
            />
          )
        }
      />
      <Stack gap="md" pb={96}>
        {conflict && (
          <Alert color="orange" title={t('errors.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{conflict}</Text>
              <Button size="xs" variant="light" color="orange" w="fit-content" onClick={() => void reload()}>
                {t('answerSets.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('answerSets.product')}
              description={t('answerSets.productHint')}
              placeholder={t('answerSets.productPlaceholder')}
              value={draft.product}
              onChange={(event) => {
                const product = event.currentTarget.value;
                setDraft((d) => ({ ...d, product }));
              }}
              error={productError}
              maxLength={200}
              required
            />
            <Select
              label={t('answerSets.edition')}
              description={t('answerSets.editionHint')}
              data={editions.map((e) => ({ value: e, label: editionLabel(e) }))}
              value={draft.edition || null}
              onChange={(value) => value && setDraft((d) => ({ ...d, edition: value }))}
              allowDeselect={false}
            />
          </SimpleGrid>
          {set && (
            <Text size="xs" c="dimmed" mt="sm">
              {t('answerSets.lastSaved', { date: formatDateTime(set.updatedAt), by: set.updatedBy ?? '—' })}
            </Text>
          )}
        </Paper>

        <Alert color="blue" variant="light">
          <Stack gap={4}>
            <Text size="sm">{t('answerSets.howItWorks')}</Text>
            <Text size="sm">{t('answerSets.excludedHint')}</Text>
          </Stack>
        </Alert>

        {form.isLoading && <FullPageLoader />}
        {form.isError && <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />}
        {items.length > 0 && (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="h4">
                {form.data ? pick(form.data.title, language) : ''}
              </Title>
              <Text size="sm" c="dimmed">
                {t('answerSets.progress', { done: answered, total: inScope })}
              </Text>
            </Group>
            {items.map((item) => (
              <ItemEditor
                key={item.id}
                item={item}
                answer={draft.answers[item.id] ?? blankAnswer}
                excluded={draft.excluded.includes(item.id)}
                onAnswer={(patch) => setAnswer(item.id, patch)}
                onExclude={(on) => setExcluded(item.id, on)}
              />
            ))}
          </Stack>
        )}
      </Stack>

      <Box
        pos="sticky"
        bottom={0}
        py="sm"
        px="md"
        bg="white"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 5, marginInline: 'calc(var(--mantine-spacing-lg) * -1)' }}
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm" c={noWithoutTarget.length ? 'orange.8' : dirty ? 'teal.8' : 'dimmed'}>
            {noWithoutTarget.length
              ? t('answerSets.noTargetWarning', { count: noWithoutTarget.length })
              : dirty
                ? t('answerSets.unsaved')
                : t('answerSets.allSaved')}
          </Text>
          <Group gap="xs">
            {dirty && set && (
              <Button variant="default" onClick={() => setDraft(saved)}>
                {t('answerSets.discard')}
              </Button>
            )}
            <Button onClick={() => void save()} loading={saving} disabled={!dirty && !!set}>
              {t('answerSets.save')}
            </Button>
          </Group>
        </Group>
      </Box>

      <LeaveGuardModal blocker={blocker} what={t('leave.what.answerSet')} />
    </>
  );
}

function ItemEditor({
  item,
  answer,
  excluded,
  onAnswer,
  onExclude,
}: {
  item: EditionItem;
  answer: AnswerDraft;
  excluded: boolean;
  onAnswer: (patch: Partial<AnswerDraft>) => void;
  onExclude: (on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const name = itemName(item, t);
  const [help, setHelp] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={name} style={{ opacity: excluded ? 0.75 : 1 }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
              {item.label}
            </Text>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text fw={500}>{pick(item.text, language)}</Text>
              <Group gap={6}>
                {item.scope !== 'general' && (
                  <Badge variant="outline" color="blue">
                    {t(`checklist.scopes.${item.scope}`)}
                  </Badge>
                )}
                {excluded && (
                  <Badge color="gray" variant="filled">
                    {t('answerSets.excludedBadge')}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setHelp((o) => !o)}
            aria-expanded={help}
            aria-label={t('answerSets.helpLabel', { item: name })}
            style={{ flexShrink: 0 }}
          >
            {t('answerSets.help')}
          </Button>
        </Group>
        <Collapse expanded={help}>
          <Stack gap={4} p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
            <Text size="sm">{pick(item.explanation, language)}</Text>
            <Text size="xs" c="dimmed">
              {t('answerSets.howToCheck')} {pick(item.howToCheck, language)}
            </Text>
          </Stack>
        </Collapse>
        <Switch
          label={t('answerSets.excluded')}
          checked={excluded}
          onChange={(event) => onExclude(event.currentTarget.checked)}
          aria-label={t('answerSets.excludedLabel', { item: name })}
        />
        {!excluded && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" maw={560}>
              <Stack gap={6}>
                <Text size="xs" fw={700} c="dimmed">
                  {t('answerSets.answer')}
                </Text>
                <AnswerControl
                  label={t('answerSets.answerLabel', { item: name })}
                  value={answer.value}
                  onChange={(value) => onAnswer({ value, targetDate: value === 'no' ? answer.targetDate : null })}
                  allowNotApplicable={allowsNotApplicable(item)}
                />
              </Stack>
              <Stack gap={6}>
                <Text size="xs" fw={700} c="dimmed">
                  {t('answerSets.targetDate')}
                </Text>
                {answer.value === 'no' ? (
                  <DayInput
                    label={t('answerSets.targetWithin')}
                    ariaLabel={t('answerSets.targetLabel', { item: name })}
                    value={answer.targetDate}
                    onChange={(targetDate) => onAnswer({ targetDate })}
                    error={answer.targetDate ? undefined : t('answerSets.targetMissing')}
                  />
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('answerSets.targetOnlyForNo')}
                  </Text>
                )}
              </Stack>
            </SimpleGrid>
            <Textarea
              label={t(`answerSets.noteFor.${answer.value ?? 'none'}`)}
              description={t(`answerSets.noteHintFor.${answer.value ?? 'none'}`)}
              aria-label={t('answerSets.noteLabel', { item: name })}
              value={answer.note}
              onChange={(event) => onAnswer({ note: event.currentTarget.value })}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={4000}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
