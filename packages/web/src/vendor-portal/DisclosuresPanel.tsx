import { useMemo } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, Input, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { jahisVersions, todayInTokyo } from '@mamori/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { useCan } from '../auth/actor';
import { evidenceAccept } from '../checklist/EvidenceList';
import { formatDay } from '../checklist/dates';
import { DayInput } from '../checklist/RoundFields';
import { DeleteAction } from '../common/DeleteAction';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { deleteDisclosure, disclosureFileUrl, uploadDisclosure, useDisclosures, vendorPortalKeys, type ContractView, type DisclosureView } from './api';

const maxBytes = 25 * 1024 * 1024;
/** The newest JAHIS version the app knows; Q&A 5-1 expects the latest one at the time. */
const latestJahis = jahisVersions.filter((v) => v !== 'other').at(-1)!;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function contractScopeOf(contract: ContractView) {
  return { kind: 'contract', organizationId: contract.organizationId, facilityId: contract.facilityId, vendorId: contract.vendor.id } as const;
}

/**
 * The contract's MDS/SDS register: which contracted system has a disclosure statement (checklist 2(3)
 * asks for one per system), the files themselves, and a form to file a new one. Either side may file.
 */
export function DisclosuresPanel({ contract, side }: { contract: ContractView; side: 'facility' | 'vendor' }) {
  const { t } = useTranslation();
  const allowed = useCan();
  const list = useDisclosures(contract.id);
  const canManage = side === 'vendor' || allowed('disclosure.manage', contractScopeOf(contract));

  const bySystem = useMemo(() => {
    const map = new Map<string, DisclosureView[]>();
    for (const system of contract.systems) map.set(system, []);
    for (const d of list.data ?? []) map.get(d.system)?.push(d);
    return map;
  }, [contract.systems, list.data]);
  const missing = contract.systems.filter((s) => (bySystem.get(s) ?? []).length === 0);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2} fz="h4">
          {t('disclosures.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t(side === 'vendor' ? 'disclosures.introVendor' : 'disclosures.introFacility')}
        </Text>
      </Stack>

      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}

      {list.data && (
        <>
          <Paper withBorder radius="md" p="md" component="section" aria-label={t('disclosures.bySystem')}>
            <Stack gap="xs">
              <Text size="sm" fw={700}>
                {t('disclosures.bySystem')}
              </Text>
              {missing.length > 0 && (
                <Alert color="orange" variant="light" p="xs" role="status">
                  <Text size="sm">{t('disclosures.missingExplain', { count: missing.length })}</Text>
                </Alert>
              )}
              <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {contract.systems.map((system) => {
                  const filed = bySystem.get(system) ?? [];
                  const latest = [...filed].sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : -1))[0];
                  return (
                    <Group key={system} component="li" gap="sm" wrap="nowrap" p={6} bg={filed.length ? undefined : 'orange.0'} style={{ borderRadius: 6 }}>
                      {filed.length ? (
                        <Badge color="teal" variant="light" w={90}>
                          {t('disclosures.filed')}
                        </Badge>
                      ) : (
                        <Badge color="orange" variant="filled" w={90}>
                          {t('disclosures.missing')}
                        </Badge>
                      )}
                      <Text size="sm" fw={500}>
                        {system}
                      </Text>
                      {latest && (
                        <Text size="xs" c="dimmed">
                          {t('disclosures.latestLine', {
                            kind: latest.kind,
                            version: versionLabel(latest.jahisVersion, t),
                            date: formatDay(latest.receivedOn),
                          })}
                        </Text>
                      )}
                    </Group>
                  );
                })}
              </Stack>
            </Stack>
          </Paper>

          {list.data.length > 0 ? (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="xs" aria-label={t('disclosures.tableLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('disclosures.system')}</Table.Th>
                      <Table.Th>{t('disclosures.kind')}</Table.Th>
                      <Table.Th>{t('disclosures.jahisVersion')}</Table.Th>
                      <Table.Th>{t('disclosures.receivedOn')}</Table.Th>
                      <Table.Th>{t('disclosures.file')}</Table.Th>
                      <Table.Th>{t('disclosures.uploaded')}</Table.Th>
                      {canManage && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.map((d) => (
                      <DisclosureRow key={d.id} disclosure={d} contractId={contract.id} canManage={canManage} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ) : (
            <Text size="sm" c="dimmed">
              {t('disclosures.none')}
            </Text>
          )}
        </>
      )}

      {canManage && <UploadForm contract={contract} side={side} missing={missing} />}
    </Stack>
  );
}

function versionLabel(version: DisclosureView['jahisVersion'], t: (key: string) => string) {
  return version === 'other' ? t('disclosures.versionOther') : version;
}

function DisclosureRow({ disclosure: d, contractId, canManage }: { disclosure: DisclosureView; contractId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const old = d.jahisVersion !== latestJahis;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {d.system}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={d.kind === 'MDS' ? 'grape' : 'blue'}>
          {d.kind}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{versionLabel(d.jahisVersion, t)}</Text>
        {old && (
          <Text size="xs" c="dimmed">
            {t('disclosures.notLatest', { latest: latestJahis })}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(d.receivedOn)}</Table.Td>
      <Table.Td>
        <Anchor
          href={disclosureFileUrl(d.id)}
          download={d.fileName}
          size="sm"
          style={{ wordBreak: 'break-all' }}
          aria-label={t('disclosures.downloadLabel', { name: d.fileName })}
        >
          {d.fileName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {size(d.size)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{formatDateTime(d.uploadedAt)}</Text>
        <Text size="xs" c="dimmed">
          {t(`disclosures.side.${d.uploadedSide}`)}
          {d.uploadedBy ? ` ・ ${d.uploadedBy}` : ''}
        </Text>
      </Table.Td>
      {canManage && (
        <Table.Td>
          <DeleteAction
            label={t('disclosures.deleteLabel', { system: d.system, name: d.fileName })}
            message={t('disclosures.deleteConfirm', { system: d.system, name: d.fileName })}
            success={t('disclosures.deleted', { name: d.fileName })}
            action={() => deleteDisclosure(d.id)}
            onDone={() => void queryClient.invalidateQueries({ queryKey: vendorPortalKeys.disclosures(contractId) })}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

interface UploadValues {
  system: string | null;
  kind: DisclosureView['kind'];
  jahisVersion: DisclosureView['jahisVersion'];
  receivedOn: string | null;
  file: File | null;
}

function UploadForm({ contract, side, missing }: { contract: ContractView; side: 'facility' | 'vendor'; missing: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const form = useForm<UploadValues>({
    initialValues: { system: missing[0] ?? contract.systems[0] ?? null, kind: 'SDS', jahisVersion: latestJahis, receivedOn: todayInTokyo(), file: null },
    validate: {
      system: (v) => (v ? null : t('validation.required')),
      receivedOn: (v) => (v ? null : t('validation.required')),
      file: (v) => (!v ? t('disclosures.fileRequired') : v.size > maxBytes ? t('disclosures.tooLarge') : null),
    },
  });
  const upload = useMutation({
    mutationFn: (values: UploadValues) =>
      uploadDisclosure(contract.id, {
        system: values.system!,
        kind: values.kind,
        jahisVersion: values.jahisVersion,
        receivedOn: values.receivedOn!,
        file: values.file!,
      }),
    onSuccess: (created) => {
      showSuccess(t('disclosures.uploadedToast', { system: created.system, kind: created.kind }));
      void queryClient.invalidateQueries({ queryKey: vendorPortalKeys.disclosures(contract.id) });
      const stillMissing = missing.filter((s) => s !== created.system);
      form.setValues({ system: stillMissing[0] ?? created.system, file: null });
    },
    onError: (error) => onError(error, form),
  });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('disclosures.addTitle')}>
      <form onSubmit={form.onSubmit((values) => upload.mutate(values))} noValidate>
        <Stack gap="sm">
          <Text fw={700} size="sm">
            {t('disclosures.addTitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('disclosures.system')}
              data={contract.systems.map((s) => ({ value: s, label: missing.includes(s) ? `${s}（${t('disclosures.missing')}）` : s }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('system')}
            />
            <Input.Wrapper label={t('disclosures.kind')} description={t('disclosures.kindHint')}>
              <SegmentedControl
                mt={4}
                fullWidth
                aria-label={t('disclosures.kind')}
                data={[
                  { value: 'MDS', label: t('disclosures.kindMds') },
                  { value: 'SDS', label: t('disclosures.kindSds') },
                ]}
                {...form.getInputProps('kind')}
              />
            </Input.Wrapper>
            <Select
              label={t('disclosures.jahisVersion')}
              description={t('disclosures.versionHint', { latest: latestJahis })}
              data={jahisVersions.map((v) => ({ value: v, label: v === 'other' ? t('disclosures.versionOther') : v }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('jahisVersion')}
            />
            <DayInput
              label={t(side === 'vendor' ? 'disclosures.receivedOnVendor' : 'disclosures.receivedOn')}
              ariaLabel={t(side === 'vendor' ? 'disclosures.receivedOnVendor' : 'disclosures.receivedOn')}
              value={form.values.receivedOn}
              onChange={(v) => form.setFieldValue('receivedOn', v)}
              maxDate={todayInTokyo()}
              error={form.errors.receivedOn as string | undefined}
            />
          </SimpleGrid>
          <FileInput
            label={t('disclosures.file')}
            description={t('disclosures.fileHint')}
            placeholder={t('disclosures.filePlaceholder')}
            accept={evidenceAccept}
            clearable
            {...form.getInputProps('file')}
          />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              {t('disclosures.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
