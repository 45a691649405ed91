import { accessLogFormats, type AccessLogFormat } from '@mamori/domain';
import type { TFunction } from 'i18next';

/** 自動判定 in a select: the server reads each file's first line. */
export const autoFormat = 'auto';

/**
 * The formats a person can pick, 自動判定 first. A column-mapped CSV needs a saved mapping, so it is offered only to
 * a source that has one.
 */
export function formatOptions(t: TFunction, hasMapping = false) {
  return [
    { value: autoFormat, label: t('accessLogs.formats.auto') },
    ...accessLogFormats.filter((f) => f !== 'mapped-csv' || hasMapping).map((f) => ({ value: f, label: t(`accessLogs.formats.${f}`) })),
  ];
}

export const formatFromSelect = (value: string | null): AccessLogFormat | null => (value && value !== autoFormat ? (value as AccessLogFormat) : null);
