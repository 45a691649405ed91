import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Collapse, Grid, Group, Paper, Stack, Switch, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { todayInTokyo } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { showError } from '../api/errors';
import { useCan } from '../auth/actor';
import { ErrorAlert } from '../common/ErrorAlert';
import { LeaveGuardModal, useLeaveGuard } from '../common/LeaveGuard';
import { useFacilityContracts } from '../contracts/api';
import { vendorFormPath } from '../contracts/status';
import { useFacility } from '../facilities/queries';
import { findingsByItem, useFindings } from '../findings/queries';
import { FullPageLoader } from '../layout/FullPageLoader';
import { HelpDrawer } from './HelpDrawer';
import { ItemRow } from './ItemRow';
import { formKey, itemAnchor, itemName, liveEvaluation, pick } from './model';
import { formForFiscalYear } from '@mamori/domain';
import { fyName } from './problems';
import {
  checklistKeys,
  deleteRound,
  exportUrl,
  inspectionReportUrl,
  ownFormOf,
  patchAssessment,
  putRound,
  useAssessment,
  useAssessments,
  useEditionForm,
  vendorFormsOf,
  useSetDetail,
  type EditionItem,
} from './queries';
import { ReadinessPanel } from './ReadinessPanel';
import { SectionIndex, sectionAnchor, type IndexSection } from './SectionIndex';
import { useRoundEdits } from './useRoundEdits';
import { AddVendorModal, VendorFormsSection } from './VendorForms';
import './checklist.css';

const scopeOrder = ['general', 'server', 'terminal', 'network'] as const;

export function ChecklistFormPage() {
  const { assessmentId = '' } = useParams();
  // A fresh screen per form: moving from the institution form to a vendor's starts with no edits.
  return <FormPage key={assessmentId} />;
}

function FormPage() {
  const { assessmentId = '', facilityId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const setDetail = useSetDetail();
  const allowed = useCan();
  const wide = useMediaQuery('(min-width: 75em)');
  const detailQuery = useAssessment(assessmentId);
  const detail = detailQuery.data;
  const formQuery = useEditionForm(detail?.assessment.edition, detail?.assessment.form);
  // The edition's texts name the checklist's own fiscal year (令和8年度 on a FY2026 checklist of the 2025 edition).
  const form = useMemo(
    () => (formQuery.data && detail ? formForFiscalYear(formQuery.data, detail.assessment.fiscalYear) : undefined),
    [formQuery.data, detail],
  );
  // The evaluator needs the facility's form and the vendor form of the edition, whichever this screen shows.
  const isVendorForm = detail?.assessment.form === 'vendor';
  const otherForm = useEditionForm(
    detail?.assessment.edition,
    isVendorForm ? (detail?.bundle.facility.kind === 'pharmacy' ? 'pharmacy' : 'institution') : 'vendor',
  ).data;
  const facility = useFacility(facilityId);
  const today = todayInTokyo();
  const list = useAssessments(detail?.assessment.facilityId);
  const own = detail ? ownFormOf(list.data, detail.assessment.fiscalYear) : undefined;
  const vendors = detail ? vendorFormsOf(list.data, detail.assessment.fiscalYear) : [];
  const vendorEditionForm = isVendorForm ? formQuery.data : otherForm;
  // Vendor forms requested through 事業者・契約 are answered by the vendor and open on their own page.
  const contractFormIds = new Set((useFacilityContracts(facilityId).data ?? []).flatMap((c) => c.forms.map((f) => f.id)));

  const [helpItem, setHelpItem] = useState<string | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [vendorBusy, setVendorBusy] = useState(false);
  const [addingVendor, setAddingVendor] = useState(false);
  const { edits, dirty, dirtyIds, saved, saving, conflicts, rowErrors, fieldErrors, savingAll, onChange, discard, onSave, onOverwrite, saveAll } =
    useRoundEdits(form, detail, {
      queryKey: checklistKeys.detail(assessmentId),
      put: (itemId, round, input) => putRound(assessmentId, itemId, round, input),
      remove: (itemId, round) => deleteRound(assessmentId, itemId, round),
      setDetail,
    });
  // Leaving by the side menu, a link or closing the tab asks first while answers are unsaved.
  const leaveBlocker = useLeaveGuard(dirty);

  const organizationId = facility.data?.organizationId;
  const canAnswer = !!organizationId && allowed('assessment.answer', { kind: 'facility', organizationId, facilityId });
  const canCreate = !!organizationId && allowed('assessment.create', { kind: 'facility', organizationId, facilityId });

  // 台帳からの提案: the facility's own form only (vendor forms answer for the vendor, not from our ledgers).
  const canReadLedgers = !!organizationId && allowed('ledger.read', { kind: 'facility', organizationId, facilityId });
  const findings = useFindings(facilityId, detail?.assessment.fiscalYear ?? 0, canReadLedgers && !!detail && detail.assessment.vendorName === null);
  const findingMap = useMemo(
    () => (findings.data && (!findings.data.edition || findings.data.edition === detail?.assessment.edition) ? findingsByItem(findings.data) : null),
    [findings.data, detail?.assessment.edition],
  );

  const live = useMemo(() => (form && detail ? liveEvaluation(form, detail, edits, today, otherForm) : null), [form, detail, edits, today, otherForm]);

  const onHelp = useCallback((itemId: string) => setHelpItem(itemId), []);

  const jump = useCallback((itemId: string) => {
    const element = document.getElementById(itemAnchor(itemId));
    if (!element) return;
    element.scrollIntoView({ behavior: 'smooth', block: 'center' });
    const target = element.querySelector<HTMLElement>('input:not([disabled])') ?? element.querySelector<HTMLElement>('button:not([disabled])') ?? element;
    target.focus({ preventScroll: true });
  }, []);

  // A link to one item (a reminder's, `#item-2_1_`) scrolls to it once the form is on screen.
  const { hash } = useLocation();
  const formShown = !!form && !!detail;
  useEffect(() => {
    if (formShown && hash.startsWith('#item-')) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'center' });
  }, [formShown, hash]);

  const toggleVendor = async (hasVendorContract: boolean) => {
    if (!detail) return;
    setVendorBusy(true);
    try {
      setDetail(await patchAssessment(detail.assessment.id, { version: detail.assessment.version, hasVendorContract }));
    } catch (error) {
      if (isApiError(error, 'version_conflict')) await detailQuery.refetch();
      showError(error);
    } finally {
      setVendorBusy(false);
    }
  };

  if (contractFormIds.has(assessmentId)) return <Navigate to={vendorFormPath(assessmentId)} replace />;
  if (detailQuery.isLoading || formQuery.isLoading) return <FullPageLoader />;
  if (detailQuery.isError) return <ErrorAlert error={detailQuery.error} onRetry={() => void detailQuery.refetch()} />;
  if (formQuery.isError) return <ErrorAlert error={formQuery.error} onRetry={() => void formQuery.refetch()} />;
  if (!detail || !form || !live) return null;

  const a = detail.assessment;
  const isVendor = a.vendorName !== null;
  const currentForm = formKey(detail);
  const gateNo = live.evaluation.institution.gate === 'no';
  const excluded = new Set(isVendor ? a.excludedItems : []);
  const nameOf = (id: string, of: string = currentForm) => {
    const source = of === currentForm ? form : otherForm;
    const item = (source ?? form).items.find((i) => i.id === id);
    return item ? itemName(item, t) : id;
  };
  const vendorHref = (name: string) => {
    const v = vendors.find((x) => x.vendorName === name);
    if (!v) return undefined;
    return contractFormIds.has(v.id) ? vendorFormPath(v.id) : `/facilities/${facilityId}/checklist/${v.id}`;
  };
  const ownHref = own ? `/facilities/${facilityId}/checklist/${own.id}` : `/facilities/${facilityId}/checklist`;
  // A vendor form counts only while the facility's own form says it has a vendor contract.
  const contractOff = isVendor && !detail.bundle.facility.hasVendorContract;
  const helpTarget = form.items.find((i) => i.id === helpItem) ?? null;

  const notNeededReason = (item: EditionItem) =>
    excluded.has(item.id)
      ? t('checklist.vendors.excludedReason', { name: a.vendorName })
      : gateNo
        ? t('checklist.notNeeded.gateNo')
        : item.flags.vendorContractOnly && !a.hasVendorContract
          ? t('checklist.notNeeded.noVendor')
          : t('checklist.notNeeded.other');

  const panel = (
    <ReadinessPanel
      live={live}
      fiscalYear={a.fiscalYear}
      nameOf={nameOf}
      dirty={dirty}
      showTitle={!!wide}
      currentForm={currentForm}
      vendorHref={vendorHref}
      readyBody={isVendor ? t('checklist.vendors.readyBody', { name: a.vendorName }) : undefined}
      onJump={(itemId) => {
        // On a tablet the open panel would cover the row it just scrolled to.
        if (wide) jump(itemId);
        else {
          setPanelOpen(false);
          window.setTimeout(() => jump(itemId), 250);
        }
      }}
    />
  );

  const exports = (
    <Group gap="xs">
      <Button component="a" href={exportUrl(a.id, 'pdf', language)} download variant="filled" size="sm">
        {t('checklist.export.pdf')}
      </Button>
      <Button component="a" href={exportUrl(a.id, 'xlsx', language)} download variant="default" size="sm">
        {t('checklist.export.xlsx')}
      </Button>
      <Button component="a" href={exportUrl(a.id, 'csv', language)} download variant="default" size="sm">
        {t('checklist.export.csv')}
      </Button>
      <Button component="a" href={inspectionReportUrl(a.facilityId, a.id, language)} download variant="default" size="sm">
        {t('checklist.export.inspectionReport')}
      </Button>
    </Group>
  );

  const header = (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        {isVendor ? (
          <Anchor component={Link} to={ownHref} size="sm">
            ← {t('checklist.vendors.backToOwn')}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/facilities/${facilityId}/checklist`} size="sm">
            ← {t('checklist.backToList')}
          </Anchor>
        )}
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} style={{ flex: '1 1 420px' }}>
            <Group gap="xs">
              <Badge size="lg" variant="filled" color="teal">
                {fyName(a.fiscalYear, language)}
              </Badge>
              <Badge size="lg" variant="outline">
                {t(`checklist.formKinds.${a.form}`)}
              </Badge>
            </Group>
            <Title order={1} fz="h3">
              {pick(form.title, language)}
            </Title>
            {isVendor && (
              <Text fw={700} size="lg">
                {t('checklist.vendors.nameLine', { name: a.vendorName })}
              </Text>
            )}
            <Text c="dimmed">{facility.data?.name}</Text>
          </Stack>
          {exports}
        </Group>
        {dirty && (
          <Text size="xs" c="dimmed">
            {t('checklist.export.unsavedNote')}
          </Text>
        )}
        {form.source.status !== 'seed' && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t(`checklist.sourceStatus.${form.source.status}`, { fy: fyName(form.fiscalYear, language) })}</Text>
          </Alert>
        )}
        {form.fiscalYear !== a.fiscalYear && (
          <Text size="sm" c="dimmed">
            {t('checklist.editionOlder', { edition: fyName(form.fiscalYear, language), fy: fyName(a.fiscalYear, language) })}
          </Text>
        )}
        {isVendor ? (
          <Stack gap={4}>
            <Text size="sm">{t('checklist.vendors.formIntro', { name: a.vendorName })}</Text>
            {a.excludedItems.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('checklist.vendors.excludedList', { items: a.excludedItems.map((id) => nameOf(id)).join('、') })}
              </Text>
            )}
            {contractOff && (
              <Alert color="yellow" variant="light" p="xs">
                <Text size="sm">{t('checklist.vendors.contractOffHere')}</Text>
              </Alert>
            )}
          </Stack>
        ) : (
          <Switch
            label={t('checklist.vendorSwitch')}
            description={t('checklist.vendorSwitchHint')}
            checked={a.hasVendorContract}
            disabled={!canAnswer || vendorBusy}
            onChange={(e) => void toggleVendor(e.currentTarget.checked)}
          />
        )}
        {form.notes.length > 0 && <FormNotes notes={form.notes.map((n) => pick(n, language))} />}
      </Stack>
    </Paper>
  );

  const sections = form.sections.map((section) => {
    const items = form.items.filter((i) => i.section === section.id);
    if (!items.length) return null;
    return (
      <Stack key={section.id} id={sectionAnchor(section.id)} gap="sm" component="section" aria-labelledby={`section-${section.id}`}>
        <Title order={2} fz="h4" id={`section-${section.id}`} mt="md">
          {section.id === 'gate' ? '' : `${section.id}. `}
          {pick(section.title, language)}
        </Title>
        {(form.layout.groupByScope ? scopeOrder : (['all'] as const)).map((scopeKey) => {
          // 2023/2024 group a section's rows under device headings; 2025 numbers them in one run (file order).
          const scoped = scopeKey === 'all' ? items : items.filter((i) => i.scope === scopeKey);
          if (!scoped.length) return null;
          const heading = scopeKey === 'all' ? undefined : section.scopeHeadings[scopeKey];
          return (
            <Stack key={scopeKey} gap="sm">
              {heading && (
                <Text fw={700} size="sm" className="mamori-scope-heading">
                  {pick(heading, language)}
                </Text>
              )}
              {scoped.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  name={itemName(item, t)}
                  state={edits[item.id] ?? saved[item.id]!}
                  saved={detail.answers[item.id]}
                  requirement={live.requirementOf(item.id)}
                  notNeededReason={notNeededReason(item)}
                  excluded={excluded.has(item.id)}
                  problems={live.problemsOf(item.id)}
                  evidence={detail.evidence.filter((e) => e.itemId === item.id)}
                  assessmentId={a.id}
                  fiscalYear={a.fiscalYear}
                  today={today}
                  canAnswer={canAnswer}
                  dirty={!!edits[item.id]}
                  saving={!!saving[item.id]}
                  conflict={!!conflicts[item.id]}
                  errors={fieldErrors[item.id] ?? {}}
                  rowError={rowErrors[item.id] ?? null}
                  onChange={onChange}
                  onSave={onSave}
                  onDiscard={discard}
                  onOverwrite={onOverwrite}
                  onHelp={onHelp}
                  findings={findingMap?.get(item.id)}
                />
              ))}
            </Stack>
          );
        })}
      </Stack>
    );
  });

  // The index: every section with its items' states, in the order of the page.
  const indexSections: IndexSection[] = form.sections.flatMap((section) => {
    const items = form.items.filter((i) => i.section === section.id);
    if (!items.length) return [];
    const ordered = form.layout.groupByScope ? scopeOrder.flatMap((scope) => items.filter((i) => i.scope === scope)) : items;
    return [
      {
        id: section.id,
        title: `${section.id === 'gate' ? '' : `${section.id}. `}${pick(section.title, language)}`,
        items: ordered.map((item) => {
          const answered = (saved[item.id]?.rounds ?? []).some((r) => r.value && !r.carried);
          const state =
            live.requirementOf(item.id) === 'not-needed'
              ? 'skip'
              : edits[item.id]
                ? 'unsaved'
                : live.problemsOf(item.id).some((p) => p.severity === 'blocking')
                  ? 'problem'
                  : answered
                    ? 'done'
                    : 'open';
          return { id: item.id, label: item.flags.gate ? t('checklist.gateShort') : item.label, name: itemName(item, t), state } as const;
        }),
      },
    ];
  });

  const saveBar = dirty && canAnswer && (
    <Paper
      withBorder
      shadow="md"
      radius="md"
      p="sm"
      pos="sticky"
      bottom={12}
      bg="teal.0"
      style={{ zIndex: 5, borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 }}
      role="region"
      aria-label={t('checklist.saveBar')}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={700}>
          {t('checklist.unsavedCount', { count: dirtyIds.length })}
        </Text>
        <Group gap="xs">
          <Button size="sm" variant="default" onClick={() => dirtyIds.forEach(discard)}>
            {t('checklist.discardAll')}
          </Button>
          <Button size="sm" loading={savingAll} onClick={() => void saveAll()}>
            {t('checklist.saveAll')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );

  const vendorSection = !isVendor && own && (a.hasVendorContract || vendors.length > 0) && (
    <VendorFormsSection
      own={own}
      vendors={vendors}
      evaluation={live.evaluation}
      facilityId={facilityId}
      canCreate={canCreate}
      onAdd={() => setAddingVendor(true)}
    />
  );
  // Outside the layout branches (like the help drawer), so switching between wide and narrow keeps it open.
  const addVendor = !isVendor && own && vendorEditionForm && canCreate && (
    <AddVendorModal opened={addingVendor} onClose={() => setAddingVendor(false)} own={own} form={vendorEditionForm} existing={vendors} />
  );

  const readOnlyNote = !canAnswer && (
    <Alert color="gray" variant="light">
      {t('checklist.readOnly')}
    </Alert>
  );

  if (wide) {
    return (
      <>
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={8} style={{ minWidth: 0 }}>
            <Stack gap="md">
              {header}
              {vendorSection}
              {readOnlyNote}
              {sections}
              {saveBar}
            </Stack>
          </Grid.Col>
          <Grid.Col span={4} style={{ position: 'sticky', top: 76, alignSelf: 'flex-start' }}>
            {/* The index and the readiness panel share the screen's height; the panel scrolls within its part. */}
            <Stack gap="sm" style={{ maxHeight: 'calc(100vh - 96px)' }}>
              <Box style={{ flex: 'none' }}>
                <SectionIndex sections={indexSections} compact={false} onJump={jump} />
              </Box>
              <Paper
                withBorder
                radius="md"
                p="md"
                component="aside"
                aria-label={t('checklist.readiness.title')}
                style={{ flex: '1 1 auto', minHeight: 120, overflowY: 'auto' }}
              >
                {panel}
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
        <HelpDrawer item={helpTarget} name={helpTarget ? itemName(helpTarget, t) : ''} onClose={() => setHelpItem(null)} />
        {addVendor}
        <LeaveGuardModal blocker={leaveBlocker} what={t('leave.what.answers')} />
      </>
    );
  }

  const blockingCount = live.problems.filter((p) => p.severity === 'blocking').length;
  return (
    <>
      <Stack gap="md">
        {header}
        <Paper withBorder radius="md" p="sm" component="aside" aria-label={t('checklist.readiness.title')} pos="sticky" top={68} style={{ zIndex: 4 }}>
          <Box mb="xs">
            <SectionIndex sections={indexSections} compact onJump={jump} />
          </Box>
          <UnstyledButton onClick={() => setPanelOpen((o) => !o)} aria-expanded={panelOpen} w="100%">
            <Group justify="space-between">
              <Text fw={700}>{t('checklist.readiness.title')}</Text>
              <Group gap="xs">
                {live.ready ? (
                  <Badge color="teal">{t('checklist.readiness.readyShort')}</Badge>
                ) : (
                  <Badge color="red" variant="light">
                    {t('checklist.readiness.count', { count: blockingCount })}
                  </Badge>
                )}
                <Text size="sm" c="teal.8">
                  {panelOpen ? t('checklist.readiness.hide') : t('checklist.readiness.show')}
                </Text>
              </Group>
            </Group>
          </UnstyledButton>
          <Collapse expanded={panelOpen}>
            <Box mt="sm" style={{ maxHeight: '50vh', overflowY: 'auto' }}>
              {panel}
            </Box>
          </Collapse>
        </Paper>
        {vendorSection}
        {readOnlyNote}
        {sections}
        {saveBar}
      </Stack>
      <HelpDrawer item={helpTarget} name={helpTarget ? itemName(helpTarget, t) : ''} onClose={() => setHelpItem(null)} />
      {addVendor}
      <LeaveGuardModal blocker={leaveBlocker} what={t('leave.what.answers')} />
    </>
  );
}

function FormNotes({ notes }: { notes: string[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        <Text size="sm" c="teal.8">
          {open ? '▾' : '▸'} {t('checklist.formNotes')}
        </Text>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap={2} mt={4}>
          {notes.map((n) => (
            <Text key={n} size="xs" c="dimmed">
              {n}
            </Text>
          ))}
        </Stack>
      </Collapse>
    </Box>
  );
}
