import type { Bundle, Composition, EpisodeOfCare, Patient } from 'fhir/r4';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, fhir, openPatient, personas, signIn, type PersonaInfo } from './fixtures';

/**
 * Issue #8: need-to-know with a stated reason, emergency access and the leader's review, the
 * patient's access log, the idle lock and sign-out. Axe on every screen.
 */

test.describe.configure({ timeout: 120_000 });

const FNR = 'urn:oid:2.16.578.1.12.4.1.4.1';

/** A Bergen patient the signed-in user has no care relation to (the search reduces it and says so). */
async function stranger(page: Page, offset = 0): Promise<Patient> {
  const bundle = await fhir<Bundle<Patient>>(page, 'Patient?address-district=Bergen&_count=200');
  const found = (bundle.entry ?? []).map((e) => e.resource!).filter((p) => p.meta?.tag?.some((t) => t.code === 'no-relation'));
  const patient = found[offset];
  if (!patient) throw new Error('No patient without relation');
  return patient;
}

/** Finds the patient by fødselsnummer in the top bar and picks the one result (which says a reason is needed). */
async function pick(page: Page, patient: Patient): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Søk pasient' });
  await search.fill(patient.identifier!.find((i) => i.system === FNR)!.value!);
  const results = page.getByRole('listbox').getByRole('option');
  await expect(results).toHaveCount(1, { timeout: 45_000 });
  await expect(results.first()).toContainText(patient.name![0]!.family!);
  await expect(results.first()).toContainText('begrunnelse kreves');
  await expect(results.first()).not.toHaveAttribute('aria-disabled', 'true');
  await search.press('ArrowDown');
  await search.press('Enter');
}

async function openUserMenu(page: Page, who: PersonaInfo): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(who.name) }).click();
  await expect(page.getByRole('menu')).toBeVisible();
}

async function signOut(page: Page, who: PersonaInfo): Promise<void> {
  await openUserMenu(page, who);
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByRole('list', { name: 'Brukere du kan logge inn som' })).toBeVisible();
}

const chartHeading = (page: Page) => page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('heading', { level: 1 });

test('a home care nurse opens a patient outside her district: she must state a reason, gets in, and the access log shows it', { tag: '@tablet-only' }, async ({ cleanPage: page }) => {
  const nurse = await signIn(page, 'bergen-homecare-nurse');
  const patient = await stranger(page);
  expect(patient.telecom, 'the search sends no contact details without a relation').toBeUndefined();
  await pick(page, patient);

  const dialog = page.getByRole('dialog', { name: /tjenstlig behov/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(patient.name![0]!.family!);
  await expectAccessible(page, 'the reason dialog', { within: '[role="dialog"]' });
  // No reason chosen: a clear message, nothing opened.
  await dialog.getByRole('button', { name: 'Åpne journalen' }).click();
  await expect(dialog.getByText('Velg en begrunnelse fra listen.')).toBeVisible();
  // "Annet" needs words; what was typed stays.
  await dialog.getByRole('radio', { name: 'Annet' }).check();
  await dialog.getByRole('button', { name: 'Åpne journalen' }).click();
  await expect(dialog.getByText('Beskriv begrunnelsen når du velger «Annet».')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Henvisning eller forespørsel om pasienten' }).check();
  await dialog.getByRole('textbox', { name: 'Utdyping (valgfritt)' }).fill('Forespørsel fra fastlegen om sårstell');
  await dialog.getByRole('button', { name: 'Åpne journalen' }).click();

  await expect(chartHeading(page)).toContainText(patient.name![0]!.family!);
  await expect(page.getByRole('status').filter({ hasText: 'Tilgang med begrunnelse' })).toContainText('Henvisning eller forespørsel om pasienten');
  await expectAccessible(page, 'the chart under a stated reason');

  await page.getByRole('link', { name: 'Tilgangslogg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hvem har lest journalen til/ })).toBeVisible();
  const log = page.getByRole('table', { name: 'Tilgangslogg' });
  const granted = log.getByRole('row').filter({ hasText: nurse.name }).filter({ hasText: 'Tilgang gitt' });
  await expect(granted.first()).toContainText('Begrunnelse: Henvisning eller forespørsel om pasienten');
  await expect(granted.first()).toContainText(nurse.unitName);
  await expect(log.getByRole('row').filter({ hasText: nurse.name }).filter({ hasText: 'Lest' }).first()).toBeVisible();
  // As the patient is shown it: the category, never the free text.
  await expect(log).not.toContainText('sårstell');
  await expectAccessible(page, 'the access log');
});

test('an emergency clinic doctor uses emergency access: the banner shows, and the leader’s review lists it', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  const doctor = await signIn(page, 'bergen-ed-doctor');
  const patient = await stranger(page, 1);
  await pick(page, patient);
  const dialog = page.getByRole('dialog', { name: /tjenstlig behov/ });
  await dialog.getByRole('button', { name: 'Akuttilgang' }).click();
  const emergency = page.getByRole('dialog', { name: 'Akuttilgang' });
  await emergency.getByRole('button', { name: 'Bruk akuttilgang' }).click();
  await expect(emergency.getByText('Skriv hvorfor du bruker akuttilgang.')).toBeVisible();
  await expectAccessible(page, 'emergency access', { within: '[role="dialog"]' });
  const why = `Bevisstløs ved ankomst, ingen pårørende (${test.info().project.name} ${Date.now().toString(36)})`;
  await emergency.getByRole('textbox', { name: 'Hvorfor haster det?' }).fill(why);
  await emergency.getByRole('button', { name: 'Bruk akuttilgang' }).click();

  await expect(chartHeading(page)).toContainText(patient.name![0]!.family!);
  const banner = page.getByTestId('emergency-banner');
  await expect(banner).toContainText('Akuttilgang til');
  await expectAccessible(page, 'the chart under emergency access');

  // The clinic's leader (the emergency clinic's nurse persona) follows it up.
  await signOut(page, doctor);
  const leader = await signIn(page, 'bergen-ed-nurse');
  await openUserMenu(page, leader);
  await page.getByRole('menuitem', { name: 'Tilganger til oppfølging' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Tilganger med begrunnelse og akuttilgang/ })).toBeVisible();
  const review = page.getByRole('table', { name: 'Tilganger til oppfølging' });
  const row = review.getByRole('row').filter({ hasText: why });
  await expect(row).toContainText(doctor.name);
  await expect(row).toContainText('Akuttilgang');
  await expect(row).toContainText(patient.name![0]!.family!);
  await expectAccessible(page, 'the leader’s review');
  // Nothing unusual about it: the filter hides it.
  await page.getByRole('checkbox', { name: 'Bare uvanlige tilganger' }).check();
  await expect(review.getByRole('row').filter({ hasText: why })).toHaveCount(0);
});

test('the idle lock appears after the configured time, and the PIN opens it', { tag: '@tablet-only' }, async ({ page }) => {
  // A short idle time for the test (config.json's session.idleLockMinutes; the default is 5).
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { backend: { kind: string; patients?: number }; session?: { idleLockMinutes: number } };
    if (config.backend.kind === 'mock') config.backend.patients = Number(process.env.E2E_PATIENTS ?? 1500);
    config.session = { idleLockMinutes: 0.05 };
    await route.fulfill({ response, json: config });
  });
  await page.goto('/sign-in');
  const who = await signIn(page, 'bergen-homecare-nurse');
  await openUserMenu(page, who);
  await page.getByRole('menuitem', { name: 'PIN-kode for skjermlås' }).click();
  const pinDialog = page.getByRole('dialog', { name: 'Velg en PIN-kode for å låse skjermen' });
  await pinDialog.getByLabel('PIN-kode').fill('12');
  await pinDialog.getByRole('button', { name: 'Lagre PIN-kode' }).click();
  await expect(pinDialog.getByText('PIN-koden må være 4–6 sifre.')).toBeVisible();
  await pinDialog.getByLabel('PIN-kode').fill('2468');
  await pinDialog.getByRole('button', { name: 'Lagre PIN-kode' }).click();
  await expect(pinDialog).toBeHidden();

  // Three seconds without a touch: the screen locks, and nothing of the page shows.
  const lock = page.getByRole('dialog', { name: 'Skjermen er låst' });
  await expect(lock).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, 'the lock screen', { within: '[role="dialog"]' });
  await lock.getByLabel('PIN-kode').fill('1111');
  await lock.getByRole('button', { name: 'Lås opp' }).click();
  await expect(lock.getByText('Feil PIN-kode. Prøv igjen.')).toBeVisible();
  await lock.getByLabel('PIN-kode').fill('2468');
  await lock.getByRole('button', { name: 'Lås opp' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(who.name) })).toBeVisible();
});

test('after sign-out the browser holds no patient data', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  const gp = (await personas(page)).find((p) => p.id === 'bergen-gp') as PersonaInfo & { practitionerRoleId: string };
  await signIn(page, gp.id);
  const listed = await fhir<Bundle<Patient>>(page, `Patient?general-practitioner=PractitionerRole/${gp.practitionerRoleId}&_count=1&_offset=3`);
  const patient = await openPatient(page, listed.entry![0]!.resource!);
  const family = patient.name![0]!.family!;
  const fnr = patient.identifier!.find((i) => i.system === FNR)!.value!;
  // Something typed about the patient is kept on the device while signed in (a message draft).
  await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [`akson.exchange.draft.${gp.id}`, JSON.stringify({ patient: patient.id, text: `Om ${family}` })]);
  // No patient data in the URL beyond the id.
  expect(page.url()).not.toContain(fnr);
  expect(decodeURIComponent(page.url())).not.toContain(family);

  await signOut(page, gp);
  const stored = await page.evaluate(() => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k) ?? '']));
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
  expect(Object.keys(stored.local).filter((k) => !['akson.preferences', 'akson.chart-visits'].includes(k))).toEqual([]);
  expect(Object.keys(stored.session)).toEqual([]);
  const everything = JSON.stringify(stored);
  expect(everything).not.toContain(family);
  expect(everything).not.toContain(fnr);
  await expectAccessible(page, 'the sign-in page after sign-out');
});

test('the GP blocks a note for the home care district at the patient’s request: invisible there, visible at the author’s unit', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  const all = await personas(page);
  const gp = all.find((p) => p.id === 'bergen-gp') as PersonaInfo & { practitionerRoleId: string; organizationId: string };
  const nurse = all.find((p) => p.id === 'bergen-homecare-nurse') as PersonaInfo & { organizationId: string };
  await signIn(page, gp.id);
  // A home care patient of the district on the GP's own list, and the GP office's newest note.
  const episodes = await fhir<Bundle<EpisodeOfCare>>(page, `EpisodeOfCare?organization=Organization/${nurse.organizationId}&status=active&_count=200`);
  let patient: Patient | undefined;
  let note: Composition | undefined;
  for (const e of episodes.entry ?? []) {
    const id = e.resource!.patient.reference!.split('/')[1]!;
    const candidate = (await fhir<Bundle<Patient>>(page, `Patient?_id=${id}`)).entry![0]!.resource!;
    if (candidate.generalPractitioner?.[0]?.reference !== `PractitionerRole/${gp.practitionerRoleId}`) continue;
    const notes = await fhir<Bundle<Composition>>(page, `Composition?patient=${id}&custodian=Organization/${gp.organizationId}&status=final&_sort=-date&_count=1`);
    if (notes.entry?.length) {
      patient = candidate;
      note = notes.entry[0]!.resource!;
      break;
    }
  }
  if (!patient || !note) throw new Error('No patient of the district with a GP note');
  const when = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(note.date));
  // The journal's service filter counts the notes of each service: the GP office's, before and after.
  const gpNotes = async (p: Page) => {
    const option = p.getByRole('region', { name: 'Journal' }).getByRole('combobox', { name: 'Tjeneste' }).getByRole('option', { name: /^Fastlegetjenesten \(\d+\)$/ });
    await expect(option).toHaveCount(1);
    return Number(/\((\d+)\)/.exec((await option.textContent()) ?? '')?.[1]);
  };

  await openPatient(page, patient);
  const before = await gpNotes(page);
  expect(before).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Sperring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sperring i journalen til/ })).toBeVisible();
  await page.getByRole('button', { name: 'Registrer sperring' }).click();
  await expect(page.getByText('Velg notatet som skal sperres.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Notat' }).click();
  await page.getByRole('option', { name: new RegExp(`${when.replace(/\./g, '\\.')}.*${note.title}`) }).first().click();
  await page.getByRole('combobox', { name: 'Sperres for enhet' }).click();
  await page.getByRole('option', { name: nurse.unitName, exact: true }).click();
  await page.getByRole('button', { name: 'Registrer sperring' }).click();
  await expect(page.getByText('Sperringen er registrert.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Aktive sperringer' })).toContainText(`er sperret for ${nurse.unitName}`);
  await expectAccessible(page, 'the GP’s blocking page');

  // The author's unit still sees the note.
  await page.getByRole('link', { name: 'Tilbake til journalen' }).click();
  await expect.poll(() => gpNotes(page)).toBe(before);

  // The blocked unit: told that something is blocked, never what.
  await signOut(page, gp);
  await signIn(page, nurse.id);
  await openPatient(page, patient);
  await expect(page.getByRole('status').filter({ hasText: 'Noe i journalen er sperret for deg' })).toBeVisible();
  await expect.poll(() => gpNotes(page)).toBe(before - 1);
  await expectAccessible(page, 'the chart with a blocked note');
});
