import { lazy, Suspense, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRuntimeConfig } from '../configContext';
import { usePersonas, useSignInAs } from './useSignIn';
import { useSession, usePreferences } from '../../session/store';
import { WORKSPACE_OF_GROUP, type Persona } from '../../session/personnel';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { createPersonaPicker, pickerStrings, type PersonaPicker } from './personaPicker';

/*
 * The sign-in page as React draws it: after a sign out, for HelseID or a server without sign-in,
 * and when the usability kit is wanted. The first page of a visit with the embedded mock is drawn
 * without React (./firstPage.ts), in the same boxes and with the same persona list. Like it, this
 * page is the only one without MUI: plain elements with the classes that index.html styles (in
 * light and dark mode, for tablets and desktops), the boxes its boot script draws before any
 * JavaScript has run. The spinner is a ring turned by a transform, which the compositor animates.
 */

// The first page stays small: the error alert (MUI, in the app's theme) loads only when there is
// an error to show, and the OpenID Connect sign-in (a button to HelseID) only where config.json
// asks for it.
const OidcSignIn = lazy(() => import('./OidcSignIn').then((m) => ({ default: m.OidcSignIn })));
const SignInError = lazy(() => import('./SignInError').then((m) => ({ default: m.SignInError })));

/** The persona list (./personaPicker.ts, plain DOM: the same list the first page draws without React). */
function PersonaList() {
  const { t } = useTranslation();
  const personas = usePersonas();
  const signIn = useSignInAs();
  const container = useRef<HTMLDivElement>(null);
  const [picker, setPicker] = useState<PersonaPicker>();
  const strings = useMemo(() => pickerStrings(t), [t]);
  const pick = useEffectEvent((persona: Persona) => signIn.mutate(persona));
  const currentStrings = useEffectEvent(() => strings);

  useEffect(() => {
    const host = container.current;
    if (!personas.data || !host) return;
    const created = createPersonaPicker(personas.data, currentStrings(), pick);
    host.replaceChildren(created.element);
    setPicker(created);
    return () => {
      created.element.remove();
      setPicker(undefined);
    };
  }, [personas.data]);
  useEffect(() => picker?.setStrings(strings), [picker, strings]);
  useEffect(() => picker?.setDisabled(signIn.isPending), [picker, signIn.isPending]);

  if (!personas.data && !personas.error) {
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
    <>
      <div ref={container} />
      {picker && signIn.error
        ? createPortal(
            <Suspense fallback={null}>
              <SignInError error={signIn.error} />
            </Suspense>,
            picker.errorSlot,
          )
        : null}
    </>
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
