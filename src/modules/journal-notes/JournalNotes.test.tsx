import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import type { QueryClient } from '@tanstack/react-query';
import type { Bundle, Composition } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { narrativeText } from '../../fhir/narrative';
import { useSession } from '../../session/store';
import type { DeviceClass } from '../../layout/types';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { notesNb } from './i18n';
import JournalNotes from './JournalNotes';
import { fakeVirtualLayout } from '../../test/virtualLayout';

i18n.addResourceBundle('nb', 'translation', { journal: notesNb }, true, true);

// the test DOM has no layout: give the list's scroll box a height and every row one, so the
// virtualiser renders what a 600 px box would show (and a few rows around it).
const SCROLL_HEIGHT = 600;
const ROW_HEIGHT = 60;
fakeVirtualLayout({ scroller: 'journal-scroll', viewport: SCROLL_HEIGHT, row: ROW_HEIGHT });

workAfterScenarioClock();

const fhir = fhirAs;

async function compositions(session: MockSession, query: string): Promise<Composition[]> {
  const { body } = await fhir<Bundle<Composition>>(session, 'GET', `Composition?${query}&_count=1000`);
  return (body.entry ?? []).map((e) => e.resource!);
}

/** The network as a test sets it: while `failReads` is set, every read gets the server's 503. */
interface Network {
  failReads: boolean;
}

function readsFailingOn(network: Network, fetchImpl: typeof fetch): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET' && network.failReads) {
      return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Temporarily unavailable' }] }), {
        status: 503,
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }
    return fetchImpl(input, init);
  }) as typeof fetch;
}

/**
 * Renders the module for the session's persona and waits until the journal is on screen (or,
 * when the network fails from the start, until it has stopped loading).
 */
async function renderJournal(session: MockSession, patientId: string, { device = 'desktop' as DeviceClass, fetchImpl = session.fetchImpl, network }: { device?: DeviceClass; fetchImpl?: typeof fetch; network?: Network } = {}) {
  await session.backend.ready();
  useSession.setState({ persona: session.persona, token: session.token });
  const failsFromStart = network?.failReads === true;
  const result = renderWithProviders(<JournalNotes patientId={patientId} config={{ autosaveMs: 150 }} workspaceId="test" device={device} />, {
    fetchImpl: network ? readsFailingOn(network, fetchImpl) : fetchImpl,
    token: session.token,
  });
  if (failsFromStart) await waitFor(() => expect(screen.queryByRole('status', { name: 'Laster …' })).not.toBeInTheDocument(), { timeout: 10_000 });
  else await screen.findByRole('list', { name: 'Journalnotater' }, { timeout: 10_000 });
  return result;
}

/** A minute later, out of coverage: what was read is stale by then, so a refresh asks the server, and fails. */
async function refreshWithoutNetwork(network: Network, queryClient: QueryClient) {
  network.failReads = true;
  vi.setSystemTime(Date.now() + 60_000);
  await queryClient.refetchQueries({ type: 'active' });
}

/** Writes into a field the way a user pastes a prepared text: one change (typing every key is slow in a test DOM). */
async function write(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

const SAVED = /Utkast lagret kl\. \d\d:\d\d/;
const PATIENT = 'pat-00060';

describe('the journal', { timeout: 40_000 }, () => {
  it('writes a home visit report: the draft autosaves as preliminary, signing makes it final and read-only', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('homecare-nurse', { fresh: true });
    await renderJournal(session, PATIENT, { device: 'tablet' });

    await user.click(screen.getByRole('button', { name: 'Nytt notat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nytt journalnotat' });
    expect(within(dialog).getByLabelText('Notattype')).toHaveValue('home-visit-report');
    // A new note starts empty: nothing copied from earlier notes.
    expect(within(dialog).getByLabelText('Rapport')).toHaveValue('');
    await write(user, within(dialog).getByLabelText('Rapport'), 'Morgenstell utført. Ingen smerter.');
    await within(dialog).findByText(SAVED, {}, { timeout: 8000 });

    const drafts = await compositions(session, `patient=${PATIENT}&status=preliminary`);
    expect(drafts).toHaveLength(1);
    const draft = drafts[0]!;
    expect(draft.author?.[0]?.reference).toBe(`PractitionerRole/${session.persona.practitionerRoleId}`);
    expect(draft.category?.[0]?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.service, code: 'home-care' });
    expect(draft.section?.map((s) => [s.title, narrativeText(s.text?.div)])).toEqual([['Rapport', 'Morgenstell utført. Ingen smerter.']]);

    await user.click(within(dialog).getByRole('button', { name: 'Legg til Tiltak utført' }));
    await write(user, within(dialog).getByLabelText('Tiltak utført (valgfri)'), 'Sårstell venstre legg.');
    await user.click(within(dialog).getByRole('button', { name: 'Signer' }));
    await within(dialog).findByText(/Notatet er signert kl\. \d\d:\d\d/);
    // Read-only: no fields, no sign button.
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Signer' })).toBeNull();

    const { body: signed } = await fhir<Composition>(session, 'GET', `Composition/${draft.id}`);
    expect(signed.status).toBe('final');
    expect(signed.attester).toEqual([expect.objectContaining({ mode: 'legal', party: expect.objectContaining({ reference: `PractitionerRole/${session.persona.practitionerRoleId}` }) })]);
    expect(signed.section?.map((s) => s.title)).toEqual(['Rapport', 'Tiltak utført']);
    expect(await compositions(session, `patient=${PATIENT}&status=preliminary`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Lukk' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The list shows who wrote it, where, and that it is signed.
    const row = await screen.findByRole('button', {
      name: /Rapport fra hjemmebesøk.*Signert.*Marius Pedersen \(Sykepleier, hjemmetjenesten\) · Hjemmetjenesten Årstad · Hjemmetjenester · Bergen kommune/,
    });
    await user.click(row);
    expect(await screen.findByText('Sårstell venstre legg.')).toBeInTheDocument();
  });

  it('corrects a signed note with a new version; the old one stays visible as history', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('homecare-nurse', { fresh: true });
    const { persona } = session;
    const { body: original } = await fhir<Composition>(session, 'POST', 'Composition', {
      resourceType: 'Composition',
      status: 'final',
      type: { coding: [{ system: CODE_SYSTEM.noteType, code: 'home-visit-report', display: 'Rapport fra hjemmebesøk' }] },
      subject: { reference: `Patient/${PATIENT}` },
      date: '2026-11-26T08:30:00+01:00',
      author: [{ reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name }],
      custodian: { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
      title: 'Morgenbesøk',
      section: [{ title: 'Rapport', text: { status: 'additional', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Blodsukker 4,1 målt.</p></div>' } }],
    });
    await renderJournal(session, PATIENT);

    await user.click(await screen.findByRole('button', { name: /Morgenbesøk/ }));
    await user.click(await screen.findByRole('button', { name: 'Korriger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Korriger signert notat' });
    expect(within(dialog).getByText(/Du korrigerer notatet fra 26\.11\.2026 \d\d:\d\d/)).toBeInTheDocument();
    const report = within(dialog).getByLabelText('Rapport');
    expect(report).toHaveValue('Blodsukker 4,1 målt.');
    expect(within(dialog).getByLabelText('Notattype')).toBeDisabled();
    await user.clear(report);
    await write(user, report, 'Blodsukker 14,1 målt.');
    await user.click(within(dialog).getByRole('button', { name: 'Signer' }));
    await within(dialog).findByText(/Notatet er signert/);
    await user.click(within(dialog).getByRole('button', { name: 'Lukk' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // On the server: the old note untouched, a new amended one that replaces it.
    const { body: old } = await fhir<Composition>(session, 'GET', `Composition/${original.id}`);
    expect(old.meta?.versionId).toBe('1');
    expect(old.status).toBe('final');
    const replacements = await compositions(session, `related-ref=Composition/${original.id}`);
    expect(replacements).toHaveLength(1);
    expect(replacements[0]).toMatchObject({ status: 'amended', relatesTo: [{ code: 'replaces', targetReference: { reference: `Composition/${original.id}` } }] });

    // In the list: one row, marked as corrected, with the earlier version collapsed under it.
    const row = await screen.findByRole('button', { name: /Morgenbesøk.*Korrigert/ });
    expect(row).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('button', { name: /Morgenbesøk/ })).toHaveLength(1);
    expect(screen.getByText('Blodsukker 14,1 målt.')).toBeInTheDocument();
    expect(screen.queryByText('Blodsukker 4,1 målt.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Vis tidligere versjon' }));
    const history = screen.getByRole('group', { name: 'Tidligere versjoner' });
    expect(within(history).getByText('Erstattet av korrigering 26.11.2026')).toBeInTheDocument();
    expect(within(history).getByText('Blodsukker 4,1 målt.')).toBeInTheDocument();
    // A replaced note cannot be corrected again; the current one can.
    expect(screen.getAllByRole('button', { name: 'Korriger' })).toHaveLength(1);
  });

  it('narrows the list with filters and finds a word with the full-text search, keeping the rows in the page bounded', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('gp');
    const patient = 'pat-00298';
    const all = await compositions(session, `patient=${patient}`);
    const triage = all.filter((c) => c.type.coding?.[0]?.code === 'triage-note');
    const word = 'trygghetsalarmen';
    const withWord = all.filter((c) => (c.section ?? []).some((s) => narrativeText(s.text?.div).toLowerCase().includes(word)));
    expect(triage.length).toBeGreaterThan(0);
    expect(withWord.length).toBeGreaterThan(0);
    await renderJournal(session, patient);

    expect(await screen.findByText(`${all.length} notater`)).toBeInTheDocument();
    // Virtualised: a 600 px box shows about ten rows, not all of them.
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeLessThan(all.length);
    expect(rows[0]).toHaveAttribute('aria-setsize', String(all.length));

    await user.selectOptions(screen.getByLabelText('Notattype'), 'triage-note');
    expect(await screen.findByText(`Viser ${triage.length} av ${all.length} notater`)).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(triage.length);
    expect(screen.getByRole('button', { name: /Triage:.*Triagenotat.*Sykepleier, legevakt.*Legevakt/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Nullstill filtre' }));
    expect(await screen.findByText(`${all.length} notater`)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Tjeneste'), 'emergency');
    await user.selectOptions(screen.getByLabelText('Personellgruppe'), 'ed-doctor');
    expect(await screen.findByText(`Viser 1 av ${all.length} notater`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nullstill filtre' }));

    await write(user, screen.getByLabelText('Søk i notater'), 'Trygghetsalarmen');
    expect(await screen.findByText(`Viser ${withWord.length} av ${all.length} notater`)).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: /Rapport fra hjemmebesøk/ })[0]!);
    expect(screen.getAllByText(/trygghetsalarmen/i).length).toBeGreaterThan(0);

    await user.type(screen.getByLabelText('Søk i notater'), ' ordsomikkefinnes');
    expect(await screen.findByText('Ingen notater passer til filtrene.')).toBeInTheDocument();
  });

  it('keeps the notes on screen when a refresh fails, says so, and never says "none" for want of an answer', async () => {
    const session = await mockBackendSession('gp');
    const patient = 'pat-00298';
    const all = await compositions(session, `patient=${patient}`);
    const network = { failReads: false };
    const { queryClient } = await renderJournal(session, patient, { network });
    expect(await screen.findByText(`${all.length} notater`)).toBeInTheDocument();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const rowsBefore = within(screen.getByRole('list', { name: 'Journalnotater' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rowsBefore.length).toBeGreaterThan(0);

    await refreshWithoutNetwork(network, queryClient);
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    // The notes the clinician was reading stay, below the error.
    const list = screen.getByRole('list', { name: 'Journalnotater' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(rowsBefore);
    expect(screen.getByText(`${all.length} notater`)).toBeInTheDocument();
    expect(screen.getByText('Feil på serveren').compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText('Ingen journalnotater.')).toBeNull();
  });

  it('says nothing is known, not "none", when the first load fails; a retry brings the notes', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('gp');
    const network = { failReads: true };
    await renderJournal(session, 'pat-00298', { network });
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Journalnotater' })).toBeNull();
    expect(screen.queryByText('Ingen journalnotater.')).toBeNull();
    expect(screen.queryByText(/^0 notater$/)).toBeNull();

    network.failReads = false;
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByRole('list', { name: 'Journalnotater' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText('Feil på serveren')).toBeNull();
  });

  it('keeps the note being written, and the journal behind it, when a refresh fails', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('homecare-nurse', { fresh: true });
    const network = { failReads: false };
    const { queryClient } = await renderJournal(session, PATIENT, { network });
    await user.click(screen.getByRole('button', { name: 'Nytt notat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nytt journalnotat' });
    await write(user, within(dialog).getByLabelText('Rapport'), 'Skrevet mens dekningen forsvant.');
    await within(dialog).findByText(SAVED, {}, { timeout: 8000 });
    // The saved draft is listed behind the dialog (which hides the page from assistive technology).
    await screen.findByRole('region', { name: 'Dine usignerte utkast', hidden: true });

    await refreshWithoutNetwork(network, queryClient);
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Nytt journalnotat' })).toBe(dialog);
    expect(within(dialog).getByLabelText('Rapport')).toHaveValue('Skrevet mens dekningen forsvant.');
    expect(screen.getByRole('region', { name: 'Dine usignerte utkast', hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Journalnotater', hidden: true })).toBeInTheDocument();
    // Writing goes on: the next change is saved (writes do not depend on the failed reads).
    await user.type(within(dialog).getByLabelText('Rapport'), ' Mer.');
    await within(dialog).findByText(SAVED, {}, { timeout: 8000 });
    expect(within(dialog).getByLabelText('Rapport')).toHaveValue('Skrevet mens dekningen forsvant. Mer.');
    const [draft] = await compositions(session, `patient=${PATIENT}&status=preliminary`);
    expect(narrativeText(draft?.section?.[0]?.text?.div)).toBe('Skrevet mens dekningen forsvant. Mer.');
  });

  it('on a 412 shows both versions and lets the user choose; nothing typed is lost', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('homecare-nurse', { fresh: true });
    await renderJournal(session, PATIENT);
    await user.click(await screen.findByRole('button', { name: 'Nytt notat' }));
    const dialog = await screen.findByRole('dialog');
    const report = within(dialog).getByLabelText('Rapport');
    await write(user, report, 'Min første tekst.');
    await within(dialog).findByText(SAVED, {}, { timeout: 8000 });

    // Another tab saves the same draft meanwhile.
    const [draft] = await compositions(session, `patient=${PATIENT}&status=preliminary`);
    const theirs = { ...draft!, section: [{ title: 'Rapport', text: { status: 'additional' as const, div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Tekst fra den andre fanen.</p></div>' } }] };
    const put = await fhir<Composition>(session, 'PUT', `Composition/${draft!.id}`, theirs, { 'If-Match': `W/"${draft!.meta!.versionId}"` });
    expect(put.status).toBe(200);
    const theirVersion = Number(put.body.meta!.versionId);

    await user.type(report, ' Og mer.');
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 8000 });
    expect(within(alert).getByText('Utkastet er endret et annet sted')).toBeInTheDocument();
    const mine = within(alert).getByRole('group', { name: 'Din versjon (i skjemaet)' });
    expect(within(mine).getByText('Min første tekst. Og mer.')).toBeInTheDocument();
    const stored = await within(alert).findByRole('group', { name: 'Lagret versjon' });
    expect(within(stored).getByText('Tekst fra den andre fanen.')).toBeInTheDocument();
    // Nothing was overwritten, and the form still holds what the user typed.
    expect(report).toHaveValue('Min første tekst. Og mer.');
    const { body: before } = await fhir<Composition>(session, 'GET', `Composition/${draft!.id}`);
    expect(narrativeText(before.section?.[0]?.text?.div)).toBe('Tekst fra den andre fanen.');
    expect(within(dialog).getByRole('button', { name: 'Signer' })).toBeDisabled();

    await user.click(within(alert).getByRole('button', { name: 'Behold min versjon' }));
    await within(dialog).findByText(SAVED, {}, { timeout: 8000 });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    const { body: after } = await fhir<Composition>(session, 'GET', `Composition/${draft!.id}`);
    // Written once more, over the version the user was shown (If-Match), not silently before.
    expect(after.meta?.versionId).toBe(String(theirVersion + 1));
    expect(narrativeText(after.section?.[0]?.text?.div)).toBe('Min første tekst. Og mer.');
  });

  it('can take the stored version instead', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('homecare-nurse', { fresh: true });
    await renderJournal(session, PATIENT);
    await user.click(await screen.findByRole('button', { name: 'Nytt notat' }));
    const dialog = await screen.findByRole('dialog');
    const report = within(dialog).getByLabelText('Rapport');
    await user.type(report, 'Utkast A.');
    await within(dialog).findByText(SAVED, {}, { timeout: 8000 });
    const [draft] = await compositions(session, `patient=${PATIENT}&status=preliminary`);
    await fhir(session, 'PUT', `Composition/${draft!.id}`, { ...draft!, title: 'Fra den andre fanen' }, { 'If-Match': `W/"${draft!.meta!.versionId}"` });
    await user.type(report, ' B.');
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 8000 });
    await user.click(await within(alert).findByRole('button', { name: 'Bruk den lagrede versjonen' }));
    expect(within(dialog).getByLabelText('Tittel (valgfri)')).toHaveValue('Fra den andre fanen');
    expect(report).toHaveValue('Utkast A.');
  });

  it('keeps the text when a save fails, and saves it on retry', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('homecare-nurse', { fresh: true });
    let failWrites = true;
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (failWrites && init?.method === 'POST') {
        return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'Database unavailable' }] }), {
          status: 500,
          headers: { 'Content-Type': 'application/fhir+json' },
        });
      }
      return session.fetchImpl(input, init);
    }) as typeof fetch;
    await renderJournal(session, PATIENT, { fetchImpl });
    await user.click(await screen.findByRole('button', { name: 'Nytt notat' }));
    const dialog = await screen.findByRole('dialog');
    await write(user, within(dialog).getByLabelText('Rapport'), 'Viktig observasjon.');
    expect(await within(dialog).findByText('Utkastet ble ikke lagret', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(within(dialog).getByText('Teksten din er beholdt i skjemaet.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Rapport')).toHaveValue('Viktig observasjon.');
    // Closing does not lose it either: the dialog stays while the save fails.
    await user.click(within(dialog).getByRole('button', { name: 'Lukk' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    failWrites = false;
    await user.click(within(dialog).getByRole('button', { name: 'Prøv igjen' }));
    await within(dialog).findByText(SAVED, {}, { timeout: 8000 });
    expect(await compositions(session, `patient=${PATIENT}&status=preliminary`)).toHaveLength(1);
  });

  it('shows the user’s own drafts when the patient is opened again, and discards one on request', async () => {
    const user = userEvent.setup();
    const session = await mockBackendSession('homecare-nurse', { fresh: true });
    const first = await renderJournal(session, PATIENT);
    await user.click(await screen.findByRole('button', { name: 'Nytt notat' }));
    let dialog = await screen.findByRole('dialog');
    await write(user, within(dialog).getByLabelText('Rapport'), 'Halvskrevet rapport');
    await user.click(within(dialog).getByRole('button', { name: 'Lukk' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    first.unmount();

    await renderJournal(session, PATIENT);
    const drafts = await screen.findByRole('region', { name: 'Dine usignerte utkast' });
    expect(within(drafts).getByText(/^Rapport fra hjemmebesøk · sist lagret/)).toBeInTheDocument();
    await user.click(within(drafts).getByRole('button', { name: /Fortsett å skrive/ }));
    dialog = await screen.findByRole('dialog', { name: 'Utkast til journalnotat' });
    expect(within(dialog).getByLabelText('Rapport')).toHaveValue('Halvskrevet rapport');
    expect(within(dialog).getByText(SAVED)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Forkast utkast' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ja, forkast' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await compositions(session, `patient=${PATIENT}&status=preliminary`)).toHaveLength(0);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Dine usignerte utkast' })).toBeNull());
  });
});
