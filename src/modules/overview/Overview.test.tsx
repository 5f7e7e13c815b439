import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Bundle, Composition, Observation } from 'fhir/r4';
import { CODE_SYSTEM, SNOMED } from '../../domain/codeSystems';
import { referenceId } from '../../fhir/format';
import { renderWithProviders } from '../../test/render';
import { mockBackendSession, type MockSession } from '../../../mocks/testing';
import { useSession } from '../../session/store';
import { useChartVisits, visitKey } from '../../journal/chartVisits';
import Overview from './Overview';

let session: MockSession;

beforeAll(async () => {
  session = await mockBackendSession('gp');
  await session.backend.ready();
}, 60_000);

async function search<T>(query: string): Promise<Bundle<T>> {
  const response = await session.fetchImpl(`http://test/fhir/${query}`, { headers: { Authorization: `Bearer ${session.token}` } });
  return (await response.json()) as Bundle<T>;
}

function render(patientId: string, config: Record<string, unknown> = {}) {
  useSession.setState({ persona: session.persona, token: session.token });
  return renderWithProviders(<Overview patientId={patientId} config={config} workspaceId="gp" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
}

describe('Overview', () => {
  it('shows the latest of each part of the record for a patient with years of history', async () => {
    // A patient followed by home care: NEWS2 is among the latest measurements.
    const news2 = await search<Observation>(`Observation?code=${CODE_SYSTEM.snomed}|${SNOMED.news2Total}&_sort=-date&_count=1`);
    const patientId = referenceId(news2.entry?.[0]?.resource?.subject, 'Patient') ?? '';
    expect(patientId).not.toBe('');
    render(patientId);
    for (const name of ['Kritisk', 'Problemer', 'Legemidler', 'Målinger', 'Prøvesvar', 'Notater', 'Timer og kontakter']) {
      expect(await screen.findByRole('heading', { name, level: 3 })).toBeInTheDocument();
    }
    await waitFor(() => expect(screen.queryAllByRole('status', { name: 'Laster …' })).toHaveLength(0), { timeout: 10_000 });

    const notes = await search<Composition>(`Composition?patient=${patientId}&status=final,amended&_sort=-date&_count=3`);
    const newest = notes.entry?.[0]?.resource;
    const notesSection = screen.getByRole('region', { name: 'Notater' });
    expect(within(notesSection).getAllByText(newest?.title ?? '').length).toBeGreaterThan(0);
    // Who wrote it and where: the name and the unit from the note's references.
    expect(within(notesSection).getAllByText(new RegExp(newest?.author?.[0]?.display ?? 'x')).length).toBeGreaterThan(0);

    const vitals = screen.getByRole('region', { name: 'Målinger' });
    expect(within(vitals).getByText('NEWS2')).toBeInTheDocument();
    expect(within(vitals).getByText(/målt \d{2}\.\d{2}\.\d{4}/)).toBeInTheDocument();
  });

  it('shows only the sections its settings choose, in that order', async () => {
    render('pat-00002', { sections: ['notes', 'critical'] });
    const headings = await screen.findAllByRole('heading', { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual(['Notater', 'Kritisk']);
  });

  it('marks notes by others since the user last opened the record as new, and not after', async () => {
    const notes = await search<Composition>('Composition?patient=pat-00003&status=final,amended&_sort=-date&_count=3');
    const list = notes.entry?.map((e) => e.resource) ?? [];
    const newest = list[0];
    expect(newest?.date).toBeDefined();
    const byOthers = list.filter((n) => n?.date === newest?.date && n?.author?.[0]?.reference !== `PractitionerRole/${session.persona.practitionerRoleId}`).length;
    expect(byOthers).toBeGreaterThan(0);
    const key = visitKey(session.persona.id, 'pat-00003');

    // The user last opened the record just before the newest note was written.
    useChartVisits.setState({ visits: { [key]: { current: Date.now(), previous: Date.parse(newest?.date ?? '') - 60_000 } } });
    const first = render('pat-00003', { sections: ['notes'] });
    const section = await screen.findByRole('region', { name: 'Notater' });
    await waitFor(() => expect(within(section).getAllByText(newest?.title ?? '').length).toBeGreaterThan(0));
    expect(within(section).getAllByText('Nytt')).toHaveLength(byOthers);
    first.unmount();

    // Opened after it: nothing is new.
    useChartVisits.setState({ visits: { [key]: { current: Date.now(), previous: Date.parse(newest?.date ?? '') + 60_000 } } });
    render('pat-00003', { sections: ['notes'] });
    const again = await screen.findByRole('region', { name: 'Notater' });
    await waitFor(() => expect(within(again).getAllByText(newest?.title ?? '').length).toBeGreaterThan(0));
    expect(within(again).queryAllByText('Nytt')).toHaveLength(0);
  });
});
