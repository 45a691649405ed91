import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FacilityRole } from '@mamori/domain';
import { useFacilityList } from '../facilities/queries';

interface Props {
  organizationId: string;
  organizationRole: string | null;
  facilityRoles: { facilityId: string; role: FacilityRole }[];
}

/** 法人管理者 and 施設: 役割 badges, as on members and pending invitations. */
export function RoleBadges({ organizationId, organizationRole, facilityRoles }: Props) {
  const { t } = useTranslation();
  const facilities = useFacilityList(organizationId);
  const facilityName = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? '—';
  return (
    <Group gap={4}>
      {organizationRole && (
        <Badge color="grape" variant="light">
          {t('roles.orgAdmin')}
        </Badge>
      )}
      {facilityRoles.map((f) => (
        <Badge key={f.facilityId} color="teal" variant="light">
          {facilityName(f.facilityId)}: {t(`roles.${f.role}`)}
        </Badge>
      ))}
    </Group>
  );
}
