import { ministryContact, type ContactKind } from '@mamori/domain';
import type { TFunction } from 'i18next';
import type { ContactChartContent, ContactEntry } from '../api';

const entry = (key: string, kind: ContactKind, name: string, organization = '', role = ''): ContactEntry => ({
  key,
  kind,
  name,
  organization,
  role,
  phone: '',
  email: '',
  hours: '',
  notes: '',
  vendorName: '',
});

/**
 * A common shape to start from: the person who notices calls the system contact, who calls the security
 * manager, who calls the director and the vendor; the director reports to the ministry and the police.
 * Every name is a placeholder to overwrite with the real person and number.
 */
export function starterChart(t: TFunction, policeName: string): ContactChartContent {
  const s = (key: string) => t(`readiness.contacts.starterEntries.${key}`);
  return {
    entries: [
      entry('staff', 'internal_other', s('staff')),
      entry('it', 'it', s('it')),
      entry('security', 'security_manager', s('security')),
      entry('director', 'director', s('director')),
      entry('vendor', 'vendor', s('vendor')),
      { ...entry('ministry', 'ministry', ministryContact.name, ministryContact.organization), phone: ministryContact.phone, notes: ministryContact.notes },
      entry('police', 'police', policeName, 'サイバー犯罪相談窓口'),
    ],
    edges: [
      { from: 'staff', to: 'it', order: 1, note: '' },
      { from: 'it', to: 'security', order: 1, note: '' },
      { from: 'security', to: 'director', order: 1, note: '' },
      { from: 'security', to: 'vendor', order: 2, note: '' },
      { from: 'director', to: 'ministry', order: 1, note: '' },
      { from: 'director', to: 'police', order: 2, note: '' },
    ],
    note: '',
  };
}
