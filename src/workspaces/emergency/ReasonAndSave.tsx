import type { Ref } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { FhirError } from '../../fhir/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';

/**
 * The end of an emergency form (arrival, triage): the required reason, what went wrong when
 * saving (the text stays), and the save button.
 */
export function ReasonAndSave({
  id,
  label,
  value,
  onChange,
  inputRef,
  error,
  size,
  saveError,
  saving,
  saveLabel,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
  error: string | undefined;
  size: 'small' | 'medium';
  saveError: FhirError | null;
  saving: boolean;
  saveLabel: string;
}) {
  return (
    <>
      <TextField
        id={id}
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputRef={inputRef}
        error={Boolean(error)}
        helperText={error ?? ' '}
        required
        multiline
        minRows={2}
        size={size}
      />
      {saveError && <ErrorAlert error={saveError} />}
      <Box>
        <Button type="submit" variant="contained" disabled={saving}>
          {saveLabel}
        </Button>
      </Box>
    </>
  );
}
