import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useMailDelivery } from '../auth/mail-delivery';
import { fieldOf, showError, showSuccess } from '../api/errors';
import { itemName, pick } from '../checklist/model';
import { fyName } from '../checklist/problems';
import { editionFor, useEditionForm, useEditions } from '../checklist/queries';
import { CopyField } from '../common/CopyField';
import { formOfYear, invalidateContracts, requestVendorForm, resendInvitation, type ContractView, type VendorFormSummary } from './api';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The vendor form items of the edition in force for a fiscal year, as multi-select options. */
function useVendorItemOptions(fiscalYear: number) {
  const { t, i18n } = useTranslation();
  const editions = useEditions();
  const edition = editionFor(editions.data, fiscalYear);
  const form = useEditionForm(edition?.edition, edition?.forms.includes('vendor') ? 'vendor' : undefined);
  const options = useMemo(
    () => (form.data?.items ?? []).map((item) => ({ value: item.id, label: itemName(item, t), description: pick(item.text, i18n.language) })),
    [form.data, t, i18n.language],
  );
  return { options, loading: editions.isLoading || form.isLoading, edition };
}

/**
 * 「チェックリストを依頼」: the fiscal year, where the invitation goes, the items outside the contract and
 * when to remind the vendor. The vendor gets an e-mail with a link valid for 7 days.
 */
export function RequestFormModal({
  contract,
  opened,
  onClose,
  defaultFiscalYear,
}: {
  contract: ContractView;
  opened: boolean;
  onClose: () => void;
  defaultFiscalYear: number;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const editions = useEditions();
  const [fiscalYear, setFiscalYear] = useState(defaultFiscalYear);
  const [email, setEmail] = useState(contract.contactEmail);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [reminderDays, setReminderDays] = useState<number | string>(14);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const items = useVendorItemOptions(fiscalYear);
  const { mailKey } = useMailDelivery();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the dialog starts afresh when it opens for another contract
  useEffect(() => {
    if (!opened) return;
    setLink(null);
    setFiscalYear(defaultFiscalYear);
    setEmail(contract.contactEmail);
    setExcluded([]);
    setReminderDays(14);
    setErrors({});
    setFailure(null);
  }, [opened, contract.id, contract.contactEmail, defaultFiscalYear]);

  // Last, this and next fiscal year, where an edition exists; a year already requested cannot be chosen again.
  const years = [defaultFiscalYear - 1, defaultFiscalYear, defaultFiscalYear + 1].filter((y) => y >= 2023 && (!editions.data || editionFor(editions.data, y)));
  const yearOptions = years.map((y) => {
    const requested = !!formOfYear(contract, y);
    return {
      value: String(y),
      label: requested ? t('contracts.request.yearRequested', { fy: fyName(y, i18n.language) }) : fyName(y, i18n.language),
      disabled: requested,
    };
  });

  const submit = async () => {
    const next: Record<string, string> = {};
    const to = email.trim();
    if (!to) next.email = t('contracts.request.emailRequired');
    else if (!emailPattern.test(to)) next.email = t('validation.email');
    const days = Number(reminderDays);
    if (!Number.isInteger(days) || days < 1 || days > 90) next.reminderDays = t('contracts.request.reminderRange');
    if (formOfYear(contract, fiscalYear)) next.fiscalYear = t('contracts.request.alreadyRequested');
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const result = await requestVendorForm(contract.id, { fiscalYear, email: to, excludedItems: excluded, reminderDays: days });
      await invalidateContracts(queryClient);
      if (result.invitationUrl) setLink({ email: to, url: result.invitationUrl });
      else {
        showSuccess(t('contracts.request.sent', { email: to }));
        onClose();
      }
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        const fieldErrors: Record<string, string> = {};
        for (const d of error.details) fieldErrors[fieldOf(d.path).split('.')[0] || 'form'] = d.message;
        setErrors(fieldErrors);
        if (fieldErrors.form) setFailure(error);
      } else if (error instanceof ApiError && error.status !== 0 && error.status < 500) setFailure(error);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  if (link) {
    return (
      <Modal opened={opened} onClose={onClose} title={t('contracts.request.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <InvitationLink email={link.email} url={link.url} onClose={onClose} />
      </Modal>
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('contracts.request.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">
            <b>{contract.vendor.name}</b>（{contract.title}）
          </Text>
          <Alert color="blue" variant="light" p="sm">
            <Text size="sm">{t(mailKey('contracts.request.explain'))}</Text>
          </Alert>
          {failure && (
            <Alert color="red" role="alert" p="sm">
              <Text size="sm">{failure.message}</Text>
              {failure.code === 'own_form_missing' && (
                <Anchor component={Link} to={`/facilities/${contract.facilityId}/checklist`} size="sm">
                  {t('contracts.request.openChecklist')} →
                </Anchor>
              )}
            </Alert>
          )}
          <Select
            label={t('contracts.request.fiscalYear')}
            data={yearOptions}
            value={String(fiscalYear)}
            onChange={(v) => {
              if (v) setFiscalYear(Number(v));
              setExcluded([]);
            }}
            allowDeselect={false}
            error={errors.fiscalYear}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('contracts.request.email')}
            description={t('contracts.request.emailHint')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            required
            maxLength={254}
            data-autofocus
          />
          <MultiSelect
            label={t('contracts.request.excluded')}
            description={t('contracts.request.excludedHint')}
            placeholder={excluded.length ? undefined : t('contracts.request.excludedNone')}
            data={items.options}
            value={excluded}
            onChange={setExcluded}
            error={errors.excludedItems}
            disabled={items.loading}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={320}
            filter={({ options, search }) => {
              const q = search.trim().toLowerCase();
              return (options as { value: string; label: string }[]).filter((o) => {
                const full = items.options.find((x) => x.value === o.value);
                return !q || o.label.toLowerCase().includes(q) || !!full?.description.toLowerCase().includes(q);
              });
            }}
            renderOption={({ option }) => {
              const full = items.options.find((x) => x.value === option.value);
              return (
                <Stack gap={0}>
                  <Text size="sm" fw={700}>
                    {option.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {full?.description}
                  </Text>
                </Stack>
              );
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('contracts.request.reminderDays')}
            description={t(mailKey('contracts.request.reminderHint'))}
            value={reminderDays}
            onChange={setReminderDays}
            min={1}
            max={90}
            allowDecimal={false}
            allowNegative={false}
            suffix={i18n.language === 'en' ? ' days' : ' 日'}
            error={errors.reminderDays}
            maw={240}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t(mailKey('contracts.request.submit'))}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 「招待メールを再送」: a fresh 7-day link, to the same or another address; the old link stops working. */
export function ResendInvitationModal({ form, opened, onClose }: { form: VendorFormSummary; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(form.invitedEmail);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const { mailKey } = useMailDelivery();

  useEffect(() => {
    if (opened) {
      setEmail(form.invitedEmail);
      setError(null);
      setLink(null);
    }
  }, [opened, form.invitedEmail]);

  const submit = async () => {
    const to = email.trim();
    if (!emailPattern.test(to)) return setError(t('validation.email'));
    setBusy(true);
    try {
      const result = await resendInvitation(form.id, { email: to });
      await invalidateContracts(queryClient);
      if (result.invitationUrl) setLink({ email: to, url: result.invitationUrl });
      else {
        showSuccess(t('contracts.request.sent', { email: to }));
        onClose();
      }
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setError(e.details.map((d) => d.message).join(' '));
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (link) {
    return (
      <Modal opened={opened} onClose={onClose} title={t(mailKey('contracts.resend.title'))} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <InvitationLink email={link.email} url={link.url} onClose={onClose} />
      </Modal>
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t(mailKey('contracts.resend.title'))} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t(mailKey('contracts.resend.explain'))}</Text>
          <TextInput
            label={t('contracts.request.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={error}
            required
            maxLength={254}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t(mailKey('contracts.resend.submit'))}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Without a mail server (the embedded default) nothing is e-mailed: the single-use link is shown once to be copied
 * and passed on, as member invitations are.
 */
function InvitationLink({ email, url, onClose }: { email: string; url: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="vendor-invitation-link">
      <Alert color="yellow" variant="light" title={t('contracts.request.noMailTitle')}>
        <Text size="sm">{t('contracts.request.noMailBody', { email })}</Text>
      </Alert>
      <CopyField label={t('contracts.request.link')} value={url} />
      <Text size="xs" c="dimmed">
        {t('contracts.request.linkOnce')}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
