import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import type { Appointment, Bundle, Composition, Encounter, ServiceRequest } from 'fhir/r4';
import { renderWithProviders } from '../../../test/render';
import { fhirAs, mockBackendSession } from '../../../../mocks/testing';
import { useSession } from '../../../session/store';
import ConsultationPage from './ConsultationPage';

// The scenario's clock (mocks/testing.ts) is 26.11.2026 09:00; the GP works at 09:30 the same day.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:30:00+01:00') }));
afterEach(() => {
  vi.useRealTimers();
  useSession.setState({ persona: null, token: null });
  localStorage.clear();
});

async function openConsultation() {
  const session = await mockBackendSession('gp', { municipality: 'Tromsø' });
  await session.backend.ready();
  useSession.setState({ persona: session.persona, token: session.token });
  const { body } = await fhirAs<Bundle<Appointment>>(session, 'GET', `Appointment?actor=PractitionerRole/${session.persona.practitionerRoleId}&date=ge2026-11-26&date=lt2026-11-27&status=booked&_sort=date`);
  const appointment = body.entry?.[0]?.resource;
  if (!appointment?.id) throw new Error('The GP has no booked appointment today');
  renderWithProviders(
    <Routes>
      <Route path="/gp-office/consultation/:appointmentId" element={<ConsultationPage />} />
      <Route path="/gp-office" element={<p>Dagen</p>} />
    </Routes>,
    { fetchImpl: session.fetchImpl, token: session.token, route: `/gp-office/consultation/${appointment.id}` },
  );
  const note = await screen.findByRole('region', { name: 'Konsultasjonsnotat' }, { timeout: 15_000 });
  return { session, appointment, note: within(note), user: userEvent.setup() };
}

describe('the consultation', () => {
  it('opening the appointment starts the encounter; signing writes note, diagnosis and lab order, and finishes it', async () => {
    const { session, appointment, note, user } = await openConsultation();
    const { body: started } = await fhirAs<Bundle<Encounter>>(session, 'GET', `Encounter?appointment=Appointment/${appointment.id!}`);
    expect(started.entry?.map((e) => e.resource?.status)).toContain('in-progress');
    expect((await fhirAs<Appointment>(session, 'GET', `Appointment/${appointment.id!}`)).body.status).toBe('arrived');

    expect(note.getByLabelText(/^Årsak/)).toHaveValue(appointment.description ?? '');
    await user.type(note.getByLabelText('Funn'), 'Rolig respirasjon.');
    await user.type(note.getByLabelText('Vurdering'), 'Viral infeksjon.');
    await user.type(note.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ }), 'R74');
    await screen.findByRole('option', { name: /^R74 / });
    await user.keyboard('{Enter}');
    expect((note.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ }) as HTMLInputElement).value).toMatch(/^R74 /);
    await user.click(note.getByRole('checkbox', { name: 'P-CRP' }));
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await screen.findByText('Dagen', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect((await fhirAs<Appointment>(session, 'GET', `Appointment/${appointment.id!}`)).body.status).toBe('fulfilled');
    const patientRef = appointment.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))!.actor!.reference!;
    const { body: notes } = await fhirAs<Bundle<Composition>>(session, 'GET', `Composition?subject=${patientRef}&_sort=-date&_count=1`);
    const signed = notes.entry?.[0]?.resource;
    expect(signed?.status).toBe('final');
    expect(signed?.section?.map((s) => s.title)).toEqual(['Årsak', 'Funn', 'Vurdering', 'Diagnose', 'Rekvisisjon']);
    const { body: orders } = await fhirAs<Bundle<ServiceRequest>>(session, 'GET', `ServiceRequest?subject=${patientRef}`);
    expect(orders.entry?.map((e) => e.resource?.code?.text)).toEqual(['P-CRP']);
    const { body: encounters } = await fhirAs<Bundle<Encounter>>(session, 'GET', `Encounter?appointment=Appointment/${appointment.id!}`);
    expect(encounters.entry?.map((e) => e.resource?.status)).toEqual(['finished']);
  }, 60_000);

  it('says what is missing before signing, keeps the text, and the draft survives leaving the page', async () => {
    const { note, user, appointment } = await openConsultation();
    await user.type(note.getByLabelText('Plan'), 'Kontroll ved behov.');
    await user.click(note.getByRole('button', { name: /Signer og avslutt/ }));
    const summary = await note.findByRole('alert');
    expect(summary).toHaveTextContent('Én ting mangler før notatet kan signeres');
    expect(summary).toHaveTextContent('Velg en diagnose fra listen.');
    expect(note.getByLabelText('Plan')).toHaveValue('Kontroll ved behov.');
    await waitFor(() => expect(localStorage.getItem(`akson.consultation.${appointment.id!}`)).toContain('Kontroll ved behov.'));
    // The link in the summary takes the keyboard to the field.
    await user.click(within(summary).getByRole('button', { name: 'Velg en diagnose fra listen.' }));
    expect(note.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ })).toHaveFocus();
  }, 60_000);

  it('lists its keyboard shortcuts, and they move the focus', async () => {
    const { note, user } = await openConsultation();
    await user.keyboard('{Alt>}k{/Alt}');
    expect(note.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ })).toHaveFocus();
    await user.keyboard('{Alt>}n{/Alt}');
    expect(note.getByLabelText(/^Årsak/)).toHaveFocus();
    await user.keyboard('{Alt>}h{/Alt}');
    const dialog = await screen.findByRole('dialog', { name: 'Hurtigtaster i konsultasjonen' });
    expect(within(dialog).getByRole('row', { name: /Ctrl\+Enter Signer og avslutt/ })).toBeInTheDocument();
  }, 60_000);
});
