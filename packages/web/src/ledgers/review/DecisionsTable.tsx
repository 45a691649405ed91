import { memo } from 'react';
import { NativeSelect, Table, TextInput } from '@mantine/core';
import type { FindingReasonCode } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import type { AccountView, ReviewDecision } from '../api';
import { displayValue, headerOf, specOf } from '../fields';
import { AttentionBadge } from '../LedgerTable';
import { personName } from '../records';

export interface DecisionDraft {
  decision: ReviewDecision;
  reason: string;
}

const decisions: readonly ReviewDecision[] = ['keep', 'disable', 'delete'];

interface RowProps {
  account: AccountView;
  codes: FindingReasonCode[] | undefined;
  draft: DecisionDraft;
  error: string | undefined;
  disabled: boolean;
  onChange: (accountId: string, draft: DecisionDraft) => void;
}

const DecisionRow = memo(function DecisionRow({ account, codes, draft, error, disabled, onChange }: RowProps) {
  const { t } = useTranslation();
  const id = account.loginId;
  return (
    <Table.Tr data-account-id={account.id} bg={codes ? 'orange.0' : undefined}>
      <Table.Td>{account.loginId}</Table.Td>
      <Table.Td>{account.system || '—'}</Table.Td>
      <Table.Td>{personName(account as unknown as Record<string, unknown>) || '—'}</Table.Td>
      <Table.Td>{account.department || '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{displayValue(specOf('accounts', 'lastLoginOn'), account.lastLoginOn, t)}</Table.Td>
      <Table.Td>{codes && <AttentionBadge codes={codes} />}</Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('ledgers.review.decisionOf', { id })}
          data={decisions.map((d) => ({ value: d, label: t(`ledgers.review.decisions.${d}`) }))}
          value={draft.decision}
          onChange={(e) => onChange(account.id, { ...draft, decision: e.currentTarget.value as ReviewDecision })}
          disabled={disabled}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('ledgers.review.reasonOf', { id })}
          value={draft.reason}
          onChange={(e) => onChange(account.id, { ...draft, reason: e.currentTarget.value })}
          maxLength={500}
          error={error}
          disabled={disabled}
          size="xs"
          miw={200}
        />
      </Table.Td>
    </Table.Tr>
  );
});

interface Props {
  accounts: AccountView[];
  flagged: Map<string, FindingReasonCode[]>;
  drafts: Record<string, DecisionDraft>;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (accountId: string, draft: DecisionDraft) => void;
}

/** One row per enabled account: keep, disable or delete, and why. Flagged accounts come first. */
export function DecisionsTable({ accounts, flagged, drafts, errors, disabled, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const heading = (field: string) => {
    const spec = specOf('accounts', field);
    return spec ? headerOf(spec, i18n.language) : field;
  };
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" aria-label={t('ledgers.review.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heading('loginId')}</Table.Th>
            <Table.Th>{heading('system')}</Table.Th>
            <Table.Th>{t('ledgers.columns.name')}</Table.Th>
            <Table.Th>{heading('department')}</Table.Th>
            <Table.Th>{heading('lastLoginOn')}</Table.Th>
            <Table.Th>{t('ledgers.attentionColumn')}</Table.Th>
            <Table.Th>{t('ledgers.review.decision')}</Table.Th>
            <Table.Th>{t('ledgers.review.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <DecisionRow
              key={account.id}
              account={account}
              codes={flagged.get(account.id)}
              draft={drafts[account.id] ?? { decision: 'keep', reason: '' }}
              error={errors[account.id]}
              disabled={disabled}
              onChange={onChange}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
