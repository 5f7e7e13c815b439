import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { usePreferences, type Language } from '../session/store';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  const setLanguage = usePreferences((s) => s.setLanguage);
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={language}
      onChange={(_, value: Language | null) => value && setLanguage(value)}
      aria-label={t('settings.language')}
    >
      <ToggleButton value="nb" lang="nb">
        Norsk
      </ToggleButton>
      <ToggleButton value="en" lang="en">
        English
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
