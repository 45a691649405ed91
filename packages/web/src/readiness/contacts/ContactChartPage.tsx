import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { detailMessage, ministryContact, validateChart, type ContactKind } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { ErrorAlert } from '../../common/ErrorAlert';
import { formatDateTime } from '../../common/format';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { PageHeader } from '../../layout/PageHeader';
import { useReadinessAccess } from '../access';
import { chartPdfUrl, saveContactChart, useContactChart, type ContactChartContent, type ContactChartView, type ContactEdge, type ContactEntry } from '../api';
import { invalidateReadiness, ReadinessGate } from '../shared';
import { ChartDiagram } from './ChartDiagram';
import { ChartVersions } from './ChartVersions';
import { EdgesEditor } from './EdgesEditor';
import { EntriesTable } from './EntriesTable';
import { EntryModal, type EntryDraft } from './EntryModal';
import { starterChart } from './starter';
import { LeaveGuardModal, useLeaveGuard } from '../../common/LeaveGuard';

const blank = (kind: ContactKind, name = ''): EntryDraft => ({
  kind,
  name,
  organization: '',
  role: '',
  phone: '',
  email: '',
  hours: '',
  notes: '',
  vendorName: '',
});

function newKey(taken: Set<string>): string {
  for (;;) {
    const key = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    if (!taken.has(key)) return key;
  }
}

const contentOf = (view: ContactChartView): ContactChartContent => ({ entries: view.entries, edges: view.edges, note: view.note });
const same = (a: ContactChartContent, b: ContactChartContent) => JSON.stringify(a) === JSON.stringify(b);

/** The prefecture's police for cyber crime: 警視庁 in Tokyo, 〇〇県警察 elsewhere. */
function policeName(prefecture: string | null | undefined, prefectureName: string): string {
  if (!prefecture) return '都道府県警察';
  return prefecture === '13' ? '警視庁' : `${prefectureName}警察`;
}

/** 連絡体制図: who is on it, who calls whom in which order, the live diagram, save as a new version, older versions. */
export function ContactChartPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const access = useReadinessAccess(facilityId);
  const chart = useContactChart(facilityId, access.canRead);
  return (
    <ReadinessGate access={access} title={t('readiness.contacts.title')}>
      {chart.isLoading && <FullPageLoader />}
      {chart.isError && <ErrorAlert error={chart.error} onRetry={() => void chart.refetch()} />}
      {chart.data && <ChartEditor facilityId={facilityId} loaded={chart.data} canEdit={access.canPlan} prefecture={access.facility.data?.prefecture ?? null} />}
    </ReadinessGate>
  );
}

function ChartEditor({
  facilityId,
  loaded,
  canEdit,
  prefecture,
}: {
  facilityId: string;
  loaded: ContactChartView;
  canEdit: boolean;
  prefecture: string | null;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  // The version this editor started from; it moves on only by saving or by loading the newest on purpose.
  const [base, setBase] = useState<ContactChartView>(loaded);
  const [draft, setDraft] = useState<ContactChartContent>(() => contentOf(loaded));
  const [editing, setEditing] = useState<EntryDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  const dirty = !same(draft, contentOf(base));
  // Someone else saved while this screen was open (seen on a reload): offer their version, keep the draft.
  const newer = loaded.chartVersion !== base.chartVersion ? loaded : null;
  useEffect(() => {
    if (newer && !dirty) {
      setBase(newer);
      setDraft(contentOf(newer));
    }
  }, [newer, dirty]);

  const problems = useMemo(() => validateChart(draft), [draft]);
  const flaggedEntries = new Set<string>();
  const flaggedEdges = new Set<number>();
  for (const p of problems) {
    const entry = /^entries\.(\d+)/.exec(p.path);
    const edge = /^edges\.(\d+)/.exec(p.path);
    if (entry) {
      const key = draft.entries[Number(entry[1])]?.key;
      if (key) flaggedEntries.add(key);
    }
    if (edge) flaggedEdges.add(Number(edge[1]));
  }

  const blocker = useLeaveGuard(dirty);

  const hasMinistry = draft.entries.some((e) => e.kind === 'ministry' || e.phone.replace(/\D/g, '') === ministryContact.phone.replace(/\D/g, ''));
  const prefectureName = prefecture ? t(`prefectures.${prefecture}`, { lng: 'ja' }) : '';

  const putEntry = (entry: EntryDraft) => {
    setDraft((d) => {
      if (entry.key) return { ...d, entries: d.entries.map((e) => (e.key === entry.key ? ({ ...entry, key: e.key } as ContactEntry) : e)) };
      const key = newKey(new Set(d.entries.map((e) => e.key)));
      return { ...d, entries: [...d.entries, { ...entry, key } as ContactEntry] };
    });
    setEditing(null);
  };
  const removeEntry = (entry: ContactEntry) =>
    setDraft((d) => ({
      ...d,
      entries: d.entries.filter((e) => e.key !== entry.key),
      edges: d.edges.filter((e) => e.from !== entry.key && e.to !== entry.key),
    }));
  const addMinistry = () => {
    if (hasMinistry) return;
    const key = newKey(new Set(draft.entries.map((e) => e.key)));
    setDraft((d) => ({ ...d, entries: [...d.entries, { ...blank('ministry'), ...ministryContact, role: '', vendorName: '', key } as ContactEntry] }));
  };
  const startWithStarter = () => setDraft(starterChart(t, policeName(prefecture, prefectureName)));

  const save = async () => {
    setSaving(true);
    setConflict(null);
    try {
      const saved = await saveContactChart(facilityId, { ...draft, baseVersion: base.chartVersion });
      queryClient.setQueryData(['readiness', facilityId, 'chart'], saved);
      setBase(saved);
      setDraft(contentOf(saved));
      showSuccess(t('readiness.contacts.savedAs', { version: t('readiness.contacts.versionName', { version: saved.chartVersion ?? 0 }) }));
      await invalidateReadiness(queryClient, facilityId);
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        setConflict(error.message);
        await queryClient.invalidateQueries({ queryKey: ['readiness', facilityId, 'chart'] });
      } else {
        handleError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const versionName = base.chartVersion ? t('readiness.contacts.versionName', { version: base.chartVersion }) : null;
  const empty = base.chartVersion === null && draft.entries.length === 0;

  return (
    <>
      <PageHeader
        title={t('readiness.contacts.title')}
        description={t('readiness.contacts.description')}
        actions={
          base.chartVersion !== null && (
            <Button component="a" href={chartPdfUrl(facilityId, base.chartVersion, i18n.language)} download variant="default">
              {t('readiness.contacts.pdf', { version: versionName })}
            </Button>
          )
        }
      />
      <Stack gap="xl">
        <Group gap="sm" data-testid="chart-status">
          <Text size="sm" fw={600}>
            {versionName ? t('readiness.contacts.current', { version: versionName }) : t('readiness.contacts.notSaved')}
          </Text>
          {base.savedAt && (
            <Text size="sm" c="dimmed">
              {t('readiness.contacts.savedLine', { at: formatDateTime(base.savedAt), by: base.savedBy ?? '—' })}
            </Text>
          )}
        </Group>

        {conflict && (
          <Alert color="orange" title={t('errors.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{conflict}</Text>
              <Text size="sm">{t('readiness.contacts.conflictBody')}</Text>
              <Group gap="sm">
                <Button
                  size="xs"
                  variant="default"
                  disabled={!newer}
                  onClick={() => {
                    setBase(loaded);
                    setDraft(contentOf(loaded));
                    setConflict(null);
                  }}
                >
                  {t('readiness.contacts.loadNewest')}
                </Button>
                <Button
                  size="xs"
                  color="orange"
                  disabled={!newer}
                  onClick={() => {
                    if (newer) setBase(newer);
                    setConflict(null);
                  }}
                >
                  {t('readiness.contacts.keepMine')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        {empty && (
          <Paper withBorder radius="md" p="xl">
            <Stack gap="sm" align="flex-start">
              <Text fw={700}>{t('readiness.contacts.emptyTitle')}</Text>
              <Text c="dimmed" maw={720}>
                {t('readiness.contacts.emptyBody')}
              </Text>
              <Text c="dimmed" maw={720}>
                {t('readiness.contacts.emptyInspection')}
              </Text>
              {canEdit && (
                <Group gap="sm">
                  <Button onClick={startWithStarter}>{t('readiness.contacts.starter')}</Button>
                  <Button variant="default" onClick={() => setEditing(blank('director'))}>
                    {t('readiness.contacts.add')}
                  </Button>
                </Group>
              )}
              {canEdit && (
                <Text size="xs" c="dimmed">
                  {t('readiness.contacts.starterHint')}
                </Text>
              )}
            </Stack>
          </Paper>
        )}

        <Stack gap="sm" component="section" aria-labelledby="chart-entries">
          <Group justify="space-between" align="flex-end">
            <Title order={2} fz="h4" id="chart-entries">
              {t('readiness.contacts.entriesTitle')}
            </Title>
            {canEdit && (
              <Group gap="xs">
                <Button size="sm" onClick={() => setEditing(blank('director'))}>
                  {t('readiness.contacts.add')}
                </Button>
                <Button
                  size="sm"
                  variant="light"
                  onClick={addMinistry}
                  disabled={hasMinistry}
                  title={hasMinistry ? t('readiness.contacts.ministryPresent') : undefined}
                >
                  {t('readiness.contacts.addMinistry')}
                </Button>
                <Button
                  size="sm"
                  variant="light"
                  onClick={() => setEditing({ ...blank('police', policeName(prefecture, prefectureName)), organization: 'サイバー犯罪相談窓口' })}
                >
                  {t('readiness.contacts.addPolice')}
                </Button>
                <Button size="sm" variant="light" onClick={() => setEditing(blank('vendor'))}>
                  {t('readiness.contacts.addVendor')}
                </Button>
              </Group>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('readiness.contacts.entriesHint')}
          </Text>
          <EntriesTable
            entries={draft.entries}
            edges={draft.edges}
            flagged={flaggedEntries}
            readOnly={!canEdit}
            onEdit={(e) => setEditing(e)}
            onRemove={removeEntry}
          />
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="chart-edges">
          <Title order={2} fz="h4" id="chart-edges">
            {t('readiness.contacts.edges.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('readiness.contacts.edges.hint')}
          </Text>
          <EdgesEditor
            entries={draft.entries}
            edges={draft.edges}
            flagged={flaggedEdges}
            readOnly={!canEdit}
            onChange={(edges: ContactEdge[]) => setDraft((d) => ({ ...d, edges }))}
          />
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="chart-diagram">
          <Title order={2} fz="h4" id="chart-diagram">
            {t('readiness.diagram.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('readiness.diagram.hint')}
          </Text>
          <ChartDiagram content={draft} title={t('readiness.diagram.title')} />
        </Stack>

        <Textarea
          label={t('readiness.contacts.note')}
          description={t('readiness.contacts.noteHint')}
          value={draft.note}
          onChange={(e) => {
            const note = e.currentTarget.value;
            setDraft((d) => ({ ...d, note }));
          }}
          readOnly={!canEdit}
          autosize
          minRows={2}
          maxLength={2000}
        />

        {problems.length > 0 && (
          <Alert color="orange" title={t('readiness.contacts.problemsTitle', { count: problems.length })} data-testid="chart-problems">
            <List size="sm" spacing={2}>
              {problems.map((p, i) => (
                <List.Item key={`${p.path}-${i}`}>{detailMessage(p.code, i18n.language === 'en' ? 'en' : 'ja', p.params)}</List.Item>
              ))}
            </List>
          </Alert>
        )}

        {canEdit && (
          <Paper withBorder radius="md" p="sm" pos="sticky" bottom={0} style={{ zIndex: 3 }} shadow={dirty ? 'md' : undefined}>
            <Group justify="space-between" gap="sm">
              <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} fw={dirty ? 600 : 400}>
                {dirty
                  ? t('readiness.contacts.unsaved')
                  : versionName
                    ? t('readiness.contacts.current', { version: versionName })
                    : t('readiness.contacts.notSaved')}
              </Text>
              <Group gap="sm">
                {dirty && (
                  <Button variant="default" onClick={() => setDraft(contentOf(base))}>
                    {t('readiness.contacts.discard')}
                  </Button>
                )}
                <Button onClick={() => void save()} loading={saving} disabled={!dirty || problems.length > 0 || draft.entries.length === 0}>
                  {t('readiness.contacts.save')}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}

        <Stack gap="sm" component="section" aria-labelledby="chart-versions">
          <Title order={2} fz="h4" id="chart-versions">
            {t('readiness.contacts.versions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('readiness.contacts.versions.hint')}
          </Text>
          <ChartVersions facilityId={facilityId} />
        </Stack>
      </Stack>

      <EntryModal opened={editing !== null} initial={editing} onClose={() => setEditing(null)} onSubmit={putEntry} />

      <LeaveGuardModal blocker={blocker} what={t('leave.what.chart')} />
    </>
  );
}
