import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import type { Bundle, MedicationStatement } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import type { PersonnelGroup } from '../../session/personnel';
import { useSession } from '../../session/store';
import { medsNb } from './i18n';
import Medications from './Medications';

i18n.addResourceBundle('nb', 'translation', { medications: medsNb }, true, true);

// Every test uses its own patient on one shared backend (the small scenario, generated once).
let gp: MockSession;
let edDoctor: MockSession;
let nurse: MockSession;

beforeAll(async () => {
  gp = await mockBackendSession('gp', { municipality: 'Bergen' });
  await gp.backend.ready();
  edDoctor = await mockBackendSession('ed-doctor', { municipality: 'Bergen' });
  nurse = await mockBackendSession('homecare-nurse', { municipality: 'Bergen' });
}, 60_000);

workAfterScenarioClock();

const fhir = fhirAs;

async function statements(patientId: string, query = ''): Promise<MedicationStatement[]> {
  const { body } = await fhir<Bundle<MedicationStatement>>(gp, 'GET', `MedicationStatement?patient=${patientId}&_count=500${query}`);
  return (body.entry ?? []).map((e) => e.resource!);
}

const sessions: Record<string, () => MockSession> = { gp: () => gp, 'ed-doctor': () => edDoctor, 'homecare-nurse': () => nurse };

interface RenderOptions {
  failPosts?: () => boolean;
  /** Every read fails (503) while `failReads` is set: a tablet that has lost its coverage. */
  network?: { failReads: boolean };
}

/** The module for a persona of the group, on a fetch that can be made to fail. */
function renderModule(group: PersonnelGroup, patientId: string, options: RenderOptions = {}) {
  const session = sessions[group]!();
  useSession.setState({ persona: session.persona, token: session.token });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET' && options.network?.failReads) {
      return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] }), {
        status: 503,
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }
    if (init?.method === 'POST' && options.failPosts?.()) {
      return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'Database unavailable' }] }), {
        status: 500,
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }
    return session.fetchImpl(input, init);
  }) as typeof fetch;
  const user = userEvent.setup();
  const view = renderWithProviders(<Medications patientId={patientId} config={{}} workspaceId="test" device="desktop" />, { fetchImpl, token: session.token });
  return { user, session, ...view };
}

/** The module (see renderModule), once the list is there. */
async function renderList(group: PersonnelGroup, patientId: string, options: RenderOptions = {}) {
  const view = renderModule(group, patientId, options);
  const list = await screen.findByRole('list', { name: 'Legemiddelliste' }, { timeout: 15_000 });
  return { list, ...view };
}

/** The list item of a medicine (by its product text). */
function item(list: HTMLElement, product: string): HTMLElement {
  const name = within(list).getByText(product, { selector: 'span' });
  return name.closest('li')!;
}

async function paste(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('the medication list', { timeout: 60_000 }, () => {
  it('a GP starts a medicine: it is listed with ATC code, dosage in words and structured, start, reason and who recorded it', async () => {
    const { user, list } = await renderList('gp', 'pat-00037');
    expect(within(list).queryByText('Metformin 500 mg tablett')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Start legemiddel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start legemiddel' });
    await user.type(within(dialog).getByRole('combobox', { name: /^Legemiddel/ }), 'a10ba');
    const options = await within(await screen.findByRole('listbox')).findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Metformin 500 mg tablettA10BA02', 'Metformin 850 mg tablettA10BA02', 'Metformin 1000 mg tablettA10BA02']);
    await user.click(options[0]!);
    expect(within(dialog).getByRole('combobox', { name: /^Legemiddel/ })).toHaveValue('Metformin 500 mg tablett');
    // The unit follows the product; the strength can be changed among the same product's strengths.
    expect(within(dialog).getByLabelText(/^Enhet/)).toHaveValue('tablet');
    expect(within(dialog).getByLabelText('Styrke')).toHaveValue('metformin-500');

    await paste(user, within(dialog).getByRole('textbox', { name: /^Dose/ }), '1');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Morgen' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Kveld' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 tablett morgen og kveld');
    await user.selectOptions(within(dialog).getByLabelText(/^Bruksområde/), 'Annet – skriv bruksområdet selv');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Bruksområde \(fritekst\)/ }), 'Diabetes type 2');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Metformin 500 mg tablett er lagt til i legemiddellisten.');
    const row = await waitFor(() => item(screen.getByRole('list', { name: 'Legemiddelliste' }), 'Metformin 500 mg tablett'));
    expect(within(row).getByText('A10BA02', { exact: false })).toBeInTheDocument();
    expect(within(row).getByText('1 tablett morgen og kveld')).toBeInTheDocument();
    expect(within(row).getByText('Strukturert: 1 tablett × 2 per døgn (morgen, kveld)')).toBeInTheDocument();
    expect(within(row).getByText('Startet 26.11.2026 · Bruksområde: Diabetes type 2')).toBeInTheDocument();
    expect(await within(row).findByText(/Harald Sørensen \(Fastlege\) · Landås legekontor · Fastlegetjenesten · Bergen kommune/)).toBeInTheDocument();

    const saved = (await statements('pat-00037', '&code=A10BA02'))[0]!;
    expect(saved).toMatchObject({
      status: 'active',
      medicationCodeableConcept: { coding: [{ system: CODE_SYSTEM.atc, code: 'A10BA02' }], text: 'Metformin 500 mg tablett' },
      effectivePeriod: { start: '2026-11-26' },
      informationSource: { reference: `PractitionerRole/${gp.persona.practitionerRoleId}`, display: 'Harald Sørensen' },
      reasonCode: [{ text: 'Diabetes type 2' }],
    });
    expect(saved.dosage?.[0]).toMatchObject({ text: '1 tablett morgen og kveld', timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd', when: ['MORN', 'EVE'] } } });
  });

  it('changes a dose with a reason (If-Match); the history shows the change, who made it and why', async () => {
    const { user, list } = await renderList('gp', 'pat-00037');
    await user.click(within(list).getByRole('button', { name: 'Endre dosering av Atorvastatin 20 mg tablett' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre dosering' });
    expect(within(dialog).getByText('Nå: 1 tablett kveld')).toBeInTheDocument();
    const dose = within(dialog).getByRole('textbox', { name: /^Dose/ });
    expect(dose).toHaveValue('1');
    expect(within(dialog).getByRole('checkbox', { name: 'Kveld' })).toBeChecked();
    await user.clear(dose);
    await paste(user, dose, '2');
    // A change needs a reason: the form says so next to the field and keeps the new dose.
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(within(dialog).getByRole('textbox', { name: /^Begrunnelse for endringen/ })).toHaveAccessibleDescription('Skriv hvorfor doseringen endres.');
    expect(dose).toHaveValue('2');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Begrunnelse for endringen/ }), 'LDL fortsatt for høy');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Doseringen av Atorvastatin 20 mg tablett er endret.');

    const stored = (await statements('pat-00037')).find((m) => m.id === 'med-00037-02')!;
    expect(stored.meta?.versionId).toBe('2');
    expect(stored.dosage?.[0]?.text).toBe('2 tabletter kveld');
    expect(stored.note?.at(-1)?.text).toBe('LDL fortsatt for høy');

    const row = item(await screen.findByRole('list', { name: 'Legemiddelliste' }), 'Atorvastatin 20 mg tablett');
    await within(row).findByText('2 tabletter kveld');
    await user.click(within(row).getByRole('button', { name: 'Historikk for Atorvastatin 20 mg tablett' }));
    const history = await within(row).findByRole('list', { name: 'Historikk for Atorvastatin 20 mg tablett' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Dosering endret');
    expect(entries[0]).toHaveTextContent('Fra «1 tablett kveld» til «2 tabletter kveld».');
    expect(entries[0]).toHaveTextContent('Begrunnelse: LDL fortsatt for høy');
    await waitFor(() => expect(entries[0]).toHaveTextContent(/26\.11\.2026 \d\d:\d\d · Harald Sørensen \(Fastlege\) · Landås legekontor/));
    expect(entries[1]).toHaveTextContent('Startet 14.10.2022');
    expect(entries[1]).toHaveTextContent('Erik Birkeland');

    // The list's change log has it too, with the stopped statin before it.
    await user.click(screen.getByRole('button', { name: 'Endringslogg' }));
    const log = await screen.findByRole('list', { name: 'Endringer i legemiddellisten' });
    expect(within(log).getAllByRole('listitem')[0]).toHaveTextContent('Atorvastatin 20 mg tablett: Dosering endret');
    expect(within(log).getByText('Simvastatin 20 mg tablett: Seponert 14.10.2022')).toBeInTheDocument();
    expect(within(log).getByText('Begrunnelse: Byttet til annet legemiddel på grunn av utilstrekkelig effekt')).toBeInTheDocument();
  });

  it('stops a medicine with a reason; it leaves the current list and shows as stopped when asked', async () => {
    const { user, list } = await renderList('gp', 'pat-00043');
    await user.click(within(list).getByRole('button', { name: 'Seponer Alendronsyre 70 mg tablett' }));
    const dialog = await screen.findByRole('dialog', { name: 'Seponer legemiddel' });
    expect(within(dialog).getByText('Startet 31.10.2014')).toBeInTheDocument();
    const date = within(dialog).getByLabelText(/^Seponeringsdato/);
    expect(date).toHaveValue('2026-11-26');
    await user.clear(date);
    await user.type(date, '2014-10-01');
    await user.click(within(dialog).getByRole('button', { name: 'Seponer' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kan ikke lagre ennå: 2 felt må rettes.');
    expect(date).toHaveAccessibleDescription('Seponeringsdatoen kan ikke være før startdatoen (31.10.2014).');
    expect(within(dialog).getByRole('textbox', { name: /^Grunn til seponering/ })).toHaveAccessibleDescription('Skriv hvorfor legemidlet seponeres.');
    expect(date).toHaveValue('2014-10-01');

    await user.clear(date);
    await user.type(date, '2026-11-26');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Grunn til seponering/ }), 'Behandlet i fem år');
    await user.click(within(dialog).getByRole('button', { name: 'Seponer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Alendronsyre 70 mg tablett er seponert.');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Legemiddelliste' })).queryByText('Alendronsyre 70 mg tablett')).toBeNull());

    const stored = (await statements('pat-00043')).find((m) => m.id === 'med-00043-03')!;
    expect(stored).toMatchObject({ status: 'stopped', effectivePeriod: { end: '2026-11-26' }, statusReason: [{ text: 'Behandlet i fem år' }] });

    await user.click(screen.getByRole('switch', { name: 'Vis seponerte og avsluttede' }));
    const row = item(await screen.findByRole('list', { name: 'Legemiddelliste' }), 'Alendronsyre 70 mg tablett');
    expect(within(row).getByText('Seponert')).toBeInTheDocument();
    expect(within(row).getByText(/Seponert 26\.11\.2026/)).toBeInTheDocument();
    expect(within(row).getByText('Grunn til seponering: Behandlet i fem år')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /Endre dosering|Seponer/ })).toBeNull();
  });

  it('is read-only for a home care nurse, who still sees stopped medicines and each one’s history; an emergency doctor may change it', async () => {
    const { user, list, unmount } = await renderList('homecare-nurse', 'pat-00128');
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByText('Bare forskrivere (fastlege og legevaktlege) kan endre legemiddellisten.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start legemiddel' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Endre dosering/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Seponer/ })).toBeNull();

    await user.click(screen.getByRole('switch', { name: 'Vis seponerte og avsluttede' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Legemiddelliste' })).getAllByRole('listitem')).toHaveLength(6));
    const all = screen.getByRole('list', { name: 'Legemiddelliste' });
    const statin = item(all, 'Simvastatin 20 mg tablett');
    expect(within(statin).getByText('Grunn til seponering: Byttet til annet legemiddel på grunn av utilstrekkelig effekt')).toBeInTheDocument();
    expect(within(item(all, 'Fenoksymetylpenicillin 660 mg tablett')).getByText('Avsluttet')).toBeInTheDocument();
    // Stopped and completed ones come after the current ones.
    expect(within(all).getAllByRole('listitem').at(-1)).toHaveTextContent('Fenoksymetylpenicillin');
    await user.click(within(statin).getByRole('button', { name: 'Historikk for Simvastatin 20 mg tablett' }));
    const history = await within(statin).findByRole('list', { name: 'Historikk for Simvastatin 20 mg tablett' });
    expect(within(history).getAllByRole('listitem').map((li) => li.querySelector('p')?.textContent)).toEqual(['Seponert 01.06.2026', 'Startet 13.02.2026']);
    unmount();

    const doctor = await renderList('ed-doctor', 'pat-00128');
    expect(within(doctor.list).getByRole('button', { name: 'Endre dosering av Acetylsalisylsyre 75 mg enterotablett' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start legemiddel' })).toBeInTheDocument();
  });

  it('filters the list by the service that recorded each medicine', async () => {
    const { user, list } = await renderList('gp', 'pat-00070');
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    await user.click(screen.getByRole('combobox', { name: 'Tjeneste' }));
    const hospital = await screen.findByRole('option', { name: 'Spesialisthelsetjenesten (3)' });
    expect(screen.getByRole('option', { name: 'Fastlegetjenesten (1)' })).toBeInTheDocument();
    await user.click(hospital);
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Legemiddelliste' })).getAllByRole('listitem')).toHaveLength(3));
    for (const li of within(screen.getByRole('list', { name: 'Legemiddelliste' })).getAllByRole('listitem')) expect(li).toHaveTextContent('Spesialisthelsetjenesten');
  });

  it('keeps the list on screen when a refresh fails, says so, and never says "none" for want of an answer', async () => {
    const network = { failReads: false };
    const { queryClient } = await renderList('homecare-nurse', 'pat-00070', { network });
    expect(within(screen.getByRole('list', { name: 'Legemiddelliste' })).getAllByRole('listitem')).toHaveLength(4);
    network.failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Legemiddelliste' })).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.queryByText('Ingen legemidler i bruk.')).toBeNull();
  });

  it('keeps the change log on screen when a refresh fails, and says so', async () => {
    const network = { failReads: false };
    const { user, queryClient } = await renderList('homecare-nurse', 'pat-00128', { network });
    await user.click(screen.getByRole('button', { name: 'Endringslogg' }));
    const before = within(await screen.findByRole('list', { name: 'Endringer i legemiddellisten' }, { timeout: 10_000 })).getAllByRole('listitem').length;
    expect(screen.getByText('Simvastatin 20 mg tablett: Seponert 01.06.2026')).toBeInTheDocument();
    network.failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Endringer i legemiddellisten' })).getAllByRole('listitem')).toHaveLength(before);
    expect(screen.getByText('Simvastatin 20 mg tablett: Seponert 01.06.2026')).toBeInTheDocument();
    expect(screen.queryByText('Ingen endringer registrert.')).toBeNull();
  });

  it('says nothing is known, not "none", when the first load fails', async () => {
    renderModule('homecare-nurse', 'pat-00070', { network: { failReads: true } });
    expect(await screen.findByText('Feil på serveren', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Laster …' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Legemiddelliste' })).toBeNull();
    expect(screen.queryByText('Ingen legemidler i bruk.')).toBeNull();
    expect(screen.queryByText('Ingen legemidler er registrert for pasienten.')).toBeNull();
  });

  it('keeps everything typed when the form has errors or the save fails, and saves on retry', async () => {
    let fail = true;
    const { user } = await renderList('gp', 'pat-00020', { failPosts: () => fail });
    await user.click(screen.getByRole('button', { name: 'Start legemiddel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start legemiddel' });
    const drug = within(dialog).getByRole('combobox', { name: /^Legemiddel/ });
    await user.type(drug, 'parac');
    const dose = within(dialog).getByRole('textbox', { name: /^Dose/ });
    await paste(user, dose, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kan ikke lagre ennå: 5 felt må rettes.');
    expect(drug).toHaveAccessibleDescription('Velg et legemiddel fra listen.');
    expect(dose).toHaveAccessibleDescription('Dosen må være større enn 0.');
    expect(within(dialog).getByLabelText(/^Enhet/)).toHaveAccessibleDescription('Velg enhet.');
    expect(within(dialog).getByText('Kryss av for minst ett tidspunkt.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Bruksområde/)).toHaveAccessibleDescription('Velg en diagnose, eller velg «Annet» og skriv bruksområdet.');
    expect(drug).toHaveValue('parac');
    expect(dose).toHaveValue('0');
    expect(drug).toHaveFocus();

    await user.click(drug);
    await user.click(await screen.findByRole('option', { name: /^Paracetamol 500 mg tablett/ }));
    await user.clear(dose);
    await paste(user, dose, '2');
    await user.click(within(dialog).getByRole('radio', { name: 'Et antall ganger per døgn' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Ved behov' }));
    await paste(user, within(dialog).getByRole('textbox', { name: /^Inntil antall ganger per døgn/ }), '3');
    await user.selectOptions(within(dialog).getByLabelText(/^Bruksområde/), 'Astma');
    expect(within(dialog).queryByText(/Kan ikke lagre ennå/)).toBeNull();
    expect(within(dialog).getByRole('status')).toHaveTextContent('2 tabletter inntil 3 ganger daglig ved behov');

    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText('Feil på serveren')).toBeInTheDocument();
    expect(within(dialog).getByText('Lagringen mislyktes. Ingenting er lagret, og det du fylte inn er beholdt.')).toBeInTheDocument();
    expect(drug).toHaveValue('Paracetamol 500 mg tablett');
    expect(dose).toHaveValue('2');
    expect(await statements('pat-00020', '&code=N02BE01')).toHaveLength(0);

    fail = false;
    await user.click(within(dialog).getByRole('button', { name: 'Prøv igjen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const saved = await statements('pat-00020', '&code=N02BE01');
    expect(saved).toHaveLength(1);
    expect(saved[0]?.dosage?.[0]?.text).toBe('2 tabletter inntil 3 ganger daglig ved behov');
    expect(saved[0]?.reasonReference?.[0]?.display).toBe('Astma');
  });
});

describe('conflict handling', { timeout: 60_000 }, () => {
  /** Opens "change dosage" of the patient's first current medicine, types a new dose and reason; meanwhile an emergency doctor saves another dosage. */
  async function conflictOn(patientId: string) {
    const [target] = (await statements(patientId, '&status=active')).sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
    const name = target!.medicationCodeableConcept!.text!;
    const { user, list } = await renderList('gp', patientId);
    await user.click(within(list).getByRole('button', { name: `Endre dosering av ${name}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre dosering' });
    const dose = within(dialog).getByRole('textbox', { name: /^Dose/ });
    await user.clear(dose);
    await paste(user, dose, '3');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Begrunnelse for endringen/ }), 'Trenger høyere dose');

    const theirs: MedicationStatement = {
      ...target!,
      dosage: [{ ...target!.dosage![0]!, text: 'Halv dose etter sykehusopphold' }],
      informationSource: { reference: `PractitionerRole/${edDoctor.persona.practitionerRoleId}`, display: edDoctor.persona.name },
    };
    const put = await fhir<MedicationStatement>(edDoctor, 'PUT', `MedicationStatement/${target!.id}`, theirs, { 'If-Match': `W/"${target!.meta!.versionId}"` });
    expect(put.status).toBe(200);

    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    const alert = await within(dialog).findByRole('alert');
    return { user, dialog, alert, dose, target: target!, name, theirVersion: put.body.meta!.versionId! };
  }

  it('on a 412 shows both versions and who saved theirs; nothing is overwritten until the user keeps theirs or writes mine', async () => {
    const { user, dialog, alert, dose, target, name, theirVersion } = await conflictOn('pat-00074');
    expect(within(alert).getByText('Endret av en annen mens du arbeidet')).toBeInTheDocument();
    await within(alert).findByText(/^Hanna Amundsen \(Lege, legevakt\) har lagret denne oppføringen/);
    const dosageRow = within(alert).getByRole('row', { name: /^Dosering/ });
    expect(within(dosageRow).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.stringMatching(/^3 /), 'Halv dose etter sykehusopphold (ulik)']);
    expect(within(alert).getByRole('row', { name: /^Registrert av/ })).toHaveTextContent('Harald SørensenHanna Amundsen');
    // What the user typed is still there, and the server still holds their version.
    expect(dose).toHaveValue('3');
    const before = (await statements('pat-00074')).find((m) => m.id === target.id)!;
    expect(before.meta?.versionId).toBe(theirVersion);
    expect(before.dosage?.[0]?.text).toBe('Halv dose etter sykehusopphold');
    expect(within(dialog).getByRole('button', { name: 'Lagre' })).toBeDisabled();

    await user.click(within(alert).getByRole('button', { name: 'Lagre min versjon' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent(`Doseringen av ${name} er endret.`);
    const after = (await statements('pat-00074')).find((m) => m.id === target.id)!;
    // Written once more, over the version the user was shown.
    expect(after.meta?.versionId).toBe(String(Number(theirVersion) + 1));
    expect(after.dosage?.[0]?.text).toMatch(/^3 /);
    expect(after.note?.at(-1)?.text).toBe('Trenger høyere dose');
    expect(after.informationSource?.display).toBe('Harald Sørensen');
  });

  it('can take the stored version instead: my change is dropped and the list shows theirs', async () => {
    const { user, alert, target, name, theirVersion } = await conflictOn('pat-00118');
    await user.click(within(alert).getByRole('button', { name: 'Bruk den lagrede versjonen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Endringen din ble ikke lagret. Listen viser den lagrede versjonen.');
    const row = item(screen.getByRole('list', { name: 'Legemiddelliste' }), name);
    await within(row).findByText('Halv dose etter sykehusopphold');
    const stored = (await statements('pat-00118')).find((m) => m.id === target.id)!;
    expect(stored.meta?.versionId).toBe(theirVersion);
    expect(stored.dosage?.[0]?.text).toBe('Halv dose etter sykehusopphold');
  });
});
