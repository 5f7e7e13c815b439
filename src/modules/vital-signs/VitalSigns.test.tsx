import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, Observation } from 'fhir/r4';
import i18n from 'i18next';
import { renderWithProviders } from '../../test/render';
import { mockBackendSession, type MockSession } from '../../../mocks/testing';
import { useSession } from '../../session/store';
import { vitalsNb } from './i18n';
import VitalSigns from './VitalSigns';

let session: MockSession;

beforeAll(async () => {
  i18n.addResourceBundle('nb', 'translation', { vitals: vitalsNb }, true, true);
  // Generating the small scenario takes a few seconds; every test shares it (each uses its own patient).
  session = await mockBackendSession('homecare-nurse');
  await session.backend.ready();
}, 60_000);

/** The real mock backend (small scenario), signed in as a home care nurse. */
async function setup(patientId: string, options: { failPosts?: boolean; device?: 'tablet' | 'desktop'; network?: { failReads: boolean } } = {}) {
  useSession.setState({ persona: session.persona, token: session.token });
  const posts: Bundle[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    // Every read fails (503) while `failReads` is set: a tablet that has lost its coverage.
    if ((init?.method ?? 'GET') === 'GET' && options.network?.failReads) {
      return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] }), {
        status: 503,
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }
    if (init?.method === 'POST') {
      posts.push(JSON.parse(String(init.body)) as Bundle);
      if (options.failPosts) {
        return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'Database unavailable' }] }), {
          status: 500,
          headers: { 'Content-Type': 'application/fhir+json' },
        });
      }
    }
    return session.fetchImpl(input, init);
  }) as unknown as typeof fetch;
  const user = userEvent.setup({ delay: null });
  const view = renderWithProviders(<VitalSigns patientId={patientId} config={{}} workspaceId="home-care" device={options.device ?? 'desktop'} />, { fetchImpl, token: session.token });
  // Wait for the history to load (the button is there at once, the list after the search; a failing
  // read is retried twice first).
  await waitFor(() => expect(screen.queryByRole('status', { name: 'Laster …' })).not.toBeInTheDocument(), { timeout: 10_000 });
  const search = async (query: string) => {
    const response = await session.fetchImpl(`http://test/fhir/${query}`, { headers: { Authorization: `Bearer ${session.token}` } });
    return (await response.json()) as Bundle<Observation>;
  };
  return { user, posts, fetchImpl, search, ...view };
}

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /Registrer vitale parametere|Fortsett registreringen/ }));
  return screen.findByRole('dialog', { name: 'Registrer vitale parametere' });
}

function input(dialog: HTMLElement, label: RegExp) {
  return within(dialog).getByRole('textbox', { name: label });
}

/** Puts a value in a field the way a tablet's number pad or a paste does: one input event. */
async function enter(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

/** RR 24, SpO2 94 on air (scale 1), BP 105/70, pulse 115, Alert, temperature 38,5. */
async function fillFullSet(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, pulse = '115') {
  await enter(user, input(dialog, /^Respirasjonsfrekvens/), '24');
  await enter(user, input(dialog, /^SpO2/), '94');
  await user.click(within(dialog).getByRole('radio', { name: 'Luft' }));
  await enter(user, input(dialog, /^Systolisk/), '105');
  await enter(user, input(dialog, /^Diastolisk/), '70');
  await enter(user, input(dialog, /^Puls/), pulse);
  await user.click(within(dialog).getByRole('radio', { name: 'A – våken' }));
  await enter(user, input(dialog, /^Temperatur/), '38,5');
}

// Generous timeouts: these tests drive a whole form against the real mock backend, and CI machines are shared.
describe('recording vital signs', { timeout: 60_000 }, () => {
  it('shows NEWS2 and its band as the values are typed, incomplete until all seven are there', async () => {
    const { user } = await setup('pat-00010');
    const dialog = await openForm(user);
    const live = within(dialog).getAllByRole('status')[0]!;
    expect(live).toHaveTextContent('Fyll inn målingene');

    await user.type(input(dialog, /^Respirasjonsfrekvens/), '24');
    expect(live).toHaveTextContent('NEWS2 hittil 2 – ufullstendig');
    expect(live).toHaveTextContent(/Mangler: .*Bevissthet \(ACVPU\)/);

    await user.type(input(dialog, /^SpO2/), '94');
    await user.click(within(dialog).getByRole('radio', { name: 'Luft' }));
    await user.type(input(dialog, /^Systolisk/), '105');
    await user.type(input(dialog, /^Puls/), '115');
    await user.click(within(dialog).getByRole('radio', { name: 'A – våken' }));
    expect(live).toHaveTextContent('NEWS2 hittil 6 – ufullstendig');
    await user.type(input(dialog, /^Temperatur/), '38,5');
    // 2 (RR 24) + 1 (SpO2 94, scale 1) + 0 (air) + 1 (systolic 105) + 2 (pulse 115) + 0 (A) + 1 (38.5 °C) = 7
    expect(live).toHaveTextContent('NEWS2 7 – høy risiko: akutt');
    const scores = within(dialog).getByRole('list', { name: 'Poeng per parameter' });
    expect(within(scores).getByText('RF: 2')).toBeInTheDocument();
    expect(within(scores).getByText('Puls: 2')).toBeInTheDocument();
    expect(within(scores).getByText('Temp.: 1')).toBeInTheDocument();

    // Consciousness "V" scores 3 on its own.
    await user.click(within(dialog).getByRole('radio', { name: 'V – reagerer på tiltale' }));
    expect(live).toHaveTextContent('NEWS2 10 – høy risiko: akutt');
    expect(live).toHaveTextContent('Én parameter gir 3 poeng: Bevissthet (ACVPU)');
  });

  it('blocks an impossible value with its message under the field, and keeps everything typed', async () => {
    const { user, posts } = await setup('pat-00011');
    const dialog = await openForm(user);
    await fillFullSet(user, dialog, '400');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const pulse = input(dialog, /^Puls/);
    expect(pulse).toHaveAttribute('aria-invalid', 'true');
    expect(pulse).toHaveAccessibleDescription('En puls på 400 /min er ikke mulig (mulig: 0–300). Sjekk målingen.');
    expect(pulse).toHaveFocus();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kan ikke lagre ennå: ett felt må rettes.');
    expect(posts).toHaveLength(0);
    // Nothing typed is lost.
    expect(pulse).toHaveValue('400');
    expect(input(dialog, /^Temperatur/)).toHaveValue('38,5');
    expect(input(dialog, /^Respirasjonsfrekvens/)).toHaveValue('24');
    expect(within(dialog).getByRole('radio', { name: 'Luft' })).toBeChecked();
    // The impossible pulse does not count in NEWS2.
    expect(within(dialog).getAllByRole('status')[0]).toHaveTextContent('ufullstendig');

    // Closing and reopening keeps the draft too.
    await user.click(within(dialog).getByRole('button', { name: 'Lukk' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Du har en påbegynt registrering som ikke er lagret.')).toBeInTheDocument();
    const again = await openForm(user);
    expect(input(again, /^Puls/)).toHaveValue('400');
    expect(input(again, /^Puls/)).toHaveAccessibleDescription(/ikke mulig/);
  });

  it('tells when the diastolic is not below the systolic', async () => {
    const { user } = await setup('pat-00012');
    const dialog = await openForm(user);
    await user.type(input(dialog, /^Systolisk/), '120');
    await user.type(input(dialog, /^Diastolisk/), '130');
    await user.tab();
    expect(input(dialog, /^Diastolisk/)).toHaveAccessibleDescription('Diastolisk blodtrykk må være lavere enn systolisk. Sjekk om verdiene er byttet om.');
    expect(input(dialog, /^Diastolisk/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('warns about an unusual value, and saves it when the user confirms', async () => {
    const { user, posts } = await setup('pat-00013');
    const dialog = await openForm(user);
    await user.type(input(dialog, /^Puls/), '150');
    await user.tab();
    expect(input(dialog, /^Puls/)).toHaveAccessibleDescription(/Uvanlig puls \(150 \/min; vanlig 40–140\)/);
    expect(input(dialog, /^Puls/)).not.toHaveAttribute('aria-invalid', 'true');

    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kontroller: Puls.');
    expect(posts).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Lagre likevel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts).toHaveLength(1);
    expect(screen.getByText('Vitale parametere er lagret.')).toBeInTheDocument();
    const latest = screen.getByRole('region', { name: 'Siste måling' });
    expect(within(latest).getByText('150 /min')).toBeInTheDocument();
  });

  it('saves a full set as FHIR Observations in the journal and shows it with who recorded it', async () => {
    const { user, search } = await setup('pat-00004', { device: 'tablet' });
    // The patient has older measurements from the seed.
    expect(screen.getByRole('region', { name: 'Siste måling' })).toBeInTheDocument();
    const before = (await search('Observation?patient=pat-00004&_count=0')).total ?? 0;

    const dialog = await openForm(user);
    await fillFullSet(user, dialog);
    await enter(user, input(dialog, /^Vekt/), '72,4');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // Eight new Observations: seven parameters (BP as one panel) + weight + NEWS2 total.
    expect((await search('Observation?patient=pat-00004&_count=0')).total).toBe(before + 8);
    const mine = await search(`Observation?patient=pat-00004&performer=PractitionerRole/${session.persona.practitionerRoleId}&_sort=-date&_count=20`);
    const saved = (mine.entry ?? []).map((e) => e.resource!).filter((o) => o.effectiveDateTime === mine.entry?.[0]?.resource?.effectiveDateTime);
    const byCode = new Map(saved.map((o) => [o.code.coding?.[0]?.code, o]));
    expect([...byCode.keys()].sort()).toEqual(['1104051000000101', '1104441000000107', '29563-7', '2708-6', '8310-5', '85354-9', '8867-4', '9279-1'].sort());
    expect(byCode.get('8867-4')?.valueQuantity).toEqual({ value: 115, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' });
    expect(byCode.get('8310-5')?.valueQuantity).toMatchObject({ value: 38.5, code: 'Cel' });
    expect(byCode.get('29563-7')?.valueQuantity).toMatchObject({ value: 72.4, code: 'kg' });
    expect(byCode.get('9279-1')?.valueQuantity).toMatchObject({ value: 24, code: '/min' });
    expect(byCode.get('2708-6')?.valueQuantity).toMatchObject({ value: 94, code: '%' });
    expect(byCode.get('85354-9')?.component?.map((c) => c.valueQuantity?.value)).toEqual([105, 70]);
    expect(byCode.get('1104441000000107')?.valueCodeableConcept?.coding?.[0]?.code).toBe('248234008');
    const total = byCode.get('1104051000000101')!;
    expect(total.valueInteger).toBe(7);
    // derivedFrom: the temporary urn:uuid references were rewritten to the saved Observations.
    const derived = total.derivedFrom?.map((r) => r.reference) ?? [];
    expect(derived).toHaveLength(6);
    for (const ref of derived) expect(saved.map((o) => `Observation/${o.id}`)).toContain(ref);
    for (const o of saved) {
      expect(o.status).toBe('final');
      expect(o.subject?.reference).toBe('Patient/pat-00004');
      expect(o.performer).toEqual([
        { reference: `PractitionerRole/${session.persona.practitionerRoleId}`, display: `${session.persona.name} (Sykepleier, hjemmetjenesten)` },
        { reference: `Organization/${session.persona.organizationId}`, display: session.persona.unitName },
      ]);
    }

    // The module shows the new set on top, with NEWS2 and who recorded it where.
    const latest = await screen.findByRole('region', { name: 'Siste måling' });
    await waitFor(() => expect(within(latest).getByText('38,5 °C')).toBeInTheDocument());
    expect(within(latest).getByText('NEWS2 7 – høy risiko: akutt')).toBeInTheDocument();
    expect(within(latest).getByText('105/70 mmHg')).toBeInTheDocument();
    expect(latest).toHaveTextContent(`Registrert av ${session.persona.name} (Sykepleier, hjemmetjenesten) · ${session.persona.unitName}`);
    await waitFor(() => expect(latest).toHaveTextContent(`Hjemmetjenestesone · ${session.persona.municipalityName}`));
    // …and in the history (a card per set on a tablet), together with the seed's earlier measurements.
    const history = screen.getByRole('list', { name: 'Målinger' });
    const items = within(history).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(1);
    expect(items[0]).toHaveTextContent(`${session.persona.name} (Sykepleier, hjemmetjenesten)`);
    expect(items[0]).toHaveTextContent('7 – høy');
    expect(items[0]).toHaveTextContent('Puls 115 /min');
    await waitFor(() => expect(items[1]).toHaveTextContent('Helen Tesfaye (Fastlege) · Kvaløysletta legekontor · Legekontor · Tromsø'));
  });

  it('keeps the form and every value when saving fails, and says so', async () => {
    const { user, posts } = await setup('pat-00014', { failPosts: true });
    const dialog = await openForm(user);
    await fillFullSet(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(dialog).findByText('Feil på serveren')).toBeInTheDocument();
    expect(within(dialog).getByText(/Database unavailable/)).toBeInTheDocument();
    expect(within(dialog).getByText('Lagringen mislyktes. Ingenting ble lagret, og alt du fylte inn er beholdt.')).toBeInTheDocument();
    expect(posts).toHaveLength(1);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(input(dialog, /^Puls/)).toHaveValue('115');
    expect(input(dialog, /^Temperatur/)).toHaveValue('38,5');
    expect(within(dialog).getByRole('radio', { name: 'A – våken' })).toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Lagre' })).toBeEnabled();
  });
});

describe('the trend and the history', { timeout: 60_000 }, () => {
  it('shows a parameter over a chosen period, with a summary and a table for screen readers', async () => {
    const { user } = await setup('pat-00004');
    const trend = screen.getByRole('region', { name: 'Trend' });
    await user.selectOptions(within(trend).getByRole('combobox', { name: 'Parameter' }), 'Puls');
    await user.click(within(trend).getByRole('button', { name: 'Alle' }));
    expect(within(trend).getByRole('button', { name: 'Alle' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(trend).getByTestId('vitals-trend-summary')).toHaveTextContent(/^Puls, alle målinger: \d+ målinger, fra \d+ \/min til \d+ \/min; siste/);
    const table = within(trend).getByRole('table', { name: 'Puls, alle målinger' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(2);

    await user.click(within(trend).getByRole('button', { name: '24 t' }));
    // The saved set of the test above, if any, is today; otherwise nothing is in the last 24 hours.
    expect(within(trend).getByTestId('vitals-trend-summary')).toHaveTextContent(/^(Puls, siste 24 timer|Ingen målinger av Puls \(siste 24 timer\))/);

    await user.selectOptions(within(trend).getByRole('combobox', { name: 'Parameter' }), 'Blodtrykk');
    await user.click(within(trend).getByRole('button', { name: 'Alle' }));
    expect(within(trend).getByTestId('vitals-trend-summary')).toHaveTextContent(/systolisk fra .* mmHg, diastolisk fra/);
  });

  it('lists every set on a desktop as a table with when, who and where', async () => {
    await setup('pat-00004');
    const table = screen.getByRole('table', { name: 'Målinger' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[0]).toBe('Tidspunkt, registrert av');
    expect(headers).toContain('BT (mmHg)');
    const seedRow = within(table).getByRole('rowheader', { name: /Helen Tesfaye/ });
    expect(seedRow).toHaveTextContent('21.02.2025');
    // The unit's service and municipality come with a second search (the recorders' units).
    await waitFor(() => expect(seedRow).toHaveTextContent('Helen Tesfaye (Fastlege)Kvaløysletta legekontor · Legekontor · Tromsø'));
  });
});

describe('when the server does not answer', { timeout: 60_000 }, () => {
  it('keeps the measurements on screen when a refresh fails, says so, and never says "none" for want of an answer', async () => {
    const network = { failReads: false };
    const { queryClient } = await setup('pat-00004', { network });
    expect(screen.getByRole('region', { name: 'Siste måling' })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Målinger' })).getAllByRole('row').length;
    network.failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Siste måling' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Trend' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Målinger' })).getAllByRole('row')).toHaveLength(rows);
    expect(screen.queryByText('Ingen vitale parametere er registrert for pasienten.')).toBeNull();
  });

  it('says nothing is known, not "none", when the first load fails', async () => {
    await setup('pat-00004', { network: { failReads: true } });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Siste måling' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Målinger' })).toBeNull();
    expect(screen.queryByText('Ingen vitale parametere er registrert for pasienten.')).toBeNull();
  });
});
