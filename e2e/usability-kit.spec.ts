import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Bundle, Composition, Condition } from 'fhir/r4';
import { test, expect, expectAccessible, fhir, openPatient, signIn } from './fixtures';

/**
 * The usability-testing kit (issue #9): the tester panel (Ctrl+Alt+T), a task script run with its
 * measures and the SUS questionnaire, export, reset, and fault injection (a share of failing
 * requests, the backend unreachable). Home care work is done at a tablet (@tablet-only); the
 * rest is the same at any size (@desktop-only). Each journey runs once.
 */

test.describe.configure({ timeout: 180_000 });

const panel = (page: Page) => page.getByRole('dialog', { name: 'Testlederpanel' });

async function openPanel(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+Alt+T');
  await expect(panel(page)).toBeVisible();
  return panel(page);
}

async function closePanel(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Lukk panelet' }).click();
  await expect(panel(page)).toBeHidden();
}

async function setFaults(page: Page, latency: string, percent: string, unreachable = false): Promise<void> {
  const p = await openPanel(page);
  const faults = p.getByRole('region', { name: 'Feilinnsetting' });
  await faults.getByLabel('Ekstra svartid (ms)').fill(latency);
  await faults.getByLabel('Andel feilende forespørsler (%)').fill(percent);
  const switchBox = faults.getByRole('switch', { name: 'Journalserveren kan ikke nås' });
  if ((await switchBox.isChecked()) !== unreachable) await switchBox.click();
  await faults.getByRole('button', { name: 'Bruk' }).click();
  await expect(faults.getByRole('status')).toContainText(`${percent} % feiler`);
  await closePanel(page);
}

/**
 * Does the next unfinished visit on the route the way a nurse does, by touch: check in, every
 * task done, every dose given, a quick phrase and a few words of report, check out. Retries what
 * the network lost ("Prøv igjen"). Returns how many taps it made and the report's words.
 */
async function doVisit(page: Page, index: number, words: string): Promise<{ taps: number; keys: number }> {
  let taps = 0;
  let keys = 0;
  const tap = async (locator: Locator) => {
    await locator.tap();
    taps += 1;
  };
  const route = page.getByRole('region', { name: 'Dagens besøk' }).getByRole('list', { name: 'Dagens besøk' });
  await expect(route.getByRole('listitem').nth(index)).toBeVisible({ timeout: 60_000 });
  const open = route.getByRole('listitem').nth(index).getByRole('link', { name: /Åpne besøket hos/ });
  const patientName = ((await open.textContent()) ?? '').trim();
  await tap(open);
  await expect(page.getByRole('heading', { level: 1, name: `Besøk hos ${patientName}` })).toBeVisible();
  await tap(page.getByRole('button', { name: 'Sjekk inn' }));
  const tasks = page.getByRole('region', { name: 'Tiltak' });
  const meds = page.getByRole('region', { name: 'Legemidler å gi nå' });
  const taskGroups = tasks.getByRole('group');
  const doseGroups = meds.getByRole('group');
  await expect(taskGroups.first()).toBeVisible({ timeout: 30_000 });
  /** Ticks what is not ticked yet (all of it the first time; after a failed load, what came late). */
  const tickAll = async () => {
    for (const region of [tasks, meds]) {
      const retry = region.getByRole('button', { name: 'Prøv igjen' });
      if (await retry.isVisible()) await tap(retry);
    }
    for (const [groups, name] of [
      [taskGroups, 'Utført'],
      [doseGroups, 'Gitt'],
    ] as const) {
      for (let i = 0; i < (await groups.count()); i++) {
        const button = groups.nth(i).getByRole('button', { name, exact: true });
        if ((await button.getAttribute('aria-pressed')) !== 'true') await tap(button);
      }
    }
  };
  await tickAll();
  const report = page.getByRole('region', { name: 'Rapport' });
  await tap(report.getByRole('button', { name: 'Rolig og i god form.' }));
  const box = report.getByRole('textbox', { name: 'Rapport' });
  await tap(box);
  await box.press('End');
  await box.pressSequentially(` ${words}`);
  keys += 1 + words.length + 1;
  await expect(box).toHaveValue(`Rolig og i god form. ${words}`);
  await tap(page.getByRole('button', { name: 'Sjekk ut og lagre' }));
  const saved = page.getByRole('status').filter({ hasText: `Besøket hos ${patientName} er lagret i journalen.` });
  // The check-out's own "not saved yet" (a failed check-in has one too; it is sent with the check-out).
  const notSaved = page.getByRole('alert').filter({ hasText: 'Det du har registrert er tatt vare på' });
  const missing = page.getByRole('alert').filter({ hasText: 'Før du kan sjekke ut' });
  for (let attempt = 0; attempt < 12; attempt++) {
    await expect(saved.or(notSaved).or(missing).first()).toBeVisible({ timeout: 30_000 });
    if (await saved.isVisible()) break;
    // Nothing typed is lost while it is not saved.
    await expect(box).toHaveValue(`Rolig og i god form. ${words}`);
    if (await missing.isVisible()) {
      // Something loaded only after a retry (under injected faults): tick it, and check out again.
      await tickAll();
      await tap(page.getByRole('button', { name: 'Sjekk ut og lagre' }));
    } else await tap(notSaved.getByRole('button', { name: 'Prøv igjen' }));
  }
  await expect(saved).toBeVisible();
  return { taps, keys };
}

test('@tablet-only a tester runs a script of three tasks: two done, one given up; SUS; the export has the outcomes, times and clicks', async ({ cleanPage: page }) => {
  const script = {
    format: 'akson-usability-script/1',
    id: 'e2e-home-care',
    title: { nb: 'Hjemmetjenesten (e2e)', en: 'Home care (e2e)' },
    persona: 'bergen-homecare-nurse',
    tasks: [
      { id: 'first', title: 'Første besøk', instruction: 'Gjør første besøk og skriv rapport.', start: '/home-care', success: { kind: 'note-signed', noteType: 'home-visit-report' } },
      { id: 'second', title: 'Andre besøk', instruction: 'Fullfør neste besøk.', start: '/home-care', success: { kind: 'home-visit-completed' } },
      { id: 'triage', title: 'Triage', instruction: 'Sett hastegrad oransje.', start: '/home-care', success: { kind: 'triage-level', level: 'orange' } },
    ],
  };
  let p = await openPanel(page);
  // Scanned once the scenarios have come (the reset button's colour fades in over 250 ms as it is enabled).
  await expect(p.getByRole('button', { name: 'Tilbakestill alle enheter' })).toBeEnabled();
  await page.waitForTimeout(400);
  await expectAccessible(page, 'the tester panel', { within: '[data-usability-kit].MuiDrawer-root' });
  // Touch targets of at least 44 × 44 px on the tablet.
  const small = await page.locator('[data-usability-kit].MuiDrawer-root').evaluate((root) =>
    [...root.querySelectorAll('button, a[href], [role="button"], select, input:not([type="hidden"]), textarea')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.getAttribute('aria-hidden') !== 'true' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small, 'touch targets in the panel').toEqual([]);
  const run = p.getByRole('region', { name: 'Testøkt' });
  // A broken script is refused with a message, and what was pasted stays.
  await run.getByLabel('Eller lim inn skriptet (JSON)').fill('{"format": "akson-usability-script/1", "tasks": []}');
  await run.getByRole('button', { name: 'Last inn innlimt skript' }).click();
  await expect(p.getByRole('alert')).toContainText('Skriptet kan ikke brukes');
  await expect(run.getByLabel('Eller lim inn skriptet (JSON)')).toHaveValue(/"tasks": \[\]/);
  await run.getByLabel('Eller lim inn skriptet (JSON)').fill(JSON.stringify(script));
  await run.getByRole('button', { name: 'Last inn innlimt skript' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Lastet inn: Hjemmetjenesten (e2e) (3 oppgaver)' }).first()).toBeVisible();
  await run.getByLabel('Deltaker (kode, ikke navn)').fill('P01');
  await run.getByRole('button', { name: 'Start økt' }).click();
  await expect(run.getByText('Oppgave 1 av 3: Første besøk')).toBeVisible();
  await expect(run.getByRole('blockquote', { name: 'Les for deltakeren' }).or(run.getByLabel('Les for deltakeren'))).toContainText('Gjør første besøk og skriv rapport.');

  // Task 1: done.
  let started = Date.now();
  await run.getByRole('button', { name: 'Start oppgaven' }).click();
  await expect(panel(page)).toBeHidden();
  // ASCII only: Playwright types letters such as ø without a keydown, so they would not count.
  const first = await doVisit(page, 0, 'Besoket gikk fint.');
  const firstWall = Date.now() - started;
  // The handle is small while a task runs; opening the panel from it is not counted.
  await page.getByRole('button', { name: 'Testleder (oppgave pågår)' }).tap();
  await expect(p.getByRole('status').filter({ hasText: `${first.taps} klikk` })).toBeVisible();
  await p.getByRole('button', { name: 'Deltakeren er ferdig' }).click();
  await expect(p.getByText('Oppgave 2 av 3: Andre besøk')).toBeVisible();

  // Task 2: done, with a tester's note.
  started = Date.now();
  await p.getByRole('button', { name: 'Start oppgaven' }).click();
  await expect(panel(page)).toBeHidden();
  const second = await doVisit(page, 1, 'Andre besok.');
  const secondWall = Date.now() - started;
  p = await openPanel(page);
  await p.getByLabel('Notater til oppgaven').fill('Lette etter Sjekk ut-knappen.');
  await p.getByRole('button', { name: 'Deltakeren er ferdig' }).click();
  await expect(p.getByText('Oppgave 3 av 3: Triage')).toBeVisible();

  // Task 3: the nurse looks around and gives up (home care does not triage).
  await p.getByRole('button', { name: 'Start oppgaven' }).click();
  await expect(panel(page)).toBeHidden();
  await page.getByRole('region', { name: 'Dagens besøk' }).getByRole('link', { name: 'Rapport og avvik' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport og avvik' })).toBeVisible();
  p = await openPanel(page);
  await p.getByRole('button', { name: 'Deltakeren gir opp' }).click();
  await expect(p.getByText('Alle oppgavene er gjort.')).toBeVisible();
  const outcomes = p.getByRole('list', { name: 'Resultater' });
  await expect(outcomes.getByRole('listitem')).toHaveText([/Første besøk: Løst/, /Andre besøk: Løst/, /Triage: Ga opp/]);

  // SUS: a missing answer is named, and the answers given are kept.
  await p.getByRole('button', { name: 'Åpne spørreskjemaet (SUS)' }).click();
  const sus = page.getByRole('dialog', { name: 'Hva synes du om systemet?' });
  const answers = [4, 2, 4, 1, 3, 2, 5, 1, 4, 3]; // (15 + 16) × 2.5 = 77.5
  const groups = sus.getByRole('radiogroup');
  await expect(groups).toHaveCount(10);
  for (let i = 0; i < 9; i++) await groups.nth(i).getByRole('radio', { name: new RegExp(`^${answers[i]} `) }).check();
  await sus.getByRole('button', { name: 'Send inn' }).click();
  await expect(sus.getByRole('alert')).toContainText('1 mangler');
  await expect(groups.nth(0).getByRole('radio', { name: /^4 / })).toBeChecked();
  await expectAccessible(page, 'the SUS questionnaire', { within: '[role="dialog"][aria-labelledby="sus-title"]' });
  await groups.nth(9).getByRole('radio', { name: /^3 / }).check();
  await sus.getByRole('button', { name: 'Send inn' }).click();
  await expect(sus).toBeHidden();
  p = await openPanel(page);
  await expect(p.getByText('Takk! SUS-poeng: 77.5')).toBeVisible();

  // Export: JSON and CSV.
  const results = p.getByRole('region', { name: 'Resultater' });
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Eksporter JSON' }).click()]);
  const exported = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as {
    runs: { participant: string; susScore: number; tasks: { taskId: string; outcome: string; timeOnTaskMs: number; clicks: number; keystrokes: number; path: string[]; notes: string }[] }[];
  };
  expect(exported.runs).toHaveLength(1);
  const r = exported.runs[0]!;
  expect(r.participant).toBe('P01');
  expect(r.susScore).toBe(77.5);
  expect(r.tasks.map((t) => [t.taskId, t.outcome])).toEqual([
    ['first', 'success'],
    ['second', 'success'],
    ['triage', 'gave-up'],
  ]);
  expect(r.tasks[0]!.clicks).toBe(first.taps);
  expect(r.tasks[1]!.clicks).toBe(second.taps);
  expect(r.tasks[2]!.clicks).toBe(1);
  expect(r.tasks[0]!.keystrokes).toBe(first.keys);
  expect(r.tasks[0]!.timeOnTaskMs).toBeGreaterThan(1000);
  expect(r.tasks[0]!.timeOnTaskMs).toBeLessThan(firstWall + 5000);
  expect(r.tasks[1]!.timeOnTaskMs).toBeLessThan(secondWall + 5000);
  expect(r.tasks[0]!.path.some((path) => path.startsWith('/home-care/visit/'))).toBe(true);
  expect(r.tasks[2]!.path).toContain('/home-care/handover');
  expect(r.tasks[1]!.notes).toBe('Lette etter Sjekk ut-knappen.');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Eksporter CSV' }).click()]);
  const csv = readFileSync((await csvDownload.path())!, 'utf8').trim().split('\r\n');
  expect(csv).toHaveLength(4);
  expect(csv[1]).toContain(',first,Første besøk,success,');
  expect(csv[3]).toContain(',triage,Triage,gave-up,');
  expect(csv[3]!.endsWith(',77.5')).toBe(true);

  // The summary page.
  await results.getByRole('button', { name: 'Vis oppsummering' }).click();
  const summary = page.getByRole('dialog', { name: 'Oppsummering per oppgave' });
  await expect(summary.getByRole('row', { name: /Første besøk/ })).toContainText('100 % (1/1)');
  await expect(summary.getByRole('row', { name: /Triage/ })).toContainText('0 % (0/1)');
  await expect(summary.getByRole('row', { name: /P01/ })).toContainText('77.5');
  await expectAccessible(page, 'the summary', { within: '[role="dialog"][aria-labelledby="kit-summary-title"]' });
});

test('@desktop-only reset returns the journal to the scenario; the clock moves the data and the page', async ({ cleanPage: page }) => {
  const gp = await signIn(page, 'bergen-gp');
  const before = await fhir<Bundle>(page, 'Flag?_summary=count');
  // A patient on the GP's own list (a care relation: issue #8).
  const patient = (await fhir<Bundle>(page, `Patient?general-practitioner=PractitionerRole/${gp.practitionerRoleId}&_count=1`)).entry![0]!.resource!;
  await fhir(page, 'Flag', { method: 'POST', body: { resourceType: 'Flag', status: 'active', code: { text: 'Testflagg før reset' }, subject: { reference: `Patient/${patient.id}` } } });
  expect((await fhir<Bundle>(page, 'Flag?_summary=count')).total).toBe(before.total! + 1);

  const p = await openPanel(page);
  const setup = p.getByRole('region', { name: 'Oppsett' });
  await expect(setup.getByLabel('Scenario', { exact: true })).toHaveValue('standard');
  const resetStarted = Date.now();
  await setup.getByRole('button', { name: 'Tilbakestill alle enheter' }).click();
  // The panel says when the journal is the scenario's again, and how long it took.
  const done = p.getByRole('status').filter({ hasText: /Tilbakestilt til «Standard kommune» på [\d.]+ s\./ });
  await expect(done).toBeVisible({ timeout: 30_000 });
  const seconds = Number(/på ([\d.]+) s/.exec((await done.textContent()) ?? '')?.[1]);
  test.info().annotations.push({ type: 'reset', description: `${seconds} s in the panel, ${Date.now() - resetStarted} ms from the click` });
  expect(seconds, 'reset within 5 s').toBeLessThan(5);
  expect((await fhir<Bundle>(page, 'Flag?_summary=count')).total).toBe(before.total);
  // The journal is the scenario's again (the flag is gone, above). The state's change count is not
  // zero: every read since the reset is logged as an AuditEvent (issue #8), a change like any other.
  const state = await page.evaluate(async () => (await fetch('/mock/state')).json() as Promise<{ changes: number; scenarioId: string }>);
  expect(state.scenarioId).toBe('standard');

  // The clock: the journal is rebuilt for that moment, and the page's "now" follows.
  const again = p; // still open: a reset from the panel does not reload this device
  await again.getByLabel('Scenarioets «nå»').fill('2027-03-01T08:00');
  await again.getByRole('button', { name: 'Still klokken' }).click();
  await expect.poll(() => page.evaluate(async () => ((await (await fetch('/mock/state')).json()) as { dataNow: string; clockSet: boolean }).dataNow), { timeout: 30_000 }).toBe('2027-03-01T07:00:00.000Z');
  await expect.poll(() => page.evaluate(() => new Date().toISOString().slice(0, 13)), { timeout: 15_000 }).toBe('2027-03-01T07');
  await expect(again.getByText(/Klokken i journalen: mandag 1\. mars 2027/)).toBeVisible();
  // Still signed in, on the workspace.
  await closePanel(page);
  await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(gp.name) })).toBeVisible();
});

test('@desktop-only with the backend unreachable the user sees a clear message, not a blank screen', async ({ cleanPage: page }) => {
  await signIn(page, 'bergen-gp');
  await setFaults(page, '0', '0', true);
  // The tester switches to the home care nurse (the kit's own sign-in is not faulted): her
  // workspace cannot load anything from the journal.
  const p = await openPanel(page);
  const setup = p.getByRole('region', { name: 'Oppsett' });
  await setup.getByLabel('Logg inn som').selectOption('bergen-homecare-nurse');
  await setup.getByRole('button', { name: 'Bytt person' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Logget inn som' })).toBeVisible();
  await closePanel(page);
  await expect(page.getByText('Ingen forbindelse').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Journalen kunne ikke nås/).first()).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expectAccessible(page, 'the workspace without a backend');
  // Back on: the nurse's route loads again when she retries.
  await setFaults(page, '0', '0', false);
  await page.getByRole('button', { name: 'Prøv igjen' }).first().click();
  await expect(page.getByRole('region', { name: 'Dagens besøk' }).getByRole('list', { name: 'Dagens besøk' }).getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
});

test('@tablet-only with 30 % of requests failing a home care nurse still completes a visit, and nothing typed is lost', async ({ cleanPage: page }) => {
  await signIn(page, 'bergen-homecare-nurse');
  await expect(page.getByRole('region', { name: 'Dagens besøk' }).getByRole('list', { name: 'Dagens besøk' }).getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  await setFaults(page, '0', '30');
  const words = `Hentet posten, alt vel (${Date.now()}).`;
  await doVisit(page, 0, words);
  await setFaults(page, '0', '0');
  const reports = await fhir<Bundle<Composition>>(page, 'Composition?type=urn:akson:codesystem:note-type|home-visit-report&_sort=-_lastUpdated&_count=1');
  expect(JSON.stringify(reports.entry?.[0]?.resource)).toContain(words);
});

test('@desktop-only a build pointed at a real FHIR server loads none of the kit', async ({ page }) => {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), 'dist', '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const kitFiles = Object.entries(manifest)
    .filter(([source]) => source.startsWith('src/kit/'))
    .map(([, chunk]) => chunk.file);
  expect(kitFiles.length, 'the kit is a chunk of its own in the build').toBeGreaterThan(0);
  const html = readFileSync(join(process.cwd(), 'dist', 'index.html'), 'utf8');
  for (const file of kitFiles) expect(html, `index.html preloads ${file}`).not.toContain(file);
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: {
        backend: { kind: 'fhir', baseUrl: 'https://fhir.example.invalid/fhir' },
        auth: { kind: 'oidc' },
        oidc: { authority: 'https://helseid-sts.example.invalid', clientId: 'x', scope: 'openid', redirectPath: '/auth/callback' },
      },
    }),
  );
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: /HelseID/ })).toBeVisible();
  await page.keyboard.press('Control+Alt+T');
  await page.waitForTimeout(500);
  expect(requested.filter((path) => kitFiles.some((f) => path.endsWith(f)))).toEqual([]);
  await expect(page.getByRole('dialog', { name: 'Testlederpanel' })).toHaveCount(0);
});

test('@desktop-only several devices on the shared mock server: the tester resets the scenario from one, the other reloads on it', async ({ browser, baseURL }) => {
  // A mock server of this journey's own (a free port), so no other journey's data is reset.
  const { startNodeServer } = await import('../mocks/node-server');
  const server = await startNodeServer({ port: 0, host: '127.0.0.1', scenarioId: 'small', quiet: true });
  try {
    const config = { backend: { kind: 'fhir', baseUrl: `${server.url}/fhir` }, auth: { kind: 'persona', url: server.url } };
    const persona = ((await (await fetch(`${server.url}/personas`)).json()) as { id: string; name: string; practitionerRoleId: string }[]).find((p) => p.id === 'bergen-gp')!;
    const devices: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ baseURL, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
      await context.route('**/config.json', (route) => route.fulfill({ json: config }));
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByLabel('Filtrer på navn, rolle eller enhet').fill(persona.name);
      await page.getByRole('button', { name: new RegExp(persona.name) }).first().click();
      await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(persona.name) })).toBeVisible();
      devices.push(page);
    }
    const [tester, other] = devices as [Page, Page];
    // The other device writes to the shared journal.
    const token = await other.evaluate(() => (JSON.parse(sessionStorage.getItem('akson.session') ?? '{}') as { state: { token: string } }).state.token);
    const count = async () => ((await (await fetch(`${server.url}/fhir/Flag?_summary=count`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Bundle).total;
    const before = await count();
    // A patient on the GP's own list (a care relation: issue #8).
    const patient = ((await (await fetch(`${server.url}/fhir/Patient?general-practitioner=PractitionerRole/${persona.practitionerRoleId}&_count=1`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Bundle).entry![0]!.resource!;
    await fetch(`${server.url}/fhir/Flag`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Flag', status: 'active', code: { text: 'Fra den andre enheten' }, subject: { reference: `Patient/${patient.id}` } }),
    });
    expect(await count()).toBe(before! + 1);
    // Faults are the server's: set on the tester's device, the other device's state says so too.
    await setFaults(tester, '0', '10');
    await expect.poll(async () => ((await (await fetch(`${server.url}/mock/state`)).json()) as { faults: { failureRate: number } }).faults.failureRate).toBe(0.1);
    await setFaults(tester, '0', '0');

    const reloaded = other.waitForEvent('load', { timeout: 20_000 });
    const p = await openPanel(tester);
    const setup = p.getByRole('region', { name: 'Oppsett' });
    await expect(setup.getByLabel('Scenario', { exact: true })).toHaveValue('small');
    await setup.getByRole('button', { name: 'Tilbakestill alle enheter' }).click();
    // The other device notices the new state within a poll or two and loads the scenario's data.
    await reloaded;
    expect(await count()).toBe(before);
    await expect(other.getByRole('banner').getByRole('button', { name: new RegExp(persona.name) })).toBeVisible();
    for (const page of devices) await page.context().close();
  } finally {
    await server.close();
  }
});

test('@desktop-only a conflicting edit by "another user": the next save meets a newer version; the user is told and keeps what they typed', async ({ cleanPage: page }) => {
  await signIn(page, 'bergen-gp');
  const conditions = await fhir<Bundle<Condition>>(page, 'Condition?clinical-status=active&category=problem-list-item&_count=1&_offset=5');
  const condition = conditions.entry![0]!.resource!;
  await openPatient(page, condition.subject.reference!.split('/')[1]!);
  const p = await openPanel(page);
  const faults = p.getByRole('region', { name: 'Feilinnsetting' });
  await faults.getByRole('switch', { name: 'Neste lagring kolliderer med en annen brukers endring' }).click();
  await faults.getByRole('button', { name: 'Bruk' }).click();
  await expect(faults.getByRole('status')).toContainText('kollisjon venter');
  await closePanel(page);

  const problems = page.getByRole('region', { name: 'Problemer og diagnoser' });
  const text = condition.code!.text ?? condition.code!.coding![0]!.display!;
  await problems.getByRole('button', { name: `Endre ${text}` }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Endre diagnose' });
  await dialog.getByLabel('Notat (valgfritt)').fill('Kontroll om tre måneder.');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Endret av en annen' })).toBeVisible();
  await expect(dialog.getByLabel('Notat (valgfritt)')).toHaveValue('Kontroll om tre måneder.');
  // The conflict was used up: the panel says none is waiting.
  await expect.poll(async () => ((await page.evaluate(async () => (await fetch('/mock/faults')).json())) as { conflictNextWrite: boolean }).conflictNextWrite).toBe(false);
});
