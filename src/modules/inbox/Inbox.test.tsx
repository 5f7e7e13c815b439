import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Communication } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession } from '../../../mocks/testing';
import { buildMessage } from '../../exchange/builders';
import { useSession } from '../../session/store';
import Inbox from './Inbox';
import { fakeVirtualLayout } from '../../test/virtualLayout';

// the test DOM has no layout: the list's scroll box and its rows get heights, so the virtualiser renders rows.
fakeVirtualLayout({ scroller: 'inbox-scroll', viewport: 600, row: 76 });

// The scenario's clock (mocks/testing.ts) is 26.11.2026 09:00; the nurse looks at 09:30.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:30:00+01:00') }));
afterEach(() => {
  vi.useRealTimers();
  useSession.setState({ persona: null, token: null });
});

describe('the inbox', () => {
  it('shows the unit’s unread messages, opens one (read), and shows the sender a question past its due time first, marked', async () => {
    const session = await mockBackendSession('homecare-nurse', { municipality: 'Bergen' });
    await session.backend.ready();
    useSession.setState({ persona: session.persona, token: session.token });
    const admitted = (await fhirAs<Communication>(session, 'GET', 'Communication/xch-innlagt-1')).body;
    const nurse = session.persona;
    const sender = { person: { reference: `PractitionerRole/${nurse.practitionerRoleId}`, display: nurse.name }, unit: { reference: `Organization/${nurse.organizationId}`, display: nurse.unitName } };
    const ask = (text: string, due: string, sent: string) =>
      fhirAs<Communication>(session, 'POST', 'Communication', buildMessage({ type: 'foresporsel', patient: admitted.subject!, sender, recipients: [{ reference: 'PractitionerRole/role-gp-x', display: 'Lege X' }], text, sent, due }));
    await ask('Kan vi endre tidspunkt for insulin?', '2026-11-26T08:30:00+01:00', '2026-11-26T07:00:00+01:00');
    await ask('Trenger ny resept på bandasjer.', '2026-11-27T12:00:00+01:00', '2026-11-26T08:00:00+01:00');

    const user = userEvent.setup();
    renderWithProviders(<Inbox config={{}} workspaceId="home-care" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
    const incoming = await screen.findByRole('list', { name: 'Innkommende meldinger' }, { timeout: 15_000 });
    const row = within(incoming).getAllByRole('listitem')[0]!;
    expect(row).toHaveTextContent('Melding om innlagt pasient');
    expect(row).toHaveTextContent('Ulest');
    expect(screen.getByText(/1 ulest/)).toBeInTheDocument();

    await user.click(within(row).getByRole('button'));
    const dialog = await screen.findByRole('dialog', { name: /Melding om innlagt pasient/ });
    await waitFor(() => expect(within(dialog).getByRole('list', { name: 'Status' })).toHaveTextContent('Lest'));
    // Home care answers an admission with its admission report, to the same hospital, about the same patient.
    const report = within(dialog).getByRole('link', { name: 'Send innleggelsesrapport' });
    const href = new URL(report.getAttribute('href') ?? '', 'http://x');
    expect(href.pathname).toBe('/home-care/messages/new');
    expect(Object.fromEntries(href.searchParams)).toEqual({ patient: admitted.subject!.reference!.split('/')[1], type: 'innleggelsesrapport', to: admitted.sender!.reference });
    await user.click(within(dialog).getByRole('button', { name: 'Lukk' }));
    await waitFor(() => expect(screen.getByText(/0 uleste/)).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Sendte' }));
    const outgoing = await screen.findByRole('list', { name: 'Sendte meldinger' });
    const rows = within(outgoing).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Kan vi endre tidspunkt for insulin?');
    expect(rows[0]).toHaveTextContent('Svarfrist passert');
    expect(rows[1]).toHaveTextContent('Trenger ny resept på bandasjer.');
    expect(rows[1]).not.toHaveTextContent('Svarfrist passert');
    expect(screen.getByText(/1 spørsmål over svarfristen/)).toBeInTheDocument();
  }, 60_000);
  it('keeps the messages on screen when a look for new ones fails without coverage, and says so', async () => {
    const session = await mockBackendSession('homecare-nurse', { municipality: 'Bergen' });
    await session.backend.ready();
    useSession.setState({ persona: session.persona, token: session.token });
    const network = { offline: false };
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (network.offline) throw new TypeError('Failed to fetch');
      return session.fetchImpl(input, init);
    }) as typeof fetch;
    const { queryClient } = renderWithProviders(<Inbox config={{}} workspaceId="home-care" device="desktop" />, { fetchImpl, token: session.token });
    const incoming = await screen.findByRole('list', { name: 'Innkommende meldinger' }, { timeout: 15_000 });
    const shown = within(incoming).getAllByRole('listitem').length;
    expect(shown).toBeGreaterThan(0);
    // The inbox's next look for new messages (what its poll does), with no coverage.
    network.offline = true;
    await queryClient.invalidateQueries({ queryKey: ['fhir', 'Communication'] });
    expect(await screen.findByRole('button', { name: 'Prøv igjen' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Innkommende meldinger' })).getAllByRole('listitem')).toHaveLength(shown);
  });
});
