import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { FhirError } from '../fhir/errors';
import { ErrorAlert } from './ErrorAlert';

/** What marking a result seen came to, in words (`text`) or as the error. */
export type MarkSeenResult = { kind: 'saved' | 'already'; text: string } | { kind: 'error'; error: FhirError };

/** The message after "Merk som sett", in the chart's results and on the GP's list alike; it takes the focus (useActionFeedback). */
export function MarkSeenFeedback({ result, onClose, feedbackRef }: { result: MarkSeenResult; onClose: () => void; feedbackRef: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <Box ref={feedbackRef} tabIndex={-1} sx={{ outline: 'none' }}>
      {result.kind === 'error' ? (
        result.error.kind === 'conflict' ? (
          <Alert severity="warning" role="alert" onClose={onClose}>
            {t('labResults.markConflict')}
          </Alert>
        ) : (
          <ErrorAlert error={result.error} />
        )
      ) : (
        <Alert severity={result.kind === 'saved' ? 'success' : 'info'} role="status" onClose={onClose}>
          {result.text}
        </Alert>
      )}
    </Box>
  );
}
