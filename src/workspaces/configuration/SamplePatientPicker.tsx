import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { parseNationalId } from '../../domain/nationalId';
import { parsePatientQuery } from '../../domain/patientQuery';
import { formatNameFamilyFirst } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import { usePatientSearch } from '../../fhir/patients';
import { formatDate } from '../../ui/dates';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { autocompleteTexts } from '../../ui/autocompleteTexts';

function checkIdentifier(digits: string) {
  const result = parseNationalId(digits);
  return result.ok ? ({ ok: true } as const) : ({ ok: false, error: result.error } as const);
}

const label = (p: Patient) => `${formatNameFamilyFirst(p.name)} (${formatDate(p.birthDate)})`;

/**
 * The patient the patient page is previewed with: the administrator's choice, else the first
 * patient the server returns. Only asked for while the patient page is being edited.
 */
export function useSamplePatient(enabled: boolean) {
  const [chosen, setChosen] = useState<Patient | null>(null);
  const first = useFhirSearch('Patient', enabled && !chosen ? { _count: 1 } : undefined, { staleTime: 300_000 });
  const patient = chosen ?? first.data?.resources[0] ?? null;
  return { patient, choose: setChosen, isPending: enabled && !chosen && first.isPending, error: first.error };
}

/** A small patient search to choose the sample patient (name, fødselsnummer or birth date). */
export function SamplePatientPicker({ patient, onChange, isPending }: { patient: Patient | null; onChange: (patient: Patient) => void; isPending: boolean }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [typing, setTyping] = useState(false);
  const debounced = useDebouncedValue(input, 150);
  const query = useMemo(() => parsePatientQuery(typing ? debounced : '', checkIdentifier), [debounced, typing]);
  const search = usePatientSearch(query);
  const results = query.kind === 'identifier' || query.kind === 'birthdate' || query.kind === 'name' ? (search.data?.resources ?? []) : [];
  const options = patient && !results.some((r) => r.id === patient.id) ? [patient, ...results] : results;
  return (
    // Controlled from the first render (null while the default patient loads); never cleared.
    <Autocomplete<Patient, false, boolean, false>
      {...autocompleteTexts(t)}
      options={options}
      value={patient}
      disableClearable
      filterOptions={(x) => x}
      getOptionLabel={label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      inputValue={typing ? input : patient ? label(patient) : ''}
      onInputChange={(_, value, reason) => {
        if (reason === 'input') {
          setTyping(true);
          setInput(value);
        }
      }}
      onChange={(_, chosen) => {
        setTyping(false);
        setInput('');
        if (chosen) onChange(chosen);
      }}
      onBlur={() => setTyping(false)}
      loading={isPending || search.isFetching}
      loadingText={t('editor.patient.searching')}
      noOptionsText={t('editor.patient.noResults')}
      autoHighlight
      sx={{ minWidth: 280, maxWidth: 520, flex: '1 1 20rem' }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('editor.patient.label')}
          helperText={!isPending && !patient ? t('editor.patient.none') : t('editor.patient.hint')}
        />
      )}
    />
  );
}
