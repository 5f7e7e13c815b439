import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Appointment, Bundle } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession } from '../../../mocks/testing';
import { useSession } from '../../session/store';
import type { PersonnelGroup } from '../../session/personnel';
import TodaysAppointments from './TodaysAppointments';
import { dayListSearch } from './manifest';

// The scenario's clock (mocks/testing.ts) is 26.11.2026 09:00; the day list asks for "today" by the
// machine's clock, so the test works at the scenario's 09:30.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:30:00+01:00') }));
afterEach(() => {
  vi.useRealTimers();
  useSession.setState({ persona: null, token: null });
});

async function renderDay(group: PersonnelGroup) {
  const session = await mockBackendSession(group, { municipality: 'Tromsø' });
  await session.backend.ready();
  useSession.setState({ persona: session.persona, token: session.token });
  renderWithProviders(<TodaysAppointments config={{}} workspaceId="gp-office" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
  const list = await screen.findByRole('list', { name: 'Dagens timeliste' }, { timeout: 15_000 });
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(dayListSearch(session.persona))) for (const x of [v].flat()) if (x !== undefined) params.append(k, String(x));
  const { body } = await fhirAs<Bundle<Appointment>>(session, 'GET', `Appointment?${params.toString()}`);
  return { session, list, appointments: (body.entry ?? []).map((e) => e.resource!).filter((r) => r.resourceType === 'Appointment'), user: userEvent.setup() };
}

describe('the day list', () => {
  it('the office nurse sees the whole office’s day, with whom, and marks a patient arrived with one action', async () => {
    const { session, list, appointments, user } = await renderDay('gp-nurse');
    expect(appointments.length).toBeGreaterThan(0);
    expect(within(list).getAllByRole('listitem')).toHaveLength(appointments.length);
    expect(within(list).getAllByText(/^hos |· hos /).length).toBeGreaterThan(0);
    const booked = appointments.find((a) => a.status === 'booked')!;
    const patient = booked.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))!.actor!.display!;
    await user.click(within(list).getAllByRole('button', { name: new RegExp(`^Merk ${patient} \\(\\d\\d:\\d\\d\\) som ankommet$`) })[0]!);
    expect(await screen.findByText(`${patient} er merket som ankommet.`)).toBeInTheDocument();
    const { body: saved } = await fhirAs<Appointment>(session, 'GET', `Appointment/${booked.id!}`);
    expect(saved.status).toBe('arrived');
    const arrivedBefore = appointments.filter((a) => a.status === 'arrived' || a.status === 'checked-in').length;
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(`${arrivedBefore + 1} ankommet`));
  });

  it('the front desk sees times, names and status, but no reason, results or chart links', async () => {
    const { list, appointments } = await renderDay('admin-staff');
    const withReason = appointments.find((a) => a.description)!;
    expect(withReason).toBeDefined();
    expect(within(list).queryByText(withReason.description!, { exact: false })).not.toBeInTheDocument();
    expect(within(list).queryAllByRole('link')).toHaveLength(0);
    expect(within(list).getAllByRole('button', { name: /som ankommet$/ }).length).toBeGreaterThan(0);
  });
});
