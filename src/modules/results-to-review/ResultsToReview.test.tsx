import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, DiagnosticReport } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { useSession } from '../../session/store';
import { REVIEW_EXTENSION, REVIEW_STATUS_SYSTEM } from '../../fhir/results/review';
import ResultsToReview from './ResultsToReview';
import { unseenResultsSearch } from '../../fhir/results/searches';

workAfterScenarioClock();

const isUnseen = (r: DiagnosticReport) => Boolean(r.meta?.tag?.some((t) => t.system === REVIEW_STATUS_SYSTEM && t.code === 'unseen'));

/** The ids of the GP's unseen results, as the backend has them. */
async function unseenIds(session: Awaited<ReturnType<typeof mockBackendSession>>): Promise<string[]> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(unseenResultsSearch(session.persona.practitionerRoleId))) for (const x of [v].flat()) params.append(k, String(x));
  const { body } = await fhirAs<Bundle<DiagnosticReport>>(session, 'GET', `DiagnosticReport?${params.toString()}`);
  return (body.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource!.id!);
}

async function renderModule() {
  // Tromsø's GP has unseen results in the small scenario (Bergen's and Trondheim's have none).
  const session = await mockBackendSession('gp', { municipality: 'Tromsø' });
  await session.backend.ready();
  useSession.setState({ persona: session.persona, token: session.token });
  renderWithProviders(<ResultsToReview config={{}} workspaceId="gp-office" device="desktop" />, { fetchImpl: session.fetchImpl, token: session.token });
  const list = await screen.findByRole('list', { name: 'Svar som ikke er sett' }, { timeout: 15_000 });
  return { session, list, user: userEvent.setup() };
}

describe('Results to review', () => {
  it('lists the unseen results of the GP’s own patients, those outside the reference range first, each a click from the chart', async () => {
    const { session, list } = await renderModule();
    const reports = await unseenIds(session);
    expect(reports.length).toBeGreaterThan(0);

    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(reports.length);
    expect(screen.getByRole('status')).toHaveTextContent(`${reports.length} svar ikke sett`);
    // Abnormal ones (marked in words) come before any normal one.
    const abnormal = rows.map((row) => within(row).queryByText('Utenfor referanseområdet') !== null);
    expect(abnormal.indexOf(false) === -1 || abnormal.lastIndexOf(true) < abnormal.indexOf(false)).toBe(true);

    // Every patient is one of the GP's listed patients, and the name links to the chart.
    const link = within(rows[0]!).getAllByRole('link')[0]!;
    const patientId = link.getAttribute('href')!.split('/patient/')[1]!;
    expect(link.getAttribute('href')).toBe(`/gp-office/patient/${patientId}`);
    const { body: patient } = await fhirAs<{ generalPractitioner?: { reference?: string }[] }>(session, 'GET', `Patient/${patientId}`);
    expect(patient.generalPractitioner?.some((g) => g.reference === `PractitionerRole/${session.persona.practitionerRoleId}`)).toBe(true);
  });

  it('marks a result seen with one action: it leaves the list, and the journal records who saw it', async () => {
    const { session, list, user } = await renderModule();
    const beforeIds = await unseenIds(session);
    const before = within(list).getAllByRole('listitem').length;
    expect(before).toBe(beforeIds.length);
    const first = within(list).getAllByRole('listitem')[0]!;
    const button = within(first).getByRole('button', { name: /^Merk .* som sett$/ });
    const reportTitle = /^Merk (.*) for /.exec(button.getAttribute('aria-label') ?? '')?.[1];
    await user.click(button);
    expect(await screen.findByText(new RegExp(`${reportTitle} for .* er merket som sett`))).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Svar som ikke er sett' })).getAllByRole('listitem')).toHaveLength(before - 1));

    const after = new Set(await unseenIds(session));
    const gone = beforeIds.filter((id) => !after.has(id));
    expect(gone).toHaveLength(1);
    const { body: marked } = await fhirAs<DiagnosticReport>(session, 'GET', `DiagnosticReport/${gone[0]!}`);
    expect(isUnseen(marked)).toBe(false);
    const reviewer = marked.extension!.find((x) => x.url === REVIEW_EXTENSION)!.extension!.find((x) => x.url === 'reviewer')!.valueReference;
    expect(reviewer?.reference).toBe(`PractitionerRole/${session.persona.practitionerRoleId}`);
  });
});
