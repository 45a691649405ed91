import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Facility, FacilityRole } from '../api/types';

export function FacilitySummary({ facility, role }: { facility: Facility; role: FacilityRole | null }) {
  const { t } = useTranslation();
  const items = [
    { label: t('fields.kind'), value: t(`facilityKinds.${facility.kind}`) },
    { label: t('fields.prefecture'), value: t(`prefectures.${facility.prefecture}`, { defaultValue: facility.prefecture }) },
    { label: t('fields.healthCenter'), value: facility.healthCenter || t('dashboard.notEntered') },
    ...(facility.kind === 'hospital' && facility.bedCount != null
      ? [{ label: t('fields.bedCount'), value: t('facility.beds', { count: facility.bedCount }) }]
      : []),
  ];
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h3">
          {facility.name}
        </Title>
        {role && <Badge variant="light">{t('dashboard.yourRole', { role: t(`roles.${role}`) })}</Badge>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {items.map((item) => (
          <Stack gap={2} key={item.label}>
            <Text size="xs" c="dimmed" fw={700}>
              {item.label}
            </Text>
            <Text>{item.value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
