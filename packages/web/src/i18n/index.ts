import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { prefectureNames } from '@mamori/domain';
import dayjs from 'dayjs';
import 'dayjs/locale/ja';
import ja from './ja.json';
import en from './en.json';

export type UiLanguage = 'ja' | 'en';
const storageKey = 'mamori.language';

function storedLanguage(): UiLanguage | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'en' || value === 'ja' ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'ja');
}

i18n.on('languageChanged', applyToDocument);

void i18n.use(initReactI18next).init({
  resources: {
    ja: { translation: { ...ja, prefectures: prefectureNames('ja') } },
    en: { translation: { ...en, prefectures: prefectureNames('en') } },
  },
  lng: storedLanguage() ?? 'ja',
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyToDocument(i18n.language);

export default i18n;
