import i18n from '../i18n';

const tokyo = 'Asia/Tokyo';

/** Japanese users read dates in the era calendar (令和7年4月1日), as on the ministry's forms. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (i18n.language === 'en') {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: tokyo }).format(date);
  }
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: tokyo,
  }).format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (i18n.language === 'en') {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: tokyo }).format(date);
  }
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: tokyo,
  }).format(date);
}
