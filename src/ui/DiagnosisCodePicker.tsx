import { useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { searchDiagnosisCodes, type DiagnosisCode, type DiagnosisSystem } from '../domain/diagnosisCodes';
import { autocompleteTexts } from './autocompleteTexts';

export type SystemChoice = DiagnosisSystem | 'both';

const same = (a: DiagnosisCode, b: DiagnosisCode) => a.system === b.system && a.code === b.code;

export function codeLabel(code: DiagnosisCode): string {
  return `${code.code} ${code.text}`;
}

/**
 * A searchable combobox over the bundled ICPC-2 and ICD-10 codes: type a code ("T90", "i21.9")
 * or words of its text ("diabetes", "ovre luftvei"); each option names its classification.
 * Shared by every form that sets a diagnosis (the problem list, the GP's consultation, the
 * emergency clinic's treatment).
 */
export function DiagnosisCodePicker({
  id,
  value,
  onChange,
  system,
  error,
  helperText,
  inputRef,
  tablet,
  label,
  required = true,
}: {
  id: string;
  value: DiagnosisCode | null;
  onChange: (code: DiagnosisCode | null) => void;
  system: SystemChoice;
  error: boolean;
  helperText: string;
  inputRef: Ref<HTMLInputElement>;
  tablet: boolean;
  /** The field's label; "Diagnosekode" when not given. */
  label?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState(() => (value ? codeLabel(value) : ''));
  const options = useMemo(() => {
    const found = searchDiagnosisCodes(input, { system: system === 'both' ? undefined : system, limit: 50 });
    // The chosen code stays an option (MUI warns about a value outside the options).
    return value && !found.some((o) => same(o, value)) ? [value, ...found] : found;
  }, [input, system, value]);

  return (
    <Autocomplete<DiagnosisCode, false, false, false>
      {...autocompleteTexts(t)}
      id={id}
      options={options}
      value={value}
      onChange={(_, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_, next) => setInput(next)}
      filterOptions={(x) => x}
      getOptionLabel={codeLabel}
      isOptionEqualToValue={same}
      autoHighlight
      noOptionsText={input.trim() ? t('diagnosisPicker.noMatch') : t('diagnosisPicker.typeToSearch')}
      renderOption={({ key: _key, ...props }, option) => (
        <Box component="li" {...props} key={`${option.system}|${option.code}`} sx={{ gap: 1, alignItems: 'baseline !important' }}>
          <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 700, minWidth: '3.5em' }}>
            {option.code}
          </Box>{' '}
          <Box component="span" sx={{ flex: 1 }}>
            {option.text}
          </Box>{' '}
          <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.8125rem', whiteSpace: 'nowrap' }}>
            {t(`diagnosisPicker.system.${option.system}`)}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label ?? t('diagnosisPicker.label')}
          required={required}
          error={error}
          helperText={helperText}
          inputRef={inputRef}
          size={tablet ? 'medium' : 'small'}
        />
      )}
    />
  );
}
