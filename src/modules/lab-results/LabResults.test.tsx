import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import type { Bundle, DiagnosticReport, Observation } from 'fhir/r4';
import { renderWithProviders } from '../../test/render';
import { fhirAs, mockBackendSession, type MockSession } from '../../../mocks/testing';
import { workAfterScenarioClock } from '../../test/scenarioClock';
import { useSession } from '../../session/store';
import { formatDateTime } from '../../ui/dates';
import type { PersonnelGroup } from '../../session/personnel';
import { labResultsNb } from '../../i18n/labResults';
import { REVIEW_EXTENSION, REVIEW_STATUS_SYSTEM } from '../../fhir/results/review';
import LabResults from './LabResults';
import { fakeVirtualLayout } from '../../test/virtualLayout';

i18n.addResourceBundle('nb', 'translation', { labResults: labResultsNb }, true, true);

// the test DOM has no layout: give the list's scroll box a height and every card one, so the
// virtualiser renders what a 900 px box would show (and a few cards around it).
fakeVirtualLayout({ scroller: 'lab-results-scroll', viewport: 900, row: 150 });

workAfterScenarioClock();

const fhir = fhirAs;

/** Date and time as the screen shows them (in the machine's time zone). */
const at = (iso: string) => formatDateTime(iso);

const isUnseen = (r: { meta?: { tag?: { system?: string; code?: string }[] } }) => Boolean(r.meta?.tag?.some((t) => t.system === REVIEW_STATUS_SYSTEM && t.code === 'unseen'));

/** Renders the module for a persona of the group and waits until the results are on screen. */
async function renderResults(group: PersonnelGroup, patientId: string, options: { fetchImpl?: (session: MockSession) => typeof fetch } = {}) {
  const session = await mockBackendSession(group);
  await session.backend.ready();
  useSession.setState({ persona: session.persona, token: session.token });
  const fetchImpl = options.fetchImpl?.(session) ?? session.fetchImpl;
  const view = renderWithProviders(<LabResults patientId={patientId} config={{}} workspaceId="test" device="desktop" />, { fetchImpl, token: session.token });
  await screen.findByRole('list', { name: 'Prøvesvar og røntgensvar' }, { timeout: 15_000 });
  return { session, user: userEvent.setup(), ...view };
}

/** The module's summary line ("4 svar · ett ikke sett · …"): the first live status. */
function summary() {
  return screen.getAllByRole('status')[0]!;
}

function cards() {
  return screen.getAllByRole('article');
}

function card(name: RegExp | string, index = 0) {
  const all = screen.getAllByRole('article', { name });
  const found = all[index];
  if (!found) throw new Error(`No card ${String(name)} #${index}`);
  return found;
}

/** The cells of a result row, by the analysis' name. */
function row(container: HTMLElement, analysis: string): string[] {
  const header = within(container).getByRole('rowheader', { name: analysis });
  const tr = header.closest('tr')!;
  return within(tr)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('lab and radiology results', { timeout: 60_000 }, () => {
  it('groups results by request, abnormal unseen first then newest first, with values, units, ranges and flags and who answered', async () => {
    await renderResults('gp', 'pat-00204');
    expect(summary()).toHaveTextContent('4 svar · ett ikke sett · 1 utenfor referanseområdet');
    expect(cards().map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual([
      expect.stringMatching(/^LipiderIkke settUtenfor referanseområdet/),
      'Lipider',
      'Lipider',
      expect.stringMatching(/^CRP \(hurtigtest\)Utenfor referanseområdet/),
    ]);

    const newest = cards()[0]!;
    expect(newest).toHaveTextContent(`Prøvetatt ${at('2026-11-20T14:18:00+01:00')} · Laboratorium · Endelig svar`);
    expect(row(newest, 'P-Kolesterol')).toEqual(['8,4', 'mmol/L', '3,3–6,9', 'Høy']);
    expect(row(newest, 'P-LDL-kolesterol')).toEqual(['5', 'mmol/L', '1,2–4,3', 'Høy']);
    expect(row(newest, 'P-HDL-kolesterol')).toEqual(['1,1', 'mmol/L', '0,8–2,1', '']);
    // Abnormal rows are emphasised (bold, tinted), and the flag is a word, not only a colour.
    expect(within(newest).getByRole('rowheader', { name: 'P-Kolesterol' }).closest('tr')).toHaveAttribute('data-abnormal', 'true');
    expect(within(newest).getByRole('rowheader', { name: 'P-HDL-kolesterol' }).closest('tr')).not.toHaveAttribute('data-abnormal');
    // Who answered: the hospital laboratory, its service and municipality.
    await within(newest).findByText(`Svar ${at('2026-11-21T01:18:00+01:00')} fra Haukeland universitetssjukehus, Avdeling for medisinsk biokjemi og farmakologi · Spesialisthelsetjenesten · Bergen kommune`);

    // The GP office's own laboratory (its service comes from the office it belongs to), and a one-sided range.
    const crp = card(/CRP \(hurtigtest\)/);
    expect(row(crp, 'P-CRP')).toEqual(['9', 'mg/L', '< 5', 'Høy']);
    await within(crp).findByText(`Svar ${at('2022-06-06T11:10:00+02:00')} fra Nesttun legesenter, laboratorium · Fastlegetjenesten · Bergen kommune`);
    // A private laboratory.
    await within(cards()[2]!).findByText(`Svar ${at('2023-05-05T22:55:00+02:00')} fra Fürst Medisinsk Laboratorium · Oslo kommune`);
  });

  it('filters by service and by "only abnormal", and says what is hidden', async () => {
    const { user } = await renderResults('gp', 'pat-00204');
    // Services are known once the labs are looked up.
    await within(cards()[3]!).findByText(/Fastlegetjenesten/);
    await user.click(screen.getByRole('combobox', { name: 'Tjeneste' }));
    await user.click(await screen.findByRole('option', { name: 'Fastlegetjenesten (1)' }));
    expect(cards()).toHaveLength(1);
    expect(cards()[0]).toHaveAccessibleName(/CRP \(hurtigtest\)/);
    expect(summary()).toHaveTextContent('Viser 1 av 4 svar');

    await user.click(screen.getByRole('button', { name: 'Fjern filtrene' }));
    expect(cards()).toHaveLength(4);

    await user.click(screen.getByRole('checkbox', { name: 'Bare svar utenfor referanseområdet' }));
    expect(cards().map((c) => within(c).getByRole('heading', { level: 3 }).firstChild?.textContent)).toEqual(['Lipider', 'CRP (hurtigtest)']);
    const lipids = cards()[0]!;
    expect(within(lipids).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['P-Kolesterol', 'P-LDL-kolesterol']);
    expect(lipids).toHaveTextContent('2 svar innenfor referanseområdet er skjult.');
    expect(summary()).toHaveTextContent('Viser 2 av 4 svar');
  });

  it('shows radiology reports: the examination, the conclusion and the radiologist', async () => {
    const { user } = await renderResults('gp', 'pat-00136');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'rad');
    expect(cards()).toHaveLength(2);
    const wrist = card(/Røntgen håndledd/);
    expect(wrist).toHaveTextContent(`Undersøkt ${at('2026-03-22T01:37:00+01:00')} · Radiologi · Endelig svar`);
    expect(wrist).toHaveTextContent('Konklusjon: Distal radiusfraktur med lett dorsal feilstilling.');
    await within(wrist).findByText(
      `Beskrevet ${at('2026-03-22T22:37:00+01:00')} av Eline Berg (Radiolog) · St. Olavs hospital, Klinikk for bildediagnostikk · Spesialisthelsetjenesten · Trondheim kommune`,
    );
    expect(within(wrist).queryByRole('table')).toBeNull();
    expect(card(/Røntgen thorax/)).toHaveTextContent('Konklusjon: Fortetning i høyre underlapp forenlig med pneumoni. Ingen pleuravæske.');
  });

  it('draws the trend of a chosen analysis with its reference range, abnormal points marked, and a table', async () => {
    const { user } = await renderResults('gp', 'pat-00204');
    await user.click(screen.getByRole('tab', { name: 'Trend' }));
    const select = screen.getByRole('combobox', { name: 'Analyse' });
    // The newest abnormal result's analysis is shown first.
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent('P-Kolesterol (mmol/L) – 3 svar');
    await user.selectOptions(select, screen.getByRole('option', { name: 'P-LDL-kolesterol (mmol/L) – 3 svar' }));

    const chart = screen.getByRole('img', { name: 'Trend for P-LDL-kolesterol' });
    expect(chart).toHaveAccessibleDescription('P-LDL-kolesterol: 3 svar fra 05.05.2023 til 20.11.2026, mellom 2,9 mmol/L og 5 mmol/L. Siste 20.11.2026: 5 mmol/L (Høy). Ett av dem er utenfor referanseområdet.');
    expect(chart.querySelectorAll('[data-point="normal"]')).toHaveLength(2);
    expect(chart.querySelectorAll('[data-point="abnormal"]')).toHaveLength(1);
    expect(chart.querySelector('[data-band]')).not.toBeNull();
    expect(screen.getByText('Skyggelagt felt: referanseområdet (1,2–4,3 mmol/L).')).toBeInTheDocument();

    // The values as a table (there for screen readers all along; shown on request).
    const table = screen.getByRole('table', { name: 'P-LDL-kolesterol, alle svar, nyeste først' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent))).toEqual([
      ['20.11.2026', '5 mmol/L', '1,2–4,3', 'Høy'],
      ['04.06.2026', '3,2 mmol/L', '1,2–4,3', ''],
      ['05.05.2023', '2,9 mmol/L', '1,2–4,3', ''],
    ]);
    const toggle = screen.getByRole('button', { name: 'Vis verdiene som tabell' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('marks an unseen result as seen: the marker goes, the tag is gone from the report and its results, and who saw it is recorded', async () => {
    const { user, session } = await renderResults('gp', 'pat-00170');
    const unseen = card(/Lipider/);
    expect(within(unseen).getByText('Ikke sett')).toBeInTheDocument();
    expect(summary()).toHaveTextContent('3 svar · ett ikke sett · 1 utenfor referanseområdet');

    await user.click(within(unseen).getByRole('button', { name: 'Merk som sett' }));
    expect(await screen.findByText('Lipider er merket som sett.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Ikke sett')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Merk som sett' })).toBeNull();
    expect(summary()).toHaveTextContent(/^3 svar$/);
    expect(card(/Lipider/)).toHaveTextContent(/Sett av Harald Sørensen 26\.11\.2026 \d\d:\d\d/);

    const { body: report } = await fhir<DiagnosticReport>(session, 'GET', 'DiagnosticReport/rep-00170-003');
    expect(isUnseen(report)).toBe(false);
    expect(report.meta?.versionId).toBe('2');
    const review = report.extension?.find((e) => e.url === REVIEW_EXTENSION);
    expect(review?.extension?.find((e) => e.url === 'reviewer')?.valueReference?.reference).toBe(`PractitionerRole/${session.persona.practitionerRoleId}`);
    const { body: results } = await fhir<Bundle<Observation>>(session, 'GET', 'Observation?_id=obs-00170-0021,obs-00170-0022,obs-00170-0023,obs-00170-0024');
    expect(results.entry).toHaveLength(4);
    expect(results.entry?.filter((e) => isUnseen(e.resource!))).toHaveLength(0);
  });

  it('when someone changed the report meanwhile (412), reads it again and marks it seen once more', async () => {
    const posts: number[] = [];
    const { user, session } = await renderResults('gp', 'pat-00136', {
      fetchImpl: (s) =>
        (async (input: RequestInfo | URL, init?: RequestInit) => {
          const response = await s.fetchImpl(input, init);
          if (init?.method === 'POST') posts.push(response.status);
          return response;
        }) as typeof fetch,
    });
    // Someone else saves the report after the list was loaded: the version the user saw is old.
    const { body: current } = await fhir<DiagnosticReport>(session, 'GET', 'DiagnosticReport/rep-00136-003');
    const { status } = await fhir(session, 'PUT', 'DiagnosticReport/rep-00136-003', { ...current, conclusion: 'Forhøyet ALAT. Kontroll om 4 uker.' });
    expect(status).toBe(200);

    await user.click(within(card(/Generell blodprøvestatus/)).getByRole('button', { name: 'Merk som sett' }));
    expect(await screen.findByText('Generell blodprøvestatus er merket som sett.')).toBeInTheDocument();
    // The first transaction was refused (If-Match of the old version), the second went through.
    expect(posts).toEqual([412, 200]);
    const { body: after } = await fhir<DiagnosticReport>(session, 'GET', 'DiagnosticReport/rep-00136-003');
    expect(isUnseen(after)).toBe(false);
    expect(after.meta?.versionId).toBe('3');
    // The other person's change is kept.
    expect(after.conclusion).toBe('Forhøyet ALAT. Kontroll om 4 uker.');
  });

  it('keeps the marker and says so when saving fails', async () => {
    const { user } = await renderResults('gp', 'pat-00290', {
      fetchImpl: (session) =>
        (async (input: RequestInfo | URL, init?: RequestInit) =>
          init?.method === 'POST'
            ? new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'Database unavailable' }] }), { status: 500 })
            : session.fetchImpl(input, init)) as typeof fetch,
    });
    const unseen = card(/Ikke sett/);
    await user.click(within(unseen).getByRole('button', { name: 'Merk som sett' }));
    expect(await screen.findByText('Feil på serveren')).toBeInTheDocument();
    expect(within(card(/Ikke sett/)).getByRole('button', { name: 'Merk som sett' })).toBeEnabled();
  });

  it('loads every page of a patient with years of results, and keeps only the cards in view in the page', async () => {
    const session = await mockBackendSession('gp');
    await session.backend.ready();
    const patient = 'pat-00299';
    const { body: before } = await fhir<Bundle>(session, 'GET', `DiagnosticReport?patient=${patient}&_summary=count`);
    // 120 CRP tests, one a fortnight: more than two pages of 50.
    const entry = Array.from({ length: 120 }, (_, i) => {
      const day = new Date(Date.UTC(2022, 0, 1) + i * 14 * 86_400_000).toISOString().slice(0, 10);
      const at = `${day}T08:00:00+01:00`;
      const uuid = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return [
        {
          fullUrl: uuid,
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'urn:oid:2.16.578.1.12.4.1.1.7280', code: 'NPU19748', display: 'P-CRP' }] },
            subject: { reference: `Patient/${patient}` },
            effectiveDateTime: at,
            valueQuantity: { value: 2 + (i % 9), unit: 'mg/L' },
            referenceRange: [{ high: { value: 5, unit: 'mg/L' } }],
          },
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: {
            resourceType: 'DiagnosticReport',
            status: 'final',
            category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
            code: { text: `CRP nr. ${i + 1}` },
            subject: { reference: `Patient/${patient}` },
            effectiveDateTime: at,
            issued: at,
            performer: [{ reference: 'Organization/org-furst', display: 'Fürst Medisinsk Laboratorium' }],
            result: [{ reference: uuid }],
          },
          request: { method: 'POST', url: 'DiagnosticReport' },
        },
      ];
    }).flat();
    const { status } = await fhir(session, 'POST', '', { resourceType: 'Bundle', type: 'transaction', entry });
    expect(status).toBe(200);

    await renderResults('gp', patient);
    const total = (before.total ?? 0) + 120;
    await waitFor(() => expect(summary()).toHaveTextContent(new RegExp(`^${total} svar`)));
    expect(screen.getByRole('list', { name: 'Prøvesvar og røntgensvar' }).querySelectorAll('[role="listitem"]').length).toBeLessThan(15);
    expect(cards()[0]).toHaveAttribute('aria-labelledby');
    expect(screen.getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', String(total));
    // The trend sees every page too.
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Trend' }));
    expect(screen.getByRole('combobox', { name: 'Analyse' })).toHaveDisplayValue(/^P-CRP \(mg\/L\) – \d+ svar$/);
    expect(screen.getByRole('img', { name: 'Trend for P-CRP' }).querySelectorAll('[data-point]').length).toBeGreaterThanOrEqual(120);
  });

  it('shows other groups the unseen marker and new results, without the action', async () => {
    await renderResults('homecare-nurse', 'pat-00186');
    const unseen = card(/Generell blodprøvestatus/);
    expect(within(unseen).getByText('Ikke sett')).toBeInTheDocument();
    // Issued this morning: new since the user's last visit.
    expect(within(unseen).getByText('Nytt')).toBeInTheDocument();
    expect(within(card(/Røntgen håndledd/)).queryByText('Nytt')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Merk som sett' })).toBeNull();
    expect(row(unseen, 'P-ALAT')).toEqual(['73', 'U/L', '10–45', 'Høy']);
  });
});
