import { useState } from 'react';
import { Accordion, Box, Button, Collapse, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { bcpTemplate } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { formatDateTime } from '../../common/format';
import { DayInput } from '../../checklist/RoundFields';
import { saveBcp, type BcpEssentials, type BcpView } from '../api';
import { invalidateReadiness } from '../shared';

const essentialKeys = [
  'networkStopCriteria',
  'decisionMaker',
  'paperOperations',
  'recoverySteps',
  'reentryProcedure',
  'communication',
] as const satisfies readonly (keyof BcpEssentials)[];
type EssentialKey = (typeof essentialKeys)[number];
const isEssential = (key: string): key is EssentialKey => (essentialKeys as readonly string[]).includes(key);
const maxLength = (key: EssentialKey) => (key === 'decisionMaker' ? 200 : 4000);

interface Section {
  key: string;
  heading: string;
  guidance: string;
  example: string;
}

/** The template's sections in the UI language (the example stays in Japanese: it is what the document says). */
function useSections(): Section[] {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return bcpTemplate.map((s) => ({ key: s.key, heading: en ? s.en.heading : s.heading, guidance: en ? s.en.guidance : s.guidance, example: s.example }));
}

function Example({ section, canUse, onUse }: { section: Section; canUse: boolean; onUse: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!section.example) return null;
  return (
    <Box>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={t(open ? 'readiness.bcp.hideExampleOf' : 'readiness.bcp.showExampleOf', { heading: section.heading })}
      >
        {open ? `▾ ${t('readiness.bcp.hideExample')}` : `▸ ${t('readiness.bcp.showExample')}`}
      </Button>
      <Collapse expanded={open}>
        <Paper bg="gray.0" p="sm" radius="sm" mt={4}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {section.example}
          </Text>
          {canUse && (
            <Group justify="flex-end" mt="xs">
              <Button size="xs" variant="light" onClick={onUse} aria-label={t('readiness.bcp.useExampleOf', { heading: section.heading })}>
                {t('readiness.bcp.useExample')}
              </Button>
            </Group>
          )}
        </Paper>
      </Collapse>
    </Box>
  );
}

/** The BCP's essentials, one section per heading of the starter template, saved with a version. */
export function EssentialsForm({
  facilityId,
  bcp,
  canEdit,
  onConflict,
}: {
  facilityId: string;
  bcp: BcpView;
  canEdit: boolean;
  onConflict: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const sections = useSections();
  const [busy, setBusy] = useState(false);
  const form = useForm<BcpEssentials & { plannedOn: string | null }>({ initialValues: { ...bcp.essentials, plannedOn: bcp.plannedOn } });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    onConflict(null);
    try {
      const essentials = Object.fromEntries(essentialKeys.map((k) => [k, (values[k] ?? '').trim()])) as BcpEssentials;
      const saved = await saveBcp(facilityId, { version: bcp.version, essentials, plannedOn: values.plannedOn });
      queryClient.setQueryData(['readiness', facilityId, 'bcp'], saved);
      await invalidateReadiness(queryClient, facilityId);
      showSuccess(t('readiness.bcp.savedAs', { version: saved.version ?? 0 }));
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

  const filled = essentialKeys.filter((k) => bcp.essentials[k]?.trim()).length;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text size="sm" c="dimmed" data-testid="bcp-status">
          {bcp.version === null
            ? t('readiness.bcp.notSaved')
            : t('readiness.bcp.status', { version: bcp.version, at: formatDateTime(bcp.updatedAt), filled, total: essentialKeys.length })}
        </Text>
        <DayInput
          label={t('readiness.bcp.plannedOn')}
          ariaLabel={t('readiness.bcp.plannedOn')}
          description={t('readiness.bcp.plannedOnHint')}
          value={form.values.plannedOn}
          onChange={(value) => form.setFieldValue('plannedOn', value)}
          disabled={!canEdit}
        />
        {sections.map((section) => {
          if (!isEssential(section.key)) return null;
          const key = section.key;
          const props = {
            label: section.heading,
            description: section.guidance,
            readOnly: !canEdit,
            maxLength: maxLength(key),
            // The guidance is what helps most: readable size, not the usual small print.
            styles: { description: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.6 }, label: { fontSize: 'var(--mantine-font-size-md)' } },
            ...form.getInputProps(key),
          };
          return (
            <Paper key={key} withBorder radius="md" p="md" component="section" aria-label={section.heading}>
              <Stack gap={6}>
                {/* Who decides is short (200 characters), but has a stand-in and a line for the staff: a few lines. */}
                <Textarea {...props} autosize minRows={key === 'decisionMaker' ? 2 : 3} maxRows={16} />
                <Example section={section} canUse={canEdit && !form.values[key]?.trim()} onUse={() => form.setFieldValue(key, section.example)} />
              </Stack>
            </Paper>
          );
        })}
        <OtherSections sections={sections.filter((s) => !isEssential(s.key))} />
        {canEdit ? (
          <Paper withBorder radius="md" p="sm" pos="sticky" bottom={0} style={{ zIndex: 3 }} shadow={form.isDirty() ? 'md' : undefined}>
            <Group justify="space-between">
              <Text size="sm" c={form.isDirty() ? 'orange.8' : 'dimmed'} fw={form.isDirty() ? 600 : 400}>
                {form.isDirty()
                  ? t('readiness.bcp.unsaved')
                  : bcp.version === null
                    ? t('readiness.bcp.notSaved')
                    : t('readiness.bcp.versionName', { version: bcp.version })}
              </Text>
              <Button type="submit" loading={busy} disabled={!form.isDirty()}>
                {t('readiness.bcp.save')}
              </Button>
            </Group>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            {t('readiness.bcp.readOnly')}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** The template's chapters that are not form fields (purpose, scenario, preparation, review): read here, written in the downloaded document. */
function OtherSections({ sections }: { sections: Section[] }) {
  const { t } = useTranslation();
  if (sections.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('readiness.bcp.otherSections')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('readiness.bcp.otherSectionsHint')}
        </Text>
        <Accordion variant="separated" multiple>
          {sections.map((section) => (
            <Accordion.Item key={section.key} value={section.key}>
              <Accordion.Control>{section.heading}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  <Text size="sm">{section.guidance}</Text>
                  {section.example && (
                    <Paper bg="gray.0" p="sm" radius="sm">
                      <Text size="xs" c="dimmed" mb={4}>
                        {t('readiness.bcp.exampleLabel')}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {section.example}
                      </Text>
                    </Paper>
                  )}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </Paper>
  );
}

export function SectionTitle({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <Title order={2} fz="h4" id={id}>
      {children}
    </Title>
  );
}
