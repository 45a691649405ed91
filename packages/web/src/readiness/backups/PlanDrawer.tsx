import { useState } from 'react';
import { Alert, Button, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { backupMethods } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { createBackupPlan, updateBackupPlan, type BackupPlanFields, type BackupPlanView } from '../api';
import { invalidateReadiness } from '../shared';

type Values = Omit<BackupPlanFields, 'generations'> & { generations: number | string };

const empty: Values = {
  system: '',
  data: '',
  method: 'external_disk',
  frequency: '',
  generations: 3,
  location: '',
  offline: false,
  immutable: false,
  restoreProcedure: '',
};

const fields = [
  'system',
  'data',
  'method',
  'frequency',
  'generations',
  'location',
  'offline',
  'immutable',
  'restoreProcedure',
] as const satisfies readonly (keyof BackupPlanFields)[];

/** Register or edit one backup: what, how, how often, how many generations, where, which copy is offline. */
export function PlanDrawer({ facilityId, plan, opened, onClose }: { facilityId: string; plan: BackupPlanView | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  // Kept outside the form: a conflict reloads the plan, and the form starts again from the newest version.
  const [conflict, setConflict] = useState<string | null>(null);
  const close = () => {
    setConflict(null);
    onClose();
  };
  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size="lg"
      padding="lg"
      title={plan ? t('readiness.backups.editTitle', { system: plan.system }) : t('readiness.backups.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {conflict && (
        <Alert color="orange" title={t('errors.conflictTitle')} role="alert" mb="md">
          <Text size="sm">{conflict}</Text>
          <Text size="sm">{t('readiness.backups.conflictReloaded')}</Text>
        </Alert>
      )}
      {opened && <PlanForm key={plan ? `${plan.id}-${plan.version}` : 'new'} facilityId={facilityId} plan={plan} onDone={close} onConflict={setConflict} />}
    </Drawer>
  );
}

function PlanForm({
  facilityId,
  plan,
  onDone,
  onConflict,
}: {
  facilityId: string;
  plan: BackupPlanView | null;
  onDone: () => void;
  onConflict: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const initial: Values = plan ? (Object.fromEntries(fields.map((f) => [f, plan[f]])) as Values) : empty;
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      system: (v) => (v.trim() ? null : t('validation.required')),
      generations: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10000 ? null : t('readiness.backups.generationsRange')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const body = { ...values, generations: Number(values.generations) } as BackupPlanFields;
    for (const f of fields) {
      const v = body[f];
      if (typeof v === 'string') (body as Record<string, unknown>)[f] = v.trim();
    }
    setBusy(true);
    onConflict(null);
    try {
      if (plan) {
        const changes = Object.fromEntries(fields.filter((f) => body[f] !== plan[f]).map((f) => [f, body[f]])) as Partial<BackupPlanFields>;
        if (Object.keys(changes).length > 0) await updateBackupPlan(plan.id, { ...changes, version: plan.version });
        showSuccess(t('common.saved'));
      } else {
        await createBackupPlan(facilityId, body);
        showSuccess(t('readiness.backups.created', { system: body.system }));
      }
      await invalidateReadiness(queryClient, facilityId);
      onDone();
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        onConflict(error.message);
        await invalidateReadiness(queryClient, facilityId);
      } else {
        handleError(error, form);
      }
    } finally {
      setBusy(false);
    }
  });

  const generations = Number(form.values.generations);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('readiness.backups.fields.system')}
          description={t('readiness.backups.hints.system')}
          placeholder={t('readiness.backups.placeholders.system')}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps('system')}
        />
        <TextInput
          label={t('readiness.backups.fields.data')}
          description={t('readiness.backups.hints.data')}
          placeholder={t('readiness.backups.placeholders.data')}
          maxLength={500}
          {...form.getInputProps('data')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('readiness.backups.fields.method')}
            data={backupMethods.map((m) => ({ value: m, label: t(`readiness.backups.methods.${m}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('method')}
          />
          <TextInput
            label={t('readiness.backups.fields.frequency')}
            placeholder={t('readiness.backups.placeholders.frequency')}
            maxLength={100}
            {...form.getInputProps('frequency')}
          />
          <NumberInput
            label={t('readiness.backups.fields.generations')}
            description={t('readiness.backups.hints.generations')}
            min={0}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('generations')}
          />
          <TextInput
            label={t('readiness.backups.fields.location')}
            placeholder={t('readiness.backups.placeholders.location')}
            maxLength={200}
            {...form.getInputProps('location')}
          />
        </SimpleGrid>
        {Number.isFinite(generations) && generations < 3 && (
          <Text size="sm" c="orange.8">
            {t('readiness.backups.fewGenerations')}
          </Text>
        )}
        <Switch
          label={t('readiness.backups.fields.offline')}
          description={t('readiness.backups.hints.offline')}
          {...form.getInputProps('offline', { type: 'checkbox' })}
        />
        <Switch
          label={t('readiness.backups.fields.immutable')}
          description={t('readiness.backups.hints.immutable')}
          {...form.getInputProps('immutable', { type: 'checkbox' })}
        />
        <Textarea
          label={t('readiness.backups.fields.restoreProcedure')}
          description={t('readiness.backups.hints.restoreProcedure')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('restoreProcedure')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {plan ? t('common.save') : t('readiness.backups.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
