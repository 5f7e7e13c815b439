import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, Encounter, EpisodeOfCare, Patient } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { useSession } from '../../session/store';
import { CODE_SYSTEM, IDENTIFIER } from '../../domain/codeSystems';
import { toQuery } from '../../fhir/client';
import { unseenResultsSearch } from '../../fhir/results/searches';
import { collectBundles, toReportView } from '../../fhir/results/model';
import { referenceId } from '../../fhir/format';
import ListedPatients from './ListedPatients';
import { useListState } from './listState';
import { contactSince } from './searches';
import { fakeVirtualLayout } from '../../test/virtualLayout';

workAfterScenarioClock();
beforeEach(() => useListState.setState({ owner: undefined }));

// the test DOM has no layout: give the list's scroll box a height and every row one, so the
// virtualiser renders what a 600 px box would show (and a few rows around it).
fakeVirtualLayout({ scroller: 'listed-patients-scroll', viewport: 600, row: 44, rowRole: 'row' });
let session: MockSession;

beforeAll(async () => {
  // Tromsø's GP has unseen results in the small scenario; home care starts for one of the
  // listed patients (a home-care district's decision), so every filter has someone to find.
  session = await mockBackendSession('gp', { municipality: 'Tromsø' });
  await session.backend.ready();
  const role = `PractitionerRole/${session.persona.practitionerRoleId}`;
  const [, second] = await all<Patient>(session, `Patient?general-practitioner=${role}&_sort=family`);
  const { status } = await fhirAs(session, 'POST', 'EpisodeOfCare', {
    resourceType: 'EpisodeOfCare',
    status: 'active',
    type: [{ coding: [{ system: CODE_SYSTEM.service, code: 'home-care' }], text: 'Hjemmesykepleie' }],
    patient: { reference: `Patient/${second!.id}` },
    period: { start: '2026-11-01' },
  });
  expect(status).toBe(201);
}, 60_000);

const nbsp = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

async function all<T>(session: MockSession, path: string): Promise<T[]> {
  const { body } = await fhirAs<Bundle<T>>(session, 'GET', `${path}&_count=1000`);
  return (body.entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => e.resource!);
}

/** What the list should show, asked of the backend independently of the module's own searches. */
async function expected(session: MockSession) {
  const role = `PractitionerRole/${session.persona.practitionerRoleId}`;
  const patients = await all<Patient>(session, `Patient?general-practitioner=${role}`);
  const listed = new Set(patients.map((p) => p.id!));
  const episodes = await all<EpisodeOfCare>(session, `EpisodeOfCare?status=active&type=${CODE_SYSTEM.service}|home-care`);
  const homeCare = new Set(episodes.map((e) => referenceId(e.patient, 'Patient')!).filter((id) => listed.has(id)));
  const since = contactSince(new Date());
  const encounters = await all<Encounter>(session, `Encounter?service-provider=Organization/${session.persona.organizationId}&date=ge${since}`);
  const contacted = new Set(encounters.filter((e) => !['planned', 'cancelled', 'entered-in-error'].includes(e.status)).map((e) => referenceId(e.subject, 'Patient')!));
  const noContact = patients.filter((p) => !contacted.has(p.id!));
  const { body: results } = await fhirAs<Bundle>(session, 'GET', `DiagnosticReport${toQuery(unseenResultsSearch(session.persona.practitionerRoleId))}`);
  const lab = collectBundles([results]);
  const abnormal = new Set(lab.reports.map((r) => toReportView(r, lab.observations)).filter((v) => v.unseen && v.abnormal).map((v) => referenceId(v.resource.subject, 'Patient')!));
  return { patients, homeCare, noContact, abnormal };
}

async function renderModule() {
  useSession.setState({ persona: session.persona, token: session.token });
  renderWithProviders(<ListedPatients config={{}} workspaceId="gp-office" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
  const table = await screen.findByRole('table', { name: 'Listepasienter' }, { timeout: 15_000 });
  // The details (contacts, care, results) are in when every filter can be used.
  await waitFor(() => expect(screen.getByRole('checkbox', { name: /^Ingen kontakt/ })).toBeEnabled(), { timeout: 15_000 });
  await waitFor(() => expect(screen.getByRole('checkbox', { name: /^Avvikende svar/ })).toBeEnabled());
  return { session, table, user: userEvent.setup(), truth: await expected(session) };
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const status = () => screen.getAllByRole('status').find((s) => /pasient/.test(s.textContent ?? ''))!;

describe('Listed patients', () => {
  it('shows the whole list in name order, each row a link to the chart with fødselsnummer and age', async () => {
    const { table, truth, user } = await renderModule();
    const total = truth.patients.length;
    expect(total).toBeGreaterThan(5);
    expect(status()).toHaveTextContent(new RegExp(`^${nbsp(total)} pasienter$`));
    expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    const first = rowsOf(table)[0]!;
    const link = within(first).getByRole('link');
    const sorted = [...truth.patients].sort((a, b) => new Intl.Collator('nb').compare(`${a.name![0]!.family}, ${a.name![0]!.given!.join(' ')}`, `${b.name![0]!.family}, ${b.name![0]!.given!.join(' ')}`));
    expect(link).toHaveAttribute('href', `/gp-office/patient/${sorted[0]!.id}`);
    const fnr = sorted[0]!.identifier!.find((i) => i.system === IDENTIFIER.fnr)!.value!;
    expect(first).toHaveTextContent(`${fnr.slice(0, 6)} ${fnr.slice(6)}`);
    expect(first).toHaveTextContent(/\d+ år/);
    // One row link is in the Tab order; the arrow keys move between rows.
    expect(link).toHaveAttribute('tabindex', '0');
    expect(within(rowsOf(table)[1]!).getByRole('link')).toHaveAttribute('tabindex', '-1');
    link.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(within(rowsOf(table)[1]!).getByRole('link')).toHaveFocus());
    expect(within(rowsOf(table)[1]!).getByRole('link')).toHaveAttribute('tabindex', '0');
    expect(link).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{End}');
    await waitFor(() => expect(within(rowsOf(table).at(-1)!).getByRole('link')).toHaveFocus());
    await user.keyboard('{Home}');
    await waitFor(() => expect(link).toHaveFocus());
  });

  it('searches by name and by fødselsnummer', async () => {
    const { table, truth, user } = await renderModule();
    const someone = truth.patients[Math.floor(truth.patients.length / 2)]!;
    const family = someone.name![0]!.family!;
    const search = screen.getByRole('searchbox', { name: 'Søk i listen' });
    await user.type(search, family);
    const sameFamily = truth.patients.filter((p) => p.name![0]!.family!.toLowerCase().split(/[\s-]/).some((w) => w.startsWith(family.toLowerCase().split(/[\s-]/)[0]!)));
    await waitFor(() => expect(status()).toHaveTextContent(`av ${nbsp(truth.patients.length)} pasienter`));
    expect(rowsOf(table).length).toBeGreaterThan(0);
    for (const row of rowsOf(table)) expect(within(row).getByRole('link').textContent).toMatch(new RegExp(family.split(/[\s-]/)[0]!, 'i'));
    expect(rowsOf(table).length).toBeLessThanOrEqual(sameFamily.length);

    const fnr = someone.identifier!.find((i) => i.system === IDENTIFIER.fnr)!.value!;
    await user.clear(search);
    await user.type(search, fnr);
    await waitFor(() => expect(status()).toHaveTextContent(`1 av ${nbsp(truth.patients.length)} pasient`));
    expect(rowsOf(table)).toHaveLength(1);
    expect(within(rowsOf(table)[0]!).getByRole('link')).toHaveAttribute('href', `/gp-office/patient/${someone.id}`);

    await user.clear(search);
    await user.type(search, 'qxzqxz');
    expect(await screen.findByText('Ingen pasienter passer med søket og filtrene.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nullstill søk og filtre' }));
    expect(status()).toHaveTextContent(new RegExp(`^${nbsp(truth.patients.length)} pasienter$`));
  });

  it('sorts by age and by last contact from the column headers', async () => {
    const { table, truth, user } = await renderModule();
    await user.click(screen.getByRole('button', { name: 'Alder' }));
    expect(screen.getByRole('columnheader', { name: 'Alder' })).toHaveAttribute('aria-sort', 'ascending');
    const youngest = [...truth.patients].sort((a, b) => (b.birthDate ?? '').localeCompare(a.birthDate ?? ''))[0]!;
    expect(within(rowsOf(table)[0]!).getByRole('link').textContent).toContain(youngest.name![0]!.family!);
    await user.click(screen.getByRole('button', { name: 'Alder' }));
    expect(screen.getByRole('columnheader', { name: 'Alder' })).toHaveAttribute('aria-sort', 'descending');
    const eldest = [...truth.patients].sort((a, b) => (a.birthDate ?? '').localeCompare(b.birthDate ?? ''))[0]!;
    expect(within(rowsOf(table)[0]!).getByRole('link').textContent).toContain(eldest.name![0]!.family!);

    // Last contact, longest ago first: those with none in 12 months come first.
    await user.click(screen.getByRole('button', { name: 'Siste kontakt' }));
    expect(truth.noContact.length).toBeGreaterThan(0);
    expect(rowsOf(table)[0]).toHaveTextContent('Ikke siste 12 mnd');
    await user.click(screen.getByRole('button', { name: 'Siste kontakt' }));
    expect(rowsOf(table)[0]).toHaveTextContent(/\d{2}\.\d{2}\.\d{4}/);
    expect(rowsOf(table)[0]).not.toHaveTextContent('Ikke siste 12 mnd');
  });

  it('filters: home care, unseen abnormal results, no contact for 12 months — each keeps exactly its patients', async () => {
    const { table, truth, user } = await renderModule();
    const total = nbsp(truth.patients.length);
    const cases = [
      { name: /^Har hjemmetjenester/, ids: truth.homeCare, chip: 'Hjemmetjenester' },
      { name: /^Avvikende svar ikke sett/, ids: truth.abnormal, chip: /avvikende svar ikke sett/ },
      { name: /^Ingen kontakt med kontoret/, ids: new Set(truth.noContact.map((p) => p.id!)), chip: 'Ikke siste 12 mnd' },
    ];
    for (const c of cases) {
      expect(c.ids.size, String(c.name)).toBeGreaterThan(0);
      const box = screen.getByRole('checkbox', { name: c.name });
      expect(box).toHaveAccessibleName(new RegExp(`\\(${c.ids.size}\\)$`));
      await user.click(box);
      await waitFor(() => expect(status()).toHaveTextContent(`${nbsp(c.ids.size)} av ${total} pasient`));
      for (const row of rowsOf(table)) {
        const id = within(row).getByRole('link').getAttribute('href')!.split('/patient/')[1]!;
        expect(c.ids.has(id)).toBe(true);
        expect(within(row).getByText(c.chip)).toBeInTheDocument();
      }
      await user.click(box);
      await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${total} pasienter$`)));
    }
  });
});
