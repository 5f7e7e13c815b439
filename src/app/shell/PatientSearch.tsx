import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { parsePatientQuery } from '../../domain/patientQuery';
import { parseNationalId, formatNationalId } from '../../domain/nationalId';
import { rememberPatientResource, usePatientSearch } from '../../fhir/patients';
import { formatNameFamilyFirst, nationalIdOf } from '../../fhir/format';
import { formatDate } from '../../ui/dates';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { autocompleteTexts } from '../../ui/autocompleteTexts';
import { usePrefetchPatientChart } from '../../layout/ModuleGrid';

function checkIdentifier(digits: string) {
  const result = parseNationalId(digits);
  return result.ok ? ({ ok: true } as const) : ({ ok: false, error: result.error } as const);
}

/**
 * One search box for name, fødselsnummer or birth date. Results show only what is needed to
 * pick the right patient: name, birth date, national id and municipality.
 */
/** The server reduced this result: the user has no care relation to the patient. */
function isReduced(patient: Patient): boolean {
  return Boolean(patient.meta?.tag?.some((tag) => tag.code === 'no-relation'));
}

export function PatientSearch({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const prefetchChart = usePrefetchPatientChart();
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const debounced = useDebouncedValue(input, 60);
  const query = useMemo(() => parsePatientQuery(debounced, checkIdentifier), [debounced]);
  const search = usePatientSearch(query);
  const options = query.kind === 'empty' || query.kind === 'too-short' || query.kind === 'invalid-identifier' ? [] : (search.data?.resources ?? []);
  // A User Timing mark when results for what is in the box are on screen: `npm run bench`
  // measures from the last keystroke to this mark.
  const resultsFor = search.data && !search.isPlaceholderData ? debounced : null;
  // The list may still show the results of what was typed before (kept while the new search
  // runs): those cannot be chosen, so a quick Enter never opens a patient who does not match.
  const stale = resultsFor === null || resultsFor !== input;
  useEffect(() => {
    if (resultsFor !== null && resultsFor === input) performance.mark('patient-search-results', { detail: resultsFor });
  }, [resultsFor, input]);
  const helper =
    query.kind === 'invalid-identifier'
      ? t(`search.invalidId.${query.error}`)
      : search.error
        ? t('search.failed')
        : search.data && search.data.total !== undefined && search.data.total > search.data.resources.length
          ? t('search.more', { shown: search.data.resources.length, total: search.data.total })
          : ' ';

  return (
    <Autocomplete<Patient, false, false, false>
      {...autocompleteTexts(t)}
      sx={{ flex: '1 1 22rem', maxWidth: 560 }}
      options={options}
      filterOptions={(x) => x}
      getOptionLabel={(p) => formatNameFamilyFirst(p.name)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionDisabled={() => stale}
      inputValue={input}
      onInputChange={(_, value, reason) => {
        if (reason !== 'reset') {
          setInput(value);
          setOpen(true);
        }
      }}
      value={null}
      onChange={(_, patient) => {
        if (patient?.id) {
          setInput('');
          // A patient without a care relation comes reduced (issue #8): the chart asks for a reason first.
          if (!isReduced(patient)) {
            rememberPatientResource(queryClient, patient);
            prefetchChart(patient.id);
          }
          void navigate(`/${workspaceId}/patient/${patient.id}`);
        }
      }}
      loading={search.isFetching}
      loadingText={t('search.searching')}
      noOptionsText={query.kind === 'too-short' || query.kind === 'empty' ? t('search.hint') : t('search.noResults')}
      open={open && input.trim().length > 0}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      autoHighlight
      renderOption={({ key, ...props }, patient) => {
        const id = nationalIdOf(patient.identifier);
        return (
          <Box component="li" key={key} {...props} sx={{ display: 'block !important' }}>
            <Typography sx={{ fontWeight: 600 }}>{formatNameFamilyFirst(patient.name)}</Typography>
            <Typography variant="body2" color="text.secondary">
              {[formatDate(patient.birthDate), id ? formatNationalId(id) : null, patient.address?.[0]?.district].filter(Boolean).join(' · ')}
            </Typography>
            {isReduced(patient) && (
              <Typography variant="body2" color="text.secondary">
                {t('search.reasonNeeded')}
              </Typography>
            )}
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          size="small"
          error={query.kind === 'invalid-identifier'}
          helperText={helper}
          slotProps={{
            ...params.slotProps,
            formHelperText: { sx: { m: 0, minHeight: '1em', color: query.kind === 'invalid-identifier' ? undefined : 'inherit' } },
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {search.isFetching ? <CircularProgress color="inherit" size={18} aria-hidden /> : null}
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}
