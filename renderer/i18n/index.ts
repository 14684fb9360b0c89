/**
 * i18next set up once for the renderer. Swedish is the product's language and the fallback;
 * English is there for colleagues and support. The choice is kept in localStorage so it
 * survives a restart, and mirrored on <html lang> so screen readers pronounce the text in
 * the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import sv from './sv.json';
import en from './en.json';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'paragraf.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}

function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'sv';
  } catch {
    // Storage can be unavailable (privacy settings, opaque origins): Swedish is right anyway.
    return 'sv';
  }
}

export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { sv: { translation: sv }, en: { translation: en } },
      lng: storedLanguage(),
      fallbackLng: 'sv',
      // React escapes text itself; escaping twice would show "&amp;" in body names.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    applyLang(i18next.language);
    i18next.on('languageChanged', applyLang);
  }
  return i18next;
}

function applyLang(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

export function setLanguage(lng: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // See storedLanguage: not remembering the choice is acceptable.
  }
  void i18next.changeLanguage(lng);
}

/** The message of a bilingual API error in the current language (Swedish unless chosen otherwise). */
export function localized(message: { sv: string; en: string }, lng: string = i18next.language): string {
  return lng === 'en' ? message.en : message.sv;
}
