import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Appointment, Bundle, Composition } from 'fhir/r4';
import { Route, Routes } from 'react-router';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { useSession } from '../../session/store';
import type { PersonnelGroup } from '../../session/personnel';
import { homeCareEn, homeCareNb } from '../../i18n/homeCare';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { DRAFT_STORAGE_KEY, useVisitDrafts } from './draftStore';
import HomeCareVisits from '../../modules/home-care-visits/HomeCareVisits';
import DecisionsPage from './DecisionsPage';
import { VisitPage } from './VisitPage';

workAfterScenarioClock();
registerModuleStrings('homeCare', { nb: homeCareNb, en: homeCareEn });

// The small scenario's backend, built once for the file (slow on a busy machine), whichever test runs first.
beforeAll(async () => {
  await (await mockBackendSession('homecare-nurse', { municipality: 'Bergen' })).backend.ready();
}, 120_000);

async function session(group: PersonnelGroup): Promise<MockSession> {
  const s = await mockBackendSession(group, { municipality: 'Bergen' });
  await s.backend.ready();
  useSession.setState({ persona: s.persona, token: s.token });
  return s;
}

/** The persona's first visit today (the small scenario gives every worker a route). */
async function firstVisit(s: MockSession): Promise<Appointment> {
  const { body } = await fhirAs<Bundle<Appointment>>(s, 'GET', `Appointment?actor=PractitionerRole/${s.persona.practitionerRoleId}&status=booked&_sort=date&_count=1`);
  const visit = body.entry?.[0]?.resource;
  if (!visit) throw new Error('No visit');
  return visit;
}

describe('a visit with patchy coverage', () => {
  it('keeps everything typed when the check-out cannot reach the journal, says so, and saves it on retry', { timeout: 60_000 }, async () => {
    const s = await session('homecare-nurse');
    const visit = await firstVisit(s);
    let offline = false;
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (offline) throw new TypeError('Failed to fetch');
      return s.fetchImpl(input, init);
    }) as typeof fetch;
    renderWithProviders(
      <Routes>
        <Route path="/home-care/visit/:appointmentId" element={<VisitPage />} />
        <Route path="/home-care" element={<p>Dagens besøk</p>} />
      </Routes>,
      { fetchImpl, token: s.token, route: `/home-care/visit/${visit.id ?? ''}` },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sjekk inn' }, { timeout: 15_000 }));
    expect(await screen.findByText(/Sjekket inn kl\. \d\d:\d\d/)).toBeInTheDocument();

    // Every task done, every dose given.
    const tasks = screen.getByRole('region', { name: 'Tiltak' });
    for (const group of within(tasks).queryAllByRole('group')) await user.click(within(group).getByRole('button', { name: 'Utført' }));
    const meds = screen.getByRole('region', { name: 'Legemidler å gi nå' });
    await waitFor(() => expect(within(meds).queryByText('Henter', { exact: false })).not.toBeInTheDocument());
    for (const group of within(meds).queryAllByRole('group')) await user.click(within(group).getByRole('button', { name: 'Gitt' }));

    // A check-out without a report says what is missing.
    await user.click(screen.getByRole('button', { name: 'Sjekk ut og lagre' }));
    expect(await screen.findByText('Skriv en kort rapport.')).toBeInTheDocument();

    const report = screen.getByRole('textbox', { name: 'Rapport' });
    await user.click(screen.getByRole('button', { name: 'Spiste frokost.' }));
    await user.type(report, '{End} Litt tungpust i trappen.');
    expect(report).toHaveValue('Spiste frokost. Litt tungpust i trappen.');
    // Kept on the tablet as it is typed.
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toContain('Litt tungpust i trappen.');

    offline = true;
    await user.click(screen.getByRole('button', { name: 'Sjekk ut og lagre' }));
    expect(await screen.findByText('Ikke lagret ennå')).toBeInTheDocument();
    expect(screen.getByText(/tatt vare på på nettbrettet\. Det sendes av seg selv når nettbrettet får dekning igjen/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Rapport' })).toHaveValue('Spiste frokost. Litt tungpust i trappen.');
    expect(useVisitDrafts.getState().drafts[visit.id ?? '']?.report).toBe('Spiste frokost. Litt tungpust i trappen.');

    offline = false;
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByText('Dagens besøk')).toBeInTheDocument();
    const { body } = await fhirAs<Bundle<Composition>>(s, 'GET', `Composition?patient=${visit.participant[0]!.actor!.reference ?? ''}&type=urn:akson:codesystem:note-type|home-visit-report&_sort=-date&_count=1`);
    expect(JSON.stringify(body.entry?.[0]?.resource?.section?.[0])).toContain('Litt tungpust i trappen.');
    const { body: after } = await fhirAs<Appointment>(s, 'GET', `Appointment/${visit.id ?? ''}`);
    expect(after.status).toBe('fulfilled');
    // Saved: nothing left on the tablet.
    expect(useVisitDrafts.getState().drafts[visit.id ?? '']).toBeUndefined();
  });
});

describe('a visit whose refresh fails', () => {
  it('keeps the visit and what is typed on screen, and says the refresh failed', async () => {
    const s = await session('homecare-nurse');
    const visit = await firstVisit(s);
    let failReads = false;
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (failReads && (init?.method ?? 'GET') === 'GET' && String(input).includes('/Appointment')) {
        const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] };
        return new Response(JSON.stringify(outcome), { status: 503, headers: { 'Content-Type': 'application/fhir+json' } });
      }
      return s.fetchImpl(input, init);
    }) as typeof fetch;
    const { queryClient } = renderWithProviders(
      <Routes>
        <Route path="/home-care/visit/:appointmentId" element={<VisitPage />} />
      </Routes>,
      { fetchImpl, token: s.token, route: `/home-care/visit/${visit.id ?? ''}` },
    );
    const user = userEvent.setup();
    // Not checked in: the visit stays booked for the other tests.
    const report = await screen.findByRole('textbox', { name: 'Rapport' }, { timeout: 15_000 });
    await user.type(report, 'Sov godt i natt.');

    failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Rapport' })).toHaveValue('Sov godt i natt.');
    expect(screen.getByRole('button', { name: 'Sjekk inn' })).toBeInTheDocument();

    failReads = false;
    await user.click(screen.getAllByRole('button', { name: 'Prøv igjen' })[0]!);
    await waitFor(() => expect(screen.queryByText('Feil på serveren')).not.toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Rapport' })).toHaveValue('Sov godt i natt.');
  });
});

/** The visit page with no coverage for writes (POSTs fail as fetch does offline) until `offline` is set false. */
function renderVisitWithoutCoverage(s: MockSession, visit: Appointment): { offline: boolean } {
  const network = { offline: true };
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (network.offline && init?.method === 'POST') throw new TypeError('Failed to fetch');
    return s.fetchImpl(input, init);
  }) as typeof fetch;
  renderWithProviders(
    <Routes>
      <Route path="/home-care/visit/:appointmentId" element={<VisitPage />} />
    </Routes>,
    { fetchImpl, token: s.token, route: `/home-care/visit/${visit.id ?? ''}` },
  );
  return network;
}

describe('a check-in without coverage', () => {
  it('records the time at once, says it is not saved yet, and saves it on retry', async () => {
    const s = await session('homecare-nurse');
    const visit = await firstVisit(s);
    const network = renderVisitWithoutCoverage(s, visit);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sjekk inn' }, { timeout: 15_000 }));
    expect(screen.getByText(/Sjekket inn kl\. \d\d:\d\d/)).toBeInTheDocument();
    expect(await screen.findByText('Innsjekkingen er ikke lagret ennå. Den sendes på nytt når nettbrettet får dekning, når du prøver igjen eller når du sjekker ut.')).toBeInTheDocument();
    network.offline = false;
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await waitFor(() => expect(screen.queryByText('Ikke lagret ennå')).not.toBeInTheDocument());
    const { body } = await fhirAs<Bundle>(s, 'GET', `Encounter?appointment=Appointment/${visit.id ?? ''}`);
    expect(body.entry).toHaveLength(1);
    expect((await fhirAs<Appointment>(s, 'GET', `Appointment/${visit.id ?? ''}`)).body.status).toBe('arrived');
  });

  it('sends a check-in that failed for want of coverage by itself when the tablet is online again', async () => {
    // The care worker's route (the nurse's visits are the other tests').
    const s = await session('homecare-worker');
    const visit = await firstVisit(s);
    const network = renderVisitWithoutCoverage(s, visit);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sjekk inn' }, { timeout: 15_000 }));
    expect(await screen.findByText('Ikke lagret ennå')).toBeInTheDocument();
    network.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByText('Ikke lagret ennå')).not.toBeInTheDocument());
    expect((await fhirAs<Appointment>(s, 'GET', `Appointment/${visit.id ?? ''}`)).body.status).toBe('arrived');
  });
});

describe('today’s visits', () => {
  it('the coordinator moves a visit to a colleague; it leaves her route', async () => {
    const s = await session('homecare-nurse');
    renderWithProviders(<HomeCareVisits workspaceId="home-care" config={{}} device="tablet" />, { fetchImpl: s.fetchImpl, token: s.token });
    const route = await screen.findByRole('list', { name: 'Dagens besøk' }, { timeout: 15_000 });
    expect(await screen.findByText('Du er koordinator for distriktet.')).toBeInTheDocument();
    const before = within(route).getAllByRole('listitem');
    const last = before[before.length - 1]!;
    const name = within(last).getByRole('link').textContent ?? '';
    const user = userEvent.setup();
    await user.click(within(last).getByRole('button', { name: `Flytt besøket hos ${name}` }));
    const dialog = screen.getByRole('dialog', { name: `Flytt besøket hos ${name}` });
    const to = within(dialog).getByLabelText('Til kollega');
    const colleague = within(to as HTMLSelectElement).getAllByRole('option')[0]!.textContent ?? '';
    await user.click(within(dialog).getByRole('button', { name: 'Flytt besøket' }));
    expect(await screen.findByText(`Besøket hos ${name} er flyttet til ${colleague}.`)).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Dagens besøk' })).getAllByRole('listitem')).toHaveLength(before.length - 1));
  });

  it('keeps the day’s visits on screen when a refresh fails without coverage, and says so', async () => {
    const s = await session('homecare-worker');
    const network = { offline: false };
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (network.offline) throw new TypeError('Failed to fetch');
      return s.fetchImpl(input, init);
    }) as typeof fetch;
    const { queryClient } = renderWithProviders(<HomeCareVisits workspaceId="home-care" config={{}} device="tablet" />, { fetchImpl, token: s.token });
    const route = await screen.findByRole('list', { name: 'Dagens besøk' }, { timeout: 15_000 });
    const visits = within(route).getAllByRole('listitem').length;
    network.offline = true;
    await queryClient.refetchQueries({ type: 'active' });
    expect(await screen.findByRole('button', { name: 'Prøv igjen' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Dagens besøk' })).getAllByRole('listitem')).toHaveLength(visits);
  });

  it('a care worker sees the route but cannot move visits', async () => {
    const s = await session('homecare-worker');
    renderWithProviders(<HomeCareVisits workspaceId="home-care" config={{}} device="tablet" />, { fetchImpl: s.fetchImpl, token: s.token });
    const route = await screen.findByRole('list', { name: 'Dagens besøk' }, { timeout: 15_000 });
    expect(within(route).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(within(route).getAllByText(/^Tilgang:/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Flytt besøket hos/ })).not.toBeInTheDocument();
  });
});

describe('service decisions', () => {
  async function open(s: MockSession, patientId: string) {
    renderWithProviders(
      <Routes>
        <Route path="/home-care/decisions/:patientId" element={<DecisionsPage />} />
      </Routes>,
      { fetchImpl: s.fetchImpl, token: s.token, route: `/home-care/decisions/${patientId}` },
    );
    await screen.findAllByText(/timer per uke/, {}, { timeout: 15_000 });
  }

  it('the coordinator changes the weekly hours; bad input says what is wrong and keeps the text', async () => {
    const s = await session('homecare-nurse');
    const visit = await firstVisit(s);
    const patientId = visit.participant[0]!.actor!.reference!.split('/')[1]!;
    await open(s, patientId);
    expect(screen.getByText('IPLOS funksjonsvurdering')).toBeInTheDocument();
    expect(await screen.findByText(/^Vurdert /)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'Endre timer' })[0]!);
    const hours = screen.getByLabelText('Timer per uke');
    await user.clear(hours);
    await user.type(hours, 'tre');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Skriv et antall timer mellom 0,5 og 168 (i kvarter).')).toBeInTheDocument();
    expect(hours).toHaveValue('tre');
    await user.clear(hours);
    await user.type(hours, '12,5');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('12,5 timer per uke')).toBeInTheDocument();
  });

  it('the coordinator records a new IPLOS assessment: a missing score and a future date are refused with a message, then it is saved and shown', async () => {
    const s = await session('homecare-nurse');
    const visit = await firstVisit(s);
    const patientId = visit.participant[0]!.actor!.reference!.split('/')[1]!;
    await open(s, patientId);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ny vurdering' }));
    const form = screen.getByRole('form', { name: 'Ny vurdering' });
    // Prefilled from the last assessment; one score taken away, the date in the future.
    await user.selectOptions(within(form).getByLabelText('Hukommelse'), '');
    const date = within(form).getByLabelText('Dato for vurderingen');
    await user.clear(date);
    await user.type(date, '2026-12-24');
    await user.click(within(form).getByRole('button', { name: 'Lagre vurderingen' }));
    expect(await within(form).findByText('Noen variabler mangler skår.')).toBeInTheDocument();
    expect(within(form).getByText('Skriv en dato (ÅÅÅÅ-MM-DD), ikke fram i tid.')).toBeInTheDocument();
    expect(date).toHaveValue('2026-12-24');
    await user.selectOptions(within(form).getByLabelText('Hukommelse'), '4');
    await user.clear(date);
    await user.type(date, '2026-11-25');
    await user.click(within(form).getByRole('button', { name: 'Lagre vurderingen' }));
    expect(await screen.findByText(/^Vurdert 25\.11\.2026 av /)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'IPLOS funksjonsvurdering' });
    expect(within(within(table).getByText('Hukommelse').closest('tr')!).getByText('4 – stort')).toBeInTheDocument();
  });

  /** The page on a network whose reads fail (as without coverage) while `failReads` is set. */
  function renderOnFlakyNetwork(s: MockSession, patientId: string, network: { failReads: boolean }) {
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (network.failReads && (init?.method ?? 'GET') === 'GET') {
        const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] };
        return new Response(JSON.stringify(outcome), { status: 503, headers: { 'Content-Type': 'application/fhir+json' } });
      }
      return s.fetchImpl(input, init);
    }) as typeof fetch;
    return renderWithProviders(
      <Routes>
        <Route path="/home-care/decisions/:patientId" element={<DecisionsPage />} />
      </Routes>,
      { fetchImpl, token: s.token, route: `/home-care/decisions/${patientId}` },
    );
  }

  it('keeps the decisions, the hours being changed and the assessment being filled in when a refresh fails, and says so', async () => {
    const s = await session('homecare-nurse');
    const visit = await firstVisit(s);
    const network = { failReads: false };
    const { queryClient } = renderOnFlakyNetwork(s, visit.participant[0]!.actor!.reference!.split('/')[1]!, network);
    await screen.findAllByText(/timer per uke/, {}, { timeout: 15_000 });
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'Endre timer' })[0]!);
    const hours = screen.getByLabelText('Timer per uke');
    await user.clear(hours);
    await user.type(hours, '7,5');
    await user.click(await screen.findByRole('button', { name: 'Ny vurdering' }));
    await user.selectOptions(within(screen.getByRole('form', { name: 'Ny vurdering' })).getByLabelText('Hukommelse'), '3');

    network.failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    const decisions = screen.getByRole('region', { name: 'Vedtak' });
    const iplos = screen.getByRole('region', { name: 'IPLOS funksjonsvurdering' });
    expect(await within(decisions).findByText('Feil på serveren')).toBeInTheDocument();
    expect(within(iplos).getByText('Feil på serveren')).toBeInTheDocument();
    expect(within(decisions).getAllByText(/timer per uke$/).length).toBeGreaterThan(0);
    expect(within(decisions).getByLabelText('Timer per uke')).toHaveValue('7,5');
    expect(within(within(iplos).getByRole('form', { name: 'Ny vurdering' })).getByLabelText('Hukommelse')).toHaveValue('3');
    expect(screen.queryByText('Ingen vedtak.')).toBeNull();
  });

  it('shows only the error, never "none", when the decisions, the assessments and the patient cannot be fetched', async () => {
    const s = await session('homecare-nurse');
    const visit = await firstVisit(s);
    renderOnFlakyNetwork(s, visit.participant[0]!.actor!.reference!.split('/')[1]!, { failReads: true });
    const decisions = screen.getByRole('region', { name: 'Vedtak' });
    const iplos = screen.getByRole('region', { name: 'IPLOS funksjonsvurdering' });
    expect(await within(decisions).findByText('Feil på serveren', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(await within(iplos).findByText('Feil på serveren', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByText('Ingen vedtak.')).toBeNull();
    expect(screen.queryByText('Ingen IPLOS-vurdering registrert.')).toBeNull();
    expect(screen.queryByRole('status', { name: 'Laster …' })).toBeNull();
    // The patient could not be read either (the title has no name): the page says so too.
    await waitFor(() => expect(screen.getAllByText('Feil på serveren')).toHaveLength(3), { timeout: 15_000 });
  });

  it('a care worker (not the coordinator) sees the decisions but cannot change them', async () => {
    const s = await session('homecare-worker');
    const visit = await firstVisit(s);
    await open(s, visit.participant[0]!.actor!.reference!.split('/')[1]!);
    expect(await screen.findByText('Bare distriktets koordinator kan endre vedtak og IPLOS.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Endre timer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ny vurdering' })).not.toBeInTheDocument();
  });
});
