import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keyframes, styled } from '@mui/material/styles';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRuntimeConfig } from '../configContext';
import { usePersonas, useSignInAs } from './useSignIn';
import { useSession, usePreferences } from '../../session/store';
import { WORKSPACE_OF_GROUP, type Persona } from '../../session/personnel';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { ToggleGroup } from '../../ui/ToggleGroup';

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

/**
 * While the personas load: a ring turned by a transform, which the compositor animates (MUI's
 * CircularProgress repaints its arc on the main thread in every frame). index.html's sign-in
 * page shows the same ring before React has started.
 */
const spin = keyframes({ to: { transform: 'rotate(360deg)' } });
const Spinner = styled('span')(({ theme }) => ({
  flex: 'none',
  width: 24,
  height: 24,
  border: `2px solid ${theme.palette.primary.main}`,
  borderRightColor: 'transparent',
  borderRadius: '50%',
  animation: `${spin} 1.4s linear infinite`,
}));

// The first page stays small: the error alert loads only when there is an error to show, and
// the OpenID Connect sign-in (a button to HelseID) only where config.json asks for it.
const OidcSignIn = lazy(() => import('./OidcSignIn').then((m) => ({ default: m.OidcSignIn })));
const ErrorAlert = lazy(() => import('../../ui/ErrorAlert').then((m) => ({ default: m.ErrorAlert })));

/** A plain labelled text field: MUI's TextField would add ~20 KB to the first page. */
const Field = styled('div')(({ theme }) => ({
  flex: '1 1 16rem',
  display: 'grid',
  gap: theme.spacing(0.5),
  '& label': { fontSize: '0.875rem', color: theme.palette.text.secondary },
  '& input': {
    font: 'inherit',
    minHeight: 44,
    paddingInline: theme.spacing(1.5),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.grey[500]}`,
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
  },
}));

function FilterField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <Field>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** The page's boxes: styled elements, not Box with sx (which MUI resolves again on every render). */
const Main = styled('main')(({ theme }) => ({
  maxWidth: 960,
  margin: '0 auto',
  padding: theme.spacing(2),
  [theme.breakpoints.up('md')]: { padding: theme.spacing(4) },
}));
const Header = styled('div')(({ theme }) => ({ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: theme.spacing(2), marginBottom: theme.spacing(2) }));
const Card = styled(Paper)(({ theme }) => ({ padding: theme.spacing(2), [theme.breakpoints.up('md')]: { padding: theme.spacing(3) } }));
export const Stack = styled('div')(({ theme }) => ({ display: 'grid', gap: theme.spacing(2) }));
const Toolbar = styled('div')(({ theme }) => ({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(2) }));
const Status = styled('div')(({ theme }) => ({ display: 'flex', alignItems: 'center', gap: theme.spacing(2), padding: theme.spacing(4, 0) }));

function matches(persona: Persona, text: string, groupLabel: string): boolean {
  if (!text) return true;
  const hay = `${persona.name} ${groupLabel} ${persona.unitName} ${persona.municipalityName}`.toLocaleLowerCase('nb');
  return text
    .toLocaleLowerCase('nb')
    .split(/\s+/)
    .every((word) => hay.includes(word));
}

function PersonaList() {
  const { t } = useTranslation();
  const personas = usePersonas();
  // The list renders in a transition (in slices, the page stays responsive), not in the task that received it.
  const all = useDeferredValue(personas.data);
  const signIn = useSignInAs();
  const [text, setText] = useState('');
  const [municipality, setMunicipality] = useState<string>('all');
  const municipalities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of all ?? []) if (p.municipalityCode) seen.set(p.municipalityCode, p.municipalityName);
    return [...seen.entries()];
  }, [all]);
  const shown = (all ?? []).filter(
    (p) => (municipality === 'all' || p.municipalityCode === municipality) && matches(p, text, t(`group.${p.personnelGroup}`)),
  );

  if (!all && !personas.error) {
    return (
      <Status role="status">
        <Spinner aria-hidden />
        {t('signIn.loadingPersonas')}
      </Status>
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
    <Stack>
      <Toolbar>
        <FilterField label={t('signIn.filter')} value={text} onChange={setText} />
        {municipalities.length > 1 && (
          <ToggleGroup
            label={t('signIn.municipality')}
            value={municipality}
            options={[{ value: 'all', label: t('signIn.allMunicipalities') }, ...municipalities.map(([code, name]) => ({ value: code, label: name }))]}
            onChange={setMunicipality}
          />
        )}
      </Toolbar>
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
    </Stack>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const { config } = useRuntimeConfig();
  const persona = useSession((s) => s.persona);
  usePreferences((s) => s.language);
  if (persona) return <Navigate to={`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`} replace />;
  return (
    <Main>
      <Header>
        <Typography variant="h1">{t('app.name')}</Typography>
        <LanguageSwitch />
      </Header>
      <Card>
        <Typography variant="h2" style={{ marginBottom: 8 }}>
          {t('signIn.title')}
        </Typography>
        <Typography color="text.secondary" style={{ marginBottom: 16 }}>
          {config.auth.kind === 'persona' ? t('signIn.personaIntro') : config.auth.kind === 'none' ? t('signIn.noAuthIntro') : ''}
        </Typography>
        {config.auth.kind === 'oidc' ? (
          <Suspense fallback={null}>
            <OidcSignIn />
          </Suspense>
        ) : (
          <PersonaList />
        )}
      </Card>
    </Main>
  );
}
