import type { Bundle, Patient } from 'fhir/r4';
import type { APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test';
import { test, expect, expectAccessible, openPatient } from './fixtures';

/**
 * The emergency clinic (legevakt), with two users at once: both browsers use the shared Node
 * mock server (playwright.config.ts starts it, small scenario), not each its own in-browser
 * backend, so what one writes the other sees.
 */
const MOCK = `http://localhost:${process.env.E2E_MOCK_PORT ?? 8791}`;
// The journey moves the doctor's clock 11 minutes on without a touch: the idle lock (issue #8,
// default 5 minutes) is set longer here, as a clinic would for the board in its staff room.
const SHARED_CONFIG = { backend: { kind: 'fhir', baseUrl: `${MOCK}/fhir` }, auth: { kind: 'persona', url: MOCK }, session: { idleLockMinutes: 60 } };

interface PersonaInfo {
  id: string;
  name: string;
  practitionerRoleId: string;
}

test.describe.configure({ timeout: 150_000 });

async function sharedBackend(page: Page): Promise<void> {
  await page.route('**/config.json', (route) => route.fulfill({ json: SHARED_CONFIG }));
}

async function signIn(page: Page, persona: PersonaInfo): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Filtrer på navn, rolle eller enhet').fill(persona.name);
  await page.getByRole('button', { name: new RegExp(persona.name) }).first().click();
  await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(persona.name) })).toBeVisible();
}

async function signOut(page: Page, persona: PersonaInfo): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(persona.name) }).click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByLabel('Filtrer på navn, rolle eller enhet')).toBeVisible();
}

/** A patient on the GP's list (one per test project, so desktop and tablet do not share one). */
async function listedPatient(request: APIRequestContext, gp: PersonaInfo, index: number): Promise<Patient> {
  const token = ((await (await request.post(`${MOCK}/token`, { data: { persona: gp.id } })).json()) as { access_token: string }).access_token;
  const response = await request.get(`${MOCK}/fhir/Patient?general-practitioner=PractitionerRole/${gp.practitionerRoleId}&_count=10`, { headers: { Authorization: `Bearer ${token}` } });
  const bundle = (await response.json()) as Bundle<Patient>;
  const patients = (bundle.entry ?? []).map((e) => e.resource!).filter((p) => !p.deceasedBoolean && !p.deceasedDateTime);
  const patient = patients[index % patients.length];
  if (!patient) throw new Error(`No patients on ${gp.name}'s list`);
  return patient;
}

async function newUser(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await sharedBackend(page);
  return page;
}

test('a nurse registers and triages an arrival; a doctor sees it within seconds, the alarm as time passes, treats and sends the patient to the GP, who sees the note', { tag: '@desktop-only' }, async ({
  page,
  browser,
  request,
  baseURL,
  viewport,
  hasTouch,
}, testInfo) => {
  const personas = (await (await request.get(`${MOCK}/personas`)).json()) as PersonaInfo[];
  const nurse = personas.find((p) => p.id === 'bergen-ed-nurse')!;
  const doctor = personas.find((p) => p.id === 'bergen-ed-doctor')!;
  const gp = personas.find((p) => p.id === 'bergen-gp')!;
  const patient = await listedPatient(request, gp, testInfo.project.name === 'tablet' ? 1 : 0);
  const fnr = patient.identifier!.find((i) => i.system === 'urn:oid:2.16.578.1.12.4.1.4.1')!.value!;
  const name = [patient.name![0]!.given?.join(' '), patient.name![0]!.family].filter(Boolean).join(' ');
  // A reason no other run has written, to find this visit on a board shared with other runs.
  const reason = `Brystsmerter siden kl. 18 (${testInfo.project.name} ${Date.now().toString(36)})`;

  // The nurse, at the board: everyone present, with a way to register an arrival.
  await sharedBackend(page);
  await signIn(page, nurse);
  const board = page.getByRole('region', { name: 'Triagetavle' });
  await expect(board.getByRole('table', { name: 'Pasienter til stede' }).getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'the triage board');

  // Register the arrival: the patient's critical information and GP before the reason.
  await board.getByRole('link', { name: 'Registrer ankomst' }).click();
  await page.getByLabel('Fødselsnummer, fødselsdato eller navn').fill(fnr);
  await page.getByRole('button', { name: `Velg ${name}` }).click();
  await expect(page.getByText('Kritisk informasjon', { exact: true })).toBeVisible();
  await expect(page.getByText(`Fastlege: ${gp.name}`)).toBeVisible();
  await expectAccessible(page, 'register arrival');
  await page.getByRole('button', { name: 'Registrer ankomst' }).click();
  // Bad input: a clear message, and nothing lost.
  await expect(page.getByText('Skriv hvorfor pasienten kommer.')).toBeVisible();
  await page.getByLabel('Kontaktårsak').fill(reason);
  await page.getByRole('button', { name: 'Registrer ankomst' }).click();

  // Triage: vital signs with NEWS2, level orange with a reason.
  await expect(page.getByRole('heading', { name: 'Legevaktbesøk' })).toBeVisible();
  await page.getByLabel('Respirasjonsfrekvens (/min)').fill('22');
  await page.getByLabel('SpO2 (%)').fill('95');
  await page.getByLabel('Systolisk BT (mmHg)').fill('135');
  await page.getByLabel('Puls (/min)').fill('104');
  await page.getByLabel('Temperatur (°C)').fill('37,1');
  await expect(page.getByText(/NEWS2 \(ufullstendig, 6 av 7\): 4/)).toBeVisible();
  await page.getByRole('radio', { name: /Oransje – svært hastende/ }).check();
  await page.getByLabel('Begrunnelse').fill('Trykkende brystsmerter, påvirket.');
  await page.getByRole('button', { name: 'Lagre triage' }).click();
  await expect(page.getByText('Triage lagret: Oransje.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Triagehistorikk' }).getByText('Oransje')).toBeVisible();
  await expectAccessible(page, 'triage');

  // Another user, in another browser: the doctor's board shows it within seconds.
  const doctorPage = await newUser(browser, { baseURL: baseURL!, viewport, hasTouch, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  await doctorPage.clock.install();
  await signIn(doctorPage, doctor);
  const doctorBoard = doctorPage.getByRole('region', { name: 'Triagetavle' });
  const row = doctorBoard.getByRole('row').filter({ hasText: reason });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText('Oransje');
  await expect(row).toContainText('Venter på lege');
  await expect(row).not.toContainText('Over mål');

  // Time passes: past orange's 10 minutes the waiting time is an alarm, in words and colour.
  await doctorPage.clock.fastForward('11:00');
  await expect(row).toContainText('Over mål');
  await expect(doctorBoard.getByRole('status').first()).toContainText('over målet');
  await expectAccessible(doctorPage, 'the board with an alarm');

  // The wall display: level, time and status; initials, never full names nor reasons.
  await doctorBoard.getByRole('link', { name: 'Veggskjerm' }).click();
  const wall = doctorPage.getByRole('list', { name: 'Pasienter til stede' });
  await expect(wall.getByRole('listitem').first()).toBeVisible();
  const initials = name.split(/[\s-]+/).map((p) => `${p[0]!.toUpperCase()}.`).join('');
  await expect(wall).toContainText(initials);
  await expect(doctorPage.getByText(name)).toHaveCount(0);
  await expect(doctorPage.getByText(reason)).toHaveCount(0);
  await expectAccessible(doctorPage, 'the wall display');
  await doctorPage.getByRole('link', { name: 'Lukk veggskjermen' }).click();

  // The doctor takes the patient, writes the note and sends the patient to the GP.
  await doctorBoard.getByRole('row').filter({ hasText: reason }).getByRole('link').click();
  await doctorPage.getByRole('button', { name: 'Jeg tar pasienten' }).click();
  await expect(doctorPage.getByText(`Lege: ${doctor.name}`)).toBeVisible();
  await doctorPage.getByLabel('Funn').fill('EKG uten iskemi. Troponin negativ.');
  await doctorPage.getByLabel('Vurdering').fill('Muskulære brystsmerter.');
  await doctorPage.getByRole('combobox', { name: 'Diagnose (ICPC-2)' }).fill('A11');
  await doctorPage.getByRole('option', { name: /A11 Brystsmerte IKA/ }).click();
  await doctorPage.getByLabel('Tiltak').fill('Paracetamol 1 g.');
  await doctorPage.getByRole('radio', { name: 'Til fastlege' }).check();
  await expect(doctorPage.getByText(/Når du avslutter, får fastlegen .+ en melding fra legevakten/)).toBeVisible();
  await expectAccessible(doctorPage, 'treatment and departure');
  await doctorPage.getByRole('button', { name: 'Avslutt og send notat' }).click();
  await expect(doctorPage.getByText(/Pasienten er skrevet ut\..*meldingen til fastlegen .+ er sendt/)).toBeVisible();
  await doctorPage.context().close();

  // The patient's GP sees the clinic's note in the shared journal.
  await signOut(page, nurse);
  await signIn(page, gp);
  await openPatient(page, patient);
  const overview = page.getByRole('region', { name: 'Oversikt' });
  await expect(overview.getByText(reason)).toBeVisible({ timeout: 30_000 });
  await expect(overview.getByText(/Legevaktnotat/).first()).toBeVisible();
  // … and the clinic's message about the visit is in the GP's inbox, linked to the patient.
  await page.getByRole('banner').getByRole('link', { name: 'Akson Journal' }).click();
  const notice = page.locator('#module-inbox').getByRole('listitem').filter({ hasText: 'Melding fra legevakt' }).filter({ hasText: reason });
  await expect(notice.first()).toBeVisible({ timeout: 30_000 });
});
