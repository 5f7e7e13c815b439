import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, Patient } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { useSession } from '../../session/store';
import { arrivalEncounter, boardSearch, visitsOf } from '../../fhir/emergency';
import { toQuery } from '../../fhir/client';
import TriageBoard from './TriageBoard';

workAfterScenarioClock();

async function renderBoard() {
  const session = await mockBackendSession('ed-nurse', { municipality: 'Bergen' });
  await session.backend.ready();
  useSession.setState({ persona: session.persona, token: session.token });
  renderWithProviders(<TriageBoard config={{}} workspaceId="emergency" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
  const table = await screen.findByRole('table', { name: 'Pasienter til stede' }, { timeout: 15_000 });
  const { body } = await fhirAs<Bundle>(session, 'GET', `Encounter${toQuery(boardSearch(session.persona.organizationId))}`);
  return { session, table, visits: visitsOf(body), user: userEvent.setup() };
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('the triage board', () => {
  it('shows everyone present with level in words, waiting time, responsible people and status; filters narrow it', async () => {
    const { table, visits, user } = await renderBoard();
    expect(visits.length).toBeGreaterThanOrEqual(5);
    expect(bodyRows(table)).toHaveLength(visits.length);
    expect(screen.getByRole('status')).toHaveTextContent(`${visits.length} til stede`);
    // Level as a word, never colour alone; untriaged said as such.
    expect(within(table).getAllByText(/^(Rød|Oransje|Gul|Grønn|Blå|Ikke triagert)$/)).toHaveLength(visits.length);
    expect(within(table).getByText('Ikke triagert')).toBeInTheDocument();
    const withNurse = visits.find((v) => v.nurse)!;
    expect(within(table).getAllByText(withNurse.nurse!.name).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(screen.getByRole('option', { name: 'Venter på lege' }));
    const waiting = visits.filter((v) => v.status === 'waiting-doctor');
    await waitFor(() => expect(bodyRows(table)).toHaveLength(waiting.length));
    expect(screen.getByText(`${waiting.length} av ${visits.length} vises`)).toBeInTheDocument();
  });

  it('a patient registered by another user appears within seconds, without reloading', async () => {
    const { session, table, visits } = await renderBoard();
    const { body } = await fhirAs<Bundle<Patient>>(session, 'GET', 'Patient?address-district=Bergen&_count=40');
    const present = new Set(visits.map((v) => v.patientId));
    const patient = body.entry!.map((e) => e.resource!).find((p) => !present.has(p.id))!;
    await fhirAs(session, 'POST', 'Encounter', arrivalEncounter({ patient, reason: 'Kom med ambulanse', persona: session.persona, nowMs: Date.now() }));
    expect(await within(table).findByText('Kom med ambulanse', {}, { timeout: 5_000 })).toBeInTheDocument();
    await waitFor(() => expect(bodyRows(table)).toHaveLength(visits.length + 1));
  });
});
