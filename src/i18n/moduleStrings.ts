import i18n from 'i18next';

/**
 * A module's own strings travel with its lazily loaded code: the module registers them when it
 * loads (only the title and description, which the palette and headings need before, are in
 * the main bundles). Merged deeply under `key`, without overwriting what is there.
 */
export function registerModuleStrings(key: string, strings: { nb: object; en: object }): void {
  i18n.addResourceBundle('nb', 'translation', { [key]: strings.nb }, true, false);
  i18n.addResourceBundle('en', 'translation', { [key]: strings.en }, true, false);
}
