import { useTranslation } from 'react-i18next';
import { usePreferences } from '../session/store';
import { ToggleGroup } from './ToggleGroup';
import { LANGUAGES } from '../i18n/languages';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  const setLanguage = usePreferences((s) => s.setLanguage);
  return <ToggleGroup label={t('settings.language')} value={language} options={LANGUAGES} onChange={setLanguage} />;
}
