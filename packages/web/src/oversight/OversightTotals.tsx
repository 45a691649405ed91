import { SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OversightDashboard, OversightFilter } from './api';

const tiles: { filter: OversightFilter; total: keyof OversightDashboard['totals']; color?: string }[] = [
  { filter: 'all', total: 'facilities' },
  { filter: 'not-started', total: 'notStarted', color: 'gray' },
  { filter: 'in-progress', total: 'inProgress', color: 'orange' },
  { filter: 'ready', total: 'ready', color: 'teal' },
  { filter: 'overdue', total: 'overdue', color: 'red' },
  { filter: 'vendors-not-answering', total: 'vendorsNotAnswering', color: 'grape' },
];

/** The counts, each a button that shows just those facilities. */
export function OversightTotals({
  totals,
  active,
  onSelect,
}: {
  totals: OversightDashboard['totals'];
  active: OversightFilter;
  onSelect: (filter: OversightFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      {tiles.map((tile) => {
        const selected = tile.filter === active;
        return (
          <UnstyledButton
            key={tile.filter}
            onClick={() => onSelect(tile.filter)}
            aria-pressed={selected}
            p="sm"
            style={{
              border: `${selected ? 2 : 1}px solid var(--mantine-color-${selected ? 'teal-6' : 'gray-3'})`,
              borderRadius: 'var(--mantine-radius-md)',
              background: selected ? 'var(--mantine-color-teal-0)' : undefined,
            }}
          >
            <Text size="xs" c="dimmed">
              {t(`oversight.filter.${tile.filter}`)}
            </Text>
            <Text fw={700} fz="xl" c={tile.color && totals[tile.total] > 0 ? tile.color : undefined}>
              {t('oversight.count', { count: totals[tile.total] })}
            </Text>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
