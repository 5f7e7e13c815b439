import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { format } from 'date-fns';
import { renderWithProviders } from '../../test/render';
import { mockBackendSession } from '../../../mocks/testing';
import { useSession } from '../../session/store';
import HealthStationDay from './HealthStationDay';

// The scenario's clock (mocks/testing.ts) is 26.11.2026 09:00; the list asks for "today" by the machine's clock.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:30:00+01:00') }));
afterEach(() => {
  vi.useRealTimers();
  useSession.setState({ persona: null, token: null });
});

describe('today’s consultations at the health station', () => {
  it('lists the nurse’s children today in time order, with age and consultation, each linking to the child’s page', async () => {
    const session = await mockBackendSession('hs-nurse', { municipality: 'Bergen' });
    await session.backend.ready();
    useSession.setState({ persona: session.persona, token: session.token });
    renderWithProviders(<HealthStationDay config={{}} workspaceId="health-station" device="tablet" />, { fetchImpl: session.fetchImpl, token: session.token });
    const list = await screen.findByRole('list', { name: 'Dagens konsultasjoner i tidsrekkefølge' }, { timeout: 20_000 });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(2);
    const times = items.map((i) => i.textContent?.slice(0, 5) ?? '');
    expect([...times].sort()).toEqual(times);
    const hers = items.find((i) => i.textContent?.includes('Konsultasjon 12 måneder'));
    // Booked 10:00 Oslo time, shown in the device's time zone.
    expect(hers).toHaveTextContent(format(new Date('2026-11-26T10:00:00+01:00'), 'HH:mm'));
    expect(hers).toHaveTextContent('12 måneder');
    expect(within(hers!).getByRole('link')).toHaveAttribute('href', '/health-station/child/scn-hs-child');
  }, 40_000);
});
