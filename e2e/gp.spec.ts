import type { Appointment, Bundle } from 'fhir/r4';
import type { Page } from '@playwright/test';
import { test, expect, personas, signIn, expectAccessible, fhir, type PersonaInfo } from './fixtures';

async function signOut(page: Page, who: PersonaInfo) {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(who.name) }).click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByRole('list', { name: 'Brukere du kan logge inn som' })).toBeVisible();
}

/**
 * The scenario's day follows the real clock (late in the evening every appointment is done):
 * make sure the GP's last appointment today is still booked, as a patient yet to come.
 */
async function aBookedAppointmentToday(page: Page, practitionerRoleId: string): Promise<void> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const bundle = await fhir<Bundle<Appointment>>(page, `Appointment?actor=PractitionerRole/${practitionerRoleId}&date=ge${today}&date=le${today}&_sort=-date&_count=1`);
  const last = bundle.entry?.[0]?.resource;
  if (!last) throw new Error('The GP has no appointments today');
  if (last.status !== 'booked') await fhir(page, `Appointment/${last.id!}`, { method: 'PUT', body: { ...last, status: 'booked' }, ifMatch: `W/"${last.meta!.versionId!}"` });
}

/** The GP office's workspace: what a GP works through between consultations. */

// The GP's home waits for the mock backend to build ten thousand patients: room on a 2-core CI machine.
test.describe.configure({ timeout: 120_000 });

test('a GP works through new results from the home page: outside the range first, one action each, the chart one click away', async ({ cleanPage: page }) => {
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

test('the office nurse marks a patient arrived; the GP’s day list shows it, with the patient one click away', async ({ cleanPage: page }) => {
  const all = await personas(page);
  const gp = all.find((p) => p.id === 'bergen-gp')! as PersonaInfo & { practitionerRoleId: string };
  const nurse = all.find((p) => p.personnelGroup === 'gp-nurse' && p.municipalityName === gp.municipalityName)!;
  await signIn(page, nurse.id);
  await aBookedAppointmentToday(page, gp.practitionerRoleId);
  // Signing out empties the cache: the day list is read afresh.
  await signOut(page, nurse);
  await signIn(page, nurse.id);
  const day = page.getByRole('region', { name: 'Dagens timer' });
  const list = day.getByRole('list', { name: 'Dagens timeliste' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 45_000 });
  // The nurse sees the whole office's day; she marks the next of the GP's booked patients arrived.
  const row = list.getByRole('listitem').filter({ hasText: `hos ${gp.name}` }).filter({ has: page.getByRole('button', { name: /som ankommet$/ }) }).first();
  const button = row.getByRole('button', { name: /som ankommet$/ });
  const [, patient, time] = /^Merk (.*) \((\d\d:\d\d)\) som ankommet$/.exec((await button.getAttribute('aria-label'))!)!;
  await button.click();
  await expect(page.locator(':focus')).toContainText(`${patient} er merket som ankommet.`);
  await expect(list.getByRole('listitem').filter({ hasText: patient! }).filter({ hasText: time! })).toContainText('Ankommet');
  await expectAccessible(page, 'the office nurse’s day list');

  await signOut(page, nurse);
  await signIn(page, gp.id);
  const gpRow = page.getByRole('list', { name: 'Dagens timeliste' }).getByRole('listitem').filter({ hasText: patient! }).filter({ hasText: time! });
  await expect(gpRow).toContainText('Ankommet', { timeout: 45_000 });
  await gpRow.getByRole('link', { name: patient }).click();
  await expect(page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('heading', { level: 1 })).toContainText(patient!.split(' ').slice(-1)[0]!);
});
