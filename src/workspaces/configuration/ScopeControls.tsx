import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { PersonnelGroup } from '../../session/personnel';
import type { DeviceClass, PageKind } from '../../layout/types';
import { DEVICES, EDITABLE_GROUPS, PAGES, isMunicipalityCode, type EditorScope } from './editorModel';

export type ScopeChange = Partial<Pick<EditorScope, 'municipality' | 'group' | 'device' | 'page'>>;

/** A labelled group of toggle buttons (one choice of a few): the label is visible text. */
function LabelledToggles<T extends string>({ label, value, options, optionLabel, onChange }: { label: string; value: T; options: readonly T[]; optionLabel: (v: T) => string; onChange: (v: T) => void }) {
  const id = useId();
  return (
    <Box>
      <Typography id={id} component="div" variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {label}
      </Typography>
      <ToggleButtonGroup exclusive value={value} aria-labelledby={id} onChange={(_, v: T | null) => v && onChange(v)} size="small">
        {options.map((o) => (
          <ToggleButton key={o} value={o} sx={{ px: 2, textTransform: 'none' }}>
            {optionLabel(o)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

/**
 * What the administrator edits: municipality (their own by default; another one can be typed,
 * but the server refuses saving it), personnel group, device class and page.
 */
export function ScopeControls({
  scope,
  own,
  onChange,
  extra,
}: {
  scope: Pick<EditorScope, 'municipality' | 'group' | 'device' | 'page'>;
  own: { code: string; name: string };
  onChange: (change: ScopeChange) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [otherChosen, setOtherChosen] = useState(scope.municipality !== own.code);
  const [code, setCode] = useState(scope.municipality !== own.code ? scope.municipality : '');
  const other = otherChosen || scope.municipality !== own.code;
  const codeInvalid = code.length > 0 && !isMunicipalityCode(code);

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
      <TextField
        select
        label={t('editor.municipality.label')}
        value={other ? 'other' : 'own'}
        onChange={(e) => {
          if (e.target.value === 'own') {
            setOtherChosen(false);
            onChange({ municipality: own.code });
          } else {
            setOtherChosen(true);
            if (isMunicipalityCode(code)) onChange({ municipality: code });
          }
        }}
        sx={{ minWidth: 260 }}
      >
        <MenuItem value="own">{t('editor.municipality.own', { name: own.name, code: own.code })}</MenuItem>
        <MenuItem value="other">{t('editor.municipality.other')}</MenuItem>
      </TextField>
      {other && (
        <TextField
          label={t('editor.municipality.code')}
          value={code}
          error={codeInvalid}
          onChange={(e) => {
            const next = e.target.value.replace(/\D/g, '').slice(0, 4);
            setCode(next);
            if (isMunicipalityCode(next)) onChange({ municipality: next });
          }}
          helperText={codeInvalid ? t('editor.municipality.codeHint') : t('editor.municipality.otherWarning', { name: own.name })}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' } }}
          sx={{ width: 280 }}
        />
      )}
      <TextField select label={t('editor.group')} value={scope.group} onChange={(e) => onChange({ group: e.target.value as PersonnelGroup })} sx={{ minWidth: 260 }}>
        {EDITABLE_GROUPS.map((g) => (
          <MenuItem key={g} value={g}>
            {t(`group.${g}`)}
          </MenuItem>
        ))}
      </TextField>
      <LabelledToggles<DeviceClass> label={t('editor.device.label')} value={scope.device} options={DEVICES} optionLabel={(d) => t(`editor.device.${d}`)} onChange={(device) => onChange({ device })} />
      <LabelledToggles<PageKind> label={t('editor.page.label')} value={scope.page} options={PAGES} optionLabel={(p) => t(`editor.page.${p}`)} onChange={(page) => onChange({ page })} />
      {extra}
    </Box>
  );
}
