import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nb } from './nb';
import type { Language } from '../session/store';

/**
 * Every user-facing string goes through i18next. Norwegian bokmål is the default and is
 * bundled; English is loaded when chosen.
 */
export async function initI18n(language: Language): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources: { nb: { translation: nb } },
    lng: 'nb',
    fallbackLng: 'nb',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== 'nb') await changeLanguage(language);
  return i18n;
}

let englishLoaded = false;

export async function changeLanguage(language: Language): Promise<void> {
  // Changing to the language already in force (the app does so on start) would re-render every
  // translated component for nothing.
  if (i18n.language !== language || (language === 'en' && !englishLoaded)) {
    // Modules may already have added their own English strings (moduleStrings.ts): merge, do not skip.
    if (language === 'en' && !englishLoaded) {
      const { en } = await import('./en');
      i18n.addResourceBundle('en', 'translation', en, true, false);
      englishLoaded = true;
    }
    await i18n.changeLanguage(language);
  }
  document.documentElement.lang = language === 'nb' ? 'nb' : 'en';
}

export { i18n };
