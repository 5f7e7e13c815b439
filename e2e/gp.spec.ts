import { mkdirSync, writeFileSync } from 'node:fs';
import type { Appointment, Bundle, MedicationStatement } from 'fhir/r4';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, personas, signIn, expectAccessible, fhir, type PersonaInfo } from './fixtures';

async function signOut(page: Page, who: PersonaInfo) {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(who.name) }).click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByRole('list', { name: 'Brukere du kan logge inn som' })).toBeVisible();
}

/**
 * The scenario's day follows the real clock (late in the evening every appointment is done):
 * make sure the GP's last appointment today is still booked, as a patient yet to come, and that
 * the patient has a medicine on the list to change. Returns the appointment's patient.
 */
async function aBookedAppointmentToday(page: Page, practitionerRoleId: string): Promise<{ patientId: string; name: string }> {
  // Today in Oslo, where the scenario's day is (the test process may run in UTC: between 23 and
  // 24 UTC in winter its date is still yesterday's).
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
  const bundle = await fhir<Bundle<Appointment>>(page, `Appointment?actor=PractitionerRole/${practitionerRoleId}&date=ge${today}&date=le${today}&_sort=-date&_count=1`);
  const last = bundle.entry?.[0]?.resource;
  if (!last) throw new Error('The GP has no appointments today');
  if (last.status !== 'booked') await fhir(page, `Appointment/${last.id!}`, { method: 'PUT', body: { ...last, status: 'booked' }, ifMatch: `W/"${last.meta!.versionId!}"` });
  const patient = last.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))!.actor!;
  const patientId = patient.reference!.slice('Patient/'.length);
  const meds = await fhir<Bundle<MedicationStatement>>(page, `MedicationStatement?patient=${patientId}&status=active&_count=1`);
  if (!meds.entry?.length) {
    await fhir(page, 'MedicationStatement', {
      method: 'POST',
      body: {
        resourceType: 'MedicationStatement',
        status: 'active',
        medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'N02BE01', display: 'paracetamol' }], text: 'Paracet 500 mg tablett' },
        subject: { reference: `Patient/${patientId}` },
        effectivePeriod: { start: '2026-01-10' },
        dosage: [{ text: '2 tabletter inntil 4 ganger daglig ved behov' }],
      },
    });
  }
  return { patientId, name: patient.display! };
}

/** Counts what the user does: clicks, and keystrokes (each character typed, each key pressed). */
class Effort {
  clicks = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }
  async type(target: Locator, text: string) {
    this.keys += text.length;
    await target.pressSequentially(text);
  }
  async press(key: string) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }
  async typeHere(text: string) {
    this.keys += text.length;
    await this.page.keyboard.type(text);
  }
  /** Tab (forward) until the target has the focus, as a keyboard user does. */
  async tabTo(target: Locator, max = 120) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.press('Tab');
    }
    throw new Error('Tabbed through the page without reaching the target');
  }
  report(testInfo: TestInfo, what: string) {
    const line = `${what}: ${this.clicks} clicks, ${this.keys} keystrokes`;
    console.log(line);
    testInfo.annotations.push({ type: 'effort', description: line });
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/effort-${what.replace(/\W+/g, '-')}-${testInfo.project.name}.json`, JSON.stringify({ what, clicks: this.clicks, keystrokes: this.keys }));
  }
}

/** The GP office's workspace: what a GP works through between consultations. */

// The GP's home waits for the mock backend to build its data: room on a 2-core CI machine.
test.describe.configure({ timeout: 120_000 });

test('a GP works through new results from the home page: outside the range first, one action each, the chart one click away', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  const gp = (await personas(page)).find((p) => p.id === 'bergen-gp')!;
  await signIn(page, gp.id);
  const module = page.getByRole('region', { name: 'Svar å se gjennom' });
  const list = module.getByRole('list', { name: 'Svar som ikke er sett' });
  // Right after sign-in the mock backend may still be building its data.
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 45_000 });
  const before = await list.getByRole('listitem').count();
  expect(before).toBeGreaterThan(1);
  await expect(module.getByRole('status').first()).toContainText(`${before} svar ikke sett`);
  // The first result is outside the reference range, said in words.
  await expect(list.getByRole('listitem').first()).toContainText('Utenfor referanseområdet');
  await expectAccessible(page, 'the GP home with results to review');

  // One action marks it seen; the message takes the focus, and the list is one shorter.
  const first = list.getByRole('listitem').first();
  const button = first.getByRole('button', { name: /^Merk .* som sett$/ });
  const label = (await button.getAttribute('aria-label'))!;
  const [, title, name] = /^Merk (.*) for (.*) som sett$/.exec(label)!;
  await button.click();
  await expect(module.getByText(`${title} for ${name} er merket som sett.`)).toBeVisible();
  await expect(page.locator(':focus')).toContainText(`${title} for ${name} er merket som sett.`);
  await expect(list.getByRole('listitem')).toHaveCount(before - 1);

  // The next patient's chart is one click away; the result waits there, not yet seen.
  const next = list.getByRole('listitem').first();
  const patientLink = next.getByRole('link').first();
  const patientName = (await patientLink.textContent())!;
  await patientLink.click();
  const family = patientName.split(',')[0]!.trim();
  await expect(page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('heading', { level: 1 })).toContainText(family);
  await expect(page.getByRole('region', { name: 'Prøvesvar og røntgen' }).getByText('Ikke sett').first()).toBeVisible({ timeout: 30_000 });
});

async function nurseMarksArrived(page: Page) {
  const all = await personas(page);
  const gp = all.find((p) => p.id === 'bergen-gp')! as PersonaInfo & { practitionerRoleId: string };
  const nurse = all.find((p) => p.personnelGroup === 'gp-nurse' && p.municipalityName === gp.municipalityName)!;
  await signIn(page, nurse.id);
  const { name: patient } = await aBookedAppointmentToday(page, gp.practitionerRoleId);
  // Signing out empties the cache: the day list is read afresh.
  await signOut(page, nurse);
  await signIn(page, nurse.id);
  const day = page.getByRole('region', { name: 'Dagens timer' });
  const list = day.getByRole('list', { name: 'Dagens timeliste' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 45_000 });
  // The nurse sees the whole office's day; she marks the GP's last patient of the day arrived.
  const row = list.getByRole('listitem').filter({ hasText: `hos ${gp.name}` }).filter({ hasText: patient }).filter({ has: page.getByRole('button', { name: /som ankommet$/ }) }).last();
  const button = row.getByRole('button', { name: /som ankommet$/ });
  const [, , time] = /^Merk (.*) \((\d\d:\d\d)\) som ankommet$/.exec((await button.getAttribute('aria-label'))!)!;
  await button.click();
  await expect(page.locator(':focus')).toContainText(`${patient} er merket som ankommet.`);
  await expect(list.getByRole('listitem').filter({ hasText: patient }).filter({ hasText: time! })).toContainText('Ankommet');
  return { gp, nurse, patient, time: time! };
}

test('the office nurse marks a patient arrived; the GP runs the consultation from the day list to the signed note; the day list shows the patient done', { tag: '@desktop-only' }, async ({ cleanPage: page }, testInfo) => {
  test.setTimeout(180_000);
  const { gp, nurse, patient, time } = await nurseMarksArrived(page);
  await expectAccessible(page, 'the office nurse’s day list');
  await signOut(page, nurse);
  await signIn(page, gp.id);
  const dayRow = () => page.getByRole('list', { name: 'Dagens timeliste' }).getByRole('listitem').filter({ hasText: patient }).filter({ hasText: time });
  await expect(dayRow()).toContainText('Ankommet', { timeout: 45_000 });

  const effort = new Effort(page);
  await effort.click(dayRow().getByRole('link', { name: `Start konsultasjon med ${patient} kl. ${time}` }));
  const note = page.getByRole('region', { name: 'Konsultasjonsnotat' });
  await expect(note.getByLabel(/^Årsak/)).not.toHaveValue('');
  await expect(page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('heading', { level: 1 })).toContainText(patient.split(' ').slice(-1)[0]!);
  await expectAccessible(page, 'the consultation');

  await effort.click(note.getByLabel('Funn'));
  await effort.type(note.getByLabel('Funn'), 'Rolig. Lungene normale.');
  await effort.click(note.getByLabel('Vurdering'));
  await effort.type(note.getByLabel('Vurdering'), 'Viral infeksjon.');
  const diagnosis = note.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ });
  await effort.click(diagnosis);
  await effort.type(diagnosis, 'R74');
  await effort.click(page.getByRole('option', { name: /^R74 / }));
  await expect(diagnosis).toHaveValue(/^R74 /);

  // One medication change, on the shared list beside the note.
  const meds = page.getByRole('complementary', { name: 'Pasientoversikt' }).getByRole('region', { name: 'Legemidler i bruk' });
  const stop = meds.getByRole('button', { name: /^Seponer / }).first();
  const drug = (await stop.getAttribute('aria-label'))!.replace(/^Seponer /, '');
  await effort.click(stop);
  const dialog = page.getByRole('dialog');
  await effort.click(dialog.getByRole('textbox', { name: /^Grunn til seponering/ }));
  await effort.type(dialog.getByRole('textbox', { name: /^Grunn til seponering/ }), 'Ikke lenger behov');
  await effort.click(dialog.getByRole('button', { name: 'Seponer' }));
  await expect(note.getByText(`Seponert: ${drug}`, { exact: false })).toBeVisible();

  await effort.click(note.getByRole('checkbox', { name: 'P-CRP' }));
  await effort.click(note.getByRole('button', { name: /^Signer og avslutt/ }));

  await expect(page.getByRole('status').filter({ hasText: `Konsultasjonen med ${patient} er signert.` })).toBeVisible();
  await expect(dayRow()).toContainText('Ferdig', { timeout: 30_000 });
  effort.report(testInfo, 'consultation by mouse');
  expect(effort.clicks).toBeLessThan(15);
});

// A GP at a desktop works from the keyboard; the tablet project runs the touch journey above instead.
test('the whole consultation works from the keyboard alone', { tag: '@desktop-only' }, async ({ cleanPage: page }, testInfo) => {
  test.setTimeout(180_000);
  const gp = (await personas(page)).find((p) => p.id === 'bergen-gp')! as PersonaInfo & { practitionerRoleId: string };
  await signIn(page, gp.id);
  const { name: patient } = await aBookedAppointmentToday(page, gp.practitionerRoleId);
  // Signing out and in again reads the day afresh.
  await signOut(page, gp);
  await signIn(page, gp.id);
  const start = page.getByRole('list', { name: 'Dagens timeliste' }).getByRole('link', { name: new RegExp(`^Start konsultasjon med ${patient} kl\\. `) }).last();
  await expect(start).toBeVisible({ timeout: 45_000 });
  const time = /kl\. (\d\d:\d\d)$/.exec((await start.getAttribute('aria-label'))!)![1]!;
  const dayRow = () => page.getByRole('list', { name: 'Dagens timeliste' }).getByRole('listitem').filter({ hasText: patient }).filter({ hasText: time });
  await expect(dayRow()).toContainText('Booket');

  const effort = new Effort(page);
  await effort.tabTo(start);
  await effort.press('Enter');
  const note = page.getByRole('region', { name: 'Konsultasjonsnotat' });
  await expect(note.getByLabel(/^Årsak/)).not.toHaveValue('');

  await effort.press('Alt+KeyN');
  await expect(note.getByLabel(/^Årsak/)).toBeFocused();
  await effort.press('Tab');
  await effort.typeHere('Rolig. Lungene normale.');
  await effort.press('Tab');
  await effort.typeHere('Viral infeksjon.');
  await expect(note.getByLabel('Vurdering')).toHaveValue('Viral infeksjon.');

  await effort.press('Alt+KeyK');
  await effort.typeHere('R74');
  await expect(page.getByRole('option', { name: /^R74 / })).toBeVisible();
  await effort.press('Enter');
  await expect(note.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ })).toHaveValue(/^R74 /);

  await effort.press('Alt+KeyM');
  const meds = page.getByRole('complementary', { name: 'Pasientoversikt' }).getByRole('region', { name: 'Legemidler i bruk' });
  const stop = meds.getByRole('button', { name: /^Seponer / }).first();
  const drug = (await stop.getAttribute('aria-label'))!.replace(/^Seponer /, '');
  await effort.tabTo(stop);
  await effort.press('Enter');
  const dialog = page.getByRole('dialog');
  await effort.tabTo(dialog.getByRole('textbox', { name: /^Grunn til seponering/ }));
  await effort.typeHere('Ikke lenger behov');
  await effort.tabTo(dialog.getByRole('button', { name: 'Seponer' }));
  await effort.press('Enter');
  await expect(note.getByText(`Seponert: ${drug}`, { exact: false })).toBeVisible();

  // The first common panel (infection: CRP, Hb, leukocytes) in one key.
  await effort.press('Alt+KeyL');
  await effort.press('Enter');
  await expect(note.getByRole('checkbox', { name: 'P-CRP' })).toBeChecked();

  await effort.press('Alt+KeyH');
  await expect(page.getByRole('dialog', { name: 'Hurtigtaster i konsultasjonen' })).toBeVisible();
  await expectAccessible(page, 'the consultation’s shortcut list', { within: '[role="dialog"]' });
  await effort.press('Escape');

  await effort.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Konsultasjonen med ${patient} er signert.` })).toBeVisible();
  await expect(dayRow()).toContainText('Ferdig', { timeout: 30_000 });
  effort.report(testInfo, 'consultation by keyboard');
  expect(effort.clicks).toBe(0);
});
