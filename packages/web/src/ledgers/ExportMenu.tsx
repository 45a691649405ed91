import { Button, Menu } from '@mantine/core';
import type { LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { exportUrl, type ExportFormat } from './api';

const formats: readonly ExportFormat[] = ['xlsx', 'csv', 'csv-sjis'];

/** Download the ledger as Excel or CSV, with the manual's column headings. */
export function ExportMenu({ facilityId, ledger }: { facilityId: string; ledger: LedgerKind }) {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('ledgers.export.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((format) => (
          <Menu.Item key={format} component="a" href={exportUrl(facilityId, ledger, format, i18n.language)} download>
            {t(`ledgers.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
