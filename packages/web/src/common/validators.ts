import i18n from '../i18n';

export const passwordMin = 10;

export function requiredText(value: string): string | null {
  return value.trim() ? null : i18n.t('validation.required');
}

export function email(value: string): string | null {
  if (!value.trim()) return i18n.t('validation.required');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : i18n.t('validation.email');
}

export function password(value: string): string | null {
  if (!value) return i18n.t('validation.required');
  return value.length >= passwordMin ? null : i18n.t('validation.passwordLength', { min: passwordMin });
}
