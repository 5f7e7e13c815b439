import { personaAuthUrl, type AppConfig } from '../config';
import { fetchPersonas, requestPersonaToken } from '../../fhir/personaAuth';
import { isFhirError } from '../../fhir/errors';
import { usePreferences, useSession, type Language } from '../../session/store';
import { WORKSPACE_OF_GROUP, type Persona } from '../../session/personnel';
import { isKitShortcut, kitWantedAtOnce, KIT_REOPEN_KEY } from '../kitFlags';
import { createPersonaPicker, toggleGroup, type PersonaPicker } from './personaPicker';
import type { ShellStrings } from './shellStrings';
import { LANGUAGES } from '../../i18n/languages';

/*
 * The sign-in page as the first page of a visit, drawn without React: the persona list is the
 * whole page, and React, the router and the rest (their evaluation and first render were most of
 * the first page's main-thread time, hundreds of milliseconds on a slow tablet) are needed only
 * once someone has been picked. They start loading at the first sign of use (a pointer moving, a
 * touch, a key, focus: `onIntent`), so that by the click they are mostly ready.
 *
 * It takes over what index.html's boot script drew (heading and introduction) and adds the
 * language switch and the persona list (./personaPicker.ts, the same list React's sign-in page
 * draws after a sign out). Its words come from src/i18n, put into index.html at build time
 * (vite.config.ts). It is used with the embedded mock's personas only; for HelseID, a server
 * without sign-in, or when the usability kit is wanted, React draws the sign-in page as before.
 */

declare global {
  interface Window {
    /** The sign-in page's words in each language, from index.html's boot script. */
    aksonShellStrings?: Record<Language, ShellStrings>;
  }
}

export type FirstPageOutcome =
  /** Signed in: the session is stored and the address is the workspace's. */
  | 'signed-in'
  /** React is to draw the sign-in page (the usability kit was asked for). */
  | 'react';

const INTENT_EVENTS = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'focusin'] as const;

/**
 * The app's modules (index.html's template app-preloads) download while the page waits for a
 * choice, one preload at a time when the browser is idle: on a slow network they are there by the
 * click. They are evaluated only once the page is used (`onIntent`).
 */
function preloadApp(): void {
  const template = document.getElementById('app-preloads');
  if (!(template instanceof HTMLTemplateElement)) return;
  const links = [...template.content.children];
  const idle = (next: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(next) : window.setTimeout(next, 50));
  const add = () => {
    const link = links.shift();
    if (!link) return;
    document.head.append(document.importNode(link, true));
    idle(add);
  };
  idle(add);
}

/** Whether this start may show the first page without React (config.json is checked later, by `showFirstSignInPage`). */
export function firstPageWanted(): boolean {
  return window.location.pathname === '/sign-in' && !useSession.getState().persona && !!window.aksonShellStrings && !kitWantedAtOnce();
}

/** Shows the sign-in page without React; resolves when someone has signed in or React must take over. */
export function showFirstSignInPage(root: HTMLElement, config: AppConfig, onIntent: () => void): Promise<FirstPageOutcome> {
  const all = window.aksonShellStrings;
  const shell = root.querySelector<HTMLElement>('main.shell');
  const head = shell?.querySelector<HTMLElement>('.shell-head');
  const paper = shell?.querySelector<HTMLElement>('.shell-paper');
  const h1 = head?.querySelector('h1');
  const h2 = paper?.querySelector('h2');
  if (!all || !head || !paper || !h1 || !h2 || config.backend.kind !== 'mock' || config.auth.kind !== 'persona') return Promise.resolve('react');
  const authUrl = personaAuthUrl(config, window.location.origin);

  return new Promise((resolve) => {
    let language = usePreferences.getState().language;
    const words = () => all[language];

    const intro = paper.querySelector('.shell-intro') ?? paper.appendChild(Object.assign(document.createElement('p'), { className: 'shell-intro' }));
    let status = paper.querySelector<HTMLElement>('.shell-status');
    if (!status) {
      status = document.createElement('div');
      status.className = 'shell-status';
      status.setAttribute('role', 'status');
      status.append(Object.assign(document.createElement('span'), { className: 'shell-spinner' }), document.createTextNode(''));
      paper.append(status);
    }
    const loading = status;
    let picker: PersonaPicker | undefined;
    let alert: { element: HTMLElement; error: unknown; retry?: () => void } | undefined;

    const languageSwitch = toggleGroup(words().language, LANGUAGES, language, (value) => {
      language = value;
      usePreferences.getState().setLanguage(value);
      relabel();
    });
    head.append(languageSwitch.element);

    function drawAlert() {
      if (!alert) return;
      const kind = isFhirError(alert.error) && alert.error.kind in words().errors ? (alert.error.kind as keyof ShellStrings['errors']) : 'unknown';
      const text = words().errors[kind];
      const title = Object.assign(document.createElement('p'), { className: 'signin-alert-title', textContent: text.title });
      const body = Object.assign(document.createElement('p'), { textContent: text.body });
      alert.element.replaceChildren(title, body);
      if (alert.retry) {
        const button = Object.assign(document.createElement('button'), { type: 'button', textContent: words().retry });
        button.addEventListener('click', alert.retry);
        alert.element.append(button);
      }
    }

    function showAlert(slot: HTMLElement, error: unknown, retry?: () => void) {
      const element = document.createElement('div');
      element.className = 'signin-alert';
      element.setAttribute('role', 'alert');
      alert = { element, error, retry };
      drawAlert();
      slot.replaceChildren(element);
    }

    function relabel() {
      document.documentElement.lang = language;
      h1!.textContent = words().name;
      h2!.textContent = words().title;
      intro.textContent = words().persona;
      loading.lastChild!.textContent = words().loading;
      languageSwitch.setLabels(words().language, []);
      picker?.setStrings(words().picker);
      drawAlert();
    }
    relabel();

    let done = false;
    const intent = () => onIntent();
    const onKey = (event: KeyboardEvent) => {
      if (!isKitShortcut(event)) return;
      event.preventDefault();
      sessionStorage.setItem(KIT_REOPEN_KEY, '1');
      finish('react');
    };
    for (const type of INTENT_EVENTS) window.addEventListener(type, intent, { capture: true, passive: true });
    window.addEventListener('keydown', onKey, true);

    function finish(outcome: FirstPageOutcome) {
      if (done) return;
      done = true;
      for (const type of INTENT_EVENTS) window.removeEventListener(type, intent, { capture: true });
      window.removeEventListener('keydown', onKey, true);
      resolve(outcome);
    }

    async function pick(persona: Persona) {
      if (!picker || done) return;
      onIntent();
      picker.setDisabled(true);
      picker.errorSlot.replaceChildren();
      alert = undefined;
      let token: string;
      try {
        token = await requestPersonaToken(authUrl, persona.id);
      } catch (error) {
        picker.setDisabled(false);
        showAlert(picker.errorSlot, error);
        return;
      }
      useSession.getState().signIn(persona, token);
      window.history.replaceState(null, '', `/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`);
      finish('signed-in');
    }

    async function load(slot: HTMLElement) {
      let personas: Persona[];
      try {
        personas = await fetchPersonas(authUrl);
      } catch (error) {
        const place = document.createElement('div');
        slot.replaceWith(place);
        showAlert(place, error, () => {
          alert = undefined;
          place.replaceWith(loading);
          void load(loading);
        });
        return;
      }
      alert = undefined;
      picker = createPersonaPicker(personas, words().picker, (persona) => void pick(persona));
      slot.replaceWith(picker.element);
      preloadApp();
    }
    void load(loading);
  });
}
