import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import type { Bundle, Communication, Composition, Patient, ServiceRequest } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { useSession } from '../../session/store';
import { Component as ComposePage } from './ComposePage';

// The scenario's clock (mocks/testing.ts) is 26.11.2026 09:00; the nurse writes at 09:30.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:30:00+01:00') }));
afterEach(() => {
  vi.useRealTimers();
  useSession.setState({ persona: null, token: null });
  localStorage.clear();
});

/** The session's fetch, except that sending a message fails (the server is down) while `failing` says so. */
function withFailingSend(session: MockSession, failing: { on: boolean }): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (failing.on && init?.method === 'POST' && url.endsWith('/fhir/Communication')) {
      return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'Down for maintenance' }] }), {
        status: 503,
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }
    return session.fetchImpl(input, init);
  }) as typeof fetch;
}

async function open(session: MockSession, fetchImpl: typeof fetch, patientId: string, workspace = 'home-care') {
  return renderWithProviders(
    <Routes>
      <Route path="/:workspaceId/messages/new" element={<ComposePage />} />
      <Route path={`/${workspace}`} element={<p>Hjem</p>} />
    </Routes>,
    { fetchImpl, token: session.token, route: `/${workspace}/messages/new?patient=${patientId}` },
  );
}

/** A GP opens the compose page about the first patient on the list and chooses a message type. */
async function gpComposes(type: string) {
  const session = await mockBackendSession('gp', { municipality: 'Bergen' });
  await session.backend.ready();
  useSession.setState({ persona: session.persona, token: session.token });
  const listed = await fhirAs<Bundle<Patient>>(session, 'GET', `Patient?general-practitioner=PractitionerRole/${session.persona.practitionerRoleId}&_count=5`);
  const patientId = listed.body.entry![0]!.resource!.id!;
  const user = userEvent.setup();
  await open(session, session.fetchImpl, patientId, 'gp-office');
  await user.click(screen.getByRole('combobox', { name: /Meldingstype/ }));
  await user.click(await screen.findByRole('option', { name: type }));
  return { session, patientId, user };
}

describe('composing a message', () => {
  it('says what is missing, keeps the draft when sending fails (also after leaving the page), and sends it once the server answers', async () => {
    const session = await mockBackendSession('homecare-nurse', { municipality: 'Bergen' });
    await session.backend.ready();
    useSession.setState({ persona: session.persona, token: session.token });
    // The scenario's hospital story is about a patient of the nurse's unit.
    const admitted = (await fhirAs<Communication>(session, 'GET', 'Communication/xch-innlagt-1')).body;
    const patientId = admitted.subject!.reference!.split('/')[1]!;
    const failing = { on: true };
    const fetchImpl = withFailingSend(session, failing);
    const user = userEvent.setup();
    const first = await open(session, fetchImpl, patientId);

    // The patient's GP is the recipient before the user does anything.
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Mottaker/ })).toHaveTextContent(/^Fastlege: /), { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Meldingen kan ikke sendes ennå:')).toBeInTheDocument();
    expect(screen.getAllByText('Skriv hva meldingen gjelder.').length).toBeGreaterThan(0);

    const text = 'Fått mer tungpust siste døgn. Ønsker vurdering.';
    await user.type(screen.getByRole('textbox', { name: /^Melding/ }), text);
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Meldingen ble ikke sendt. Utkastet er tatt vare på; prøv igjen.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Melding/ })).toHaveValue(text);

    // Leaving and coming back: the draft is still there.
    first.unmount();
    await open(session, fetchImpl, patientId);
    expect(await screen.findByText('Utkastet ditt er hentet fram igjen.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Melding/ })).toHaveValue(text);

    // The server is back: the message is sent, to the GP, and the draft is gone.
    failing.on = false;
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Mottaker/ })).toHaveTextContent(/^Fastlege: /), { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Hjem', undefined, { timeout: 10_000 })).toBeInTheDocument();
    const sent = await fhirAs<Bundle<Communication>>(session, 'GET', `Communication?sender=PractitionerRole/${session.persona.practitionerRoleId}&patient=${patientId}`);
    const message = sent.body.entry?.[0]?.resource;
    expect(message?.payload?.[0]?.contentString).toBe(text);
    expect(message?.recipient?.[0]?.reference).toMatch(/^PractitionerRole\//);
    expect(localStorage.getItem(`akson.exchange.draft.${session.persona.id}`)).toBeNull();
  }, 60_000);

  it('a GP writes a sick note to Nav: period, degree, ICPC-2 diagnosis and the work assessment, checked before it is sent as a Composition with its message', async () => {
    const { session, patientId, user } = await gpComposes('Sykmelding');
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Mottaker/ })).toHaveTextContent('Nav Bergen'), { timeout: 15_000 });
    await user.clear(screen.getByRole('textbox', { name: /Sykmeldingsgrad/ }));
    await user.type(screen.getByRole('textbox', { name: /Sykmeldingsgrad/ }), '50');
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Meldingen kan ikke sendes ennå:')).toBeInTheDocument();
    expect(screen.getAllByText('Velg en diagnose (ICPC-2).').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Skriv vurderingen av arbeidsforholdet.').length).toBeGreaterThan(0);

    await user.type(screen.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ }), 'L03');
    await user.click(await screen.findByRole('option', { name: /^L03 / }));
    await user.click(screen.getByRole('checkbox', { name: 'Arbeidsrelatert' }));
    await user.type(screen.getByRole('textbox', { name: /Vurdering av arbeidsforholdet/ }), 'Tunge løft på lager.');
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Hjem', undefined, { timeout: 10_000 })).toBeInTheDocument();

    const notes = await fhirAs<Bundle<Composition>>(session, 'GET', `Composition?subject=Patient/${patientId}&_sort=-date&_count=5`);
    const note = notes.body.entry?.map((e) => e.resource!).find((c) => c.title === 'Sykmelding');
    expect(note?.event?.[0]?.code?.[0]?.coding?.[0]?.code).toBe('L03');
    expect(note?.section?.[0]?.text?.div).toContain('50 %');
    const sent = await fhirAs<Bundle<Communication>>(session, 'GET', `Communication?recipient=Organization/org-nav-${session.persona.municipalityCode}&patient=${patientId}`);
    expect(sent.body.entry?.[0]?.resource?.payload?.some((p) => p.contentReference?.reference === `Composition/${note?.id}`)).toBe(true);
  }, 60_000);

  it('a GP refers a patient to the hospital: the municipality’s hospital is offered first, diagnoses and medications come from the journal, and a ServiceRequest travels with the message', async () => {
    const { session, patientId, user } = await gpComposes('Henvisning');
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Mottaker/ })).toHaveTextContent('Haukeland'), { timeout: 15_000 });
    expect(screen.getByText(/Henvisningen går til sykehuset/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Diagnoser og problemer' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Siste vitale målinger' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Meldingen kan ikke sendes ennå:')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Melding/ }), 'Vurdering av brystsmerter ved anstrengelse.');
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Hjem', undefined, { timeout: 10_000 })).toBeInTheDocument();

    const referrals = await fhirAs<Bundle<ServiceRequest>>(session, 'GET', `ServiceRequest?subject=Patient/${patientId}&requester=PractitionerRole/${session.persona.practitionerRoleId}`);
    const referral = referrals.body.entry?.[0]?.resource;
    expect(referral?.performer?.[0]?.reference).toBe('Organization/org-hus');
    expect(referral?.reasonCode?.[0]?.text).toBe('Vurdering av brystsmerter ved anstrengelse.');
    const sent = await fhirAs<Bundle<Communication>>(session, 'GET', `Communication?recipient=Organization/org-hus&patient=${patientId}`);
    const message = sent.body.entry?.[0]?.resource;
    expect(message?.basedOn?.[0]?.reference).toBe(`ServiceRequest/${referral?.id}`);
  }, 60_000);

  it('a link from the hospital’s admission notice opens an admission report to that hospital, with medications, vital signs and diagnoses ticked in', async () => {
    const session = await mockBackendSession('homecare-nurse', { municipality: 'Bergen' });
    await session.backend.ready();
    useSession.setState({ persona: session.persona, token: session.token });
    const admitted = (await fhirAs<Communication>(session, 'GET', 'Communication/xch-innlagt-1')).body;
    const patientId = admitted.subject!.reference!.split('/')[1]!;
    renderWithProviders(
      <Routes>
        <Route path="/:workspaceId/messages/new" element={<ComposePage />} />
        <Route path="/home-care" element={<p>Hjem</p>} />
      </Routes>,
      { fetchImpl: session.fetchImpl, token: session.token, route: `/home-care/messages/new?patient=${patientId}&type=innleggelsesrapport&to=${admitted.sender!.reference!}` },
    );
    expect(screen.getByRole('combobox', { name: /Meldingstype/ })).toHaveTextContent('Innleggelsesrapport');
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Mottaker/ })).toHaveTextContent('Haukeland'), { timeout: 15_000 });
    for (const part of ['Legemidler i bruk', 'Siste vitale målinger', 'Diagnoser og problemer']) expect(screen.getByRole('checkbox', { name: part })).toBeChecked();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /^Melding/ }), 'Innlagt med tung pust. Bor alene, hjemmesykepleie morgen og kveld.');
    await user.click(screen.getByRole('button', { name: 'Send melding' }));
    expect(await screen.findByText('Hjem', undefined, { timeout: 10_000 })).toBeInTheDocument();
    const sent = await fhirAs<Bundle<Communication>>(session, 'GET', `Communication?recipient=${admitted.sender!.reference!}&patient=${patientId}&sender=PractitionerRole/${session.persona.practitionerRoleId}`);
    const report = sent.body.entry?.[0]?.resource;
    expect(report?.category?.[0]?.coding?.[0]?.code).toBe('innleggelsesrapport');
    expect(report?.payload?.map((p) => p.contentString?.split(':')[0])).toEqual(expect.arrayContaining(['Legemidler i bruk', 'Diagnoser og problemer']));
  }, 60_000);
});
