import { pickerStrings, type PickerStrings } from './personaPicker';

/**
 * The sign-in page's words in one language, for what is drawn without i18next: index.html's
 * boot script (heading, introduction, the loading line) and the first page
 * (./firstPage.ts: language switch, persona list, errors). vite.config.ts puts them into
 * index.html at build time, in every language, from src/i18n.
 */
export interface ShellStrings {
  name: string;
  title: string;
  persona: string;
  none: string;
  oidc: string;
  loading: string;
  language: string;
  retry: string;
  errors: Record<'network' | 'server' | 'invalid' | 'unknown', { title: string; body: string }>;
  picker: PickerStrings;
}

/** `t` looks a key up in one language's translation (src/i18n) and fails on a missing one. */
export function shellStrings(t: (key: string) => string): ShellStrings {
  const error = (kind: 'network' | 'server' | 'invalid' | 'unknown') => ({ title: t(`errors.${kind}.title`), body: t(`errors.${kind}.body`) });
  return {
    name: t('app.name'),
    title: t('signIn.title'),
    persona: t('signIn.personaIntro'),
    none: t('signIn.noAuthIntro'),
    oidc: t('signIn.oidcIntro'),
    loading: t('signIn.loadingPersonas'),
    language: t('settings.language'),
    retry: t('common.retry'),
    errors: { network: error('network'), server: error('server'), invalid: error('invalid'), unknown: error('unknown') },
    picker: pickerStrings(t),
  };
}

/** A lookup in a translation object by dotted key. */
export function lookupIn(translation: object, language: string): (key: string) => string {
  return (key) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
    if (typeof value !== 'string') throw new Error(`src/i18n/${language}.ts has no string ${key}`);
    return value;
  };
}
