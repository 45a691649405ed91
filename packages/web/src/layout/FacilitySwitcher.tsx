import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentFacility } from '../facilities/CurrentFacility';

export function FacilitySwitcher() {
  const { t } = useTranslation();
  const { facilities, current, select } = useCurrentFacility();
  if (facilities.length === 0) return null;
  return (
    <Select
      aria-label={t('layout.facilitySwitcher')}
      placeholder={t('layout.facilitySwitcherPlaceholder')}
      data={facilities.map((f) => ({ value: f.id, label: f.name }))}
      value={current?.id ?? null}
      onChange={(value) => value && select(value)}
      searchable={facilities.length > 7}
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
      limit={100}
      w={{ base: 160, sm: 260 }}
      size="sm"
    />
  );
}
