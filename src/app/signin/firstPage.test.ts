import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { nb } from '../../i18n/nb';
import { en } from '../../i18n/en';
import { parseConfig } from '../config';
import { usePreferences, useSession } from '../../session/store';
import type { Persona } from '../../session/personnel';
import { lookupIn, shellStrings } from './shellStrings';
import { showFirstSignInPage } from './firstPage';

const MOCK = parseConfig({ backend: { kind: 'mock' }, auth: { kind: 'persona' } });

const KARI: Persona = {
  id: 'bergen-gp',
  name: 'Kari Nordmann',
  personnelGroup: 'gp',
  practitionerId: 'p1',
  practitionerRoleId: 'r1',
  organizationId: 'o1',
  unitName: 'Sentrum legekontor',
  unitKind: 'gp-office',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
};
const OLA: Persona = { ...KARI, id: 'oslo-hc', name: 'Ola Hansen', personnelGroup: 'homecare-nurse', unitName: 'Hjemmetjenesten Årstad', municipalityCode: '0301', municipalityName: 'Oslo' };

/** What index.html's boot script has drawn when the first page starts. */
function bootShell(): HTMLElement {
  document.body.innerHTML = `<div id="root"><main class="shell"><div class="shell-head"><h1>Akson Journal</h1></div><div class="shell-paper"><h2>Logg inn</h2><p class="shell-intro">Demo</p><div class="shell-status" role="status"><span class="shell-spinner"></span>Henter brukere …</div></div></main></div>`;
  return document.getElementById('root')!;
}

type Answer = () => Promise<Response>;
const json = (body: unknown, status = 200): Answer => () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
const offline: Answer = () => Promise.reject(new TypeError('Failed to fetch'));

function serve(answers: { personas: Answer[]; token?: Answer[] }) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const path = new URL(String(input)).pathname;
    const queue = path === '/personas' ? answers.personas : answers.token ?? [];
    const next = queue.length > 1 ? queue.shift()! : queue[0];
    return next ? next() : Promise.reject(new Error(`unexpected ${path}`));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(() => {
  window.aksonShellStrings = { nb: shellStrings(lookupIn(nb, 'nb')), en: shellStrings(lookupIn(en, 'en')) };
  window.history.replaceState(null, '', '/sign-in');
  useSession.getState().signOut();
  usePreferences.getState().setLanguage('nb');
  sessionStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.aksonShellStrings;
});

describe('the first page: the sign-in page without React', () => {
  it('lists the personas where the boot script left its spinner, and signs in the one picked', async () => {
    serve({ personas: [json([KARI, OLA])], token: [json({ access_token: 'token-1' })] });
    const onIntent = vi.fn();
    const outcome = showFirstSignInPage(bootShell(), MOCK, onIntent);
    const list = await screen.findByRole('list', { name: 'Brukere du kan logge inn som' });
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Logg inn' })).toBeVisible();
    await userEvent.click(within(list).getByRole('button', { name: /Kari Nordmann/ }));
    await expect(outcome).resolves.toBe('signed-in');
    expect(onIntent).toHaveBeenCalled();
    expect(useSession.getState()).toMatchObject({ persona: KARI, token: 'token-1' });
    expect(window.location.pathname).toBe('/gp-office');
  });

  it('says why a sign-in failed, and lets the user pick again', async () => {
    serve({ personas: [json([KARI, OLA])], token: [offline, json({ access_token: 'token-2' })] });
    const outcome = showFirstSignInPage(bootShell(), MOCK, () => undefined);
    await userEvent.click(await screen.findByRole('button', { name: /Ola Hansen/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ingen forbindelse');
    expect(useSession.getState().persona).toBeNull();
    expect(window.location.pathname).toBe('/sign-in');
    await userEvent.click(screen.getByRole('button', { name: /Ola Hansen/ }));
    await expect(outcome).resolves.toBe('signed-in');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(window.location.pathname).toBe('/home-care');
  });

  it('when the list cannot be fetched, says so and tries again on request', async () => {
    serve({ personas: [json({}, 503), json([KARI])] });
    void showFirstSignInPage(bootShell(), MOCK, () => undefined);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Feil på serveren');
    await userEvent.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByRole('button', { name: /Kari Nordmann/ })).toBeEnabled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switches language at once, keeping the filter text, and remembers the choice', async () => {
    serve({ personas: [json([KARI, OLA])] });
    void showFirstSignInPage(bootShell(), MOCK, () => undefined);
    await userEvent.type(await screen.findByLabelText('Filtrer på navn, rolle eller enhet'), 'Ola');
    await userEvent.click(within(screen.getByRole('group', { name: 'Språk' })).getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByLabelText('Filter by name, role or unit')).toHaveValue('Ola');
    expect(within(screen.getByRole('list', { name: 'Users you can sign in as' })).getAllByRole('button')).toHaveLength(1);
    expect(usePreferences.getState().language).toBe('en');
  });

  it("hands over to React at the usability kit's shortcut, with the kit's panel to open", async () => {
    serve({ personas: [json([KARI])] });
    const outcome = showFirstSignInPage(bootShell(), MOCK, () => undefined);
    await screen.findByRole('button', { name: /Kari Nordmann/ });
    await userEvent.keyboard('{Control>}{Alt>}t{/Alt}{/Control}');
    await expect(outcome).resolves.toBe('react');
    expect(sessionStorage.getItem('akson.usability-kit.reopen')).toBe('1');
  });

  it('leaves HelseID sign-in to React', async () => {
    const fetchMock = serve({ personas: [] });
    const config = parseConfig({
      backend: { kind: 'fhir', baseUrl: 'https://fhir.example/fhir' },
      auth: { kind: 'oidc' },
      oidc: { authority: 'https://helseid-sts.test.nhn.no', clientId: 'akson', scope: 'openid profile', redirectPath: '/auth/callback' },
    });
    await expect(showFirstSignInPage(bootShell(), config, () => undefined)).resolves.toBe('react');
    await waitFor(() => expect(fetchMock).not.toHaveBeenCalled());
  });
});
