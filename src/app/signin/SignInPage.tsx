import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRuntimeConfig } from '../configContext';
import { usePersonas, useSignInAs } from './useSignIn';
import { useSession, usePreferences } from '../../session/store';
import { WORKSPACE_OF_GROUP, type Persona } from '../../session/personnel';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { ToggleGroup } from '../../ui/ToggleGroup';

/*
 * The first page, and the only one without MUI: plain elements with the classes that index.html
 * styles (in light and dark mode, for tablets and desktops), the same boxes its boot script draws
 * before any JavaScript has run. Neither MUI nor emotion is needed to show it: on a slow tablet
 * their start-up and styling took most of the first page's main-thread time. The list is plain
 * buttons, and the spinner a ring turned by a transform, which the compositor animates.
 */

// The first page stays small: the error alert (MUI, in the app's theme) loads only when there is
// an error to show, and the OpenID Connect sign-in (a button to HelseID) only where config.json
// asks for it.
const OidcSignIn = lazy(() => import('./OidcSignIn').then((m) => ({ default: m.OidcSignIn })));
const SignInError = lazy(() => import('./SignInError').then((m) => ({ default: m.SignInError })));

function FilterField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="signin-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

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
      <div className="shell-status" role="status">
        <span className="shell-spinner" aria-hidden />
        {t('signIn.loadingPersonas')}
      </div>
    );
  }
  if (personas.error) {
    return (
      <Suspense fallback={null}>
        <SignInError error={personas.error} onRetry={() => void personas.refetch()} />
      </Suspense>
    );
  }

  return (
    <div className="signin-stack">
      <div className="signin-toolbar">
        <FilterField label={t('signIn.filter')} value={text} onChange={setText} />
        {municipalities.length > 1 && (
          <ToggleGroup
            label={t('signIn.municipality')}
            value={municipality}
            options={[{ value: 'all', label: t('signIn.allMunicipalities') }, ...municipalities.map(([code, name]) => ({ value: code, label: name }))]}
            onChange={setMunicipality}
          />
        )}
      </div>
      {signIn.error ? (
        <Suspense fallback={null}>
          <SignInError error={signIn.error} />
        </Suspense>
      ) : null}
      <ul className="signin-personas" aria-label={t('signIn.personas')}>
        {shown.map((persona) => (
          <li key={persona.id}>
            <button type="button" onClick={() => signIn.mutate(persona)} disabled={signIn.isPending}>
              <span className="name">{persona.name}</span>
              <span className="detail">{`${t(`group.${persona.personnelGroup}`)} · ${persona.unitName} · ${persona.municipalityName}`}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p>{t('signIn.noMatch')}</p>}
    </div>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const { config } = useRuntimeConfig();
  const persona = useSession((s) => s.persona);
  usePreferences((s) => s.language);
  if (persona) return <Navigate to={`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`} replace />;
  return (
    <main className="shell">
      <div className="shell-head">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </div>
      <div className="shell-paper">
        <h2>{t('signIn.title')}</h2>
        <p className="shell-intro">{config.auth.kind === 'persona' ? t('signIn.personaIntro') : config.auth.kind === 'none' ? t('signIn.noAuthIntro') : ''}</p>
        {config.auth.kind === 'oidc' ? (
          <Suspense fallback={null}>
            <OidcSignIn />
          </Suspense>
        ) : (
          <PersonaList />
        )}
      </div>
    </main>
  );
}
