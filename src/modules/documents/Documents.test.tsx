import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import type { Bundle, DocumentReference } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { useSession } from '../../session/store';
import { documentsNb } from './i18n';
import Documents from './Documents';

let session: MockSession;

beforeAll(async () => {
  i18n.addResourceBundle('nb', 'translation', { documents: documentsNb }, true, true);
  // Generating the small scenario takes a few seconds; the tests share it.
  session = await mockBackendSession('gp');
  await session.backend.ready();
}, 60_000);

workAfterScenarioClock();

async function fhir<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await session.fetchImpl(`http://test/fhir/${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/fhir+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as T;
}

async function allDocuments(): Promise<DocumentReference[]> {
  const bundle = await fhir<Bundle<DocumentReference>>('GET', 'DocumentReference?_count=1000&_sort=-date');
  return (bundle.entry ?? []).map((e) => e.resource!);
}

const typeOf = (d: DocumentReference) => d.type?.coding?.find((c) => c.system === CODE_SYSTEM.documentType)?.code;

async function renderDocuments(patientId: string) {
  useSession.setState({ persona: session.persona, token: session.token });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const view = renderWithProviders(<Documents patientId={patientId} config={{}} workspaceId="gp" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
  const list = await screen.findByRole('list', { name: 'Dokumenter' }, { timeout: 10_000 });
  return { user, list, ...view };
}

describe('documents', { timeout: 40_000 }, () => {
  it('lists an epikrise with who sent it and from where, and opens it to the full decoded text', async () => {
    const docs = await allDocuments();
    const epikrise = docs.find((d) => typeOf(d) === 'epikrise' && d.content[0]?.attachment.title === 'Epikrise')!;
    const patientId = epikrise.subject!.reference!.split('/')[1]!;
    const { user, list } = await renderDocuments(patientId);

    const hospital = epikrise.custodian!.display!;
    const doctor = epikrise.author![0]!.display!;
    // Who (name and role), where (the hospital, its service and municipality), and when.
    const row = await within(list).findByRole('button', { name: new RegExp(`Epikrise.*${doctor} \\(Sykehuslege\\) · ${hospital} · Spesialisthelsetjenesten · \\S+ kommune`) }, { timeout: 10_000 });
    expect(within(row).getByText(/^\d\d\.\d\d\.\d{4}$/)).toBeInTheDocument();

    await user.click(row);
    const dialog = await screen.findByRole('dialog', { name: 'Epikrise' });
    // The text is decoded from base64 (UTF-8) and shown with its headings.
    for (const heading of ['Innleggelsesårsak', 'Funn', 'Behandling og forløp', 'Medikamenter ved utskrivning', 'Videre oppfølging']) {
      expect(within(dialog).getByRole('heading', { level: 3, name: heading })).toBeInTheDocument();
    }
    const patient = epikrise.subject!.display!;
    expect(within(dialog).getByText(new RegExp(`Pasient: ${patient}, født \\d\\d\\.\\d\\d\\.\\d{4}`))).toBeInTheDocument();
    expect(within(dialog).getByText(/Med vennlig hilsen/)).toBeInTheDocument();
    expect(within(dialog).getByText(`${doctor} (Sykehuslege) · ${hospital} · Spesialisthelsetjenesten`, { exact: false })).toBeInTheDocument();

    // Back to the list; focus returns to the document the user opened.
    await user.click(within(dialog).getByRole('button', { name: 'Tilbake til listen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(row).toHaveFocus());
  });

  it('filters by service and by type', async () => {
    const docs = await allDocuments();
    const byPatient = new Map<string, DocumentReference[]>();
    for (const d of docs) byPatient.set(d.subject!.reference!, [...(byPatient.get(d.subject!.reference!) ?? []), d]);
    // A patient with documents both from the GP (a referral) and from the hospital (an epikrise).
    const [subject, mine] = [...byPatient].find(([, ds]) => ds.some((d) => typeOf(d) === 'henvisning') && ds.some((d) => typeOf(d) === 'epikrise'))!;
    const referrals = mine.filter((d) => typeOf(d) === 'henvisning').length;
    const epikriser = mine.filter((d) => typeOf(d) === 'epikrise').length;
    const { user, list } = await renderDocuments(subject.split('/')[1]!);
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(mine.length));
    expect(screen.getByRole('status')).toHaveTextContent(`${mine.length} dokumenter`);

    await user.click(screen.getByRole('combobox', { name: 'Tjeneste' }));
    await user.click(await screen.findByRole('option', { name: `Fastlegetjenesten (${referrals})` }));
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(referrals));
    for (const b of within(list).getAllByRole('button')) expect(b).toHaveTextContent(/Fastlegetjenesten/);
    expect(screen.getByRole('status')).toHaveTextContent(`${referrals} av ${mine.length} dokumenter`);

    await user.click(screen.getByRole('combobox', { name: 'Tjeneste' }));
    await user.click(await screen.findByRole('option', { name: 'Alle tjenester' }));
    await user.click(screen.getByRole('combobox', { name: 'Dokumenttype' }));
    await user.click(await screen.findByRole('option', { name: `Epikrise (${epikriser})` }));
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(epikriser));
    for (const b of within(list).getAllByRole('button')) expect(b).toHaveTextContent(/^\d\d\.\d\d\.\d{4}Epikrise/);
  });

  it('shows a document as text, never as HTML, and marks what others sent since the last visit as new', async () => {
    const patientId = 'pat-00150';
    const text = '# Brev fra spesialist\n\n## Vurdering\n\n<b>fet</b> <img src=x onerror="alert(1)"> & mer\n';
    const bytes = new TextEncoder().encode(text);
    await fhir('POST', 'DocumentReference', {
      resourceType: 'DocumentReference',
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: CODE_SYSTEM.documentType, code: 'brev', display: 'Brev' }], text: 'Brev' },
      category: [{ coding: [{ system: CODE_SYSTEM.service, code: 'hospital' }] }],
      subject: { reference: `Patient/${patientId}` },
      date: '2026-11-26T08:30:00+01:00',
      author: [{ reference: 'PractitionerRole/role-hus-01', display: 'Overlege Hansen' }],
      custodian: { reference: 'Organization/org-hus', display: 'Haukeland universitetssjukehus' },
      content: [{ attachment: { contentType: 'text/markdown; charset=utf-8', data: btoa(String.fromCharCode(...bytes)), title: 'Brev fra spesialist' } }],
    });
    const { user, list, container } = await renderDocuments(patientId);
    const row = await within(list).findByRole('button', { name: /Brev fra spesialist.*Nytt/ }, { timeout: 10_000 });
    await user.click(row);
    const dialog = await screen.findByRole('dialog', { name: 'Brev fra spesialist' });
    expect(within(dialog).getByText('<b>fet</b> <img src=x onerror="alert(1)"> & mer')).toBeInTheDocument();
    expect(dialog.querySelector('b, img')).toBeNull();
    expect(container.ownerDocument.querySelector('img')).toBeNull();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
