import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { oversightExportUrl, type OversightExportFormat, type OversightParams } from './api';

const formats: readonly OversightExportFormat[] = ['xlsx', 'csv', 'csv-sjis'];

/** Every facility the filters keep (not just this page), as Excel or CSV. */
export function OversightExportMenu({ params }: { params: OversightParams }) {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('oversight.export')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((format) => (
          <Menu.Item key={format} component="a" href={oversightExportUrl(params, format, i18n.language)} download>
            {t(`ledgers.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
