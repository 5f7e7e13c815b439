import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { isFhirError } from '../fhir/errors';

/**
 * A server or network error in words a clinician understands; the server's own diagnostics as a
 * smaller detail line, never a stack trace.
 */
export function ErrorAlert({ error, onRetry, titleKey }: { error: unknown; onRetry?: () => void; titleKey?: string }) {
  const { t } = useTranslation();
  const kind = isFhirError(error) ? error.kind : 'unknown';
  const details = isFhirError(error) ? error.details : [];
  return (
    <Alert
      severity={kind === 'conflict' ? 'warning' : 'error'}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{t(titleKey ?? `errors.${kind}.title`)}</AlertTitle>
      {t(`errors.${kind}.body`)}
      {details.length > 0 && (
        <div>
          <small>
            {t('errors.details')}: {details.join('; ')}
          </small>
        </div>
      )}
    </Alert>
  );
}
