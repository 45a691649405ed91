import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Collapse, Grid, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { todayInTokyo, vendorMayEditForm } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, isApiError } from '../api/client';
import { showError, showSuccess } from '../api/errors';
import '../checklist/checklist.css';
import { HelpDrawer } from '../checklist/HelpDrawer';
import { itemAnchor, itemName, pick } from '../checklist/model';
import { fyName } from '../checklist/problems';
import { useEditionForm } from '../checklist/queries';
import { ReadinessPanel } from '../checklist/ReadinessPanel';
import { LeaveGuardModal, useLeaveGuard } from '../common/LeaveGuard';
import { useRoundEdits } from '../checklist/useRoundEdits';
import { ErrorAlert } from '../common/ErrorAlert';
import { useContractAccess } from '../contracts/access';
import {
  acceptVendorForm,
  contractKeys,
  deleteVendorRound,
  invalidateContracts,
  patchVendorForm,
  postVendorComment,
  putVendorRound,
  submitVendorForm,
  useContract,
  useVendorForm,
  type VendorFormDetail,
} from '../contracts/api';
import { SystemBadges } from '../contracts/ContractsPage';
import { contractPath, VendorFormStatusBadge } from '../contracts/status';
import { FullPageLoader } from '../layout/FullPageLoader';
import { CommentThread, openQuestion } from './CommentThread';
import { formKeyOf, vendorFormLive } from './live';
import { StatusBar, type RefusedItem } from './StatusBar';
import { VendorItemRow } from './VendorItemRow';

const scopeOrder = ['general', 'server', 'terminal', 'network'] as const;

export function VendorFormPage() {
  const { formId = '' } = useParams();
  return <FormScreen key={formId} formId={formId} />;
}

/**
 * One vendor form (事業者確認用), for both sides. The vendor answers each item with a date and its
 * rationale, marks items outside its contract and submits; the facility reads the answers, asks about
 * items and accepts the form. Questions and replies sit under the item they are about.
 */
function FormScreen({ formId }: { formId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const wide = useMediaQuery('(min-width: 75em)');
  const today = todayInTokyo();
  const detailQuery = useVendorForm(formId);
  const detail = detailQuery.data;
  const formQuery = useEditionForm(detail?.form.edition, detail ? 'vendor' : undefined);
  const form = formQuery.data;
  const contract = useContract(detail?.contract.id);
  const access = useContractAccess(contract.data);

  const [helpItem, setHelpItem] = useState<string | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [toggling, setToggling] = useState(false);
  const [refused, setRefused] = useState<RefusedItem[]>([]);
  const detailRef = useRef(detail);
  detailRef.current = detail;

  /** A fresh detail from the server: this screen, the contract lists and the facility's checklist. */
  const setDetail = useCallback(
    (next: VendorFormDetail) => {
      queryClient.setQueryData(contractKeys.form(next.form.id), next);
      void invalidateContracts(queryClient);
    },
    [queryClient],
  );

  const { edits, dirty, dirtyIds, saved, saving, conflicts, rowErrors, fieldErrors, savingAll, onChange, discard, onSave, onOverwrite, saveAll } =
    useRoundEdits(form, detail, {
      queryKey: contractKeys.form(formId),
      put: (itemId, round, input) => putVendorRound(formId, itemId, round, input),
      remove: (itemId, round) => deleteVendorRound(formId, itemId, round),
      setDetail,
    });
  const leaveBlocker = useLeaveGuard(dirty);

  const live = useMemo(() => (form && detail ? vendorFormLive(form, detail, edits, today) : null), [form, detail, edits, today]);

  const onHelp = useCallback((itemId: string) => setHelpItem(itemId), []);

  const jump = useCallback((itemId: string) => {
    const element = document.getElementById(itemAnchor(itemId));
    if (!element) return;
    element.scrollIntoView({ behavior: 'smooth', block: 'center' });
    const target = element.querySelector<HTMLElement>('input:not([disabled])') ?? element.querySelector<HTMLElement>('button:not([disabled])') ?? element;
    target.focus({ preventScroll: true });
  }, []);

  const onToggleExcluded = useCallback(
    async (itemId: string, exclude: boolean) => {
      const current = detailRef.current;
      if (!current) return;
      const list = current.form.excludedItems.filter((id) => id !== itemId);
      if (exclude) list.push(itemId);
      setToggling(true);
      try {
        setDetail(await patchVendorForm(formId, { version: current.form.version, excludedItems: list }));
        if (exclude) discard(itemId);
        setRefused((prev) => prev.filter((r) => r.id !== itemId));
      } catch (error) {
        if (isApiError(error, 'version_conflict')) await detailQuery.refetch();
        showError(error);
      } finally {
        setToggling(false);
      }
    },
    [formId, setDetail, discard, detailQuery],
  );

  const onPostComment = useCallback(
    async (itemId: string | null, body: string): Promise<boolean> => {
      const current = detailRef.current;
      try {
        const next = await postVendorComment(formId, { itemId, body });
        setDetail(next);
        if (current && next.form.status !== current.form.status && next.form.status === 'queried') showSuccess(t('vendorForm.comments.sentQuery'));
        else showSuccess(t('vendorForm.comments.sent'));
        return true;
      } catch (error) {
        showError(error);
        return false;
      }
    },
    [formId, setDetail, t],
  );

  const nameOf = useCallback(
    (id: string) => {
      const item = form?.items.find((i) => i.id === id);
      return item ? itemName(item, t) : id;
    },
    [form, t],
  );

  const submit = async () => {
    if (!detail) return;
    setBusy(true);
    setRefused([]);
    try {
      setDetail(await submitVendorForm(formId, detail.form.version));
      showSuccess(t('vendorForm.actions.submitted'));
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (error) {
      if (isApiError(error, 'vendor_form_incomplete') || (error instanceof ApiError && error.status === 400 && error.details.length)) {
        const ids = form?.items.map((i) => i.id) ?? [];
        const list: RefusedItem[] = (error as ApiError).details.map((d) => {
          const id = d.path.replace(/^(body\.)?items\./, '');
          const known = ids.includes(id) ? id : (ids.find((x) => d.message.startsWith(`${x}:`)) ?? id);
          return { id: known, name: nameOf(known), reason: d.message.replace(/^[^:]+:\s*/, '') };
        });
        // Without details, what this screen sees as missing.
        const fallback = (live?.problems ?? [])
          .filter((p) => p.severity === 'blocking' && p.item)
          .map((p) => ({ id: p.item!, name: nameOf(p.item!), reason: '' }));
        const shown = list.length ? list : fallback.filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
        setRefused(shown);
        if (shown[0]) window.setTimeout(() => jump(shown[0]!.id), 50);
        else showError(error);
      } else {
        if (isApiError(error, 'version_conflict')) await detailQuery.refetch();
        showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (!detail) return;
    setBusy(true);
    try {
      setDetail(await acceptVendorForm(formId, detail.form.version));
      showSuccess(t('vendorForm.actions.accepted', { name: detail.contract.vendorName }));
    } catch (error) {
      if (isApiError(error, 'version_conflict') || error instanceof ApiError) await detailQuery.refetch();
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  if (detailQuery.isLoading || formQuery.isLoading) return <FullPageLoader />;
  if (detailQuery.isError) return <ErrorAlert error={detailQuery.error} onRetry={() => void detailQuery.refetch()} />;
  if (formQuery.isError) return <ErrorAlert error={formQuery.error} onRetry={() => void formQuery.refetch()} />;
  if (!detail || !form || !live) return null;

  const f = detail.form;
  const side = detail.viewerSide;
  const canAnswer = side === 'vendor' && vendorMayEditForm(f.status);
  const canReview = side === 'facility' && access.canReview;
  const canComment = side === 'vendor' ? access.canAnswer || !contract.data : canReview;
  // The vendor says which items its contract leaves out while it answers; the facility proposed them in the request.
  const canToggleExcluded = canAnswer;
  const excluded = new Set(f.excludedItems);
  const currentForm = formKeyOf(detail);
  // A refused item leaves the list once it is answered (or marked outside the contract).
  const stillRefused = refused.filter((r) => live.problemsOf(r.id).some((p) => p.severity === 'blocking'));
  const refusedIds = new Set(stillRefused.map((r) => r.id));
  const commentHint = side === 'facility' && (f.status === 'submitted' || f.status === 'accepted') ? t('vendorForm.comments.queryHint') : undefined;
  const helpTarget = form.items.find((i) => i.id === helpItem) ?? null;
  const itemComments = (id: string | null) => detail.comments.filter((c) => c.itemId === id);

  const header = (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Anchor component={Link} to={contractPath(detail.contract.id)} size="sm">
          ← {t('vendorForm.backToContract')}
        </Anchor>
        <Group gap="xs">
          <Badge size="lg" variant="filled" color="teal">
            {fyName(f.fiscalYear, language)}
          </Badge>
          <Badge size="lg" variant="outline">
            {t('checklist.formKinds.vendor')}
          </Badge>
          <VendorFormStatusBadge status={f.status} size="lg" />
        </Group>
        <Title order={1} fz="h3">
          {pick(form.title, language)}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('contracts.fields.vendor')}
            </Text>
            <Text fw={700}>{detail.contract.vendorName}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('contracts.fields.facility')}
            </Text>
            <Text fw={700}>{detail.contract.facilityName}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('contracts.fields.title')}
            </Text>
            <Text>{detail.contract.title}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('contracts.fields.systems')}
            </Text>
            <SystemBadges systems={detail.contract.systems} />
          </Stack>
        </SimpleGrid>
        {(side === 'facility' || canAnswer) && <Text size="sm">{side === 'vendor' ? t('vendorForm.introVendor') : t('vendorForm.introFacility')}</Text>}
        {f.excludedItems.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('vendorForm.excludedList', { items: f.excludedItems.map(nameOf).join('、') })}
          </Text>
        )}
        {form.source.status !== 'seed' && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t(`checklist.sourceStatus.${form.source.status}`, { fy: fyName(form.fiscalYear, language) })}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );

  const statusBar = (
    <StatusBar
      detail={detail}
      canSubmit={canAnswer}
      canAccept={canReview && f.status === 'submitted'}
      dirty={dirty}
      busy={busy}
      refused={stillRefused}
      questions={form.items.filter((i) => openQuestion(itemComments(i.id))).map((i) => ({ id: i.id, name: nameOf(i.id) }))}
      onSubmit={() => void submit()}
      onAccept={() => void accept()}
      onJump={jump}
    />
  );

  const panelTitle = side === 'vendor' ? t('vendorForm.panel.titleVendor') : t('vendorForm.panel.titleFacility');
  const panel = (
    <Stack gap="sm">
      {wide && (
        <Title order={2} fz="h4">
          {panelTitle}
        </Title>
      )}
      <ReadinessPanel
        live={live}
        fiscalYear={f.fiscalYear}
        nameOf={(id) => nameOf(id)}
        dirty={dirty}
        showTitle={false}
        currentForm={currentForm}
        readyTitle={side === 'vendor' ? t('vendorForm.panel.readyTitleVendor') : t('vendorForm.panel.readyTitleFacility')}
        readyBody={
          side === 'vendor'
            ? canAnswer
              ? t('vendorForm.panel.readyVendor')
              : t('vendorForm.panel.readyVendorDone')
            : t('vendorForm.panel.readyFacility', { name: detail.contract.vendorName })
        }
        onJump={(itemId) => {
          if (wide) jump(itemId);
          else {
            setPanelOpen(false);
            window.setTimeout(() => jump(itemId), 250);
          }
        }}
      />
    </Stack>
  );

  const sections = form.sections.map((section) => {
    const items = form.items.filter((i) => i.section === section.id);
    if (!items.length) return null;
    return (
      <Stack key={section.id} gap="sm" component="section" aria-labelledby={`section-${section.id}`}>
        <Title order={2} fz="h4" id={`section-${section.id}`} mt="md">
          {section.id === 'gate' ? '' : `${section.id}. `}
          {pick(section.title, language)}
        </Title>
        {scopeOrder.map((scopeKey) => {
          const scoped = items.filter((i) => i.scope === scopeKey);
          if (!scoped.length) return null;
          const heading = section.scopeHeadings[scopeKey];
          return (
            <Stack key={scopeKey} gap="sm">
              {heading && (
                <Text fw={700} size="sm" className="mamori-scope-heading">
                  {pick(heading, language)}
                </Text>
              )}
              {scoped.map((item) => (
                <VendorItemRow
                  key={item.id}
                  item={item}
                  name={itemName(item, t)}
                  state={edits[item.id] ?? saved[item.id]!}
                  saved={detail.answers[item.id]}
                  requirement={live.requirementOf(item.id)}
                  excluded={excluded.has(item.id)}
                  problems={live.problemsOf(item.id)}
                  fiscalYear={f.fiscalYear}
                  today={today}
                  side={side}
                  canAnswer={canAnswer}
                  canToggleExcluded={canToggleExcluded}
                  toggling={toggling}
                  dirty={!!edits[item.id]}
                  saving={!!saving[item.id]}
                  conflict={!!conflicts[item.id]}
                  errors={fieldErrors[item.id] ?? {}}
                  rowError={rowErrors[item.id] ?? null}
                  flagged={refusedIds.has(item.id)}
                  comments={itemComments(item.id)}
                  canComment={canComment}
                  commentHint={commentHint}
                  onChange={onChange}
                  onSave={onSave}
                  onDiscard={discard}
                  onOverwrite={onOverwrite}
                  onHelp={onHelp}
                  onToggleExcluded={(id, value) => void onToggleExcluded(id, value)}
                  onPostComment={onPostComment}
                />
              ))}
            </Stack>
          );
        })}
      </Stack>
    );
  });

  const general = itemComments(null);
  const generalThread = (general.length > 0 || canComment) && (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="vendor-form-general">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="vendor-form-general">
          {t('vendorForm.comments.generalTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {side === 'facility' ? t('vendorForm.comments.generalHintFacility') : t('vendorForm.comments.generalHintVendor')}
        </Text>
        <CommentThread
          comments={general}
          side={side}
          canPost={canComment}
          subject={t('vendorForm.comments.wholeForm')}
          hint={commentHint}
          onPost={(body) => onPostComment(null, body)}
        />
      </Stack>
    </Paper>
  );

  const saveBar = dirty && canAnswer && (
    <Paper withBorder shadow="md" radius="md" p="sm" pos="sticky" bottom={12} style={{ zIndex: 5 }} role="region" aria-label={t('checklist.saveBar')}>
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
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

  // Staff who review already read it in the intro; others learn who can.
  const readOnlyNote = side === 'facility' && !canReview && (
    <Alert color="gray" variant="light">
      {t('vendorForm.readOnlyViewer')}
    </Alert>
  );

  const bottomSubmit = canAnswer && (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('vendorForm.actions.bottomHint')}</Text>
        <Button onClick={() => void submit()} loading={busy} disabled={dirty} aria-label={t('vendorForm.actions.submitBottom')}>
          {t('vendorForm.actions.submit')}
        </Button>
      </Group>
    </Paper>
  );

  const drawer = <HelpDrawer item={helpTarget} name={helpTarget ? itemName(helpTarget, t) : ''} onClose={() => setHelpItem(null)} />;

  if (wide) {
    return (
      <>
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={8}>
            <Stack gap="md">
              {header}
              {statusBar}
              {readOnlyNote}
              {sections}
              {generalThread}
              {bottomSubmit}
              {saveBar}
            </Stack>
          </Grid.Col>
          <Grid.Col span={4} style={{ position: 'sticky', top: 76, alignSelf: 'flex-start' }}>
            <Paper withBorder radius="md" p="md" component="aside" aria-label={panelTitle} style={{ maxHeight: 'calc(100vh - 100px)', overflowY: 'auto' }}>
              {panel}
            </Paper>
          </Grid.Col>
        </Grid>
        {drawer}
        <LeaveGuardModal blocker={leaveBlocker} what={t('leave.what.answers')} />
      </>
    );
  }

  const blockingCount = live.problems.filter((p) => p.severity === 'blocking').length;
  return (
    <>
      <Stack gap="md">
        {header}
        {statusBar}
        <Paper withBorder radius="md" p="md" component="aside" aria-label={panelTitle} pos="sticky" top={68} style={{ zIndex: 4 }}>
          <UnstyledButton onClick={() => setPanelOpen((o) => !o)} aria-expanded={panelOpen} w="100%">
            <Group justify="space-between">
              <Text fw={700}>{panelTitle}</Text>
              <Group gap="xs">
                {live.ready ? (
                  <Badge color="teal">{t('vendorForm.panel.readyShort')}</Badge>
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
        {readOnlyNote}
        {sections}
        {generalThread}
        {bottomSubmit}
        {saveBar}
      </Stack>
      {drawer}
      <LeaveGuardModal blocker={leaveBlocker} what={t('leave.what.answers')} />
    </>
  );
}
