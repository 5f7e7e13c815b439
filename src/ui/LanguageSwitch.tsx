import { useTranslation } from 'react-i18next';
import { usePreferences, type Language } from '../session/store';
import { ToggleGroup } from './ToggleGroup';

const LANGUAGES: { value: Language; label: string; lang: string }[] = [
  { value: 'nb', label: 'Norsk', lang: 'nb' },
  { value: 'en', label: 'English', lang: 'en' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  const setLanguage = usePreferences((s) => s.setLanguage);
  return <ToggleGroup label={t('settings.language')} value={language} options={LANGUAGES} onChange={setLanguage} />;
}
