import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, Encounter } from 'fhir/r4';
import { Route, Routes } from 'react-router';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { useSession } from '../../session/store';
import type { PersonnelGroup } from '../../session/personnel';
import { boardSearch, visitsOf } from '../../fhir/emergency';
import { toQuery } from '../../fhir/client';
import { registerEmergencyStrings } from './strings';
import { VisitPage } from './VisitPage';
import { WallDisplay } from './WallDisplay';

workAfterScenarioClock();
registerEmergencyStrings();

async function session(group: PersonnelGroup) {
  const s = await mockBackendSession(group, { municipality: 'Bergen' });
  await s.backend.ready();
  useSession.setState({ persona: s.persona, token: s.token });
  const { body } = await fhirAs<Bundle>(s, 'GET', `Encounter${toQuery(boardSearch(s.persona.organizationId))}`);
  return { s, visits: visitsOf(body) };
}

describe('the wall display', () => {
  it('shows level, time and status with initials, never full names or reasons', async () => {
    const { s, visits } = await session('ed-nurse');
    renderWithProviders(<WallDisplay />, { fetchImpl: s.fetchImpl, token: s.token });
    const list = await screen.findByRole('list', { name: 'Pasienter til stede' }, { timeout: 15_000 });
    expect(within(list).getAllByRole('listitem')).toHaveLength(visits.length);
    for (const v of visits) {
      expect(screen.queryByText(v.patientName, { exact: false })).not.toBeInTheDocument();
      expect(screen.queryByText(v.reason, { exact: false })).not.toBeInTheDocument();
      expect(within(list).getAllByText(v.initials).length).toBeGreaterThan(0);
    }
  });
});

/** The visit page of one visit, rendered and read. */
async function openVisit(s: Awaited<ReturnType<typeof session>>['s'], encounterId: string) {
  renderWithProviders(
    <Routes>
      <Route path="/emergency/visit/:encounterId" element={<VisitPage />} />
    </Routes>,
    { fetchImpl: s.fetchImpl, token: s.token, route: `/emergency/visit/${encounterId}` },
  );
  await screen.findByRole('heading', { name: 'Legevaktbesøk' }, { timeout: 15_000 });
}

describe('a visit', () => {
  it('critical information and GP first; triage with bad input says what is wrong and keeps what was typed; the level is saved with its history', async () => {
    const { s, visits } = await session('ed-nurse');
    const waiting = visits.find((v) => v.status === 'waiting-triage')!;
    await openVisit(s, waiting.id);
    expect(await screen.findByText(/^Fastlege:/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Respirasjonsfrekvens (/min)'), '26');
    await user.type(screen.getByLabelText('Puls (/min)'), 'hundre');
    await user.click(screen.getByRole('button', { name: 'Lagre triage' }));
    expect(screen.getByText('Skriv et tall.')).toBeInTheDocument();
    expect(screen.getByText('Velg hastegrad.')).toBeInTheDocument();
    expect(screen.getByLabelText('Puls (/min)')).toHaveValue('hundre');
    expect(screen.getByLabelText('Puls (/min)')).toHaveFocus();
    // NEWS2 follows what is typed: respiratory rate 26 scores 3 (air, the default, scores 0).
    expect(screen.getByText(/NEWS2 \(ufullstendig, 2 av 7\): 3/)).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Puls (/min)'));
    await user.type(screen.getByLabelText('Puls (/min)'), '118');
    await user.click(screen.getByRole('radio', { name: /Gul – hastende/ }));
    await user.type(screen.getByLabelText(/Begrunnelse/), 'Tungpust.');
    await user.click(screen.getByRole('button', { name: 'Lagre triage' }));
    expect(await screen.findByText('Triage lagret: Gul.', {}, { timeout: 5_000 })).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'Triagehistorikk' });
    expect(await within(history).findByText('Tungpust.')).toBeInTheDocument();
    expect(within(history).getByText('NEWS2 5')).toBeInTheDocument();
  });

  it('a triage that meets someone else’s change keeps what was typed, and goes through when sent again', async () => {
    const { s, visits } = await session('ed-nurse');
    const waiting = visits.find((v) => v.status === 'waiting-doctor')!;
    await openVisit(s, waiting.id);
    // Another user changes the visit (a room) after this page read it.
    const { body: current } = await fhirAs<Encounter>(s, 'GET', `Encounter/${waiting.id}`);
    expect((await fhirAs(s, 'PUT', `Encounter/${waiting.id}`, { ...current, location: [{ location: { reference: 'Location/loc-4601-ed-1-room-2', display: 'Bergen legevakt, behandlingsrom 2' } }] })).status).toBe(200);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: /Grønn – standard/ }));
    await user.type(screen.getByLabelText(/Begrunnelse/), 'Stabil.');
    await user.click(screen.getByRole('button', { name: 'Lagre triage' }));
    expect(await screen.findByText('Endret av en annen')).toBeInTheDocument();
    expect(screen.getByLabelText(/Begrunnelse/)).toHaveValue('Stabil.');
    // The visit is read again; the same press now saves.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Rom' })).toHaveTextContent('behandlingsrom 2'), { timeout: 5_000 });
    await user.click(screen.getByRole('button', { name: 'Lagre triage' }));
    expect(await screen.findByText('Triage lagret: Grønn.', {}, { timeout: 5_000 })).toBeInTheDocument();
  });
});
