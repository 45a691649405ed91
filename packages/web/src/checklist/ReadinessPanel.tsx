import { Alert, Anchor, Badge, Group, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LiveEvaluation } from './model';
import { grouped, type ProblemGroup as Group_ } from './problem-order';
import { problemMessage } from './problems';

export function ReadinessPanel({
  live,
  fiscalYear,
  nameOf,
  onJump,
  dirty,
  showTitle = true,
  currentForm = 'institution',
  vendorHref,
  readyBody,
  readyTitle,
}: {
  live: LiveEvaluation;
  fiscalYear: number;
  /** An item's name on the form a finding is about ('institution' or 'vendor:<name>'). */
  nameOf: (itemId: string, form: string) => string;
  onJump: (itemId: string) => void;
  dirty: boolean;
  showTitle?: boolean;
  /** The form this screen shows: its findings jump to the row; other forms' findings link to them. */
  currentForm?: string;
  vendorHref?: (vendorName: string) => string | undefined;
  readyBody?: string;
  /** Defaults to 「立入検査の準備ができています」; a vendor's own form says its own thing. */
  readyTitle?: string;
}) {
  const { t, i18n } = useTranslation();
  const blocking = grouped(live.problems.filter((p) => p.severity === 'blocking'));
  // Contracts that need no vendor form of their own (manual I-4, Q&A 12-D-19/22/23), listed with the reason.
  const exempt = currentForm === 'institution' ? live.evaluation.vendors.filter((v) => v.exemption !== null && !v.submitted) : [];
  const warnings = grouped(live.problems.filter((p) => p.severity === 'warning'));
  const percent = live.requiredTotal ? Math.round((live.requiredDone / live.requiredTotal) * 100) : 0;

  const render = (g: Group_, color: string) => {
    const vendor = g.form.startsWith('vendor:') ? g.form.slice('vendor:'.length) : null;
    const elsewhere = g.form !== currentForm;
    let title: string;
    if (vendor !== null && elsewhere) {
      title = `${t('checklist.readiness.vendorForm', { name: vendor })}${g.item ? ` ${nameOf(g.item, g.form)}` : ''}`;
    } else title = g.item ? nameOf(g.item, g.form) : t('checklist.readiness.wholeForm');
    // A vendor's excluded item is answered on the institution form: the fix is on this screen's row.
    const coverHere = currentForm === 'institution' && g.problems.every((p) => p.code === 'not-covered');
    const jumpable = !!g.item && (!elsewhere || coverHere);
    const href = vendor !== null && elsewhere && !jumpable ? vendorHref?.(vendor) : undefined;
    const messages = g.problems.map((p) => problemMessage(p, fiscalYear, t, i18n.language));
    const body = (
      <Stack gap={0}>
        <Text size="sm" fw={700}>
          {title}
        </Text>
        {g.problems.map((p, i) => (
          <Text key={p.code} size="sm" c={color}>
            {messages[i]}
          </Text>
        ))}
      </Stack>
    );
    return (
      <li key={g.key}>
        {jumpable ? (
          <UnstyledButton
            onClick={() => onJump(g.item!)}
            w="100%"
            p={6}
            style={{ borderRadius: 6 }}
            className="mamori-problem"
            aria-label={`${title}: ${messages.join(' ')}`}
          >
            {body}
          </UnstyledButton>
        ) : (
          <div style={{ padding: 6 }}>
            {body}
            {href && (
              <Anchor component={Link} to={href} size="sm" aria-label={t('checklist.vendors.openLabel', { name: vendor })}>
                {t('checklist.readiness.openVendor')} →
              </Anchor>
            )}
          </div>
        )}
      </li>
    );
  };

  return (
    <Stack gap="sm" aria-live="polite">
      {showTitle && (
        <Title order={2} fz="h4">
          {t('checklist.readiness.title')}
        </Title>
      )}
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm">
            {t('checklist.readiness.requiredDone', { done: live.requiredDone, total: live.requiredTotal })}
            {live.requiredUnsaved > 0 && (
              <Text span size="sm" c="orange.8" fw={600} ml={6} data-testid="unsaved-count">
                {t('checklist.readiness.requiredUnsaved', { count: live.requiredUnsaved })}
              </Text>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {percent}%
          </Text>
        </Group>
        <Progress value={percent} color={live.ready ? 'teal' : 'orange'} aria-label={t('checklist.readiness.progress')} />
      </Stack>
      {live.ready ? (
        <Alert color="teal" variant="filled" title={readyTitle ?? t('checklist.readiness.ready')}>
          {readyBody ?? t('checklist.readiness.readyBody')}
        </Alert>
      ) : (
        <>
          <Group gap="xs">
            <Badge color="red" variant="light">
              {t('checklist.readiness.count', { count: live.problems.filter((p) => p.severity === 'blocking').length })}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('checklist.readiness.clickHint')}
          </Text>
          <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {blocking.map((g) => render(g, 'red.8'))}
          </Stack>
        </>
      )}
      {dirty && (
        <Text size="xs" c="teal.8">
          {t('checklist.readiness.unsavedNote')}
        </Text>
      )}
      {warnings.length > 0 && (
        <Stack gap={4} mt="xs">
          <Text size="sm" fw={700} c="dimmed">
            {t('checklist.readiness.warnings')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('checklist.readiness.warningsHint')}
          </Text>
          <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {warnings.map((g) => render(g, 'gray.7'))}
          </Stack>
        </Stack>
      )}
      {exempt.length > 0 && (
        <Stack gap={4} mt="xs" data-testid="exempt-contracts">
          <Text size="sm" fw={700} c="dimmed">
            {t('checklist.readiness.exempt.title')}
          </Text>
          {exempt.map((v) => (
            <Text key={v.name} size="sm" c="dimmed">
              {v.name}: {t(`checklist.readiness.exempt.${v.exemption}`)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
