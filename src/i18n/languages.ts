import type { Language } from '../session/store';

/** The languages the app speaks, each labelled in itself (the language switch on every page). */
export const LANGUAGES: readonly { value: Language; label: string; lang: string }[] = [
  { value: 'nb', label: 'Norsk', lang: 'nb' },
  { value: 'en', label: 'English', lang: 'en' },
];
