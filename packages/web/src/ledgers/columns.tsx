import type { ReactNode } from 'react';
import { Badge, Group } from '@mantine/core';
import type { LedgerKind } from '@mamori/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LedgerRecord } from './api';
import { displayValue, headerOf, specOf } from './fields';
import { personName } from './records';

export interface TableColumn {
  key: string;
  header: string;
  render: (record: LedgerRecord) => ReactNode;
  /** Short values (dates, choices, badges) stay on one line. */
  nowrap?: boolean;
}

/** The columns the list shows; the rest are one click away in the drawer. */
const listed: Record<LedgerKind, readonly string[]> = {
  assets: ['managementNumber', 'kind', 'computerName', 'os', 'ipAddress', 'location', 'status', 'remoteMaintenance', 'lastPatchedOn'],
  accounts: ['loginId', 'system', 'scope', 'name', 'jobType', 'department', 'role', 'validTo', 'lastLoginOn', 'flags'],
};

function AccountFlags({ record, t }: { record: Record<string, unknown>; t: TFunction }) {
  return (
    <Group gap={4} wrap="nowrap">
      {record.enabled === true ? (
        <Badge size="sm" color="teal" variant="light">
          {t('ledgers.values.enabled.true')}
        </Badge>
      ) : (
        <Badge size="sm" color="gray" variant="filled">
          {t('ledgers.values.enabled.false')}
        </Badge>
      )}
      {record.temporary === true && (
        <Badge size="sm" color="violet" variant="light">
          {t('ledgers.flags.temporary')}
        </Badge>
      )}
      {record.retired === true && (
        <Badge size="sm" color="orange" variant="light">
          {t('ledgers.flags.retired')}
        </Badge>
      )}
    </Group>
  );
}

function fieldColumn(ledger: LedgerKind, field: string, t: TFunction, language: string): TableColumn {
  const spec = specOf(ledger, field);
  const kind = spec?.input.kind;
  return {
    key: field,
    header: spec ? headerOf(spec, language) : field,
    nowrap: kind === 'date' || kind === 'choice' || kind === 'flag' || kind === 'tristate' || kind === 'ip',
    render: (record) => {
      const value = (record as Record<string, unknown>)[field];
      if (ledger === 'assets' && field === 'os') {
        const version = (record as Record<string, unknown>).osVersion;
        return [displayValue(spec, value, t), typeof version === 'string' ? version : ''].filter((s) => s && s !== '—').join(' ') || '—';
      }
      return displayValue(spec, value, t);
    },
  };
}

export function useLedgerColumns(ledger: LedgerKind): TableColumn[] {
  const { t, i18n } = useTranslation();
  return listed[ledger].map((key) => {
    if (key === 'name') return { key, header: t('ledgers.columns.name'), render: (r) => personName(r as Record<string, unknown>) || '—' };
    if (key === 'flags')
      return { key, header: t('ledgers.columns.flags'), render: (r) => <AccountFlags record={r as Record<string, unknown>} t={t} />, nowrap: true };
    return fieldColumn(ledger, key, t, i18n.language);
  });
}
