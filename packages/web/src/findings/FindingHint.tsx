import { useState } from 'react';
import { Anchor, Badge, Box, Button, Collapse, Group, List, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { findingAdvisoryCodes, findingReasonText, findingRecordReasonText, type FindingSuggestion } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RoundView } from '../checklist/queries';
import { accessLogPaths } from '../access-logs/paths';
import { ledgerPaths } from '../ledgers/records';
import { readinessPaths } from '../readiness/paths';
import { AcceptFindingModal } from './AcceptFindingModal';
import type { FindingView } from './queries';

interface Props {
  finding: FindingView;
  itemId: string;
  itemName: string;
  saved: RoundView[] | undefined;
  assessmentId: string;
  fiscalYear: number;
  today: string;
  canAnswer: boolean;
  /** Unsaved edits on the row: accepting would overwrite them, so save or discard first. */
  dirty: boolean;
}

/** Where a listed record opens: its ledger on that record, a backup plan on the backups page, or a vendor contract (2(3)). */
function recordPath(facilityId: string, record: FindingView['records'][number]): string {
  switch (record.ledger) {
    case 'backups':
      return readinessPaths.backupPlan(facilityId, record.id);
    case 'contracts':
      return `/contracts/${encodeURIComponent(record.id)}`;
    case 'logSources':
      return accessLogPaths.source(facilityId, record.id);
    default:
      return ledgerPaths.open(facilityId, record.ledger, record.id);
  }
}

/** Suggestions from incident readiness and the MDS/SDS register open the page their data lives on. */
const readinessPages: Partial<Record<FindingView['topic'], { key: string; path: (facilityId: string) => string }>> = {
  // 2(4)/2(5): terminal PCs' accounts are set to terminal scope on the account ledger (per system or per account).
  'access-rights': { key: 'accounts', path: (facilityId) => ledgerPaths.list(facilityId, 'accounts') },
  'unused-accounts': { key: 'accounts', path: (facilityId) => ledgerPaths.list(facilityId, 'accounts') },
  'mds-sds': { key: 'contracts', path: (facilityId) => `/facilities/${facilityId}/vendors` },
  'contact-chart': { key: 'contacts', path: readinessPaths.contacts },
  'backup-restore': { key: 'backups', path: readinessPaths.backups },
  bcp: { key: 'bcp', path: readinessPaths.bcp },
  'access-logs': { key: 'accessLogs', path: accessLogPaths.list },
};

function ReadinessLink({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const page = readinessPages[finding.topic];
  if (!page) return null;
  return (
    <Anchor component={Link} to={page.path(facilityId)} size="sm">
      {t(`readiness.findingLinks.${page.key}`)}
    </Anchor>
  );
}

/** The records behind a suggestion, each opening its ledger (or the backups page) on that record. */
function FindingRecords({ finding, itemName }: { finding: FindingView; itemName: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const { facilityId = '' } = useParams();
  const [open, setOpen] = useState(false);
  if (finding.records.length === 0) return null;
  return (
    <Box>
      <UnstyledButton
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={t('findings.recordsToggleLabel', { item: itemName, count: finding.records.length })}
      >
        <Text size="sm" c="teal.8" fw={500}>
          {open ? '▾' : '▸'} {t('findings.records', { count: finding.records.length })}
        </Text>
      </UnstyledButton>
      <Collapse expanded={open}>
        <List size="sm" spacing={2} mt={4} aria-label={t('findings.records', { count: finding.records.length })}>
          {finding.records.map((record, index) => (
            // One contract can be listed once per system it covers, so the id alone is not unique.
            <List.Item key={`${record.ledger}-${record.id}-${index}`}>
              <Anchor component={Link} to={recordPath(facilityId, record)} size="sm">
                {record.label || record.id}
              </Anchor>
              {record.reasons.length > 0 && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {record.reasons.map((code) => findingRecordReasonText(code, language)).join(language === 'en' ? ', ' : '、')}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Collapse>
    </Box>
  );
}

const suggestionColor: Record<FindingSuggestion, string> = { yes: 'teal', no: 'orange', not_applicable: 'gray', undetermined: 'yellow' };

/**
 * 「台帳からの提案」 beside a checklist item: the suggested answer, why (the domain's sentences), the
 * records, and a way to adopt it. Quiet when the saved answer already agrees.
 */
export function FindingHint({ finding, itemId, itemName, saved, assessmentId, fiscalYear, today, canAnswer, dirty }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const [accepting, setAccepting] = useState(false);
  const [open, setOpen] = useState(false);
  const confirmed = (saved ?? []).filter((r) => !r.draft);
  const answer = confirmed.at(-1)?.value ?? null;
  const matches = answer === finding.suggestion;
  const differs = answer !== null && !matches;
  const suggestion = t(`findings.suggestions.${finding.suggestion}`);
  const color = suggestionColor[finding.suggestion];
  const undetermined = finding.suggestion === 'undetermined';

  const reasons = (
    <List size="sm" spacing={2}>
      {finding.reasons.map((reason, index) => (
        // The same code may come twice (one line per end-of-life product). Notes that never change the answer are dimmed.
        <List.Item key={`${reason.code}-${index}`} c={findingAdvisoryCodes.has(reason.code) ? 'dimmed' : undefined}>
          {findingReasonText(reason, language)}
        </List.Item>
      ))}
    </List>
  );

  const acceptButton = canAnswer && !undetermined && (
    <Button
      size="xs"
      variant={differs ? 'default' : 'light'}
      color={color}
      disabled={dirty}
      onClick={() => setAccepting(true)}
      aria-label={t('findings.acceptLabel', { item: itemName })}
    >
      {t('findings.accept.button')}
    </Button>
  );

  const modal = canAnswer && (
    <AcceptFindingModal
      opened={accepting}
      onClose={() => setAccepting(false)}
      finding={finding}
      itemId={itemId}
      itemName={itemName}
      assessmentId={assessmentId}
      fiscalYear={fiscalYear}
      today={today}
      expectedRounds={confirmed.length}
    />
  );

  if (matches) {
    return (
      <Box data-testid={`finding-${itemId}`} data-suggestion={finding.suggestion} data-matches="true">
        <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={t('findings.quietToggle', { item: itemName, answer: suggestion })}>
          <Group gap={6}>
            <Badge size="sm" variant="outline" color="gray">
              {t('findings.badge', { answer: suggestion })}
            </Badge>
            <Text size="xs" c="dimmed">
              {open ? '▾' : '▸'} {t('findings.matches')}
            </Text>
          </Group>
        </UnstyledButton>
        <Collapse expanded={open}>
          <Stack gap={4} mt={4} c="dimmed">
            {reasons}
            <FindingRecords finding={finding} itemName={itemName} />
            <ReadinessLink finding={finding} />
          </Stack>
        </Collapse>
      </Box>
    );
  }

  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      bg={`${color}.0`}
      data-testid={`finding-${itemId}`}
      data-suggestion={finding.suggestion}
      data-matches="false"
      role="group"
      aria-label={t('findings.groupLabel', { item: itemName })}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Badge color={color} variant="filled">
            {t('findings.badge', { answer: suggestion })}
          </Badge>
          {acceptButton}
        </Group>
        {reasons}
        <FindingRecords finding={finding} itemName={itemName} />
        <ReadinessLink finding={finding} />
        {differs && (
          <Text size="sm" c="dark.6">
            {t('findings.overrides', { answer: t(`answers.${answer}`), suggestion })}
          </Text>
        )}
        {canAnswer && dirty && (
          <Text size="xs" c="dimmed">
            {t('findings.saveFirst')}
          </Text>
        )}
      </Stack>
      {modal}
    </Paper>
  );
}
