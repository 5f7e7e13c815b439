import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, Immunization, Observation } from 'fhir/r4';
import { Route, Routes } from 'react-router';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { useSession } from '../../session/store';
import { ChildPage } from './ChildPage';
import { registerHealthStationStrings } from './i18n';

workAfterScenarioClock();
registerHealthStationStrings();

const CHILD = 'scn-hs-child';

async function openChild(options: { failWrites?: () => boolean } = {}) {
  const s = await mockBackendSession('hs-nurse', { municipality: 'Bergen', fresh: true });
  await s.backend.ready();
  useSession.setState({ persona: s.persona, token: s.token });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'POST' && options.failWrites?.()) return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'down' }] }), { status: 503 });
    return s.fetchImpl(input, init);
  }) as typeof fetch;
  renderWithProviders(
    <Routes>
      <Route path="/health-station/child/:patientId" element={<ChildPage />} />
    </Routes>,
    { fetchImpl, token: s.token, route: `/health-station/child/${CHILD}` },
  );
  await screen.findByRole('heading', { level: 1, name: 'Barnets side' }, { timeout: 20_000 });
  await screen.findByRole('table', { name: 'Helsestasjonsprogrammet' }, { timeout: 20_000 });
  return s;
}

describe('the child’s page at the health station', () => {
  it('lays out the programme by age: earlier consultations done, 12 months due now and booked today', async () => {
    await openChild();
    const next = screen.getByRole('status', { name: 'Neste konsultasjon' });
    expect(next).toHaveTextContent('12 måneder (aktuell nå)');
    expect(next).toHaveTextContent('Booket 26.11.2026');
    const rows = within(screen.getByRole('table', { name: 'Helsestasjonsprogrammet' })).getAllByRole('row');
    const row = (label: string) => rows.find((r) => within(r).queryByRole('rowheader')?.textContent?.startsWith(label));
    expect(row('10 måneder')).toHaveTextContent('Gjennomført');
    expect(row('8 måneder')).toHaveTextContent('Ikke gjennomført');
    expect(row('12 måneder')).toHaveTextContent('Pneumokokk (PCV) dose 3: aktuell nå');
    expect(row('5 måneder')).toHaveTextContent(/DTaP-IPV-Hib-HepB dose 2: gitt \d\d\.\d\d\.2026/);
  }, 40_000);

  it('growth: refuses an implausible weight in words and keeps what was typed; a failed save keeps the values; a saved one is on the chart with its z-score', async () => {
    let fail = false;
    const s = await openChild({ failWrites: () => fail });
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Vekst' }));
    await screen.findByRole('img', { name: 'Vekt for alder' }, { timeout: 20_000 }); // the WHO tables are in
    await user.type(screen.getByLabelText('Vekt (kg)'), '25');
    await user.type(screen.getByLabelText('Lengde/høyde (cm)'), '75,5');
    await user.click(screen.getByRole('button', { name: 'Lagre måling' }));
    expect((await screen.findAllByText(/25 kg er ikke trolig for et barn på 12 måneder/)).length).toBeGreaterThan(0);
    expect(screen.getByLabelText('Lengde/høyde (cm)')).toHaveValue('75,5');

    await user.clear(screen.getByLabelText('Vekt (kg)'));
    await user.type(screen.getByLabelText('Vekt (kg)'), '9,8');
    fail = true;
    await user.click(screen.getByRole('button', { name: 'Lagre måling' }));
    expect(await screen.findByText('Målingen ble ikke lagret. Verdiene er beholdt.')).toBeInTheDocument();
    expect(screen.getByLabelText('Vekt (kg)')).toHaveValue('9,8');
    expect(screen.getByLabelText('Lengde/høyde (cm)')).toHaveValue('75,5');

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Lagre måling' }));
    expect(await screen.findByText('Målingen er lagret. Punktet er tegnet inn på kurvene.')).toBeInTheDocument();
    const chart = await screen.findByRole('img', { name: 'Vekt for alder' });
    await waitFor(() => expect(chart).toHaveAccessibleDescription(/Siste: 26\.11\.2026: 9,80 kg, z [−-]?\d,\d, persentil \d+/));
    const table = screen.getByRole('table', { name: 'Målinger med z-skår og persentil' });
    const today = within(table).getAllByRole('row').filter((r) => r.textContent?.includes('26.11.2026'));
    expect(today.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual(['Vekt for alder', 'Lengde/høyde for alder', 'Vekt for lengde/høyde']);

    const { body } = await fhirAs<Bundle>(s, 'GET', `Observation?patient=Patient/${CHILD}&date=2026-11-26`);
    const saved = (body.entry ?? []).map((e) => e.resource as Observation);
    expect(saved.map((o) => `${o.code.coding?.[0]?.code} ${o.valueQuantity?.value}`).sort()).toEqual(['29563-7 9.8', '8306-3 75.5']);
  }, 60_000);

  it('growth: an implausible value checked and saved anyway is flagged in words in the table', async () => {
    await openChild();
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Vekst' }));
    await screen.findByRole('img', { name: 'Vekt for alder' }, { timeout: 20_000 }); // the WHO tables are in
    await user.type(screen.getByLabelText('Vekt (kg)'), '25');
    await user.click(await screen.findByRole('button', { name: 'Lagre måling' }));
    await user.click(await screen.findByRole('button', { name: 'Lagre likevel' }));
    expect(await screen.findByText('Målingen er lagret. Punktet er tegnet inn på kurvene.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Målinger med z-skår og persentil' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/26\.11\.2026.*25,00 kg.*Usannsynlig verdi; Utenfor ±2 SD; Har krysset to persentillinjer/));
  }, 60_000);

  it('vaccines: the batch number is required; a registered 12-month dose is given in the table and the programme', async () => {
    const s = await openChild();
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Vaksiner' }));
    await user.click(screen.getByRole('button', { name: 'Registrer Pneumokokk (PCV) dose 3' }));
    const dialog = screen.getByRole('dialog', { name: 'Registrer gitt dose' });
    await user.click(within(dialog).getByRole('button', { name: 'Registrer dose' }));
    expect(within(dialog).getByText('Skriv batchnummeret fra pakningen.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Batchnummer/), 'HX26123B');
    await user.click(within(dialog).getByRole('button', { name: 'Registrer dose' }));
    expect(await screen.findByText('Pneumokokk (PCV) dose 3 er registrert som gitt.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Registrer Pneumokokk (PCV) dose 3' })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Registrer DTaP-IPV-Hib-HepB dose 3' })).toBeInTheDocument();

    const { body } = await fhirAs<Bundle>(s, 'GET', `Immunization?patient=Patient/${CHILD}&date=2026-11-26`);
    const imm = body.entry?.[0]?.resource as Immunization;
    expect(imm.vaccineCode.coding?.[0]?.code).toBe('J07AL02');
    expect(imm.lotNumber).toBe('HX26123B');
    expect(imm.site?.coding?.[0]?.code).toBe('RT');
    expect(imm.protocolApplied?.[0]?.doseNumberPositiveInt).toBe(3);
    expect(imm.performer?.[0]?.actor.reference).toBe(`PractitionerRole/${s.persona.practitionerRoleId}`);

    await user.click(screen.getByRole('tab', { name: 'Program' }));
    expect(await screen.findByText('Pneumokokk (PCV) dose 3: gitt 26.11.2026')).toBeInTheDocument();
  }, 60_000);
});
