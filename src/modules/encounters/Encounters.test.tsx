import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import type { Appointment, Bundle, Encounter, Patient } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { mockBackendSession, type MockSession } from '../../../mocks/testing';
import { useSession } from '../../session/store';
import { formatDateTime } from '../../ui/dates';
import { encountersNb } from './i18n';
import Encounters from './Encounters';
import { fakeVirtualLayout } from '../../test/virtualLayout';

let session: MockSession;

// the test DOM has no layout: give the timeline's scroll box a height and every row one, so the
// virtualiser renders what a 600 px box would show (and a few rows around it).
const SCROLL_HEIGHT = 600;
const ROW_HEIGHT = 60;
fakeVirtualLayout({ scroller: 'encounters-scroll', viewport: SCROLL_HEIGHT, row: ROW_HEIGHT });

beforeAll(async () => {
  i18n.addResourceBundle('nb', 'translation', { encounters: encountersNb }, true, true);
  // Generating the small scenario takes a few seconds; the tests share it.
  session = await mockBackendSession('gp');
  await session.backend.ready();
}, 60_000);

// The scenario's clock stands at 26.11.2026 09:00.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:30:00+01:00') });
});
afterEach(() => {
  vi.useRealTimers();
  useSession.setState({ persona: null, token: null });
});

async function get<T>(path: string): Promise<T> {
  const response = await session.fetchImpl(`http://test/fhir/${path}`, { headers: { Authorization: `Bearer ${session.token}` } });
  return (await response.json()) as T;
}

async function resources<T>(path: string): Promise<T[]> {
  return ((await get<Bundle<T>>(path)).entry ?? []).map((e) => e.resource!);
}

/** The network as a test sets it: while `failReads` is set, every read gets the server's 503. */
interface Network {
  failReads: boolean;
}

/** Renders the module for the session's persona, reading through the given network. */
function mountEncounters(patientId: string, network?: Network) {
  useSession.setState({ persona: session.persona, token: session.token });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET' && network?.failReads) {
      return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] }), {
        status: 503,
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }
    return session.fetchImpl(input, init);
  }) as typeof fetch;
  const view = renderWithProviders(<Encounters patientId={patientId} config={{}} workspaceId="gp" device="desktop" />, { fetchImpl, token: session.token });
  return { user, ...view };
}

/** Renders the module and waits until the timeline is on screen. */
async function renderEncounters(patientId: string, network?: Network) {
  const view = mountEncounters(patientId, network);
  const timeline = await screen.findByRole('list', { name: 'Kontakter, nyeste først' }, { timeout: 10_000 });
  return { timeline, ...view };
}

/** The patient of the small scenario with the most contacts (it also has a booked hospital appointment). */
const BUSY = 'pat-00298';

describe('contacts and appointments', { timeout: 40_000 }, () => {
  it('shows the upcoming appointments first, with time, service, place and personnel', async () => {
    const booked = (await resources<Appointment>(`Appointment?patient=${BUSY}&date=ge2026-11-26&status=booked&_sort=date`)).filter((a) => Date.parse(a.start!) > Date.now());
    expect(booked.length).toBeGreaterThan(0);
    await renderEncounters(BUSY);
    const upcoming = screen.getByRole('list', { name: 'Kommende timer' });
    const items = within(upcoming).getAllByRole('listitem');
    expect(items).toHaveLength(booked.length);
    // Soonest first.
    expect(items[0]).toHaveTextContent(formatDateTime(booked[0]!.start));
    const hospital = booked.find((a) => a.serviceType?.[0]?.coding?.[0]?.code === 'hospital')!;
    const doctor = hospital.participant.find((p) => p.actor?.reference?.startsWith('PractitionerRole/'))!.actor!.display!;
    const item = items.find((li) => li.textContent?.includes(formatDateTime(hospital.start)))!;
    expect(item).toHaveTextContent('Spesialisthelsetjenesten');
    expect(item).toHaveTextContent(hospital.description!);
    await waitFor(() => expect(item).toHaveTextContent(new RegExp(`${doctor} \\(Sykehuslege\\) · .+ · Spesialisthelsetjenesten · \\S+ kommune`)));
    const withPlace = booked.find((a) => a.participant.some((p) => p.actor?.reference?.startsWith('Location/')))!;
    const place = withPlace.participant.find((p) => p.actor?.reference?.startsWith('Location/'))!.actor!.display!;
    expect(items.find((li) => li.textContent?.includes(formatDateTime(withPlace.start)))).toHaveTextContent(`Sted: ${place}`);
  });

  it('shows past contacts newest first by month, each with who took part and the unit, service and municipality', async () => {
    const encounters = await resources<Encounter>(`Encounter?patient=${BUSY}&_sort=-date&_count=1000`);
    const { timeline } = await renderEncounters(BUSY);
    expect(screen.getByRole('status')).toHaveTextContent(`${encounters.length} kontakter`);
    const rows = within(timeline).getAllByRole('listitem');
    // The first row is the newest month's heading, then its newest contact.
    expect(within(rows[0]!).getByRole('heading', { level: 4 })).toHaveTextContent(/^[A-ZÆØÅ][a-zæøå]+ \d{4} \(\d+\)$/);
    const newest = encounters[0]!;
    expect(rows[1]).toHaveTextContent(newest.reasonCode![0]!.text!);
    await waitFor(() => expect(rows[1]).toHaveTextContent(new RegExp(`${newest.participant![0]!.individual!.display!} \\(.+\\) · ${newest.serviceProvider!.display!} · .+ · \\S+ kommune`)));
  });

  it("lists a moved patient's contacts in the previous municipality with that municipality", async () => {
    const moved = await resources<Patient>('Patient?address-use=old&_count=100');
    let found: { patient: Patient; encounter: Encounter; municipality: string } | undefined;
    for (const patient of moved) {
      const old = patient.address!.find((a) => a.use === 'old')!;
      const code = old._district?.extension?.[0]?.valueCoding?.code;
      const encounter = (await resources<Encounter>(`Encounter?patient=${patient.id}&_count=1000`)).find((e) => e.serviceProvider?.reference?.startsWith(`Organization/org-${code}-`));
      if (encounter) {
        found = { patient, encounter, municipality: old.district! };
        break;
      }
    }
    expect(found).toBeDefined();
    const { patient, encounter, municipality } = found!;
    expect(municipality).not.toBe(patient.address![0]!.district);
    const { timeline } = await renderEncounters(patient.id!);
    await waitFor(() => expect(timeline).toHaveTextContent(`${encounter.serviceProvider!.display!} · Fastlegetjenesten · ${municipality} kommune`));
  });

  it('narrows both lists to one service', async () => {
    const encounters = await resources<Encounter>(`Encounter?patient=${BUSY}&_count=1000`);
    const gp = encounters.filter((e) => e.serviceType?.coding?.[0]?.code === 'gp').length;
    expect(gp).toBeGreaterThan(0);
    expect(gp).toBeLessThan(encounters.length);
    const { user, timeline } = await renderEncounters(BUSY);
    const upcoming = screen.getByRole('list', { name: 'Kommende timer' });
    await waitFor(() => expect(upcoming).toHaveTextContent('Spesialisthelsetjenesten'));

    await user.click(screen.getByRole('combobox', { name: 'Tjeneste' }));
    await user.click(await screen.findByRole('option', { name: /^Fastlegetjenesten \(\d+\)$/ }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${gp} av ${encounters.length} kontakter`));
    for (const row of within(timeline).getAllByRole('listitem')) {
      if (!within(row).queryByRole('heading')) expect(row).toHaveTextContent('Fastlegetjenesten');
    }
    expect(screen.queryByRole('list', { name: 'Kommende timer' })?.textContent ?? '').not.toContain('Spesialisthelsetjenesten');
  });

  it('keeps the appointments and contacts on screen when a refresh fails, says so, and never says "none" for want of an answer', async () => {
    const encounters = await resources<Encounter>(`Encounter?patient=${BUSY}&_count=1000`);
    const network = { failReads: false };
    const { timeline, queryClient } = await renderEncounters(BUSY, network);
    // Who and where looked up too, so the rows read as they will.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const upcoming = screen.getByRole('list', { name: 'Kommende timer' });
    const appointmentsBefore = within(upcoming).getAllByRole('listitem').map((li) => li.textContent);
    const rowsBefore = within(timeline).getAllByRole('listitem').map((li) => li.textContent);
    expect(appointmentsBefore.length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent(`${encounters.length} kontakter`);

    // A minute later, out of coverage (what was read is stale by then, so a refresh asks the server).
    network.failReads = true;
    vi.setSystemTime(Date.now() + 60_000);
    await queryClient.refetchQueries({ type: 'active' });
    // Both lists say their refresh failed, above what they showed, which stays.
    await waitFor(() => expect(screen.getAllByText('Feil på serveren')).toHaveLength(2));
    expect(within(screen.getByRole('list', { name: 'Kommende timer' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(appointmentsBefore);
    expect(within(screen.getByRole('list', { name: 'Kontakter, nyeste først' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(rowsBefore);
    expect(screen.getByRole('status')).toHaveTextContent(`${encounters.length} kontakter`);
    expect(screen.queryByText('Ingen kommende timer.')).toBeNull();
    expect(screen.queryByText('Ingen registrerte kontakter.')).toBeNull();
  });

  it('says nothing is known, not "none", when the first load fails', async () => {
    mountEncounters(BUSY, { failReads: true });
    // The upcoming appointments and the contacts each say so (after the query's own retries).
    await waitFor(() => expect(screen.getAllByText('Feil på serveren')).toHaveLength(2), { timeout: 10_000 });
    expect(screen.queryByRole('status', { name: 'Laster …' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Kommende timer' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Kontakter, nyeste først' })).toBeNull();
    expect(screen.queryByText('Ingen kommende timer.')).toBeNull();
    expect(screen.queryByText('Ingen registrerte kontakter.')).toBeNull();
    expect(screen.queryByText(/^0 kontakter$/)).toBeNull();
  });

  it('keeps the page light for a long history: only the rows in view are rendered, the rest on scrolling', async () => {
    const encounters = await resources<Encounter>(`Encounter?patient=${BUSY}&_sort=-date&_count=1000`);
    const { timeline } = await renderEncounters(BUSY);
    const rendered = within(timeline).getAllByRole('listitem').length;
    expect(rendered).toBeLessThan(encounters.length);
    expect(rendered).toBeLessThanOrEqual(SCROLL_HEIGHT / ROW_HEIGHT + 14);
    const oldest = encounters[encounters.length - 1]!;
    const oldestWhen = formatDateTime(oldest.period!.start);
    expect(timeline).not.toHaveTextContent(oldestWhen);
    // The scroll box is focusable (keyboard scrolling) and scrolling brings the oldest contacts in.
    const region = screen.getByRole('region', { name: 'Tidligere kontakter' });
    expect(region).toHaveAttribute('tabindex', '0');
    region.scrollTop = 100_000;
    fireEvent.scroll(region);
    await waitFor(() => expect(timeline).toHaveTextContent(oldestWhen));
  });
});
