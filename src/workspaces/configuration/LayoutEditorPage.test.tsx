import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Basic } from 'fhir/r4';
import { bundleResponse, renderWithProviders } from '../../test/render';
import type { LayoutDocument } from '../../layout/schema';
import { basicToLayout, layoutToBasic } from '../../layout/storage';
import type { Persona } from '../../session/personnel';
import { useSession } from '../../session/store';
import { LayoutEditorPage } from './LayoutEditorPage';

const admin: Persona = {
  id: 'admin-4601',
  name: 'Kari Konfig',
  personnelGroup: 'config-admin',
  practitionerId: 'prac-admin',
  practitionerRoleId: 'role-admin',
  organizationId: 'org-4601-admin-1',
  unitName: 'Etat for helsetjenester',
  unitKind: 'municipal-admin',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
};

interface Call {
  method: string;
  path: string;
  body?: Basic;
  ifMatch?: string;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json' } });
const outcome = (status: number, text: string) =>
  json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: status === 403 ? 'forbidden' : 'conflict', diagnostics: text }] }, status);

/** A small FHIR server for Basic (layout documents); every other search answers with nothing. */
function fakeServer(options: { refuseWrites?: boolean } = {}) {
  const basics = new Map<string, Basic>();
  const calls: Call[] = [];
  let nextId = 1;
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/fhir\//, '');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Basic) : undefined;
    const ifMatch = (init?.headers as Record<string, string> | undefined)?.['If-Match'];
    calls.push({ method, path, body, ifMatch });
    if (method !== 'GET' && options.refuseWrites) return outcome(403, 'Bare kommunens konfigurasjonsansvarlige kan endre gruppens oppsett.');
    if (path === 'Basic' && method === 'GET') return bundleResponse([...basics.values()]);
    if (path === 'Basic' && method === 'POST') {
      const created = { ...body!, id: `layout-${nextId++}`, meta: { versionId: '1' } };
      basics.set(created.id, created);
      return json(created, 201);
    }
    const match = /^Basic\/(.+)$/.exec(path);
    if (match) {
      const existing = basics.get(match[1]!);
      if (!existing) return outcome(404, 'Not found');
      if (method === 'GET') return json(existing);
      if (method === 'DELETE') {
        basics.delete(existing.id!);
        return new Response(null, { status: 204 });
      }
      if (method === 'PUT') {
        if (ifMatch && ifMatch !== `W/"${existing.meta?.versionId}"`) return outcome(412, 'Version conflict');
        const updated = { ...body!, meta: { versionId: String(Number(existing.meta?.versionId ?? '0') + 1) } };
        basics.set(existing.id!, updated);
        return json(updated);
      }
    }
    return bundleResponse([]);
  });
  const store = (doc: LayoutDocument, version = '1') => {
    const basic = { ...layoutToBasic(doc), id: `layout-${nextId++}`, meta: { versionId: version } };
    basics.set(basic.id, basic);
    return basic;
  };
  const writes = () => calls.filter((c) => c.method !== 'GET');
  return { fetchImpl: fetchImpl as unknown as typeof fetch, basics, calls, writes, store };
}

const docOf = (basic: Basic | undefined) => (basic ? basicToLayout(basic).document : null);
const gpHome = { municipality: '4601', group: 'gp', device: 'desktop', page: 'home' } as const;

function renderEditor(server: ReturnType<typeof fakeServer>, network?: { failReads: boolean }) {
  if (!network) return renderWithProviders(<LayoutEditorPage />, { fetchImpl: server.fetchImpl });
  // Reads fail (the server busy, or no coverage) while `failReads` is set.
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (network.failReads && (init?.method ?? 'GET') === 'GET') return json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] }, 503);
    return server.fetchImpl(input, init);
  }) as typeof fetch;
  return renderWithProviders(<LayoutEditorPage />, { fetchImpl });
}

async function waitForCanvas() {
  return screen.findByRole('region', { name: /Forhåndsvisning: Fastlege, Skrivebord, Startside/ });
}

beforeEach(() => {
  useSession.setState({ persona: admin, token: 'token', recentPatientIds: [] });
  // A desktop screen with a mouse, whatever the test DOM reports.
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined }));
});
afterEach(() => {
  useSession.setState({ persona: null, token: null, recentPatientIds: [] });
  vi.unstubAllGlobals();
});

describe('the layout editor', () => {
  it('shows the chosen group’s page with the editing controls, all of them labelled', async () => {
    const server = fakeServer();
    renderEditor(server);
    expect(screen.getByRole('heading', { level: 1, name: 'Arbeidsflater' })).toBeInTheDocument();
    const canvas = await waitForCanvas();
    expect(screen.getByRole('combobox', { name: /Kommune/ })).toHaveTextContent('Bergen (4601)');
    expect(screen.getByRole('combobox', { name: /Personellgruppe/ })).toHaveTextContent('Fastlege');
    expect(screen.getByRole('group', { name: 'Enhet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skrivebord', pressed: true })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Side' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Variant/ })).toHaveTextContent('Hovedoppsett (aktiv)');
    // The product default for a GP's desktop home page.
    for (const title of ['Dagens timer', 'Mine listepasienter', 'Pasienter du har åpnet', 'Min enhet']) {
      expect(within(canvas).getByRole('region', { name: title })).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Angre' })).toBeDisabled();
    expect(screen.getByText('Alt er lagret')).toBeInTheDocument();
  });

  it('removes and moves modules, undoes with Ctrl+Z and redoes with Ctrl+Y, and shows unsaved changes', async () => {
    const user = userEvent.setup();
    renderEditor(fakeServer());
    const canvas = await waitForCanvas();
    await user.click(within(canvas).getByRole('button', { name: 'Fjern Dagens timer' }));
    expect(within(canvas).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument();
    expect(screen.getByText('Ulagrede endringer')).toBeInTheDocument();
    // Focus goes to the module that took the removed one's place, not to the page.
    await waitFor(() => expect(within(canvas).getByRole('region', { name: 'Innboks' })).toHaveFocus());
    (document.activeElement as HTMLElement).blur();
    // With focus nowhere in particular, the shortcut still works.
    await user.keyboard('{Control>}z{/Control}');
    expect(within(canvas).getByRole('region', { name: 'Dagens timer' })).toBeInTheDocument();
    expect(screen.getByText('Alt er lagret')).toBeInTheDocument();
    await user.keyboard('{Control>}y{/Control}');
    expect(within(canvas).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Angre' }));
    // Nothing more to undo: focus moves to redo rather than falling to the page.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Gjør om' })).toHaveFocus());
    await user.click(within(canvas).getByRole('button', { name: 'Flytt Min enhet tidligere' }));
    const titles = within(canvas)
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent);
    expect(titles.indexOf('Min enhet')).toBeLessThan(titles.indexOf('Pasienter du har åpnet'));
    // A new change after undo: nothing left to redo.
    expect(screen.getByRole('button', { name: 'Gjør om' })).toBeDisabled();
  });

  it('saves the whole page as the group’s layout document', async () => {
    const user = userEvent.setup();
    const server = fakeServer();
    renderEditor(server);
    const canvas = await waitForCanvas();
    await user.click(within(canvas).getByRole('button', { name: 'Fjern Mine listepasienter' }));
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText(/Oppsettet er lagret/)).toBeInTheDocument();
    expect(screen.getByText('Alt er lagret')).toBeInTheDocument();
    const [write] = server.writes();
    expect(write).toMatchObject({ method: 'POST', path: 'Basic' });
    expect(docOf(write!.body)).toEqual({
      schemaVersion: 1,
      scope: gpHome,
      active: true,
      items: [
        { module: 'todays-appointments', w: 7, h: 5 },
        { module: 'inbox', w: 6, h: 6 },
        { module: 'results-to-review', w: 5, h: 5 },
        { module: 'recent-patients', w: 4, h: 4 },
        { module: 'my-unit', w: 4, h: 3 },
      ],
    });
    // A second save updates the same resource, on the version the first save returned.
    await user.click(within(canvas).getByRole('button', { name: 'Gjør Min enhet bredere' }));
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(server.writes()).toHaveLength(2));
    expect(server.writes()[1]).toMatchObject({ method: 'PUT', path: 'Basic/layout-1', ifMatch: 'W/"1"' });
  });

  it('shows the server’s refusal in words, and keeps the unsaved layout', async () => {
    const user = userEvent.setup();
    renderEditor(fakeServer({ refuseWrites: true }));
    const canvas = await waitForCanvas();
    await user.click(within(canvas).getByRole('button', { name: 'Fjern Dagens timer' }));
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Oppsettet ble ikke lagret')).toBeInTheDocument();
    expect(screen.getByText('Du har ikke tilgang til dette.')).toBeInTheDocument();
    expect(screen.getByText(/Bare kommunens konfigurasjonsansvarlige/)).toBeInTheDocument();
    expect(screen.getByText('Ulagrede endringer')).toBeInTheDocument();
    expect(within(canvas).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument();
  });

  it('keeps the layout being edited, unsaved changes and all, when a refresh of the stored layouts fails, and says so', async () => {
    const user = userEvent.setup();
    const network = { failReads: false };
    const { queryClient } = renderEditor(fakeServer(), network);
    const canvas = await waitForCanvas();
    await user.click(within(canvas).getByRole('button', { name: 'Fjern Dagens timer' }));
    expect(screen.getByText('Ulagrede endringer')).toBeInTheDocument();

    network.failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    const title = await screen.findByText('Lagrede oppsett kunne ikke hentes');
    const shown = screen.getByRole('region', { name: /Forhåndsvisning: Fastlege, Skrivebord, Startside/ });
    expect(within(shown).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument();
    expect(within(shown).getByRole('region', { name: 'Min enhet' })).toBeInTheDocument();
    expect(screen.getByText('Ulagrede endringer')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lagre' })).toBeEnabled();

    // Back in coverage: trying again clears the error, and the unsaved change is still there.
    network.failReads = false;
    await user.click(within(title.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Prøv igjen' }));
    await waitFor(() => expect(screen.queryByText('Lagrede oppsett kunne ikke hentes')).not.toBeInTheDocument());
    expect(within(await waitForCanvas()).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument();
    expect(screen.getByText('Ulagrede endringer')).toBeInTheDocument();
  });

  it('shows only the error when the stored layouts cannot be fetched at all, never a layout to edit', async () => {
    renderEditor(fakeServer(), { failReads: true });
    expect(await screen.findByText('Lagrede oppsett kunne ikke hentes', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Forhåndsvisning/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Laster …' })).not.toBeInTheDocument();
    expect(screen.queryByText('Alt er lagret')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lagre' })).not.toBeInTheDocument();
  });

  it('refuses a broken file with a clear message and keeps the layout; loads a good one, skipping what the group may not use', async () => {
    const user = userEvent.setup();
    renderEditor(fakeServer());
    const canvas = await waitForCanvas();
    const input = screen.getByLabelText('Importer layout (JSON)');
    await user.upload(input, new File(['{ "schemaVersion": 1, "items": ['], 'broken.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Filen ble ikke importert: innholdet er ikke gyldig JSON.');
    expect(alert).toHaveTextContent('Oppsettet du arbeider med er uendret.');
    expect(within(canvas).getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['Dagens timer', 'Mine listepasienter', 'Pasienter du har åpnet', 'Min enhet']),
    );
    expect(screen.getByText('Alt er lagret')).toBeInTheDocument();

    const good = {
      schemaVersion: 1,
      scope: { municipality: '4601', group: 'homecare-nurse', device: 'desktop', page: 'home' },
      items: [
        { module: 'unit-patients', w: 8, h: 5 },
        { module: 'my-unit', w: 4, h: 3 },
      ],
    };
    await user.upload(input, new File([JSON.stringify(good)], 'hjemmetjenesten.json', { type: 'application/json' }));
    expect(await screen.findByText(/Oppsettet fra «hjemmetjenesten.json» er lastet inn/)).toBeInTheDocument();
    expect(screen.getByText('Modulen «Pasienter i enheten» er ikke tillatt for denne personellgruppen.')).toBeInTheDocument();
    expect(screen.getByText(/Filen var laget for Sykepleier, hjemmetjenesten/)).toBeInTheDocument();
    await waitFor(() => expect(within(canvas).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument());
    expect(within(canvas).getByRole('region', { name: 'Min enhet' })).toBeInTheDocument();
    // Importing is one undoable step.
    await user.click(screen.getByRole('button', { name: 'Angre' }));
    expect(within(canvas).getByRole('region', { name: 'Dagens timer' })).toBeInTheDocument();
  });

  it('on a conflict shows both versions, and overwrites only after confirmation', async () => {
    const user = userEvent.setup();
    const server = fakeServer();
    const stored = server.store({ schemaVersion: 1, scope: gpHome, active: true, items: [{ module: 'my-unit', w: 12, h: 2 }, { module: 'recent-patients', w: 12, h: 3 }] });
    renderEditor(server);
    const canvas = await waitForCanvas();
    expect(within(canvas).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument();
    // Someone else saves in between.
    server.basics.set(stored.id, { ...layoutToBasic({ schemaVersion: 1, scope: gpHome, active: true, items: [{ module: 'listed-patients', w: 12, h: 4 }] }, stored), meta: { versionId: '2' } });
    await user.click(within(canvas).getByRole('button', { name: 'Fjern Min enhet' }));
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    const panel = await screen.findByText('Noen andre har lagret dette oppsettet mens du arbeidet');
    const alert = panel.closest('[role="alert"]') as HTMLElement;
    await within(alert).findByText('Mine listepasienter (12×4)');
    expect(within(alert).getByText('Pasienter du har åpnet (12×3)')).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Overskriv med min versjon' }));
    const dialog = await screen.findByRole('dialog', { name: 'Overskrive den andres versjon?' });
    await user.click(within(dialog).getByRole('button', { name: 'Overskriv' }));
    expect(await screen.findByText(/Oppsettet er lagret/)).toBeInTheDocument();
    const last = server.writes().at(-1)!;
    expect(last).toMatchObject({ method: 'PUT', ifMatch: 'W/"2"' });
    expect(docOf(last.body)?.items).toEqual([{ module: 'recent-patients', w: 12, h: 3 }]);
  });

  it('reverts to the default after confirmation, deleting the stored layout', async () => {
    const user = userEvent.setup();
    const server = fakeServer();
    const stored = server.store({ schemaVersion: 1, scope: gpHome, items: [{ module: 'my-unit', w: 12, h: 2 }] });
    renderEditor(server);
    const canvas = await waitForCanvas();
    expect(within(canvas).queryByRole('region', { name: 'Dagens timer' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tilbakestill til standard' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tilbakestille til standardoppsettet?' });
    await user.click(within(dialog).getByRole('button', { name: 'Tilbakestill' }));
    expect(await screen.findByText(/Standardoppsettet er lastet inn, og det lagrede oppsettet er slettet/)).toBeInTheDocument();
    expect(server.writes()).toEqual([expect.objectContaining({ method: 'DELETE', path: `Basic/${stored.id}` })]);
    expect(await within(canvas).findByRole('region', { name: 'Dagens timer' })).toBeInTheDocument();
  });

  it('creates a named variant, saves it, and makes it the active one', async () => {
    const user = userEvent.setup();
    const server = fakeServer();
    const main = server.store({ schemaVersion: 1, scope: gpHome, active: true, items: [{ module: 'my-unit', w: 12, h: 2 }] });
    renderEditor(server);
    await waitForCanvas();
    await user.click(screen.getByRole('button', { name: 'Ny variant' }));
    await user.type(screen.getByRole('textbox', { name: 'Navn på ny variant' }), 'B{Enter}');
    expect(screen.getByRole('combobox', { name: /Variant/ })).toHaveTextContent('B (ikke lagret)');
    // A variant must be saved before it can be made active.
    expect(screen.getByRole('button', { name: 'Gjør aktiv' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText(/Varianten er lagret. Den er ikke aktiv/)).toBeInTheDocument();
    expect(docOf(server.writes()[0]!.body)).toMatchObject({ variant: 'B', active: false, items: [{ module: 'my-unit', w: 12, h: 2 }] });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Gjør aktiv' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Gjør aktiv' }));
    expect(await screen.findByText('«B» er nå aktiv for gruppen.')).toBeInTheDocument();
    // The previously active main layout is unmarked first, then B is marked.
    const [, unmark, mark] = server.writes();
    expect(unmark).toMatchObject({ method: 'PUT', path: `Basic/${main.id}` });
    expect(docOf(unmark!.body)).toMatchObject({ active: false });
    expect(docOf(mark!.body)).toMatchObject({ variant: 'B', active: true });
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Variant/ })).toHaveTextContent('B (aktiv)'));
  });

  it('asks before switching group with unsaved changes', async () => {
    const user = userEvent.setup();
    renderEditor(fakeServer());
    const canvas = await waitForCanvas();
    await user.click(within(canvas).getByRole('button', { name: 'Fjern Dagens timer' }));
    await user.click(screen.getByRole('combobox', { name: /Personellgruppe/ }));
    await user.click(await screen.findByRole('option', { name: 'Sykepleier, hjemmetjenesten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Forkaste endringene?' });
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(await screen.findByRole('combobox', { name: /Personellgruppe/ })).toHaveTextContent('Fastlege');
    expect(screen.getByText('Ulagrede endringer')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: /Personellgruppe/ }));
    await user.click(await screen.findByRole('option', { name: 'Sykepleier, hjemmetjenesten' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Forkast og bytt' }));
    const homecare = await screen.findByRole('region', { name: /Forhåndsvisning: Sykepleier, hjemmetjenesten/ });
    expect(within(homecare).getByRole('region', { name: 'Pasienter i enheten' })).toBeInTheDocument();
    expect(screen.getByText('Alt er lagret')).toBeInTheDocument();
  });

  it('previews the patient page with real data for a sample patient, the first one by default', async () => {
    const user = userEvent.setup();
    const server = fakeServer();
    const fetchImpl = server.fetchImpl;
    const patient = { resourceType: 'Patient', id: 'pat-7', name: [{ family: 'Nordmann', given: ['Ola'] }], birthDate: '1950-03-01' };
    const withPatient = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/Patient') && url.searchParams.get('_count') === '1') return bundleResponse([patient]);
      return fetchImpl(input, init);
    }) as typeof fetch;
    renderWithProviders(<LayoutEditorPage />, { fetchImpl: withPatient });
    await waitForCanvas();
    await user.click(screen.getByRole('button', { name: 'Pasientside' }));
    const canvas = await screen.findByRole('region', { name: /Forhåndsvisning: Fastlege, Skrivebord, Pasientside/ });
    expect(within(canvas).getByRole('region', { name: 'Kritisk informasjon' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Eksempelpasient' })).toHaveValue('Nordmann, Ola (01.03.1950)'));
    await waitFor(() => expect(server.calls.some((c) => c.path.startsWith('AllergyIntolerance'))).toBe(true));
  });
});
