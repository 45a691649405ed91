import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { fieldOf, showError, showSuccess } from '../api/errors';
import { formOfYear, useFacilityContracts } from '../contracts/api';
import { contractLabel, vendorFormPath, VendorFormStatusBadge } from '../contracts/status';
import { itemName, pick } from './model';
import { fyName } from './problems';
import { checklistKeys, createVendorForm, useAssessment, useEditionForm, type AssessmentDetail, type AssessmentSummary, type EditionForm } from './queries';

type EvaluationView = AssessmentDetail['evaluation'];

/** One vendor's state as the facility-year evaluation sees it. */
function vendorStatus(evaluation: EvaluationView | undefined, name: string) {
  const result = evaluation?.vendors.find((v) => v.name === name);
  if (!evaluation || !result) return null;
  const required = result.items.filter((i) => i.requirement === 'required');
  const done = required.filter((i) => i.latest !== null && !i.problems.some((p) => p.code === 'unanswered' || p.code === 'missing-date')).length;
  const blocking = evaluation.inspection.problems.filter((p) => p.form === `vendor:${name}` && p.severity === 'blocking').length;
  return { submitted: result.submitted, requiredTotal: required.length, requiredDone: done, blocking, ready: blocking === 0 };
}

/**
 * 事業者確認用チェックリスト of one fiscal year, beside the facility's own form: each vendor with its
 * progress and findings, and (when the facility has a vendor contract) a button to add one.
 */
export function VendorFormsSection({
  own,
  vendors,
  evaluation,
  facilityId,
  canCreate,
  heading = 'h4',
  onAdd,
}: {
  own: AssessmentSummary;
  vendors: AssessmentSummary[];
  /** The facility-year evaluation; defaults to the server's, read from the own form. */
  evaluation?: EvaluationView;
  facilityId: string;
  canCreate: boolean;
  heading?: 'h3' | 'h4';
  /** Opens an add-vendor modal the caller keeps (so it survives a layout change); otherwise this section keeps its own. */
  onAdd?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ownDetail = useAssessment(evaluation ? undefined : own.id);
  const vendorForm = useEditionForm(own.edition, 'vendor');
  const source = evaluation ?? ownDetail.data?.evaluation;
  const [adding, setAdding] = useState(false);
  const nameOf = (id: string) => {
    const item = vendorForm.data?.items.find((i) => i.id === id);
    return item ? itemName(item, t) : id;
  };
  // Forms requested from the vendor through Mamori (事業者・契約) are listed by contract; the rest were entered here.
  const contracts = useFacilityContracts(facilityId).data ?? [];
  const requested = new Set(contracts.flatMap((c) => c.forms.map((f) => f.id)));
  const manual = vendors.filter((v) => !requested.has(v.id));
  const statusBadge = (name: string) => {
    const s = vendorStatus(source, name);
    if (!s)
      return (
        <Badge color="gray" variant="outline">
          {source ? t('checklist.vendors.notEvaluated') : t('common.loading')}
        </Badge>
      );
    if (!s.submitted)
      return (
        <Badge color="orange" variant="light">
          {t('checklist.vendors.notEntered')}
        </Badge>
      );
    if (s.ready) return <Badge color="teal">{t('checklist.readiness.readyShort')}</Badge>;
    return (
      <Badge color="orange" variant="light">
        {t('checklist.readiness.count', { count: s.blocking })}
      </Badge>
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`vendors-${own.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 360px' }}>
            <Title order={2} fz={heading} id={`vendors-${own.id}`}>
              {t('checklist.vendors.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('checklist.vendors.intro')}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button component={Link} to={`/facilities/${facilityId}/vendors`} variant={contracts.length || !own.hasVendorContract ? 'default' : 'filled'}>
              {t('contracts.checklist.openContracts')}
            </Button>
            {own.hasVendorContract && canCreate && vendorForm.data && (
              <Button onClick={() => (onAdd ? onAdd() : setAdding(true))} variant="default">
                {t('checklist.vendors.add')}
              </Button>
            )}
          </Group>
        </Group>
        {contracts.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('contracts.checklist.byContract', { fy: fyName(own.fiscalYear, i18n.language) })}
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" aria-label={t('contracts.checklist.byContract', { fy: fyName(own.fiscalYear, i18n.language) })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contracts.fields.vendorAndTitle')}</Table.Th>
                    <Table.Th>{t('contracts.fields.status')}</Table.Th>
                    <Table.Th>{t('checklist.list.readiness')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {contracts.map((c) => {
                    const form = formOfYear(c, own.fiscalYear);
                    const label = contractLabel(c);
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Stack gap={0}>
                            <Text fw={700}>{c.vendor.name}</Text>
                            <Text size="xs" c="dimmed">
                              {c.title}
                            </Text>
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            <VendorFormStatusBadge status={form?.status} />
                            {form && (
                              <Text size="xs" c="dimmed">
                                {t('contracts.answered', { done: form.answeredItems, total: form.itemCount })}
                                {form.openQueries > 0 ? ` ・ ${t('contracts.openQueries', { count: form.openQueries })}` : ''}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                        <Table.Td>{form ? statusBadge(label) : '—'}</Table.Td>
                        <Table.Td>
                          {form ? (
                            <Button
                              component={Link}
                              to={vendorFormPath(form.id)}
                              size="xs"
                              variant={form.status === 'submitted' ? 'filled' : 'light'}
                              aria-label={t('checklist.vendors.openLabel', { name: label })}
                            >
                              {form.status === 'submitted' ? t('contracts.checklist.review') : t('checklist.list.open')}
                            </Button>
                          ) : (
                            canCreate && (
                              <Button
                                component={Link}
                                to={`/contracts/${c.id}`}
                                size="xs"
                                variant="default"
                                aria-label={t('contracts.request.buttonOf', { vendor: c.vendor.name, title: c.title })}
                              >
                                {t('contracts.checklist.request')}
                              </Button>
                            )
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        {!own.hasVendorContract && vendors.length > 0 && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">{t('checklist.vendors.contractOff')}</Text>
          </Alert>
        )}
        {manual.length > 0 && contracts.length > 0 && (
          <Text size="sm" fw={700} mt="xs">
            {t('contracts.checklist.manual')}
          </Text>
        )}
        {manual.length === 0 ? (
          contracts.length === 0 && <Text size="sm">{t('checklist.vendors.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('checklist.vendors.name')}</Table.Th>
                  <Table.Th>{t('checklist.list.progress')}</Table.Th>
                  <Table.Th>{t('checklist.list.readiness')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {manual.map((v) => {
                  const name = v.vendorName ?? '';
                  const s = vendorStatus(source, name);
                  return (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        <Stack gap={0}>
                          <Text fw={700}>{name}</Text>
                          {v.excludedItems.length > 0 && (
                            <Text size="xs" c="dimmed">
                              {t('checklist.vendors.excludedList', { items: v.excludedItems.map(nameOf).join('、') })}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td miw={150}>
                        {s && (
                          <Stack gap={2}>
                            <Text size="sm">{t('checklist.readiness.requiredDone', { done: s.requiredDone, total: s.requiredTotal })}</Text>
                            <Progress
                              value={s.requiredTotal ? (s.requiredDone / s.requiredTotal) * 100 : 0}
                              size="sm"
                              color={s.ready ? 'teal' : 'orange'}
                              aria-hidden
                            />
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {!s ? (
                          <Badge color="gray" variant="outline">
                            {source ? t('checklist.vendors.notEvaluated') : t('common.loading')}
                          </Badge>
                        ) : !s.submitted ? (
                          <Badge color="orange" variant="light">
                            {t('checklist.vendors.notEntered')}
                          </Badge>
                        ) : s.ready ? (
                          <Badge color="teal">{t('checklist.readiness.readyShort')}</Badge>
                        ) : (
                          <Badge color="orange" variant="light">
                            {t('checklist.readiness.count', { count: s.blocking })}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          component={Link}
                          to={`/facilities/${facilityId}/checklist/${v.id}`}
                          size="xs"
                          variant={s && !s.submitted ? 'filled' : 'light'}
                          aria-label={t('checklist.vendors.openLabel', { name })}
                        >
                          {s && !s.submitted ? t('checklist.vendors.enter') : t('checklist.list.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {t('checklist.vendors.howItWorks')}
        </Text>
      </Stack>
      {vendorForm.data && !onAdd && <AddVendorModal opened={adding} onClose={() => setAdding(false)} own={own} form={vendorForm.data} existing={vendors} />}
    </Paper>
  );
}

export function AddVendorModal({
  opened,
  onClose,
  own,
  form,
  existing,
}: {
  opened: boolean;
  onClose: () => void;
  own: AssessmentSummary;
  form: EditionForm;
  existing: AssessmentSummary[];
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [excluded, setExcluded] = useState<string[]>([]);
  const [nameError, setNameError] = useState<string | null>(null);
  const [itemsError, setItemsError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setName('');
      setExcluded([]);
      setNameError(null);
      setItemsError(null);
    }
  }, [opened]);

  const submit = async () => {
    const vendorName = name.trim();
    if (!vendorName) return setNameError(t('checklist.vendors.nameRequired'));
    if (existing.some((v) => v.vendorName === vendorName)) return setNameError(t('checklist.vendors.duplicate'));
    setBusy(true);
    try {
      await createVendorForm(own.id, { vendorName, excludedItems: form.items.map((i) => i.id).filter((id) => excluded.includes(id)) });
      await queryClient.invalidateQueries({ queryKey: checklistKeys.list(own.facilityId) });
      // The new form changes the facility-year evaluation every form of the year shows.
      await queryClient.invalidateQueries({
        queryKey: ['assessments', 'detail'],
        predicate: (query) => {
          const d = query.state.data as AssessmentDetail | undefined;
          return !!d && d.assessment.facilityId === own.facilityId && d.assessment.fiscalYear === own.fiscalYear;
        },
      });
      showSuccess(t('checklist.vendors.added', { name: vendorName }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 409) && error.details.length) {
        for (const d of error.details) {
          const field = fieldOf(d.path);
          if (field.startsWith('excludedItems')) setItemsError(d.message);
          else setNameError(d.message);
        }
      } else if (error instanceof ApiError && error.status === 409) setNameError(t('checklist.vendors.duplicate'));
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('checklist.vendors.modalTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Alert color="blue" variant="light">
            <Text size="sm">{t('checklist.vendors.modalIntro')}</Text>
          </Alert>
          <TextInput
            label={t('checklist.vendors.name')}
            placeholder={t('checklist.vendors.namePlaceholder')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(null);
            }}
            error={nameError}
            maxLength={200}
            withAsterisk
            data-autofocus
          />
          <Checkbox.Group
            label={t('checklist.vendors.excluded')}
            description={t('checklist.vendors.excludedHint')}
            value={excluded}
            onChange={(v) => {
              setExcluded(v);
              setItemsError(null);
            }}
            error={itemsError}
          >
            <Stack gap={8} mt="xs">
              {form.items.map((item) => (
                <Checkbox key={item.id} value={item.id} label={itemName(item, t)} description={pick(item.text, i18n.language)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('checklist.vendors.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
