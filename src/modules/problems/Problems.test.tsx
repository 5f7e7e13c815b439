import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import type { Bundle, Condition } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import type { DeviceClass } from '../../layout/types';
import { useSession } from '../../session/store';
import { problemsNb } from './i18n';
import { CONDITION_CATEGORY, CONDITION_VERIFICATION, EDITED_BY_EXTENSION } from './model';
import Problems from './Problems';

i18n.addResourceBundle('nb', 'translation', { problems: problemsNb }, true, false);

let gp: MockSession;
let nurse: MockSession;
let edDoctor: MockSession;

beforeAll(async () => {
  // The small scenario, shared by the personas (one backend): each test uses its own patient.
  gp = await mockBackendSession('gp');
  await gp.backend.ready();
  nurse = await mockBackendSession('homecare-nurse');
  edDoctor = await mockBackendSession('ed-doctor');
}, 60_000);

workAfterScenarioClock();

const fhir = fhirAs;

async function conditionsOf(session: MockSession, patientId: string): Promise<Condition[]> {
  const { body } = await fhir<Bundle<Condition>>(session, 'GET', `Condition?patient=${patientId}&_count=1000`);
  return (body.entry ?? []).map((e) => e.resource!);
}

interface Sent {
  method: string;
  url: string;
  ifMatch: string | null;
}

/** Renders the module for the session's persona and waits for the list to load. */
async function renderProblems(session: MockSession, patientId: string, options: { device?: DeviceClass; failWrites?: boolean } = {}) {
  useSession.setState({ persona: session.persona, token: session.token });
  const sent: Sent[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (method !== 'GET') {
      sent.push({ method, url: String(input), ifMatch: new Headers(init?.headers).get('If-Match') });
      if (options.failWrites) {
        return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'Database unavailable' }] }), {
          status: 500,
          headers: { 'Content-Type': 'application/fhir+json' },
        });
      }
    }
    return session.fetchImpl(input, init);
  }) as typeof fetch;
  const user = userEvent.setup({ delay: null });
  renderWithProviders(<Problems patientId={patientId} config={{}} workspaceId="test" device={options.device ?? 'desktop'} />, { fetchImpl, token: session.token });
  await waitFor(() => expect(screen.queryByRole('status', { name: 'Laster …' })).not.toBeInTheDocument(), { timeout: 10_000 });
  return { user, sent };
}

/** Puts text into a field the way a paste does: one input event (typing every key is slow in a test DOM). */
async function enter(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

/** The two cells of a conflict row: the user's version and the stored one. */
function versions(table: HTMLElement, field: RegExp): string[] {
  return within(within(table).getByRole('row', { name: field }))
    .getAllByRole('cell')
    .map((c) => (c.textContent ?? '').replace(/\s*\(ulik\)$/, ' (ulik)'));
}

function items(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Problemer og diagnoser' })).getAllByRole('listitem');
}

async function openNew(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Ny diagnose' }));
  return screen.findByRole('dialog', { name: 'Ny diagnose' });
}

async function pickCode(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, query: string, option: RegExp) {
  const picker = within(dialog).getByRole('combobox', { name: /Diagnosekode/ });
  await user.type(picker, query);
  await user.click(await screen.findByRole('option', { name: option }));
  return picker;
}

describe('the problem list', { timeout: 60_000 }, () => {
  it('shows active problems newest onset first with code, system and who set them; resolved ones in their own tab; filterable by service', async () => {
    const { user } = await renderProblems(nurse, 'pat-00118');

    expect(screen.getByRole('tab', { name: 'Aktive (3)' })).toHaveAttribute('aria-selected', 'true');
    const active = items();
    expect(active.map((li) => within(li).getByText(/^[A-Z]\d\d/).textContent)).toEqual(['K74', 'T93', 'T82']);
    expect(active[0]).toHaveTextContent('Iskemisk hjertesykdom med angina');
    expect(active[0]).toHaveTextContent('ICPC-2-kode K74 · Debut 20.09.2026 · Problemliste');
    expect(active[0]).toHaveTextContent('Aktiv');
    await waitFor(() => expect(active[0]).toHaveTextContent(/18\.09\.2026 \d\d:\d\d · Marianne Iversen \(Fastlege\) · .+ · Fastlegetjenesten · Trondheim kommune/));

    await user.click(screen.getByRole('tab', { name: 'Avsluttede (3)' }));
    const resolved = items();
    expect(resolved).toHaveLength(3);
    expect(resolved[0]).toHaveTextContent('Korsryggsymptomer/plager');
    expect(resolved[0]).toHaveTextContent('Debut 09.04.2025 · Avsluttet 23.04.2025 · Kontaktdiagnose');

    // One of them was set at the emergency clinic.
    await user.click(screen.getByRole('combobox', { name: 'Tjeneste' }));
    await user.click(await screen.findByRole('option', { name: 'Legevakt (1)' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]).toHaveTextContent(/Ingvild Berg \(Lege, legevakt\)/);

    await user.click(screen.getByRole('tab', { name: 'Alle (6)' }));
    expect(items()).toHaveLength(1);
  });

  it('is read-only for groups that do not set diagnoses', async () => {
    await renderProblems(nurse, 'pat-00118');
    expect(screen.getByText('Diagnoser settes og endres av lege. Du kan lese listen.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ny diagnose' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Endre/ })).toBeNull();
  });

  it('adds a problem picked by searching the code list', async () => {
    const { user, sent } = await renderProblems(gp, 'pat-00005');
    expect(screen.getByText('Ingen aktive problemer eller diagnoser.')).toBeInTheDocument();

    const dialog = await openNew(user);
    const picker = await pickCode(user, dialog, 'diab', /^T90 Diabetes type 2 ICPC-2$/);
    expect(picker).toHaveValue('T90 Diabetes type 2');
    // The text follows the code until the user writes their own.
    expect(within(dialog).getByRole('textbox', { name: 'Tekst' })).toHaveValue('Diabetes type 2');
    await enter(user, within(dialog).getByRole('textbox', { name: /^Debut/ }), '12.03.2019');
    await enter(user, within(dialog).getByRole('textbox', { name: /^Notat/ }), 'Kostregulert.');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Diagnosen er lagret.')).toBeInTheDocument();
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]).toHaveTextContent('T90 Diabetes type 2');
    expect(items()[0]).toHaveTextContent('Debut 12.03.2019');
    expect(items()[0]).toHaveTextContent('Kostregulert.');
    expect(screen.getByRole('tab', { name: 'Aktive (1)' })).toBeInTheDocument();

    expect(sent.map((s) => s.method)).toEqual(['POST']);
    const [created] = (await conditionsOf(gp, 'pat-00005')).filter((c) => c.code?.coding?.[0]?.code === 'T90');
    expect(created).toMatchObject({
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] },
      category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
      code: { coding: [{ system: CODE_SYSTEM.icpc2, code: 'T90', display: 'Diabetes type 2' }], text: 'Diabetes type 2' },
      subject: { reference: 'Patient/pat-00005' },
      onsetDateTime: '2019-03-12',
      recorder: { reference: `PractitionerRole/${gp.persona.practitionerRoleId}`, display: gp.persona.name },
      note: [{ text: 'Kostregulert.' }],
    });
    expect(new Date(created!.recordedDate!).getTime()).toBe(new Date('2026-11-26T10:00:00+01:00').getTime());
  });

  it('finds ICD-10 codes when that classification is chosen', async () => {
    const { user } = await renderProblems(gp, 'pat-00010');
    const dialog = await openNew(user);
    await user.click(within(dialog).getByRole('radio', { name: 'ICD-10' }));
    await enter(user, within(dialog).getByRole('combobox', { name: /Diagnosekode/ }), 'diabetes type 2');
    const options = await screen.findAllByRole('option');
    expect(options[0]).toHaveAccessibleName('E11 Diabetes mellitus type 2 ICD-10');
    expect(options.every((o) => o.textContent?.endsWith('ICD-10'))).toBe(true);
  });

  it('keeps everything typed when the input is invalid, with a message at each field', async () => {
    const { user, sent } = await renderProblems(gp, 'pat-00009');
    const before = (await conditionsOf(gp, 'pat-00009')).length;
    const dialog = await openNew(user);
    const onset = within(dialog).getByRole('textbox', { name: /^Debut/ });
    const note = within(dialog).getByRole('textbox', { name: /^Notat/ });
    await enter(user, onset, '31.02.2019');
    await enter(user, note, 'Viktig: pasienten vil ikke ha medisiner.');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kan ikke lagre ennå: 2 felt må rettes.');
    const picker = within(dialog).getByRole('combobox', { name: /Diagnosekode/ });
    expect(picker).toHaveAttribute('aria-invalid', 'true');
    expect(picker).toHaveAccessibleDescription('Velg en diagnosekode fra listen.');
    expect(picker).toHaveFocus();
    expect(onset).toHaveAttribute('aria-invalid', 'true');
    expect(onset).toHaveAccessibleDescription('«31.02.2019» er ikke en dato. Skriv dd.mm.åååå, for eksempel 12.03.2019.');
    expect(onset).toHaveValue('31.02.2019');
    expect(note).toHaveValue('Viktig: pasienten vil ikke ha medisiner.');
    expect(sent).toHaveLength(0);

    // The messages follow the corrections.
    await user.clear(onset);
    await enter(user, onset, '01.01.2030');
    expect(onset).toHaveAccessibleDescription('Debut kan ikke være fram i tid.');
    await user.clear(onset);
    await enter(user, onset, '01.01.2020');
    expect(onset).not.toHaveAttribute('aria-invalid', 'true');
    await pickCode(user, dialog, 'migr', /^N89 Migrene/);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = await conditionsOf(gp, 'pat-00009');
    expect(after).toHaveLength(before + 1);
    expect(after.find((c) => c.code?.coding?.[0]?.code === 'N89')?.note?.[0]?.text).toBe('Viktig: pasienten vil ikke ha medisiner.');
  });

  it('keeps the dialog open with the input when saving fails', async () => {
    const { user, sent } = await renderProblems(gp, 'pat-00011', { failWrites: true });
    const dialog = await openNew(user);
    await pickCode(user, dialog, 'K86', /^K86 Hypertensjon ukomplisert/);
    await enter(user, within(dialog).getByRole('textbox', { name: /^Debut/ }), '01.10.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText('Feil på serveren')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: 'Ny diagnose' })).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: /Diagnosekode/ })).toHaveValue('K86 Hypertensjon ukomplisert');
    expect(within(dialog).getByRole('textbox', { name: /^Debut/ })).toHaveValue('01.10.2026');
  });

  it('resolves a problem with its date, as a change of the version opened', async () => {
    const { user, sent } = await renderProblems(gp, 'pat-00006');
    await user.click(within(screen.getByRole('list', { name: 'Problemer og diagnoser' })).getByRole('button', { name: 'Endre Astma' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre diagnose' });
    expect(within(dialog).getByText(/Satt 15\.07\.2022 \d\d:\d\d av Knut Arnesen/)).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: /Diagnosekode/ })).toHaveValue('R96 Astma');
    expect(within(dialog).getByRole('textbox', { name: /^Debut/ })).toHaveValue('16.07.2022');

    await user.click(within(dialog).getByRole('radio', { name: 'Avsluttet' }));
    const abatement = within(dialog).getByRole('textbox', { name: /^Avsluttet dato/ });
    expect(abatement).toHaveValue('26.11.2026');
    await user.clear(abatement);
    await enter(user, abatement, '01.06.2022');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(abatement).toHaveAccessibleDescription('Avsluttet dato kan ikke være før debut.');
    await user.clear(abatement);
    await enter(user, abatement, '01.06.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(sent).toEqual([{ method: 'PUT', url: 'http://test/fhir/Condition/cond-00006-02', ifMatch: 'W/"1"' }]);
    const { body: stored } = await fhir<Condition>(gp, 'GET', 'Condition/cond-00006-02');
    expect(stored.meta?.versionId).toBe('2');
    expect(stored.clinicalStatus?.coding?.[0]?.code).toBe('resolved');
    expect(stored.abatementDateTime).toBe('2026-06-01');
    // Who set it stays; who changed it is added.
    expect(stored.recorder?.display).toBe('Knut Arnesen');
    expect(stored.extension).toEqual([{ url: EDITED_BY_EXTENSION, valueReference: { reference: `PractitionerRole/${gp.persona.practitionerRoleId}`, display: gp.persona.name } }]);

    await waitFor(() => expect(screen.getByRole('tab', { name: 'Avsluttede (3)' })).toBeInTheDocument());
    expect(within(screen.getByRole('list', { name: 'Problemer og diagnoser' })).queryByText('Astma')).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Avsluttede (3)' }));
    const item = items().find((li) => within(li).queryByText('Astma'));
    expect(item).toHaveTextContent('Debut 16.07.2022 · Avsluttet 01.06.2026');
    expect(item).toHaveTextContent(new RegExp(`Sist endret 26\\.11\\.2026 \\d\\d:\\d\\d av ${gp.persona.name}`));

    // And back: reactivating drops the resolved date.
    await user.click(within(item!).getByRole('button', { name: 'Endre Astma' }));
    const again = await screen.findByRole('dialog', { name: 'Endre diagnose' });
    await user.click(within(again).getByRole('radio', { name: 'Aktiv' }));
    expect(within(again).queryByRole('textbox', { name: /^Avsluttet dato/ })).toBeNull();
    await user.click(within(again).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const { body: reactivated } = await fhir<Condition>(gp, 'GET', 'Condition/cond-00006-02');
    expect(reactivated.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(reactivated.abatementDateTime).toBeUndefined();
  });
});

describe('two users change the same problem', { timeout: 60_000 }, () => {
  /** A colleague (another doctor) saves their own change while the user has the problem open. */
  async function colleagueSaves(id: string, change: (c: Condition) => Condition) {
    const { body: current } = await fhir<Condition>(edDoctor, 'GET', `Condition/${id}`);
    const theirs: Condition = {
      ...change(current),
      extension: [{ url: EDITED_BY_EXTENSION, valueReference: { reference: `PractitionerRole/${edDoctor.persona.practitionerRoleId}`, display: edDoctor.persona.name } }],
    };
    const put = await fhir<Condition>(edDoctor, 'PUT', `Condition/${id}`, theirs, { 'If-Match': `W/"${current.meta!.versionId}"` });
    expect(put.status).toBe(200);
    return put.body;
  }

  it('shows both versions on a 412; keeping mine saves it over theirs with their version', async () => {
    const { user, sent } = await renderProblems(gp, 'pat-00131');
    await user.click(screen.getByRole('button', { name: 'Endre Hypertensjon ukomplisert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre diagnose' });
    const note = within(dialog).getByRole('textbox', { name: /^Notat/ });
    await enter(user, note, 'Hjemmeblodtrykk 135/85.');

    const theirs = await colleagueSaves('cond-00131-01', (c) => ({ ...c, note: [{ text: 'Kontroll hos kardiolog i januar.' }] }));
    expect(theirs.meta?.versionId).toBe('2');

    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('Endret av en annen mens du arbeidet')).toBeInTheDocument();
    expect(alert).toHaveTextContent(`${edDoctor.persona.name} har lagret denne oppføringen etter at du åpnet den.`);
    const table = within(alert).getByRole('table', { name: 'Din versjon og den lagrede versjonen' });
    const noteRow = within(table).getByRole('row', { name: /^Notat/ });
    expect(noteRow).toBeInTheDocument();
    expect(versions(table, /^Notat/)).toEqual(['Hjemmeblodtrykk 135/85.', 'Kontroll hos kardiolog i januar. (ulik)']);
    expect(versions(table, /^Diagnosekode/)).toEqual(['K86 Hypertensjon ukomplisert (ICPC-2)', 'K86 Hypertensjon ukomplisert (ICPC-2)']);
    expect(versions(table, /^Status/)).toEqual(['Aktiv', 'Aktiv']);
    // Nothing is overwritten, and the form still holds what the user typed.
    expect(note).toHaveValue('Hjemmeblodtrykk 135/85.');
    expect((await fhir<Condition>(gp, 'GET', 'Condition/cond-00131-01')).body.note?.[0]?.text).toBe('Kontroll hos kardiolog i januar.');
    expect(within(dialog).getByRole('button', { name: 'Lagre' })).toBeDisabled();

    await user.click(within(alert).getByRole('button', { name: 'Lagre min versjon' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Diagnosen er lagret.')).toBeInTheDocument();
    expect(sent.map((s) => [s.method, s.ifMatch])).toEqual([
      ['PUT', 'W/"1"'],
      ['PUT', 'W/"2"'],
    ]);
    const { body: stored } = await fhir<Condition>(gp, 'GET', 'Condition/cond-00131-01');
    expect(stored.meta?.versionId).toBe('3');
    expect(stored.note?.[0]?.text).toBe('Hjemmeblodtrykk 135/85.');
    expect(stored.extension?.[0]?.valueReference?.display).toBe(gp.persona.name);
    await waitFor(() => expect(screen.getByText('Hjemmeblodtrykk 135/85.')).toBeInTheDocument());
  });

  it('taking theirs drops the change and shows the stored version', async () => {
    const { user, sent } = await renderProblems(gp, 'pat-00014');
    await user.click(screen.getByRole('button', { name: 'Endre Ryggsyndrom uten smerteutstråling' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre diagnose' });
    const text = within(dialog).getByRole('textbox', { name: 'Tekst' });
    await user.clear(text);
    await enter(user, text, 'Lumbago');

    await colleagueSaves('cond-00014-03', (c) => ({ ...c, onsetDateTime: '2024-11-01' }));

    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    const alert = await within(dialog).findByRole('alert');
    const table = within(alert).getByRole('table');
    expect(versions(table, /^Tekst/)).toEqual(['Lumbago', 'Ryggsyndrom uten smerteutstråling (ulik)']);
    expect(versions(table, /^Debut/)).toEqual(['30.12.2024', '01.11.2024 (ulik)']);

    await user.click(within(alert).getByRole('button', { name: 'Bruk den lagrede versjonen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Endringen din er forkastet. Den lagrede versjonen vises.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    const { body: stored } = await fhir<Condition>(gp, 'GET', 'Condition/cond-00014-03');
    expect(stored.meta?.versionId).toBe('2');
    expect(stored.code?.text).toBe('Ryggsyndrom uten smerteutstråling');
    await waitFor(() => {
      const item = items().find((li) => within(li).queryByText(/Ryggsyndrom uten smerteutstråling/));
      expect(item).toHaveTextContent('Debut 01.11.2024');
      expect(item).toHaveTextContent(new RegExp(`Sist endret 26\\.11\\.2026 \\d\\d:\\d\\d av ${edDoctor.persona.name}`));
    });
  });
});
