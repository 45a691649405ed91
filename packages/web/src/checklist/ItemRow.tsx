import { memo, useState } from 'react';
import { Alert, Badge, Box, Button, CloseButton, Collapse, Group, Paper, SimpleGrid, Stack, Switch, Text, Textarea, UnstyledButton } from '@mantine/core';
import { allowsNotApplicable, fiscalYearRange } from '@mamori/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FindingHint } from '../findings/FindingHint';
import type { FindingView } from '../findings/queries';
import { EvidenceList } from './EvidenceList';
import { isSingleColumn, itemAnchor, pick, type ItemState, type LiveProblem, type RoundDraft } from './model';
import { ProblemLines, SaveNotices } from './ItemNotices';
import { fyName } from './problems';
import type { EditionItem, EvidenceView, RoundView } from './queries';
import { AnswerControl, Column, ColumnTitle, DayInput } from './RoundFields';

export interface ItemRowProps {
  item: EditionItem;
  name: string;
  state: ItemState;
  saved: RoundView[] | undefined;
  requirement: 'required' | 'reference' | 'not-needed';
  notNeededReason: string | null;
  /** A vendor form's item outside that vendor's contract: no inputs, another form answers it. */
  excluded?: boolean;
  problems: LiveProblem[];
  evidence: EvidenceView[];
  assessmentId: string;
  fiscalYear: number;
  today: string;
  canAnswer: boolean;
  dirty: boolean;
  saving: boolean;
  conflict: boolean;
  errors: Record<string, string>;
  rowError: string | null;
  onChange: (itemId: string, fn: (state: ItemState) => ItemState) => void;
  onSave: (itemId: string) => void;
  onDiscard: (itemId: string) => void;
  onOverwrite: (itemId: string) => void;
  onHelp: (itemId: string) => void;
  /** What the ledgers suggest for this item (台帳からの提案), if anything. */
  findings?: FindingView[] | undefined;
}

const empty: RoundDraft = { value: null, date: null, targetDate: null };

function ItemRowImpl(props: ItemRowProps) {
  const { item, name, state, requirement, problems, fiscalYear, today, canAnswer, errors } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const single = isSingleColumn(item);
  const range = fiscalYearRange(fiscalYear);
  const rounds = state.rounds;
  const first = rounds[0] ?? empty;
  const hasDetails = !!state.note || !!state.riskAcceptance || props.evidence.length > 0;
  const [detailsOpen, setDetailsOpen] = useState(hasDetails || item.flags.artifact === 'contactChart');
  const [riskOpen, setRiskOpen] = useState(!!state.riskAcceptance);
  const readOnly = !canAnswer;
  const excluded = !!props.excluded;
  const notNeeded = excluded || (requirement === 'not-needed' && rounds.length === 0);

  const change = (fn: (s: ItemState) => ItemState) => props.onChange(item.id, fn);
  const setRound = (index: number, patch: Partial<RoundDraft>) =>
    change((s) => {
      const next = [...s.rounds];
      const current = next[index] ?? empty;
      const merged: RoundDraft = { ...current, ...patch, carried: undefined };
      // A date is part of every answer: choosing はい/いいえ fills in today, which the user can change.
      if (patch.value && !merged.date) merged.date = today;
      if (index === 0 && merged.value === 'yes') merged.targetDate = null;
      next[index] = merged;
      return { ...s, rounds: next };
    });
  const addRound = () => change((s) => ({ ...s, rounds: [...s.rounds, { value: null, date: null, targetDate: null }] }));
  const removeLastRound = () => change((s) => ({ ...s, rounds: s.rounds.slice(0, -1) }));

  const roundLabel = (n: number) => t('checklist.roundN', { n });
  const answerLabel = (n: number) => t('checklist.answerLabel', { item: name, round: roundLabel(n) });
  const dateLabel = (n: number) => t('checklist.dateLabel', { item: name, round: roundLabel(n) });

  const latest = rounds.at(-1);
  const canAddRound = !single && !readOnly && rounds.length >= 1 && latest?.value === 'no' && !!latest.date && !latest.carried && rounds.length < 20;

  const reqBadge =
    requirement === 'required' ? (
      <Badge color="red" variant="light">
        {t('checklist.requirement.required')}
      </Badge>
    ) : requirement === 'reference' ? (
      <Badge color="gray" variant="light">
        {item.dueFiscalYear ? t('checklist.requirement.referenceDue', { fy: fyName(item.dueFiscalYear, language) }) : t('checklist.requirement.reference')}
      </Badge>
    ) : excluded ? (
      <Badge color="gray" variant="filled">
        {t('checklist.vendors.excludedBadge')}
      </Badge>
    ) : (
      <Badge color="gray" variant="outline">
        {t('checklist.requirement.notNeeded')}
      </Badge>
    );

  const roundColumn = (index: number) => {
    const round = rounds[index] ?? empty;
    const n = index + 1;
    const prevDate = rounds[index - 1]?.date ?? undefined;
    return (
      <Column key={n}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <ColumnTitle>{roundLabel(n)}</ColumnTitle>
          {index > 0 && index === rounds.length - 1 && !readOnly && (
            <CloseButton size="sm" aria-label={t('checklist.removeRound', { item: name, round: roundLabel(n) })} onClick={removeLastRound} />
          )}
        </Group>
        <AnswerControl
          label={answerLabel(n)}
          value={round.value}
          onChange={(value) => setRound(index, { value })}
          disabled={readOnly}
          allowNotApplicable={allowsNotApplicable(item)}
        />
        <DayInput
          label={t('checklist.checkedOn')}
          ariaLabel={dateLabel(n)}
          value={round.date}
          onChange={(date) => setRound(index, { date })}
          maxDate={today}
          minDate={prevDate}
          error={errors[`${n}.date`]}
          disabled={readOnly}
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
          disabled={readOnly}
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

  // An empty row already shows it is unanswered; the readiness panel lists it. Here only what needs fixing.
  const blocking = problems.filter((p) => p.severity === 'blocking' && p.code !== 'unanswered');
  const warnings = problems.filter((p) => p.severity === 'warning');

  return (
    <Paper
      id={itemAnchor(item.id)}
      withBorder
      radius="md"
      p="md"
      tabIndex={-1}
      style={{
        scrollMarginTop: 80,
        borderColor: props.conflict ? 'var(--mantine-color-orange-5)' : props.dirty ? 'var(--mantine-color-teal-4)' : undefined,
        opacity: notNeeded ? 0.75 : 1,
      }}
      aria-label={name}
      component="section"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
              {item.flags.gate ? '' : item.label}
            </Text>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text fw={item.flags.gate ? 700 : 500}>{pick(item.text, language)}</Text>
              <Group gap={6}>
                {reqBadge}
                {item.scope !== 'general' && (
                  <Badge variant="outline" color="blue">
                    {t(`checklist.scopes.${item.scope}`)}
                  </Badge>
                )}
                {item.flags.artifact === 'contactChart' && (
                  <Badge variant="outline" color="grape">
                    {t('checklist.artifactBadge')}
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

        {notNeeded ? (
          <Text size="sm" c="dimmed">
            {props.notNeededReason}
          </Text>
        ) : (
          <>
            {first.carried && (
              <Alert color="blue" variant="light" p="xs">
                <Text size="sm">{t('checklist.carriedHint', { value: first.value ? t(`answers.${first.value}`) : '' })}</Text>
              </Alert>
            )}
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
            {props.findings?.map((finding) => (
              <FindingHint
                key={`${finding.topic}-${finding.scope}`}
                finding={finding}
                itemId={item.id}
                itemName={name}
                saved={props.saved}
                assessmentId={props.assessmentId}
                fiscalYear={fiscalYear}
                today={today}
                canAnswer={canAnswer}
                dirty={props.dirty}
              />
            ))}
          </>
        )}

        {(blocking.length > 0 || warnings.length > 0) && (!notNeeded || excluded) && (
          <ProblemLines blocking={blocking} warnings={warnings} fiscalYear={fiscalYear} />
        )}

        <SaveNotices itemId={item.id} conflict={props.conflict} rowError={props.rowError} onOverwrite={props.onOverwrite} onDiscard={props.onDiscard} />

        {!item.flags.gate && !notNeeded && (
          <Box>
            <UnstyledButton onClick={() => setDetailsOpen((o) => !o)} aria-expanded={detailsOpen} aria-label={t('checklist.detailsToggle', { item: name })}>
              <Text size="sm" c="teal.8" fw={500}>
                {detailsOpen ? '▾' : '▸'} {t('checklist.details')}
                {hasDetails
                  ? ` (${[state.note && t('checklist.note'), state.riskAcceptance && t('checklist.risk.short'), props.evidence.length > 0 && t('checklist.evidence.count', { count: props.evidence.length })].filter(Boolean).join('・')})`
                  : ''}
              </Text>
            </UnstyledButton>
            <Collapse expanded={detailsOpen}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="sm">
                <Stack gap="xs">
                  <Textarea
                    label={t('checklist.note')}
                    aria-label={t('checklist.noteLabel', { item: name })}
                    description={t('checklist.noteHint')}
                    autosize
                    minRows={2}
                    maxLength={4000}
                    value={state.note}
                    onChange={(e) => {
                      // Read the value now: React may run the updater after the event's currentTarget is gone.
                      const value = e.currentTarget.value;
                      change((s) => ({ ...s, note: value }));
                    }}
                    readOnly={readOnly}
                  />
                  <Switch
                    label={t('checklist.risk.toggle')}
                    checked={riskOpen || !!state.riskAcceptance}
                    onChange={(e) => {
                      setRiskOpen(e.currentTarget.checked);
                      if (!e.currentTarget.checked) change((s) => ({ ...s, riskAcceptance: '' }));
                    }}
                    disabled={readOnly}
                  />
                  {(riskOpen || !!state.riskAcceptance) && (
                    <Textarea
                      label={t('checklist.risk.label')}
                      aria-label={t('checklist.risk.ariaLabel', { item: name })}
                      description={t('checklist.risk.hint')}
                      autosize
                      minRows={2}
                      maxLength={4000}
                      value={state.riskAcceptance}
                      onChange={(e) => {
                        // Read the value now: React may run the updater after the event's currentTarget is gone.
                        const value = e.currentTarget.value;
                        change((s) => ({ ...s, riskAcceptance: value }));
                      }}
                      readOnly={readOnly}
                    />
                  )}
                </Stack>
                <EvidenceList
                  assessmentId={props.assessmentId}
                  itemId={item.id}
                  itemLabel={name}
                  evidence={props.evidence}
                  canAnswer={canAnswer}
                  hint={item.flags.artifact === 'contactChart' ? t('checklist.evidence.contactChartHint') : t('checklist.evidence.hint')}
                />
              </SimpleGrid>
            </Collapse>
          </Box>
        )}

        {canAnswer && !notNeeded && (
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
      </Stack>
    </Paper>
  );
}

function lastSaved(saved: RoundView[] | undefined, t: TFunction): string {
  const last = saved?.filter((r) => !r.draft).at(-1);
  if (!last) return '';
  return t('checklist.savedBy', { name: last.answeredBy ?? '—', round: t('checklist.roundN', { n: last.round }) });
}

export const ItemRow = memo(ItemRowImpl);
