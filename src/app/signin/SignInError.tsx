import { ErrorAlert } from '../../ui/ErrorAlert';
import { ThemeRoot } from '../ThemeRoot';

/** An error on the sign-in page: MUI's alert in the app's theme, loaded only when there is one. */
export function SignInError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <ThemeRoot>
      <ErrorAlert error={error} onRetry={onRetry} />
    </ThemeRoot>
  );
}
