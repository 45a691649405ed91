import { useEffect } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import type { FacilityRole } from '../api/types';
import { CopyField } from '../common/CopyField';
import { useOptions } from '../common/labels';
import { email } from '../common/validators';
import { organizationKeys } from '../facilities/queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  organizationId: string;
  /** Facilities the inviter may grant roles in. */
  facilities: { id: string; name: string }[];
  /** Set when inviting from a facility's member page: the facility is then not asked. */
  fixedFacilityId?: string;
  canInviteOrgAdmin: boolean;
  /** Preselected role, e.g. manager when the facility has no 安全管理責任者 yet. */
  initialRole?: FacilityRole;
}

interface Values {
  email: string;
  facilityId: string | null;
  role: string | null;
  orgAdmin: boolean;
}

export function InviteModal({ opened, onClose, organizationId, facilities, fixedFacilityId, canInviteOrgAdmin, initialRole }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const { roles } = useOptions();
  const form = useForm<Values>({
    initialValues: { email: '', facilityId: fixedFacilityId ?? facilities[0]?.id ?? null, role: initialRole ?? null, orgAdmin: false },
    validate: {
      email,
      facilityId: (value, values) => (!value && !values.orgAdmin ? t('validation.chooseFacility') : null),
      role: (value, values) => (!value && !values.orgAdmin ? t('validation.chooseRole') : null),
    },
  });

  // Facility lists arrive after the modal mounts; preselect the first once they do.
  const firstFacility = facilities[0]?.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: preselects once the facility list arrives (the form object is stable)
  useEffect(() => {
    if (!fixedFacilityId && !form.values.facilityId && firstFacility) form.setFieldValue('facilityId', firstFacility);
  }, [firstFacility, fixedFacilityId]);

  const invite = useMutation({
    mutationFn: (values: Values) =>
      request(
        client.POST('/organizations/{organizationId}/invitations', {
          params: { path: { organizationId } },
          body: {
            email: values.email.trim(),
            organizationRole: values.orgAdmin ? 'admin' : null,
            facilityRoles: values.facilityId && values.role ? [{ facilityId: values.facilityId, role: values.role as FacilityRole }] : [],
          },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: organizationKeys.invitations(organizationId) }),
    onError: (error) => onError(error, form),
  });

  const close = () => {
    invite.reset();
    form.reset();
    onClose();
  };

  const link = invite.data ? `${window.location.origin}${invite.data.acceptPath}` : null;

  return (
    <Modal opened={opened} onClose={close} title={t('invite.title')} size="lg">
      {link ? (
        <Stack gap="sm">
          <Alert color="teal" title={t('invite.createdTitle')}>
            {t('invite.createdBody', { email: invite.data?.email ?? '' })}
          </Alert>
          <CopyField label={t('invite.link')} value={link} />
          <Text size="sm" c="dimmed">
            {t('invite.linkHint')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('invite.intro')}
            </Text>
            <TextInput label={t('fields.email')} type="email" data-autofocus {...form.getInputProps('email')} />
            {!fixedFacilityId && (
              <Select
                label={t('fields.facility')}
                data={facilities.map((f) => ({ value: f.id, label: f.name }))}
                clearable={form.values.orgAdmin}
                searchable={facilities.length > 7}
                {...form.getInputProps('facilityId')}
              />
            )}
            <Select
              label={t('fields.roleInFacility')}
              description={t('invite.roleHint')}
              data={roles}
              clearable={form.values.orgAdmin}
              {...form.getInputProps('role')}
            />
            {canInviteOrgAdmin && (
              <Checkbox
                label={t('fields.inviteAsOrgAdmin')}
                description={t('fields.inviteAsOrgAdminHint')}
                {...form.getInputProps('orgAdmin', { type: 'checkbox' })}
              />
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
