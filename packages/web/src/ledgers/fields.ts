import { accountColumns, accountDefaults, assetColumns, assetDefaults, sourceRestrictions, type ColumnDefinition, type LedgerKind } from '@mamori/domain';
import type { TFunction } from 'i18next';
import { formatDay } from '../checklist/dates';

/** How a field is edited; derived from the domain's column types and defaults, never listed twice. */
type FieldInput =
  | { kind: 'text'; maxLength: number; multiline: boolean }
  | { kind: 'date' }
  | { kind: 'ip' }
  /** Always yes or no (an account's 一時利用 / 退職); `named`: shown with its own words (状態: 使用可 / 使用不可). */
  | { kind: 'flag'; named: boolean }
  /** Yes, no, or not recorded yet (an asset's 患者情報). */
  | { kind: 'tristate' }
  | { kind: 'choice'; values: string[]; optional: boolean }
  | { kind: 'restrictions' };

export type FieldGroup = 'basic' | 'management' | 'security';
export const fieldGroups: readonly FieldGroup[] = ['basic', 'management', 'security'];

export interface FieldSpec {
  field: string;
  header: { ja: string; en: string };
  group: FieldGroup;
  input: FieldInput;
  /** The link column (管理番号 / ユーザID): required, and what a duplicate is about. */
  link: boolean;
}

/** Which group each field is shown in on the edit form. */
const groupsOf: Record<LedgerKind, Record<FieldGroup, readonly string[]>> = {
  assets: {
    basic: [
      'managementNumber',
      'kind',
      'cloudModel',
      'status',
      'computerName',
      'maker',
      'modelNumber',
      'os',
      'osVersion',
      'firmwareVersion',
      'software',
      'softwareVersion',
      'ipAddress',
      'location',
      'users',
      'registeredOn',
      'description',
    ],
    management: ['system', 'vendor', 'remoteMaintenance', 'remoteMaintenanceBy', 'holdsPatientData'],
    security: ['updateStatus', 'lastPatchedOn', 'servicesReviewedOn', 'externalConnection', 'sourceRestrictions', 'endOfLifeOn', 'riskAcceptance'],
  },
  accounts: {
    basic: ['loginId', 'system', 'scope', 'familyName', 'givenName', 'department', 'jobType', 'phone', 'description'],
    management: ['role', 'validFrom', 'validTo', 'temporary'],
    security: ['enabled', 'retired', 'lastLoginOn'],
  },
};

function inputOf(column: ColumnDefinition, defaultValue: unknown): FieldInput {
  const type = column.type;
  // 状態 of an account is read from words (使用可 / 使用不可) but kept as a boolean.
  if (typeof defaultValue === 'boolean') return { kind: 'flag', named: type.kind === 'enum' };
  switch (type.kind) {
    case 'text':
      return { kind: 'text', maxLength: type.maxLength, multiline: type.maxLength >= 1000 };
    case 'date':
      return { kind: 'date' };
    case 'ip':
      return { kind: 'ip' };
    case 'boolean':
      return { kind: 'tristate' };
    case 'enum':
      return { kind: 'choice', values: Object.keys(type.values), optional: defaultValue === null };
    case 'restrictions':
      return { kind: 'restrictions' };
  }
}

function specsOf(ledger: LedgerKind): FieldSpec[] {
  const columns = ledger === 'assets' ? assetColumns : accountColumns;
  const defaults = (ledger === 'assets' ? assetDefaults : accountDefaults) as Record<string, unknown>;
  const groups = groupsOf[ledger];
  // Form order: group by group, in the order listed above (the columns keep the manual's order for export).
  const order = fieldGroups.flatMap((g) => groups[g]);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...columns]
    .filter((c) => !c.importOnly)
    .sort((a, b) => rank(a.field) - rank(b.field))
    .map((column) => ({
      field: column.field,
      header: column.header,
      group: fieldGroups.find((g) => groups[g].includes(column.field)) ?? 'basic',
      input: inputOf(column, defaults[column.field] ?? null),
      link: !!column.link,
    }));
}

export const fieldSpecs: Record<LedgerKind, FieldSpec[]> = { assets: specsOf('assets'), accounts: specsOf('accounts') };

export function specOf(ledger: LedgerKind, field: string): FieldSpec | undefined {
  return fieldSpecs[ledger].find((s) => s.field === field);
}

export function headerOf(spec: Pick<FieldSpec, 'header'>, language: string): string {
  return language === 'en' ? spec.header.en : spec.header.ja;
}

/** The values a new record starts with (the domain's defaults plus an empty link field). */
export function newRecordValues(ledger: LedgerKind): Record<string, unknown> {
  return ledger === 'assets' ? { managementNumber: '', ...assetDefaults } : { loginId: '', ...accountDefaults };
}

export const restrictionValues: readonly string[] = sourceRestrictions;

/** The name of an enum value in the user's language (from the translation files). */
export function choiceLabel(field: string, value: string, t: TFunction): string {
  return t(`ledgers.values.${field}.${value}`, { defaultValue: value });
}

/** A field's value as text for tables, history and previews. */
export function displayValue(spec: FieldSpec | undefined, value: unknown, t: TFunction): string {
  if (!spec) {
    if (value === null || value === undefined || value === '') return '—';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  const input = spec.input;
  switch (input.kind) {
    case 'restrictions':
      if (!Array.isArray(value)) return t('ledgers.restrictions.unrecorded');
      if (value.length === 0) return t('ledgers.restrictions.none');
      return value.map((v) => choiceLabel('sourceRestrictions', String(v), t)).join('、');
    case 'flag':
      if (input.named && typeof value === 'boolean') return choiceLabel(spec.field, String(value), t);
      return value === true ? t('common.yes') : t('common.no');
    case 'tristate':
      if (value === true) return t('common.yes');
      if (value === false) return t('common.no');
      return t('ledgers.unrecorded');
    case 'choice':
      if (value === null || value === undefined || value === '') return t('ledgers.unrecorded');
      return choiceLabel(spec.field, String(value), t);
    case 'date':
      return typeof value === 'string' && value ? formatDay(value) : '—';
    default:
      if (value === null || value === undefined || value === '') return '—';
      return String(value);
  }
}
