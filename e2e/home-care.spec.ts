import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, openPatient, signIn } from './fixtures';

/**
 * Home care (hjemmetjenesten) on a tablet in a nurse's hand: touch only, portrait and landscape.
 * The standard scenario gives every home care worker today's route (mocks/scenarios/homeCare.ts);
 * the Bergen nurse persona's first visit is to a patient of the Bergen GP persona with two
 * morning doses on the shared medication list.
 */

test.describe.configure({ timeout: 150_000 });

/** Buttons and links in the main content smaller than 44 px (touch targets for gloved hands). */
async function smallTargets(page: Page, within = 'main'): Promise<string[]> {
  return page.locator(within).evaluate((main) =>
    [...main.querySelectorAll('button, a[href], [role="button"]')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `${el.textContent?.trim().slice(0, 40) ?? ''} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

async function signOut(page: Page, name: string) {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByLabel('Filtrer på navn, rolle eller enhet')).toBeVisible();
}

test('@tablet-only a home care nurse checks in to the first visit, ticks tasks, signs two doses, records vital signs, reports and checks out; the handover shows the refusal; the GP sees the report', async ({ cleanPage: page }) => {
  const nurse = await signIn(page, 'bergen-homecare-nurse');

  // Today's visits: the route in order, the first visit marked next.
  const module = page.getByRole('region', { name: 'Dagens besøk' });
  const route = module.getByRole('list', { name: 'Dagens besøk' });
  await expect(route.getByRole('listitem').first()).toBeVisible({ timeout: 45_000 });
  expect(await route.getByRole('listitem').count()).toBeGreaterThanOrEqual(8);
  const first = route.getByRole('listitem').first();
  await expect(first.getByText('Neste', { exact: true })).toBeVisible();
  await expect(first.getByText(/Tilgang:/)).toBeVisible();
  await expect(first.getByText(/Tiltak:/)).toBeVisible();
  await expectAccessible(page, "today's visits (portrait)");
  expect(await smallTargets(page, '#module-home-care-visits'), 'touch targets on the route').toEqual([]);
  await page.setViewportSize({ width: 1180, height: 820 });
  await expectAccessible(page, "today's visits (landscape)");
  await page.setViewportSize({ width: 820, height: 1180 });

  // A colleague's route is one choice away.
  const chooser = module.getByLabel('Vis ruten til');
  const colleague = (await chooser.locator('option').nth(1).textContent()) ?? '';
  await chooser.selectOption({ index: 1 });
  await expect(module.getByRole('status').filter({ hasText: `Rute for ${colleague}` })).toBeVisible();
  await chooser.selectOption({ index: 0 });
  await expect(module.getByRole('status').filter({ hasText: /besøk i dag/ })).not.toContainText('Rute for');

  const openLink = first.getByRole('link', { name: /Åpne besøket hos/ });
  const patientName = ((await openLink.textContent()) ?? '').trim();
  await openLink.tap();
  await expect(page.getByRole('heading', { level: 1, name: `Besøk hos ${patientName}` })).toBeVisible();
  await expectAccessible(page, 'the visit before check-in');
  expect(await smallTargets(page), 'touch targets on the visit').toEqual([]);

  // Check in: the time is recorded at once.
  await page.getByRole('button', { name: 'Sjekk inn' }).tap();
  await expect(page.getByText(/Sjekket inn kl\. \d\d:\d\d/)).toBeVisible();

  // Every task of the visit ticked done.
  const tasks = page.getByRole('region', { name: 'Tiltak' });
  const taskGroups = tasks.getByRole('group');
  const taskCount = await taskGroups.count();
  expect(taskCount).toBeGreaterThanOrEqual(1);
  for (let i = 0; i < taskCount; i++) {
    const done = taskGroups.nth(i).getByRole('button', { name: 'Utført', exact: true });
    await done.tap();
    await expect(done).toHaveAttribute('aria-pressed', 'true');
  }

  // The patient's service decisions and IPLOS, one tap away; coming back, nothing ticked is lost.
  await page.getByRole('link', { name: 'Vedtak og IPLOS' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: `Vedtak og IPLOS for ${patientName}` })).toBeVisible();
  await expect(page.getByText(/timer per uke/).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'IPLOS funksjonsvurdering' }).getByRole('row')).toHaveCount(21);
  await expectAccessible(page, 'service decisions and IPLOS');
  // The nurse persona is the district's coordinator: a new IPLOS assessment is hers to record.
  await page.getByRole('button', { name: 'Ny vurdering' }).tap();
  await expect(page.getByRole('form', { name: 'Ny vurdering' })).toBeVisible();
  await expectAccessible(page, 'a new IPLOS assessment');
  await page.getByRole('button', { name: 'Avbryt' }).tap();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: `Besøk hos ${patientName}` })).toBeVisible();
  await expect(taskGroups.first().getByRole('button', { name: 'Utført', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Two doses: one given, one refused with a reason.
  const meds = page.getByRole('region', { name: 'Legemidler å gi nå' });
  const doseGroups = meds.getByRole('group');
  expect(await doseGroups.count()).toBeGreaterThanOrEqual(2);
  const refusedName = (await doseGroups.nth(1).getAttribute('aria-label')) ?? '';
  for (let i = 0; i < (await doseGroups.count()); i++) {
    if (i !== 1) await doseGroups.nth(i).getByRole('button', { name: 'Gitt', exact: true }).tap();
  }
  await doseGroups.nth(1).getByRole('button', { name: 'Nektet' }).tap();
  // Checking out without the refusal's reason is refused, with a clear message; nothing is lost.
  const reason = meds.getByLabel(`Årsak: ${refusedName}`);
  await expect(reason).toBeVisible();

  // Vital signs with NEWS2 as they are typed.
  const vitals = page.getByRole('region', { name: 'Vitale tegn' });
  await vitals.getByLabel('Respirasjonsfrekvens (/min)').fill('16');
  await vitals.getByLabel('SpO2 (%)').fill('97');
  await vitals.getByLabel('Systolisk BT (mmHg)').fill('134');
  await vitals.getByLabel('Diastolisk BT (mmHg)').fill('78');
  await vitals.getByLabel('Puls (/min)').fill('76');
  await vitals.getByLabel('Temperatur (°C)').fill('37,1');
  await vitals.getByLabel('Bevissthet (ACVPU)').selectOption('A');
  await expect(vitals.getByRole('status')).toContainText('NEWS2 0');

  // The report, from a quick phrase and a few words.
  const report = page.getByRole('region', { name: 'Rapport' });
  await report.getByRole('button', { name: 'Rolig og i god form.' }).tap();
  const reportText = `Satt i stolen ved vinduet. Ønsker besøk av fastlegen neste uke (${test.info().project.name}).`;
  const box = report.getByRole('textbox', { name: 'Rapport' });
  await box.press('End');
  await box.pressSequentially(`\n${reportText}`);
  await expect(box).toHaveValue(`Rolig og i god form.\n${reportText}`);

  await page.getByRole('button', { name: 'Sjekk ut og lagre' }).tap();
  const problems = page.getByRole('alert').filter({ hasText: 'Før du kan sjekke ut' });
  await expect(problems).toContainText(`${refusedName}: skriv en årsak.`);
  await expect(box).toHaveValue(`Rolig og i god form.\n${reportText}`);
  await reason.fill('Kvalm i dag, ville ikke ta tabletten');
  await expect(page.getByRole('region', { name: 'Rapport' }).getByText(/Avvik som kommer med i rapporten/)).toBeVisible();

  // Landscape, the same screen.
  await page.setViewportSize({ width: 1180, height: 820 });
  await expectAccessible(page, 'the visit (landscape)');
  await page.setViewportSize({ width: 820, height: 1180 });
  await expectAccessible(page, 'the visit (portrait, filled in)');

  await page.getByRole('button', { name: 'Sjekk ut og lagre' }).tap();
  await expect(page.getByRole('status').filter({ hasText: `Besøket hos ${patientName} er lagret i journalen.` })).toBeVisible();
  await expect(route.getByRole('listitem').first().getByText('Ferdig')).toBeVisible();

  // The handover: the refusal first, as a deviation.
  await module.getByRole('link', { name: 'Rapport og avvik' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport og avvik' })).toBeVisible();
  const reports = page.getByRole('list', { name: 'Rapporter i dag' });
  const ours = reports.getByRole('listitem').first();
  await expect(ours).toContainText(patientName);
  await expect(ours.getByRole('list', { name: `Avvik: ${patientName}` })).toContainText(`${refusedName}: ikke tatt, pasienten ville ikke – Kvalm i dag, ville ikke ta tabletten`);
  await expect(ours).toContainText(reportText);
  await expectAccessible(page, 'the handover (portrait)');
  await page.setViewportSize({ width: 1180, height: 820 });
  await expectAccessible(page, 'the handover (landscape)');
  await page.setViewportSize({ width: 820, height: 1180 });

  // The patient's GP sees the report in the shared journal.
  await signOut(page, nurse.name);
  await signIn(page, 'bergen-gp');
  const patient = await page.evaluate(async (name) => {
    const session = JSON.parse(sessionStorage.getItem('akson.session') ?? '{}') as { state?: { token?: string } };
    const r = await fetch(`/fhir/Composition?type=urn:akson:codesystem:note-type|home-visit-report&_sort=-date&_count=1`, { headers: { Authorization: `Bearer ${session.state?.token ?? ''}` } });
    const bundle = (await r.json()) as { entry?: { resource: { subject: { reference: string; display?: string } } }[] };
    const subject = bundle.entry?.[0]?.resource.subject;
    return subject?.display === name ? subject.reference.split('/')[1] : undefined;
  }, patientName);
  expect(patient, 'the newest home visit report is this visit’s').toBeDefined();
  await openPatient(page, patient!);
  const row = page.getByRole('region', { name: 'Journal' }).getByRole('button', { name: new RegExp(`Rapport fra hjemmebesøk.*${nurse.name}`) }).first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByText(reportText)).toBeVisible();
  await expectAccessible(page, "the GP's chart with the report");
});
