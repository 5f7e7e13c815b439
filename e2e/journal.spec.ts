import type { AllergyIntolerance, Bundle, Condition, DocumentReference, Patient } from 'fhir/r4';
import { test, expect, personas, signIn, fhir, expectAccessible, openPatient, unitPatientOnGpList, searchPatient, type PersonaInfo } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The shared journal across services and municipalities: what one service records, the others
 * find at once.
 */

// Each journey signs in, opens full charts and scans them with axe: give them room on a 2-core CI machine.
test.describe.configure({ timeout: 120_000 });

interface FullPersona extends PersonaInfo {
  practitionerRoleId: string;
  municipalityCode: string;
  organizationId: string;
}

async function persona(page: Page, id: string): Promise<FullPersona> {
  const found = (await personas(page)).find((p) => p.id === id) as FullPersona | undefined;
  if (!found) throw new Error(`No persona ${id}`);
  return found;
}

async function signOut(page: Page, who: PersonaInfo) {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(who.name) }).click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByRole('list', { name: 'Brukere du kan logge inn som' })).toBeVisible();
}


test('a home care nurse records NEWS2 ≥ 5 and a report; the patient’s GP sees both, marked as new', { tag: '@tablet-only' }, async ({ cleanPage: page }) => {
  const gp = await persona(page, 'bergen-gp');
  const nurse = await persona(page, 'bergen-homecare-nurse');
  await signIn(page, nurse.id);
  // A home care patient of the nurse's district (a care relation, issue #8) on the GP's list.
  const patient = await unitPatientOnGpList(page, nurse, gp);

  await openPatient(page, patient.id!);
  const vitals = page.getByRole('region', { name: 'Vitale parametere' });
  await vitals.getByRole('button', { name: 'Registrer vitale parametere' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrer vitale parametere' });
  const field = (label: RegExp) => dialog.getByRole('textbox', { name: label });
  await field(/^Respirasjonsfrekvens/).fill('25');
  await field(/^SpO2/).fill('93');
  await dialog.getByRole('radio', { name: 'Luft' }).check();
  await field(/^Systolisk/).fill('118');
  await field(/^Diastolisk/).fill('76');
  await field(/^Puls/).fill('112');
  await dialog.getByRole('radio', { name: 'A – våken' }).check();
  await field(/^Temperatur/).fill('37,4');
  // NEWS2 as it is entered: 3 (RR) + 2 (SpO2) + 2 (pulse) = 7, high.
  await expect(dialog.getByText(/NEWS2\s*7/).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  const anyway = dialog.getByRole('button', { name: 'Lagre likevel' });
  if (await anyway.isVisible().catch(() => false)) await anyway.click();
  await expect(dialog).toBeHidden();
  await expect(vitals.getByRole('region', { name: 'Siste måling' })).toContainText('112');

  const journal = page.getByRole('region', { name: 'Journal' });
  await journal.getByRole('button', { name: 'Nytt notat' }).click();
  const editor = page.getByRole('dialog', { name: 'Nytt journalnotat' });
  await editor.getByLabel('Rapport').fill('Pasienten tung i pusten og varm. NEWS2 7, fastlege varslet.');
  await editor.getByRole('button', { name: 'Signer' }).click();
  const signed = page.getByRole('dialog', { name: 'Signert journalnotat' });
  await expect(signed.getByText(/Notatet er signert/)).toBeVisible();
  await signed.getByRole('button', { name: 'Lukk' }).click();

  await signOut(page, nurse);
  await signIn(page, gp.id);
  await openPatient(page, patient.id!);
  const latest = page.getByRole('region', { name: 'Vitale parametere' }).getByRole('region', { name: 'Siste måling' });
  await expect(latest).toContainText('112');
  await expect(latest.getByText('Nytt')).toBeVisible();
  // A home care patient has earlier reports by the district too: the newest (first) is this one.
  const row = page.getByRole('region', { name: 'Journal' }).getByRole('button', { name: new RegExp(`Rapport fra hjemmebesøk.*Nytt.*${nurse.name}`) }).first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByText('Pasienten tung i pusten og varm. NEWS2 7, fastlege varslet.')).toBeVisible();
  const overview = page.getByRole('region', { name: 'Oversikt' });
  await expect(overview.getByRole('region', { name: 'Målinger' })).toContainText('7');
  await expectAccessible(page, 'GP chart with new entries');
});

test('an emergency clinic doctor in another municipality sees the critical information first', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  const doctor = await persona(page, 'trondheim-ed-doctor');
  await signIn(page, doctor.id);
  // A Bergen patient with a severe drug reaction.
  const allergies = await fhir<Bundle<AllergyIntolerance>>(page, 'AllergyIntolerance?criticality=high&clinical-status=active&_count=50');
  let target: { patient: Patient; allergy: AllergyIntolerance } | undefined;
  for (const entry of allergies.entry ?? []) {
    // Not his patient (no care relation): the search shows what is needed to pick the right one.
    const patient = await searchPatient(page, entry.resource!.patient.reference!.split('/')[1]!);
    if (patient.address?.some((a) => a.use !== 'old' && a.district === 'Bergen')) {
      target = { patient, allergy: entry.resource! };
      break;
    }
  }
  expect(target, 'a Bergen patient with a severe drug reaction').toBeDefined();
  // No relation to a Bergen patient in Trondheim: he states a reason (issue #8).
  await openPatient(page, target!.patient, { reason: 'Pasienten får helsehjelp av meg nå' });

  const contextBar = page.getByRole('region', { name: 'Pasient', exact: true });
  await expect(contextBar.getByRole('button', { name: /Kritisk informasjon \(\d+\)/ })).toBeVisible();
  // The first module on the page is the critical information, with the severe reaction in it.
  const firstModule = page.locator('[id^="module-"]').first();
  await expect(firstModule).toHaveAttribute('id', 'module-critical-info');
  const critical = page.getByRole('region', { name: /Kritisk informasjon/ }).first();
  await expect(critical).toContainText(target!.allergy.code!.text ?? target!.allergy.code!.coding![0]!.display!);
  await expect(critical).toContainText('Alvorlig');
  await expectAccessible(page, 'emergency chart of a patient from another municipality');
});

test('a signed note is corrected by a new version; both versions stay visible', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  const gp = await persona(page, 'bergen-gp');
  await signIn(page, gp.id);
  const listed = await fhir<Bundle<Patient>>(page, `Patient?general-practitioner=PractitionerRole/${gp.practitionerRoleId}&_count=1&_offset=3`);
  await openPatient(page, listed.entry![0]!.resource!.id!);

  const journal = page.getByRole('region', { name: 'Journal' });
  await journal.getByRole('button', { name: 'Nytt notat' }).click();
  const editor = page.getByRole('dialog', { name: 'Nytt journalnotat' });
  await editor.getByLabel('Årsak').fill('Kontroll av blodtrykk.');
  await editor.getByLabel('Funn').fill('BT 152/94.');
  await editor.getByLabel('Vurdering').fill('Ikke velregulert hypertensjon.');
  await editor.getByLabel('Plan').fill('Øker amlodipin til 10 mg.');
  await editor.getByRole('button', { name: 'Signer' }).click();
  const signed = page.getByRole('dialog', { name: 'Signert journalnotat' });
  await expect(signed.getByText(/Notatet er signert/)).toBeVisible();
  await signed.getByRole('button', { name: 'Lukk' }).click();

  const row = journal.getByRole('button', { name: /Konsultasjon.*Signert/ }).first();
  await row.click();
  await journal.getByRole('button', { name: 'Korriger' }).first().click();
  const correction = page.getByRole('dialog', { name: 'Korriger signert notat' });
  await correction.getByLabel('Funn').fill('BT 162/94.');
  await correction.getByRole('button', { name: 'Signer' }).click();
  const signedCorrection = page.getByRole('dialog').filter({ hasText: /Notatet er signert/ });
  await expect(signedCorrection).toBeVisible();
  await signedCorrection.getByRole('button', { name: 'Lukk' }).click();

  const corrected = journal.getByRole('button', { name: /Korrigert/ }).first();
  await expect(corrected).toBeVisible();
  if ((await corrected.getAttribute('aria-expanded')) !== 'true') await corrected.click();
  await expect(journal.getByText('BT 162/94.')).toBeVisible();
  await journal.getByRole('button', { name: 'Vis tidligere versjon' }).first().click();
  const history = journal.getByRole('group', { name: 'Tidligere versjoner' });
  await expect(history.getByText('BT 152/94.')).toBeVisible();
  await expectAccessible(page, 'corrected note with its history');
});

/** Saves a resource as another user (their own token), the way a colleague's browser would. */
async function saveAsOtherUser(page: Page, personaId: string, resource: Condition) {
  const status = await page.evaluate(
    async ({ personaId, resource }) => {
      const tokenResponse = await fetch('/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: personaId }) });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      // The colleague has no care relation to the GP's patient (issue #8): they state a reason first.
      const reason = { resourceType: 'Parameters', parameter: [{ name: 'reason', valueCode: 'ongoing-care' }] };
      const patientRef = resource.subject.reference ?? '';
      await fetch(`/fhir/${patientRef}/$access`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(reason) });
      const response = await fetch(`/fhir/Condition/${resource.id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json', 'If-Match': `W/"${resource.meta?.versionId ?? '1'}"` },
        body: JSON.stringify(resource),
      });
      return response.status;
    },
    { personaId, resource },
  );
  expect(status).toBe(200);
}

test('two users edit the same problem: the second sees both versions and chooses', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  const gp = await persona(page, 'bergen-gp');
  await signIn(page, gp.id);
  const conditions = await fhir<Bundle<Condition>>(page, 'Condition?clinical-status=active&category=problem-list-item&_count=1&_offset=11');
  const condition = conditions.entry![0]!.resource!;
  await openPatient(page, condition.subject.reference!.split('/')[1]!);

  const problems = page.getByRole('region', { name: 'Problemer og diagnoser' });
  const text = condition.code!.text ?? condition.code!.coding![0]!.display!;
  await problems.getByRole('button', { name: `Endre ${text}` }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Endre diagnose' });
  await dialog.getByLabel('Notat (valgfritt)').fill('Velregulert på dagens dose.');

  // Meanwhile a colleague at the emergency clinic saves the same problem.
  const current = await fhir<Condition>(page, `Condition/${condition.id}`);
  await saveAsOtherUser(page, 'bergen-ed-doctor', { ...current, note: [{ text: 'Sett på legevakt: BT 170/100.' }] });

  await dialog.getByRole('button', { name: 'Lagre' }).click();
  const conflict = dialog.getByRole('alert').filter({ hasText: 'Endret av en annen' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Velregulert på dagens dose.');
  await expect(conflict).toContainText('Sett på legevakt: BT 170/100.');
  // Nothing the user typed is lost while they choose.
  await expect(dialog.getByLabel('Notat (valgfritt)')).toHaveValue('Velregulert på dagens dose.');
  await expectAccessible(page, 'problem version conflict');
  await conflict.getByRole('button', { name: 'Lagre min versjon' }).click();
  await expect(dialog).toBeHidden();

  const saved = await fhir<Condition>(page, `Condition/${condition.id}`);
  expect(Number(saved.meta!.versionId)).toBe(Number(current.meta!.versionId) + 2);
  expect(saved.note?.map((n) => n.text)).toContain('Velregulert på dagens dose.');
  await expect(problems).toContainText('Velregulert på dagens dose.');
});

test('every journal module, and each one’s form, is accessible on a patient with five years of history', async ({ cleanPage: page }) => {
  // Nine modules on a five-year chart, seven axe scans: the longest journey.
  test.setTimeout(240_000);
  const gp = await persona(page, 'bergen-gp');
  await signIn(page, gp.id);
  await openPatient(page, 'pat-00001');
  // Documents and the contacts timeline are not on the default page: the GP adds them.
  await page.getByRole('button', { name: 'Tilpass siden' }).click();
  for (const name of ['Dokumenter', 'Kontakter og timer']) await page.getByRole('button', { name: `Legg til ${name}` }).click();
  await page.getByRole('button', { name: 'Ferdig' }).click();
  const modules = ['Kritisk informasjon', 'Oversikt', 'Vitale parametere', 'Journal', 'Problemer og diagnoser', 'Legemidler i bruk', 'Prøvesvar og røntgen', 'Dokumenter', 'Kontakter og timer'];
  for (const name of modules) {
    const region = page.getByRole('region', { name, exact: true });
    await region.scrollIntoViewIfNeeded();
    await expect(region).toBeVisible();
    await expect(region.getByRole('status', { name: 'Laster …' })).toHaveCount(0);
  }
  await expectAccessible(page, 'patient chart with every journal module');

  const forms: [string, RegExp][] = [
    ['Kritisk informasjon', /^Legg til/],
    ['Problemer og diagnoser', /^Ny diagnose$/],
    ['Legemidler i bruk', /^Start legemiddel$/],
    ['Vitale parametere', /^Registrer vitale parametere$/],
    ['Journal', /^Nytt notat$/],
  ];
  for (const [module, button] of forms) {
    await page.getByRole('region', { name: module, exact: true }).getByRole('button', { name: button }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectAccessible(page, `${module}: dialog`, { within: '[role="dialog"]' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // A document opened in the reader (a patient who has been in hospital).
  const documents = await fhir<Bundle<DocumentReference>>(page, 'DocumentReference?status=current&_count=1&_offset=5');
  await openPatient(page, documents.entry![0]!.resource!.subject!.reference!.split('/')[1]!);
  await page.getByRole('region', { name: 'Dokumenter', exact: true }).getByRole('list', { name: 'Dokumenter' }).getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'document reader', { within: '[role="dialog"]' });
});
