import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import type { Bundle, Consent, Patient } from 'fhir/r4';
import { renderWithProviders } from '../test/render';
import { fhirAs, mockBackendSession } from '../../mocks/testing';
import { useSession } from '../session/store';
import { Component as BlockingPage } from './BlockingPage';

afterEach(() => useSession.setState({ persona: null, token: null }));

describe('blocking (sperring)', () => {
  it('the GP blocks everything from one service for a unit: says what is missing first, then registers it and lists it', async () => {
    const session = await mockBackendSession('gp', { municipality: 'Bergen', accessControl: true });
    await session.backend.ready();
    useSession.setState({ persona: session.persona, token: session.token });
    const listed = await fhirAs<Bundle<Patient>>(session, 'GET', `Patient?general-practitioner=PractitionerRole/${session.persona.practitionerRoleId}&_count=1`);
    const patientId = listed.body.entry![0]!.resource!.id!;
    renderWithProviders(
      <Routes>
        <Route path="/:workspaceId/patient/:patientId/blocking" element={<BlockingPage />} />
      </Routes>,
      { fetchImpl: session.fetchImpl, token: session.token, route: `/gp-office/patient/${patientId}/blocking` },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Alt fra én tjeneste' }, { timeout: 15_000 }));
    await user.click(screen.getByRole('button', { name: 'Registrer sperring' }));
    expect(screen.getByText('Velg tjenesten som skal sperres.')).toBeInTheDocument();
    expect(screen.getByText('Velg enheten sperringen gjelder.')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Tjenesten som har skrevet det' }));
    const services = await screen.findAllByRole('option');
    const service = services[0]!.textContent ?? '';
    await user.click(services[0]!);
    await user.click(screen.getByRole('combobox', { name: 'Sperres for enhet' }));
    const units = await screen.findAllByRole('option');
    const unit = units[1]!.textContent ?? '';
    await user.click(units[1]!);
    await user.click(screen.getByRole('button', { name: 'Registrer sperring' }));
    expect(await screen.findByText('Sperringen er registrert.', {}, { timeout: 10_000 })).toBeInTheDocument();
    const active = await screen.findByRole('list', { name: 'Aktive sperringer' });
    await waitFor(() => expect(within(active).getByText(`Alt fra ${service} er sperret for ${unit}`)).toBeInTheDocument());

    const consents = await fhirAs<Bundle<Consent>>(session, 'GET', `Consent?patient=${patientId}&status=active`);
    const roles = consents.body.entry?.[0]?.resource?.provision?.actor?.map((a) => a.role.coding?.[0]?.code);
    expect(roles).toEqual(['PRCP', 'CST']);
  }, 60_000);
});
