import type { AllergyIntolerance, Bundle, Patient } from 'fhir/r4';
import { test, expect, personas, signIn, fhir, expectAccessible, stateReason } from './fixtures';

const FNR = 'urn:oid:2.16.578.1.12.4.1.4.1';

function norwegianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function spacedId(id: string): string {
  return `${id.slice(0, 6)} ${id.slice(6)}`;
}

/** A patient with a severe drug reaction, and its name, found through the API. */
async function patientWithSevereAllergy(page: Parameters<typeof fhir>[0]) {
  const allergies = await fhir<Bundle<AllergyIntolerance>>(page, 'AllergyIntolerance?criticality=high&clinical-status=active&_count=1');
  const allergy = allergies.entry![0]!.resource!;
  const patientId = allergy.patient.reference!.split('/')[1]!;
  const patient = await fhir<Patient>(page, `Patient/${patientId}`);
  return { patient, allergy };
}

test.beforeEach(async ({ cleanPage: page }) => {
  const gp = (await personas(page)).find((p) => p.personnelGroup === 'gp')!;
  await signIn(page, gp.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Fastlegekontor' })).toBeVisible();
});

test('find a patient by name, open the chart and see the critical information first', async ({ page }) => {
  const { patient, allergy } = await patientWithSevereAllergy(page);
  const given = patient.name![0]!.given![0]!;
  const family = patient.name![0]!.family!;
  await page.getByLabel('Søk pasient').fill(`${given} ${family}`);
  const option = page.getByRole('option', { name: new RegExp(`${family}, ${given}.*${norwegianDate(patient.birthDate!)}`) });
  await option.first().click();

  const contextBar = page.getByRole('region', { name: 'Pasient', exact: true });
  await expect(contextBar.getByRole('heading', { level: 1 })).toContainText(family);
  const marker = contextBar.getByRole('button', { name: /Kritisk informasjon \(\d+\)/ });
  await expect(marker).toBeVisible();
  const critical = page.getByRole('region', { name: /Kritisk informasjon/ });
  await expect(critical).toContainText(allergy.code!.text ?? allergy.code!.coding![0]!.display!);
  await expect(critical).toContainText('Alvorlig');
  await expect(page.getByRole('region', { name: 'Problemer og diagnoser' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Legemidler i bruk/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Oversikt' })).toBeVisible();
  await expectAccessible(page, 'patient chart');
});

// What the search finds is the same at any size: once, at the desktop (the chart journey above runs at both).
test('find a patient by fødselsnummer and by birth date', { tag: '@desktop-only' }, async ({ page }) => {
  const bundle = await fhir<Bundle<Patient>>(page, 'Patient?_count=1&_offset=123');
  const patient = bundle.entry![0]!.resource!;
  const id = patient.identifier!.find((i) => i.system === FNR)!.value!;
  const search = page.getByLabel('Søk pasient');

  await search.fill(id);
  await expect(page.getByRole('option')).toHaveCount(1);
  // Any patient of the municipality: without a care relation, the result says a reason is needed (issue #8).
  const needsReason = ((await page.getByRole('option').first().textContent()) ?? '').includes('begrunnelse kreves');
  await page.getByRole('option').first().click();
  if (needsReason) await stateReason(page);
  const contextBar = page.getByRole('region', { name: 'Pasient', exact: true });
  await expect(contextBar).toContainText(spacedId(id));
  await expect(contextBar).toContainText(patient.name![0]!.family!);

  await search.fill(norwegianDate(patient.birthDate!));
  await expect(page.getByRole('option', { name: new RegExp(spacedId(id)) })).toBeVisible();
});

test('a fødselsnummer with wrong check digits gets a clear message', { tag: '@desktop-only' }, async ({ page }) => {
  await page.getByLabel('Søk pasient').fill('31129956716');
  await expect(page.getByText('Ugyldig fødselsnummer: kontrollsifrene stemmer ikke.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Søk pasient')).toHaveValue('31129956716');
});
