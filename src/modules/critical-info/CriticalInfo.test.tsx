import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import type { AllergyIntolerance, Bundle, Flag, Patient } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { PatientContextBar } from '../../journal/PatientContextBar';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { useSession } from '../../session/store';
import { criticalNb } from './i18n';
import { EXT } from './model';
import CriticalInfo from './CriticalInfo';

let gp: MockSession;

beforeAll(async () => {
  i18n.addResourceBundle('nb', 'translation', { criticalInfo: criticalNb }, true, true);
  // Generating the small scenario takes a few seconds; the tests share it, each with its own patient.
  gp = await mockBackendSession('gp');
  await gp.backend.ready();
}, 60_000);

workAfterScenarioClock();

const fhir = fhirAs;

interface Write {
  method: string;
  url: string;
  ifMatch: string | null;
}

/** Renders the module (and, if asked, the patient context bar above it) for the session's persona. */
async function renderModule(session: MockSession, patientId: string, options: { bar?: boolean; failWrites?: number; network?: { failReads: boolean } } = {}) {
  useSession.setState({ persona: session.persona, token: session.token });
  const writes: Write[] = [];
  let failures = options.failWrites ?? 0;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (method === 'GET' && options.network?.failReads) {
      return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] }), {
        status: 503,
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }
    if (method === 'POST' || method === 'PUT') {
      writes.push({ method, url: String(input), ifMatch: new Headers(init?.headers).get('If-Match') });
      if (failures > 0) {
        failures -= 1;
        return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'Database unavailable' }] }), {
          status: 500,
          headers: { 'Content-Type': 'application/fhir+json' },
        });
      }
    }
    return session.fetchImpl(input, init);
  }) as typeof fetch;
  const patient = options.bar ? (await fhir<Patient>(session, 'GET', `Patient/${patientId}`)).body : undefined;
  const view = renderWithProviders(
    <>
      {patient && <PatientContextBar patient={patient} onShowCritical={() => undefined} />}
      <CriticalInfo patientId={patientId} config={{}} workspaceId="gp-office" device="desktop" />
    </>,
    { fetchImpl, token: session.token },
  );
  await waitFor(() => expect(screen.queryByRole('status', { name: 'Laster …' })).not.toBeInTheDocument(), { timeout: 10_000 });
  return { ...view, writes, user: userEvent.setup({ delay: null }) };
}

/** Another user corrects an entry's reaction on the server, so it has a version 2 with changes to show. */
async function correctReaction(id: string, reaction: string) {
  const { body: current } = await fhir<AllergyIntolerance>(gp, 'GET', `AllergyIntolerance/${id}`);
  const corrected: AllergyIntolerance = { ...current, reaction: [{ manifestation: [{ text: reaction }] }] };
  expect((await fhir(gp, 'PUT', `AllergyIntolerance/${id}`, corrected, { 'If-Match': `W/"${current.meta?.versionId ?? ''}"` })).status).toBe(200);
}

function hypersensitivity() {
  return screen.getByRole('list', { name: 'Overfølsomhetsreaksjoner' });
}

/** The items of a list, by the text of their first line. */
function titles(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('p')?.textContent ?? '');
}

function contextBarMarker() {
  return within(screen.getByRole('region', { name: 'Pasient' })).queryByRole('button', { name: /Kritisk informasjon/ });
}

async function paste(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('critical information', { timeout: 60_000 }, () => {
  it('lists the entries by Kjernejournal category with certainty, source and who recorded them where', async () => {
    await renderModule(gp, 'pat-00165');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Overfølsomhetsreaksjoner', 'Pågående behandlinger og implantater']);
    const list = hypersensitivity();
    const penicillin = within(list).getAllByRole('listitem').find((li) => li.textContent?.startsWith('Penicillin'))!;
    expect(penicillin).toHaveTextContent('ATC J01CE · Reaksjon: Utslett · Sikkerhet: Bekreftet · Fra 12.09.2023');
    expect(penicillin).toHaveTextContent('Kilde: ikke oppgitt');
    await waitFor(() => expect(penicillin).toHaveTextContent(/04\.09\.2026 \d\d:\d\d · Bilal Iqbal \(Fastlege\) · .+ · Fastlegetjenesten · .+ kommune/));
    expect(within(penicillin).queryByText('Alvorlig')).toBeNull();
    // A GP may correct and refute.
    expect(within(penicillin).getByRole('button', { name: 'Korriger Penicillin' })).toBeInTheDocument();
    expect(within(penicillin).getByRole('button', { name: 'Avkreft Penicillin' })).toBeInTheDocument();
  });

  it('keeps the entries on screen when a refresh fails, says so, and never says "none" for want of an answer', async () => {
    const network = { failReads: false };
    const { queryClient } = await renderModule(gp, 'pat-00165', { network });
    expect(titles(hypersensitivity())).toContain('Penicillin');
    network.failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(titles(hypersensitivity())).toContain('Penicillin');
    expect(screen.queryByText('Ingen kritisk informasjon registrert.')).toBeNull();
  });

  it('says nothing is known, not "none", when the first load fails', async () => {
    await renderModule(gp, 'pat-00165', { network: { failReads: true } });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Overfølsomhetsreaksjoner' })).toBeNull();
    expect(screen.queryByText('Ingen kritisk informasjon registrert.')).toBeNull();
  });

  it('keeps an entry’s changes on screen when their refresh fails, and says so', async () => {
    await correctReaction('alg-00021-1', 'Hoven munn');
    const network = { failReads: false };
    const { user, queryClient } = await renderModule(gp, 'pat-00021', { network });
    await user.click(screen.getByRole('button', { name: 'Endringer for Peanøtter' }));
    const history = screen.getByRole('group', { name: 'Endringer' });
    expect(await within(history).findByText(/^Versjon 2 · Endret/)).toBeInTheDocument();
    expect(within(history).getByText(/→ Hoven munn$/)).toBeInTheDocument();

    network.failReads = true;
    await queryClient.refetchQueries({ type: 'active' });
    expect(await within(history).findByText('Feil på serveren')).toBeInTheDocument();
    expect(within(history).getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
    expect(within(history).getByText(/^Versjon 2 · Endret/)).toBeInTheDocument();
    expect(within(history).getByText(/^Versjon 1 · Registrert/)).toBeInTheDocument();
  });

  it('shows only the error when an entry’s changes cannot be fetched at all', async () => {
    await correctReaction('alg-00039-1', 'Pustebesvær');
    const network = { failReads: false };
    const { user } = await renderModule(gp, 'pat-00039', { network });
    network.failReads = true;
    await user.click(screen.getByRole('button', { name: 'Endringer for Jodholdig kontrastmiddel' }));
    const history = screen.getByRole('group', { name: 'Endringer' });
    expect(await within(history).findByText('Feil på serveren', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(history).queryAllByRole('listitem')).toHaveLength(0);
    expect(within(history).queryByRole('status', { name: 'Laster …' })).toBeNull();
  });

  it('adds a severe drug reaction: it comes first, says "Alvorlig", and the context bar names it', async () => {
    // A mild reaction recorded later than the one the test adds: severe still goes first.
    const later = await fhir(gp, 'POST', 'AllergyIntolerance', {
      resourceType: 'AllergyIntolerance',
      patient: { reference: 'Patient/pat-00165' },
      criticality: 'low',
      code: { text: 'Plaster' },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }], text: 'Bekreftet' },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      recordedDate: '2026-11-26T11:30:00+01:00',
      recorder: { reference: `PractitionerRole/${gp.persona.practitionerRoleId}`, display: gp.persona.name },
    } satisfies AllergyIntolerance);
    expect(later.status).toBe(201);
    const { user, writes } = await renderModule(gp, 'pat-00165', { bar: true });
    expect(contextBarMarker()).toHaveAccessibleName('Kritisk informasjon (4)');
    expect(titles(hypersensitivity())).toEqual(['Plaster', 'Penicillin', 'NSAID']);

    await user.click(screen.getByRole('button', { name: 'Legg til kritisk informasjon' }));
    const dialog = await screen.findByRole('dialog', { name: 'Legg til kritisk informasjon' });
    expect(within(dialog).getByRole('combobox', { name: 'Kategori' })).toHaveValue('allergy');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Substans eller legemiddel/ }), 'Amoksicillin');
    await paste(user, within(dialog).getByRole('textbox', { name: /^ATC-kode/ }), 'j01ca04');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Reaksjon/ }), 'Anafylaksi');
    await user.click(within(dialog).getByRole('radio', { name: 'Alvorlig' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Bekreftet' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Kilde/ }), 'hospital-record');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Kilde, utdyping/ }), 'Epikrise Haukeland 2025');
    fireEvent.change(within(dialog).getByLabelText(/^Første reaksjon/), { target: { value: '2025-03-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('«Amoksicillin» er lagt til.')).toBeInTheDocument();
    expect(writes).toEqual([{ method: 'POST', url: 'http://test/fhir/AllergyIntolerance', ifMatch: null }]);

    // First in its category, with the word and the colour.
    await waitFor(() => expect(titles(hypersensitivity())).toEqual(['AmoksicillinAlvorlig', 'Plaster', 'Penicillin', 'NSAID']));
    const item = within(hypersensitivity()).getAllByRole('listitem')[0]!;
    expect(within(item).getByText('Alvorlig')).toBeInTheDocument();
    expect(item).toHaveTextContent('ATC J01CA04 · Reaksjon: Anafylaksi · Sikkerhet: Bekreftet · Fra 01.03.2025');
    expect(item).toHaveTextContent('Kilde: Sykehusjournal eller epikrise (Epikrise Haukeland 2025)');
    await waitFor(() => expect(item).toHaveTextContent(/26\.11\.2026 \d\d:\d\d · Harald Sørensen \(Fastlege\) · Landås legekontor · Fastlegetjenesten · Bergen kommune/));
    await waitFor(() => expect(contextBarMarker()).toHaveAccessibleName('Kritisk informasjon (5) · Alvorlig: Amoksicillin'));

    // In the journal: an AllergyIntolerance recorded by the GP's PractitionerRole.
    const { body } = await fhir<Bundle<AllergyIntolerance>>(gp, 'GET', 'AllergyIntolerance?patient=pat-00165&criticality=high');
    const saved = body.entry!.map((e) => e.resource!).find((a) => a.code?.text === 'Amoksicillin')!;
    expect(saved).toMatchObject({
      recorder: { reference: `PractitionerRole/${gp.persona.practitionerRoleId}`, display: gp.persona.name },
      patient: { reference: 'Patient/pat-00165' },
      criticality: 'high',
      code: { text: 'Amoksicillin', coding: [{ system: CODE_SYSTEM.atc, code: 'J01CA04' }] },
      verificationStatus: { coding: [{ code: 'confirmed' }], text: 'Bekreftet' },
      onsetDateTime: '2025-03-01',
      reaction: [{ manifestation: [{ text: 'Anafylaksi' }], severity: 'severe' }],
    });
    expect(saved.recordedDate).toBe(new Date('2026-11-26T10:00:00+01:00').toISOString());
  });

  it('keeps everything typed when fields need correcting, and when saving fails', async () => {
    const { user, writes } = await renderModule(gp, 'pat-00002', { failWrites: 1 });
    await user.click(screen.getByRole('button', { name: 'Legg til kritisk informasjon' }));
    const dialog = await screen.findByRole('dialog', { name: 'Legg til kritisk informasjon' });
    await paste(user, within(dialog).getByRole('textbox', { name: /^ATC-kode/ }), 'Penicillin');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Reaksjon/ }), 'Utslett og kløe');
    await user.click(within(dialog).getByRole('radio', { name: 'Sannsynlig' }));
    const date = within(dialog).getByLabelText(/^Første reaksjon/);
    fireEvent.change(date, { target: { value: '2027-01-05' } });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kan ikke lagre ennå: 5 felt må rettes.');
    const substance = within(dialog).getByRole('textbox', { name: /^Substans eller legemiddel/ });
    expect(substance).toHaveFocus();
    expect(substance).toHaveAttribute('aria-invalid', 'true');
    expect(substance).toHaveAccessibleDescription('Skriv hva pasienten reagerer på.');
    expect(within(dialog).getByRole('textbox', { name: /^ATC-kode/ })).toHaveAccessibleDescription(/ATC-koden har formen/);
    expect(within(dialog).getByRole('group', { name: /^Alvorlighetsgrad/ })).toHaveTextContent('Velg om reaksjonen er alvorlig.');
    expect(within(dialog).getByRole('combobox', { name: /^Kilde/ })).toHaveAccessibleDescription('Velg hvor opplysningen kommer fra.');
    expect(date).toHaveAccessibleDescription('Datoen kan ikke være fram i tid.');
    expect(writes).toHaveLength(0);
    // Nothing typed is lost.
    expect(within(dialog).getByRole('textbox', { name: /^ATC-kode/ })).toHaveValue('Penicillin');
    expect(within(dialog).getByRole('textbox', { name: /^Reaksjon/ })).toHaveValue('Utslett og kløe');
    expect(within(dialog).getByRole('radio', { name: 'Sannsynlig' })).toBeChecked();
    expect(date).toHaveValue('2027-01-05');

    // Corrected, but the server fails: the form stays open with everything in it.
    await paste(user, substance, 'Penicillin V');
    await user.clear(within(dialog).getByRole('textbox', { name: /^ATC-kode/ }));
    await paste(user, within(dialog).getByRole('textbox', { name: /^ATC-kode/ }), 'J01CE02');
    await user.click(within(dialog).getByRole('radio', { name: 'Ikke alvorlig' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Kilde/ }), 'patient');
    fireEvent.change(date, { target: { value: '2024-06-30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText('Lagringen mislyktes. Ingenting ble lagret, og det du fylte inn er beholdt.')).toBeInTheDocument();
    expect(within(dialog).getByText('Feil på serveren')).toBeInTheDocument();
    expect(substance).toHaveValue('Penicillin V');
    expect(within(dialog).getByRole('textbox', { name: /^Reaksjon/ })).toHaveValue('Utslett og kløe');
    expect(within(dialog).getByRole('combobox', { name: /^Kilde/ })).toHaveValue('patient');

    // Trying again works.
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes).toHaveLength(2);
    await waitFor(() => expect(titles(hypersensitivity())).toEqual(expect.arrayContaining([expect.stringMatching(/^Penicillin V/)])));
    const item = within(hypersensitivity()).getAllByRole('listitem').find((li) => li.textContent?.startsWith('Penicillin V'))!;
    expect(item).toHaveTextContent('Sikkerhet: Sannsynlig');
    expect(item).toHaveTextContent('Kilde: Pasienten selv');
  });

  it('corrects an entry with If-Match of the version shown; the changes show who changed what and when', async () => {
    const { user, writes } = await renderModule(gp, 'pat-00030');
    await user.click(screen.getByRole('button', { name: 'Korriger Egg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Korriger kritisk informasjon' });
    expect(within(dialog).getByText(/Du korrigerer versjon 1, sist lagret 28\.10\.2026/)).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Kategori' })).toBeDisabled();
    const reaction = within(dialog).getByRole('textbox', { name: /^Reaksjon/ });
    expect(reaction).toHaveValue('Elveblest (urtikaria)');
    expect(within(dialog).getByRole('radio', { name: 'Ikke alvorlig' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Bekreftet' })).toBeChecked();
    await user.clear(reaction);
    await paste(user, reaction, 'Anafylaksi');
    await user.click(within(dialog).getByRole('radio', { name: 'Alvorlig' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Kilde/ }), 'relative');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes).toEqual([{ method: 'PUT', url: 'http://test/fhir/AllergyIntolerance/alg-00030-1', ifMatch: 'W/"1"' }]);

    const { body: saved } = await fhir<AllergyIntolerance>(gp, 'GET', 'AllergyIntolerance/alg-00030-1');
    expect(saved.meta?.versionId).toBe('2');
    expect(saved.recorder?.display).toBe('Harald Sørensen');
    expect(saved.criticality).toBe('high');
    expect(saved.reaction).toEqual([{ manifestation: [{ text: 'Anafylaksi' }], severity: 'severe' }]);
    expect(saved.code?.coding?.[0]?.code).toBe('102263004');

    const item = await waitFor(() => {
      const li = within(hypersensitivity()).getAllByRole('listitem')[0]!;
      expect(li).toHaveTextContent('Reaksjon: Anafylaksi');
      return li;
    });
    expect(within(item).getByText('Alvorlig')).toBeInTheDocument();
    expect(item).toHaveTextContent(/Sist endret 26\.11\.2026 \d\d:\d\d: Harald Sørensen \(Fastlege\)/);
    await user.click(within(item).getByRole('button', { name: 'Endringer for Egg' }));
    const history = within(item).getByRole('group', { name: 'Endringer' });
    const versions = await within(history).findAllByRole('listitem');
    expect(versions[0]).toHaveTextContent(/^Versjon 2 · Endret · 26\.11\.2026/);
    expect(versions[0]).toHaveTextContent('Harald Sørensen (Fastlege) · Landås legekontor');
    expect(versions[0]).toHaveTextContent('Reaksjon: Elveblest (urtikaria) → Anafylaksi');
    expect(versions[0]).toHaveTextContent('Alvorlighetsgrad: Ikke alvorlig → Alvorlig');
    expect(versions[0]).toHaveTextContent('Kilde: (tomt) → Pårørende');
    expect(versions[0]).not.toHaveTextContent('Sikkerhet:');
    expect(versions.at(-1)).toHaveTextContent(/^Versjon 1 · Registrert · 28\.10\.2026 \d\d:\d\d/);
  });

  it('refutes after confirmation: the entry leaves the active list and the context bar, and shows struck through on request', async () => {
    const { user, writes } = await renderModule(gp, 'pat-00145', { bar: true });
    expect(contextBarMarker()).toHaveAccessibleName('Kritisk informasjon (1)');
    await user.click(screen.getByRole('button', { name: 'Avkreft Trimetoprim-sulfa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avkrefte «Trimetoprim-sulfa»?' });
    expect(dialog).toHaveAccessibleDescription(/fjernes fra aktiv kritisk informasjon og fra pasientlinjen/);
    await paste(user, within(dialog).getByRole('textbox', { name: 'Begrunnelse (valgfri)' }), 'Tålt full kur 2025 uten reaksjon');
    await user.click(within(dialog).getByRole('button', { name: 'Avkreft' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes).toEqual([{ method: 'PUT', url: 'http://test/fhir/AllergyIntolerance/alg-00145-1', ifMatch: 'W/"1"' }]);

    expect(await screen.findByText('Ingen kritisk informasjon registrert.')).toBeInTheDocument();
    expect(screen.getByText('«Trimetoprim-sulfa» er avkreftet.')).toBeInTheDocument();
    await waitFor(() => expect(contextBarMarker()).toBeNull());

    const { body } = await fhir<AllergyIntolerance>(gp, 'GET', 'AllergyIntolerance/alg-00145-1');
    expect(body.verificationStatus?.coding?.[0]?.code).toBe('refuted');
    expect(body.clinicalStatus?.coding?.[0]?.code).toBe('inactive');
    expect(body.note?.[0]?.text).toBe('Tålt full kur 2025 uten reaksjon');

    await user.click(screen.getByRole('switch', { name: 'Vis avkreftede' }));
    const item = await waitFor(() => within(hypersensitivity()).getAllByRole('listitem')[0]!);
    expect(item).toHaveTextContent(/^Trimetoprim-sulfaAvkreftet/);
    expect(within(item).getByText('Trimetoprim-sulfa')).toHaveStyle({ textDecoration: 'line-through' });
    expect(item).toHaveTextContent('Begrunnelse: Tålt full kur 2025 uten reaksjon');
    expect(within(item).queryByRole('button', { name: /Korriger|Avkreft/ })).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Endringer for Trimetoprim-sulfa' }));
    expect(await within(item).findByText(/Versjon 2 · Avkreftet/)).toBeInTheDocument();
    expect(within(item).getByText('Status: Aktiv → Avkreftet')).toBeInTheDocument();
  });

  it('refutes a flag: status inactive with the refuted marker', async () => {
    const { user } = await renderModule(gp, 'pat-00062');
    await user.click(screen.getByRole('button', { name: 'Avkreft MRSA-bærer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avkrefte «MRSA-bærer»?' });
    await user.click(within(dialog).getByRole('button', { name: 'Avkreft' }));
    expect(await screen.findByText('Ingen kritisk informasjon registrert.')).toBeInTheDocument();
    const { body } = await fhir<Flag>(gp, 'GET', 'Flag/flag-00062-1');
    expect(body.status).toBe('inactive');
    expect(body.extension).toEqual(expect.arrayContaining([expect.objectContaining({ url: EXT.verification, valueCodeableConcept: expect.objectContaining({ text: 'Avkreftet' }) })]));
  });

  it('on a 412 shows both versions; keeping mine writes it over the stored version', async () => {
    const nurse = await mockBackendSession('homecare-nurse');
    const { user, writes } = await renderModule(gp, 'pat-00083');
    await user.click(screen.getByRole('button', { name: 'Korriger Egg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Korriger kritisk informasjon' });

    // Another user saves the same entry meanwhile.
    const { body: current } = await fhir<AllergyIntolerance>(nurse, 'GET', 'AllergyIntolerance/alg-00083-1');
    const theirs: AllergyIntolerance = {
      ...current,
      reaction: [{ manifestation: [{ text: 'Kvalme' }] }],
      extension: [{ url: EXT.changedBy, valueReference: { reference: `PractitionerRole/${nurse.persona.practitionerRoleId}`, display: nurse.persona.name } }],
    };
    expect((await fhir(nurse, 'PUT', 'AllergyIntolerance/alg-00083-1', theirs, { 'If-Match': 'W/"1"' })).status).toBe(200);

    await user.click(within(dialog).getByRole('radio', { name: 'Bekreftet' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Kilde/ }), 'patient');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('Endret av en annen mens du arbeidet')).toBeInTheDocument();
    expect(alert).toHaveTextContent(`${nurse.persona.name} har lagret denne oppføringen`);
    const row = (label: string) => within(alert).getByRole('rowheader', { name: label }).closest('tr')!;
    expect(within(row('Reaksjon')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Elveblest (urtikaria)', 'Kvalme (ulik)']);
    expect(within(row('Sikkerhet')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Bekreftet', 'Mistenkt (ulik)']);
    // Nothing was overwritten, and the form keeps the user's input.
    expect((await fhir<AllergyIntolerance>(gp, 'GET', 'AllergyIntolerance/alg-00083-1')).body.meta?.versionId).toBe('2');
    expect(within(dialog).getByRole('radio', { name: 'Bekreftet' })).toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Lagre' })).toBeDisabled();

    await user.click(within(alert).getByRole('button', { name: 'Lagre min versjon' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes.map((w) => w.ifMatch)).toEqual(['W/"1"', 'W/"2"']);
    const { body: saved } = await fhir<AllergyIntolerance>(gp, 'GET', 'AllergyIntolerance/alg-00083-1');
    expect(saved.meta?.versionId).toBe('3');
    expect(saved.verificationStatus?.text).toBe('Bekreftet');
    expect(saved.reaction?.[0]?.manifestation[0]?.text).toBe('Elveblest (urtikaria)');
    expect(saved.extension).toEqual(expect.arrayContaining([{ url: EXT.changedBy, valueReference: { reference: `PractitionerRole/${gp.persona.practitionerRoleId}`, display: gp.persona.name } }]));
  });

  it('on a 412, taking the stored version discards the edit and shows theirs', async () => {
    const { user, writes } = await renderModule(gp, 'pat-00093');
    await user.click(screen.getByRole('button', { name: 'Korriger Kumelk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Korriger kritisk informasjon' });
    const { body: current } = await fhir<AllergyIntolerance>(gp, 'GET', 'AllergyIntolerance/alg-00093-1');
    expect((await fhir(gp, 'PUT', 'AllergyIntolerance/alg-00093-1', { ...current, reaction: [{ manifestation: [{ text: 'Magesmerter' }] }] }, { 'If-Match': 'W/"1"' })).status).toBe(200);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Kilde/ }), 'patient');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    const alert = await within(dialog).findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Bruk den lagrede versjonen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Den lagrede versjonen av «Kumelk» vises. Endringen din ble ikke lagret.')).toBeInTheDocument();
    await waitFor(() => expect(within(hypersensitivity()).getAllByRole('listitem')[0]).toHaveTextContent('Reaksjon: Magesmerter'));
    expect(writes).toHaveLength(1);
    expect((await fhir<AllergyIntolerance>(gp, 'GET', 'AllergyIntolerance/alg-00093-1')).body.meta?.versionId).toBe('2');
  });

  it('filters by the service that recorded the entry', async () => {
    const nurse = await mockBackendSession('homecare-nurse');
    const created = await fhir<Flag>(nurse, 'POST', 'Flag', {
      resourceType: 'Flag',
      status: 'active',
      category: [{ coding: [{ system: CODE_SYSTEM.criticalInfoCategory, code: 'infection-risk' }] }],
      code: { text: 'ESBL-bærer' },
      subject: { reference: 'Patient/pat-00165' },
      author: { reference: `PractitionerRole/${nurse.persona.practitionerRoleId}`, display: nurse.persona.name },
    } satisfies Flag);
    expect(created.status).toBe(201);
    const { user } = await renderModule(gp, 'pat-00165');
    await screen.findByRole('heading', { name: 'Smitte' });

    const filter = screen.getByRole('combobox', { name: 'Tjeneste' });
    await user.click(filter);
    await user.click(await screen.findByRole('option', { name: 'Hjemmetjenester (1)' }));
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Smitte']);
    expect(screen.getByText('ESBL-bærer')).toBeInTheDocument();
    expect(screen.queryByText('Penicillin')).toBeNull();
  });

  it('is read-only for personnel outside the clinical groups', async () => {
    const admin = await mockBackendSession('admin-staff');
    await renderModule(admin, 'pat-00030');
    expect(within(hypersensitivity()).getAllByRole('listitem')[0]).toHaveTextContent(/^Egg/);
    expect(screen.queryByRole('button', { name: 'Legg til kritisk informasjon' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Korriger/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Avkreft/ })).toBeNull();
  });
});
