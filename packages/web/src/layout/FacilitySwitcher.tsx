import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentFacility } from '../facilities/CurrentFacility';

/** In the header a fixed width; in the phone menu the menu's full width, so long facility names are not cut. */
export function FacilitySwitcher({ fullWidth = false }: { fullWidth?: boolean }) {
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
      w={fullWidth ? '100%' : { base: 200, lg: 320, xl: 400 }}
      size="sm"
    />
  );
}
