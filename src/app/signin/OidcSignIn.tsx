import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useRuntimeConfig } from '../configContext';
import { ThemeRoot } from '../ThemeRoot';

const ErrorAlert = lazy(() => import('../../ui/ErrorAlert').then((m) => ({ default: m.ErrorAlert })));

/**
 * Sign-in through HelseID (OpenID Connect): a chunk of its own, loaded only when config.json asks
 * for it, with MUI's button in the app's theme (the sign-in page around it is plain elements).
 */
export function OidcSignIn() {
  const { t } = useTranslation();
  const { config } = useRuntimeConfig();
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    if (!config.oidc) return;
    try {
      const { userManager } = await import('../../session/oidc');
      const manager = await userManager(config.oidc, window.location.origin);
      await manager.signinRedirect();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <ThemeRoot>
      <div className="signin-stack">
        <Typography>{t('signIn.oidcIntro')}</Typography>
        <Button variant="contained" size="large" onClick={() => void start()}>
          {t('signIn.oidcButton')}
        </Button>
        {error ? (
          <Suspense fallback={null}>
            <ErrorAlert error={error} />
          </Suspense>
        ) : null}
      </div>
    </ThemeRoot>
  );
}

