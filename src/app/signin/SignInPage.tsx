import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { styled } from '@mui/material/styles';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useRuntimeConfig } from '../configContext';
import { usePersonas, useSignInAs } from './useSignIn';
import { useSession, usePreferences } from '../../session/store';
import { WORKSPACE_OF_GROUP, type Persona } from '../../session/personnel';

/**
 * The persona list is the first page's largest part: plain elements with one styled class each
 * (not a MUI List of ListItemButtons), so the first render stays cheap on a slow tablet.
 */
const PersonaGrid = styled('ul')(({ theme }) => ({
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: theme.spacing(1),
  gridTemplateColumns: '1fr',
  [theme.breakpoints.up('md')]: { gridTemplateColumns: '1fr 1fr' },
}));

const PersonaButton = styled('button')(({ theme }) => ({
  width: '100%',
  minHeight: 56,
  textAlign: 'left',
  font: 'inherit',
  color: theme.palette.text.primary,
  background: theme.palette.background.paper,
  border: `1px solid ${theme.palette.divider}`,
  borderRadius: theme.shape.borderRadius,
  padding: theme.spacing(1, 2),
  cursor: 'pointer',
  display: 'grid',
  gap: 2,
  '&:hover': { background: theme.palette.action.hover },
  '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
  '&:disabled': { opacity: 0.6, cursor: 'progress' },
  '& .name': { fontWeight: 600 },
  '& .detail': { color: theme.palette.text.secondary, fontSize: '0.875rem' },
}));

// The first page stays small: the error alert loads only when there is an error to show.
const ErrorAlert = lazy(() => import('../../ui/ErrorAlert').then((m) => ({ default: m.ErrorAlert })));

/** A plain labelled text field: MUI's TextField would add ~20 KB to the first page. */
function FilterField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <Box sx={{ flex: '1 1 16rem', display: 'grid', gap: 0.5 }}>
      <Box component="label" htmlFor={id} sx={{ fontSize: '0.875rem', color: 'text.secondary' }}>
        {label}
      </Box>
      <Box
        component="input"
        id={id}
        type="search"
        value={value}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        sx={{
          font: 'inherit',
          minHeight: 44,
          px: 1.5,
          borderRadius: 1,
          border: 1,
          borderColor: 'grey.500',
          bgcolor: 'background.paper',
          color: 'text.primary',
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 1 },
        }}
      />
    </Box>
  );
}import { LanguageSwitch } from '../../ui/LanguageSwitch';

function matches(persona: Persona, text: string, groupLabel: string): boolean {
  if (!text) return true;
  const hay = `${persona.name} ${groupLabel} ${persona.unitName} ${persona.municipalityName}`.toLocaleLowerCase('nb');
  return text
    .toLocaleLowerCase('nb')
    .split(/\s+/)
    .every((word) => hay.includes(word));
}

function OidcSignIn() {
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
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography>{t('signIn.oidcIntro')}</Typography>
      <Button variant="contained" size="large" onClick={() => void start()}>
        {t('signIn.oidcButton')}
      </Button>
      {error ? (
        <Suspense fallback={null}>
          <ErrorAlert error={error} />
        </Suspense>
      ) : null}
    </Box>
  );
}

function PersonaList() {
  const { t } = useTranslation();
  const personas = usePersonas();
  const signIn = useSignInAs();
  const [text, setText] = useState('');
  const [municipality, setMunicipality] = useState<string>('all');
  const municipalities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of personas.data ?? []) if (p.municipalityCode) seen.set(p.municipalityCode, p.municipalityName);
    return [...seen.entries()];
  }, [personas.data]);
  const shown = (personas.data ?? []).filter(
    (p) => (municipality === 'all' || p.municipalityCode === municipality) && matches(p, text, t(`group.${p.personnelGroup}`)),
  );

  if (personas.isPending) {
    return (
      <Box role="status" sx={{ display: 'flex', gap: 2, alignItems: 'center', py: 4 }}>
        <CircularProgress size={24} aria-hidden />
        {t('signIn.loadingPersonas')}
      </Box>
    );
  }
  if (personas.error) {
    return (
      <Suspense fallback={null}>
        <ErrorAlert error={personas.error} onRetry={() => void personas.refetch()} />
      </Suspense>
    );
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <FilterField label={t('signIn.filter')} value={text} onChange={setText} />
        {municipalities.length > 1 && (
          <ToggleButtonGroup
            exclusive
            value={municipality}
            onChange={(_, value: string | null) => value && setMunicipality(value)}
            aria-label={t('signIn.municipality')}
            size="small"
          >
            <ToggleButton value="all">{t('signIn.allMunicipalities')}</ToggleButton>
            {municipalities.map(([code, name]) => (
              <ToggleButton key={code} value={code}>
                {name}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
      </Box>
      {signIn.error ? (
        <Suspense fallback={null}>
          <ErrorAlert error={signIn.error} />
        </Suspense>
      ) : null}
      <PersonaGrid aria-label={t('signIn.personas')}>
        {shown.map((persona) => (
          <li key={persona.id}>
            <PersonaButton type="button" onClick={() => signIn.mutate(persona)} disabled={signIn.isPending}>
              <span className="name">{persona.name}</span>
              <span className="detail">{`${t(`group.${persona.personnelGroup}`)} · ${persona.unitName} · ${persona.municipalityName}`}</span>
            </PersonaButton>
          </li>
        ))}
      </PersonaGrid>
      {shown.length === 0 && <Typography>{t('signIn.noMatch')}</Typography>}
    </Box>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const { config } = useRuntimeConfig();
  const persona = useSession((s) => s.persona);
  usePreferences((s) => s.language);
  if (persona) return <Navigate to={`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`} replace />;
  return (
    <Box component="main" sx={{ maxWidth: 960, mx: 'auto', p: { xs: 2, md: 4 } }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 2, gap: 2 }}>
        <Typography variant="h1">{t('app.name')}</Typography>
        <LanguageSwitch />
      </Box>
      <Paper sx={{ p: { xs: 2, md: 3 } }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          {t('signIn.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {config.auth.kind === 'persona' ? t('signIn.personaIntro') : config.auth.kind === 'none' ? t('signIn.noAuthIntro') : ''}
        </Typography>
        {config.auth.kind === 'oidc' ? <OidcSignIn /> : <PersonaList />}
      </Paper>
    </Box>
  );
}
