import { memo } from 'react';
import { Badge, Button, CloseButton, Divider, Group, Paper, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { allowsNotApplicable, fiscalYearRange } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../checklist/dates';
import { isSingleColumn, itemAnchor, pick, type ItemState, type LiveProblem, type RoundDraft } from '../checklist/model';
import { ProblemLines, SaveNotices } from '../checklist/ItemNotices';
import { fyName, problemMessage } from '../checklist/problems';
import type { EditionItem, RoundView } from '../checklist/queries';
import { AnswerControl, Column, ColumnTitle, DayInput } from '../checklist/RoundFields';
import type { VendorCommentView, VendorSide } from '../contracts/api';
import { CommentThread, openQuestion } from './CommentThread';

export interface VendorItemRowProps {
  item: EditionItem;
  name: string;
  state: ItemState;
  saved: RoundView[] | undefined;
  requirement: 'required' | 'reference' | 'not-needed';
  /** Outside the contract: no answer needed here, the facility covers it elsewhere. */
  excluded: boolean;
  problems: LiveProblem[];
  fiscalYear: number;
  today: string;
  side: VendorSide;
  /** The vendor may write answers now (its side, and the form is open). */
  canAnswer: boolean;
  /** The vendor (or the facility before any answer) may mark the item outside the contract. */
  canToggleExcluded: boolean;
  toggling: boolean;
  dirty: boolean;
  saving: boolean;
  conflict: boolean;
  errors: Record<string, string>;
  rowError: string | null;
  /** The submit refused this item: it is outlined until answered. */
  flagged: boolean;
  comments: VendorCommentView[];
  canComment: boolean;
  commentHint?: string;
  onChange: (itemId: string, fn: (state: ItemState) => ItemState) => void;
  onSave: (itemId: string) => void;
  onDiscard: (itemId: string) => void;
  onOverwrite: (itemId: string) => void;
  onHelp: (itemId: string) => void;
  onToggleExcluded: (itemId: string, excluded: boolean) => void;
  onPostComment: (itemId: string, body: string) => Promise<boolean>;
}

const empty: RoundDraft = { value: null, date: null, targetDate: null };

/** The saved answer as text, for the facility (and for the vendor once submitted). */
function AnswerSummary({ item, saved, fiscalYear }: { item: EditionItem; saved: RoundView[] | undefined; fiscalYear: number }) {
  const { t, i18n } = useTranslation();
  const rounds = (saved ?? []).filter((r) => !r.draft);
  if (rounds.length === 0) {
    return (
      <Text size="sm" c="orange.8" fw={500}>
        {t('vendorForm.item.noAnswer')}
      </Text>
    );
  }
  const first = rounds[0]!;
  const last = rounds.at(-1)!;
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, xs: isSingleColumn(item) ? 1 : 3 }} spacing="sm" maw={isSingleColumn(item) ? 260 : undefined}>
        {rounds.map((r) => (
          <Stack key={r.round} gap={2}>
            <ColumnTitle>{t('checklist.roundN', { n: r.round })}</ColumnTitle>
            <Group gap={6}>
              <Badge color={r.value === 'yes' ? 'teal' : 'orange'} variant="filled" size="lg">
                {t(`answers.${r.value}`)}
              </Badge>
              <Text size="sm">{formatDay(r.date)}</Text>
            </Group>
          </Stack>
        ))}
        {first.value === 'no' && !isSingleColumn(item) && (
          <Stack gap={2}>
            <ColumnTitle>{t('checklist.targetDate')}</ColumnTitle>
            <Text size="sm">{first.targetDate ? formatDay(first.targetDate) : t('vendorForm.item.noTarget', { fy: fyName(fiscalYear, i18n.language) })}</Text>
          </Stack>
        )}
      </SimpleGrid>
      <Stack gap={2}>
        <Text size="xs" fw={700} c="dimmed">
          {t(`vendorForm.item.rationaleFor.${last.value ?? 'none'}`)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={last.note ? undefined : 'dimmed'}>
          {last.note || t('vendorForm.item.noRationale')}
        </Text>
      </Stack>
      {last.answeredBy && (
        <Text size="xs" c="dimmed">
          {t('vendorForm.item.answeredBy', { name: last.answeredBy })}
        </Text>
      )}
    </Stack>
  );
}

function VendorItemRowImpl(props: VendorItemRowProps) {
  const { item, name, state, requirement, problems, fiscalYear, today, canAnswer, errors, excluded, side } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const single = isSingleColumn(item);
  const range = fiscalYearRange(fiscalYear);
  const rounds = state.rounds;
  // What the note should say follows the latest answer: a rationale for はい, a plan for いいえ.
  const latestValue = [...rounds].reverse().find((r) => r.value)?.value ?? null;
  const first = rounds[0] ?? empty;
  const notNeeded = excluded || requirement === 'not-needed';
  const question = openQuestion(props.comments);

  const change = (fn: (s: ItemState) => ItemState) => props.onChange(item.id, fn);
  const setRound = (index: number, patch: Partial<RoundDraft>) =>
    change((s) => {
      const next = [...s.rounds];
      const merged: RoundDraft = { ...(next[index] ?? empty), ...patch, carried: undefined };
      // A date is part of every answer: choosing はい/いいえ fills in today, which the vendor can change.
      if (patch.value && !merged.date) merged.date = today;
      if (index === 0 && merged.value === 'yes') merged.targetDate = null;
      next[index] = merged;
      return { ...s, rounds: next };
    });
  const addRound = () => change((s) => ({ ...s, rounds: [...s.rounds, { value: null, date: null, targetDate: null }] }));
  const removeLastRound = () => change((s) => ({ ...s, rounds: s.rounds.slice(0, -1) }));

  const roundLabel = (n: number) => t('checklist.roundN', { n });
  const latest = rounds.at(-1);
  const canAddRound = !single && canAnswer && rounds.length >= 1 && latest?.value === 'no' && !!latest.date && rounds.length < 20;

  const reqBadge = excluded ? (
    <Badge color="gray" variant="filled">
      {t('vendorForm.item.excludedBadge')}
    </Badge>
  ) : requirement === 'required' ? (
    <Badge color="red" variant="light">
      {t('checklist.requirement.required')}
    </Badge>
  ) : requirement === 'reference' ? (
    <Badge color="gray" variant="light">
      {item.dueFiscalYear ? t('checklist.requirement.referenceDue', { fy: fyName(item.dueFiscalYear, language) }) : t('checklist.requirement.reference')}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline">
      {t('checklist.requirement.notNeeded')}
    </Badge>
  );

  const roundColumn = (index: number) => {
    const round = rounds[index] ?? empty;
    const n = index + 1;
    return (
      <Column key={n}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <ColumnTitle>{roundLabel(n)}</ColumnTitle>
          {index > 0 && index === rounds.length - 1 && (
            <CloseButton size="sm" aria-label={t('checklist.removeRound', { item: name, round: roundLabel(n) })} onClick={removeLastRound} />
          )}
        </Group>
        <AnswerControl
          label={t('checklist.answerLabel', { item: name, round: roundLabel(n) })}
          value={round.value}
          onChange={(value) => setRound(index, { value })}
          allowNotApplicable={allowsNotApplicable(item)}
        />
        <DayInput
          label={t('checklist.checkedOn')}
          ariaLabel={t('checklist.dateLabel', { item: name, round: roundLabel(n) })}
          value={round.date}
          onChange={(date) => setRound(index, { date })}
          maxDate={today}
          minDate={rounds[index - 1]?.date ?? undefined}
          error={errors[`${n}.date`]}
        />
      </Column>
    );
  };

  const targetColumn = (
    <Column key="target">
      <ColumnTitle>{t('checklist.targetDate')}</ColumnTitle>
      {first.value === 'no' ? (
        <DayInput
          label={t('checklist.targetWithin', { fy: fyName(fiscalYear, language) })}
          ariaLabel={t('checklist.targetLabel', { item: name })}
          value={first.targetDate}
          onChange={(targetDate) => setRound(0, { targetDate, value: first.value ?? undefined })}
          minDate={range.start}
          maxDate={range.end}
          error={errors['1.targetDate']}
        />
      ) : (
        <Text size="xs" c="dimmed">
          {t('checklist.targetOnlyForNo')}
        </Text>
      )}
    </Column>
  );

  const secondColumn =
    rounds.length >= 2 ? (
      roundColumn(1)
    ) : (
      <Column key="2">
        <ColumnTitle>{roundLabel(2)}</ColumnTitle>
        {canAddRound ? (
          <Button size="xs" variant="light" onClick={addRound} aria-label={t('checklist.addRoundLabel', { item: name, round: roundLabel(2) })}>
            {t('checklist.addSecond')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {t('checklist.secondWhenNo')}
          </Text>
        )}
      </Column>
    );

  const columns = single ? [roundColumn(0)] : [roundColumn(0), targetColumn, secondColumn, ...rounds.slice(2).map((_, i) => roundColumn(i + 2))];
  const blocking = problems.filter((p) => p.severity === 'blocking' && p.code !== 'unanswered');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const unanswered = problems.some((p) => p.code === 'unanswered');

  const borderColor = props.conflict
    ? 'var(--mantine-color-orange-5)'
    : props.flagged && (unanswered || blocking.length > 0)
      ? 'var(--mantine-color-red-5)'
      : props.dirty
        ? 'var(--mantine-color-teal-4)'
        : question
          ? 'var(--mantine-color-blue-4)'
          : undefined;

  return (
    <Paper
      id={itemAnchor(item.id)}
      withBorder
      radius="md"
      p="md"
      tabIndex={-1}
      style={{ scrollMarginTop: 80, borderColor, borderWidth: borderColor ? 2 : undefined }}
      aria-label={name}
      component="section"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
              {item.label}
            </Text>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text fw={500} c={notNeeded ? 'dimmed' : undefined}>
                {pick(item.text, language)}
              </Text>
              <Group gap={6}>
                {reqBadge}
                {item.scope !== 'general' && (
                  <Badge variant="outline" color="blue">
                    {t(`checklist.scopes.${item.scope}`)}
                  </Badge>
                )}
                {question && (
                  <Badge color="blue" variant="filled">
                    {side === 'vendor' ? t('vendorForm.item.questionForYou') : t('vendorForm.item.waitingReply')}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => props.onHelp(item.id)}
            aria-label={t('checklist.help.open', { item: name })}
            style={{ flexShrink: 0 }}
          >
            {t('checklist.help.button')}
          </Button>
        </Group>

        {(props.canToggleExcluded || excluded) && (
          <Switch
            label={t('vendorForm.item.excludedToggle')}
            description={excluded ? t('vendorForm.item.excludedHint') : undefined}
            aria-label={t('vendorForm.item.excludedToggleLabel', { item: name })}
            checked={excluded}
            disabled={!props.canToggleExcluded || props.toggling}
            onChange={(e) => props.onToggleExcluded(item.id, e.currentTarget.checked)}
          />
        )}

        {excluded ? null : canAnswer ? (
          <>
            <SimpleGrid cols={{ base: 1, xs: single ? 1 : 3 }} spacing="md" maw={single ? 260 : undefined}>
              {columns}
            </SimpleGrid>
            {canAddRound && rounds.length >= 2 && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={addRound}
                  aria-label={t('checklist.addRoundLabel', { item: name, round: roundLabel(rounds.length + 1) })}
                >
                  {t('checklist.addNext', { round: roundLabel(rounds.length + 1) })}
                </Button>
              </Group>
            )}
            <Textarea
              label={t(`vendorForm.item.rationaleFor.${latestValue ?? 'none'}`)}
              aria-label={t('vendorForm.item.rationaleLabel', { item: name })}
              description={t(`vendorForm.item.rationaleHintFor.${latestValue ?? 'none'}`)}
              autosize
              minRows={2}
              maxLength={4000}
              value={state.note}
              onChange={(e) => {
                // Read the value now: React may run the updater after the event's currentTarget is gone.
                const value = e.currentTarget.value;
                change((s) => ({ ...s, note: value }));
              }}
            />
          </>
        ) : (
          <AnswerSummary item={item} saved={props.saved} fiscalYear={fiscalYear} />
        )}

        {(blocking.length > 0 || warnings.length > 0 || (props.flagged && unanswered)) && !excluded && (
          <ProblemLines blocking={blocking} warnings={warnings} fiscalYear={fiscalYear}>
            {props.flagged && unanswered && (
              <Text size="sm" c="red.8">
                ● {problemMessage({ code: 'unanswered', form: 'vendor' }, fiscalYear, t, language)}
              </Text>
            )}
          </ProblemLines>
        )}

        <SaveNotices itemId={item.id} conflict={props.conflict} rowError={props.rowError} onOverwrite={props.onOverwrite} onDiscard={props.onDiscard} />

        {canAnswer && !excluded && (
          <Group justify="space-between" gap="xs">
            <Text size="xs" c={props.dirty ? 'teal.8' : 'dimmed'}>
              {props.dirty ? t('checklist.unsaved') : lastSaved(props.saved, t)}
            </Text>
            <Group gap="xs">
              {props.dirty && (
                <Button size="xs" variant="default" onClick={() => props.onDiscard(item.id)} aria-label={t('checklist.discardLabel', { item: name })}>
                  {t('checklist.discard')}
                </Button>
              )}
              <Button
                size="xs"
                disabled={!props.dirty}
                loading={props.saving}
                onClick={() => props.onSave(item.id)}
                aria-label={t('checklist.saveLabel', { item: name })}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        )}

        {(props.comments.length > 0 || props.canComment) && (
          <>
            <Divider variant="dashed" />
            <CommentThread
              comments={props.comments}
              side={side}
              canPost={props.canComment}
              subject={name}
              hint={props.commentHint}
              onPost={(body) => props.onPostComment(item.id, body)}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function lastSaved(saved: RoundView[] | undefined, t: (key: string, values?: Record<string, unknown>) => string): string {
  const last = saved?.filter((r) => !r.draft).at(-1);
  if (!last) return '';
  return t('checklist.savedBy', { name: last.answeredBy ?? '—', round: t('checklist.roundN', { n: last.round }) });
}

export const VendorItemRow = memo(VendorItemRowImpl);
