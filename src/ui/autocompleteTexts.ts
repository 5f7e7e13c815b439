import type { TFunction } from 'i18next';

/** The words MUI's Autocomplete shows or announces (its defaults are English), through i18n. */
export function autocompleteTexts(t: TFunction) {
  return { openText: t('common.open'), closeText: t('common.close'), clearText: t('common.clear') } as const;
}
