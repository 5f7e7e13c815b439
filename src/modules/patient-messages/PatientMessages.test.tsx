import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Communication } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession } from '../../../mocks/testing';
import { useSession } from '../../session/store';
import PatientMessages from './PatientMessages';

afterEach(() => useSession.setState({ persona: null, token: null }));

describe('messages in the patient’s journal', () => {
  it('lists what was sent and received about the patient, newest first, with sender, recipient, status and the text', async () => {
    const session = await mockBackendSession('gp', { municipality: 'Bergen' });
    await session.backend.ready();
    useSession.setState({ persona: session.persona, token: session.token });
    const admitted = (await fhirAs<Communication>(session, 'GET', 'Communication/xch-innlagt-1')).body;
    const patientId = admitted.subject!.reference!.split('/')[1]!;
    renderWithProviders(<PatientMessages patientId={patientId} config={{}} workspaceId="gp-office" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
    const list = await screen.findByRole('list', { name: 'Meldinger om pasienten' }, { timeout: 15_000 });
    const item = within(list).getAllByRole('listitem')[0]!;
    expect(item).toHaveTextContent('Melding om innlagt pasient');
    expect(item).toHaveTextContent('fra Haukeland universitetssjukehus');
    expect(item).toHaveTextContent(/Sendt \d{2}\.\d{2}\.\d{4}/);
    // The text opens from its first line.
    const summary = within(item).getByText(/er innlagt ved Medisinsk avdeling/, { selector: 'summary' });
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await userEvent.setup().click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
  }, 30_000);
});
