import type { LedgerKind } from '@mamori/domain';
import type { LedgerRecord } from './api';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** How a record is named in headings and buttons: 管理番号 and name, or ユーザID / システム (as the server labels them). */
export function recordLabel(ledger: LedgerKind, record: LedgerRecord | Record<string, unknown>): string {
  const r = record as Record<string, unknown>;
  if (ledger === 'assets') return `${text(r.managementNumber)} ${text(r.computerName) || text(r.software)}`.trim();
  return [text(r.loginId), text(r.system)].filter(Boolean).join(' / ');
}

export function personName(record: Record<string, unknown>): string {
  return [text(record.familyName), text(record.givenName)].filter(Boolean).join(' ');
}

/** Page paths of the ledger screens, so links stay consistent. */
export const ledgerPaths = {
  list: (facilityId: string, ledger: LedgerKind) => `/facilities/${facilityId}/ledgers/${ledger}`,
  open: (facilityId: string, ledger: LedgerKind, id: string) => `/facilities/${facilityId}/ledgers/${ledger}?open=${encodeURIComponent(id)}`,
  import: (facilityId: string, ledger: LedgerKind) => `/facilities/${facilityId}/ledgers/${ledger}/import`,
  review: (facilityId: string) => `/facilities/${facilityId}/ledgers/review`,
  settings: (facilityId: string) => `/facilities/${facilityId}/ledgers/settings`,
};
