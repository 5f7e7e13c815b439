import type { Bundle, Communication, EpisodeOfCare } from 'fhir/r4';
import type { Page } from '@playwright/test';
import { test, expect, personas, signIn, fhir, expectAccessible, openPatient, unitPatientOnGpList, type PersonaInfo } from './fixtures';

/**
 * Exchange between services (samhandling), issue #7: messages between home care and the GP,
 * a hospital's discharge-ready notice, and a notice of concern to barnevern with its receipt.
 */

test.describe.configure({ timeout: 180_000 });

interface FullPersona extends PersonaInfo {
  practitionerRoleId: string;
  organizationId: string;
}

async function persona(page: Page, id: string): Promise<FullPersona> {
  const found = (await personas(page)).find((p) => p.id === id);
  if (!found) throw new Error(`No persona ${id}`);
  return found as FullPersona;
}

async function signOut(page: Page, who: PersonaInfo) {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(who.name) }).click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByLabel('Filtrer på navn, rolle eller enhet')).toBeVisible();
}

const inbox = (page: Page) => page.locator('#module-inbox');

test('a home care nurse asks the GP about a patient; the GP finds the question first in the inbox and answers, reconciles an epikrise’s medication changes and writes a sick note that Nav acknowledges; the nurse sees the answer and the status Besvart @desktop-only', async ({ cleanPage: page }) => {
  const nurse = await persona(page, 'bergen-homecare-nurse');
  const gp = await persona(page, 'bergen-gp');
  await signIn(page, nurse.id);

  // A patient of the nurse's unit whose GP is the GP persona.
  const patient = await unitPatientOnGpList(page, nurse, gp);
  const family = patient.name?.[0]?.family ?? '';
  // The hospital has sent an epikrise about the same patient (a tester's trigger; before the question).
  await page.evaluate(async (id) => fetch('/mock/partners/trigger', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ event: 'epikrise', patient: id }) }), patient.id);
  await openPatient(page, patient);

  // Compose from the chart: the patient and the GP are filled in; the form says what is missing.
  await page.getByRole('link', { name: 'Ny melding om pasienten' }).click();
  await expect(page.getByRole('heading', { name: 'Ny melding', level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /Meldingstype/ })).toHaveText('Helseopplysninger til lege');
  await expect(page.getByRole('combobox', { name: /Mottaker/ })).toContainText('Fastlege:');
  await page.getByRole('button', { name: 'Send melding' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Meldingen kan ikke sendes ennå' })).toContainText('Skriv hva meldingen gjelder.');
  await expectAccessible(page, 'the compose page with a validation message');
  const question = 'Økende hevelse i begge ben. Skal vi øke vanndrivende?';
  await page.getByRole('textbox', { name: 'Melding' }).fill(question);
  const medications = page.getByRole('checkbox', { name: 'Legemidler i bruk' });
  if (await medications.isEnabled()) await medications.check();
  await page.getByRole('button', { name: 'Send melding' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Helseopplysninger til lege er sendt til' })).toBeVisible();

  // The sender's view: sent, with its time.
  await inbox(page).getByRole('button', { name: 'Sendte' }).click();
  const sentRow = inbox(page).getByRole('listitem').filter({ hasText: question });
  await expect(sentRow).toContainText(/Sendt \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await signOut(page, nurse);

  // The GP: the question is unread, first in the inbox.
  await signIn(page, gp.id);
  const first = inbox(page).getByRole('listitem').first();
  await expect(first).toContainText(question);
  await expect(first).toContainText('Ulest');
  await expectAccessible(page, 'the GP’s home with the inbox');
  await first.getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`Helseopplysninger til lege: .*${family}`) });
  await expect(dialog).toContainText(question);
  await expect(dialog.getByRole('list', { name: 'Status' })).toContainText('Lest');
  await dialog.getByRole('button', { name: 'Svar', exact: true }).click();
  await dialog.getByRole('button', { name: 'Send svar' }).click();
  await expect(dialog).toContainText('Skriv et svar før du sender.');
  await dialog.getByRole('textbox', { name: 'Ditt svar' }).fill('Øk furosemid til 40 mg x 2 i tre dager, så kontroll av vekt.');
  await expectAccessible(page, 'the message dialog', { within: '[role="dialog"]' });
  await dialog.getByRole('button', { name: 'Send svar' }).click();
  await expect(dialog.getByRole('status')).toContainText('Svaret er sendt.');
  await expect(dialog).toContainText('Øk furosemid til 40 mg x 2');
  await dialog.getByRole('button', { name: 'Lukk' }).click();

  // The epikrise: the GP accepts the new medicine and rejects the other changes; only the accepted one reaches the list.
  await inbox(page).getByRole('listitem').filter({ hasText: 'Epikrise' }).filter({ hasText: family }).first().getByRole('button').click();
  const epikrise = page.getByRole('dialog', { name: new RegExp(`Epikrise: .*${family}`) });
  const reconciliation = epikrise.getByRole('region', { name: 'Legemiddelavstemming' });
  await reconciliation.getByRole('button', { name: 'Oppdater legemiddellisten' }).click();
  await expect(reconciliation.getByText('Velg godta eller avvis.').first()).toBeVisible();
  const changes = reconciliation.getByRole('group');
  const count = await changes.count();
  const kept: string[] = [];
  for (let i = 0; i < count; i++) {
    const change = changes.nth(i);
    await change.getByRole('radio', { name: i === 0 ? 'Godta' : 'Avvis' }).check();
    const legend = (await change.locator('legend').textContent()) ?? '';
    if (i > 0) kept.push(legend.replace(/^[^:]+: /, '').replace(/ \(.*$/, ''));
  }
  await expectAccessible(page, 'the epikrise with its medication reconciliation', { within: '[role="dialog"]' });
  await reconciliation.getByRole('button', { name: 'Oppdater legemiddellisten' }).click();
  await expect(reconciliation.getByRole('status')).toContainText(`Legemiddellisten er oppdatert: 1 godtatt, ${count - 1} avvist.`);
  await epikrise.getByRole('link', { name: /^Åpne journalen til/ }).click();
  const medicationList = page.locator('#module-medications');
  await expect(medicationList).toContainText('Furosemid');
  for (const name of kept) await expect(medicationList).toContainText(name.split(' ')[0] ?? name);

  // A sick note to Nav from the chart, and Nav's receipt.
  await page.getByRole('link', { name: 'Ny melding om pasienten' }).click();
  await page.getByRole('combobox', { name: /Meldingstype/ }).click();
  await page.getByRole('option', { name: 'Sykmelding' }).click();
  await expect(page.getByRole('combobox', { name: /Mottaker/ })).toHaveText('Nav Bergen');
  await page.getByRole('textbox', { name: /Sykmeldingsgrad/ }).fill('50');
  await page.getByRole('combobox', { name: /Diagnose \(ICPC-2\)/ }).fill('L03');
  await page.getByRole('option', { name: /^L03 / }).click();
  await page.getByRole('textbox', { name: /Vurdering av arbeidsforholdet/ }).fill('Kan ikke løfte på lageret i to uker.');
  await expectAccessible(page, 'the sick note form');
  await page.getByRole('button', { name: 'Send melding' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sykmelding er sendt til Nav Bergen' })).toBeVisible();
  await inbox(page).getByRole('button', { name: 'Sendte' }).click();
  await expect(inbox(page).getByRole('listitem').filter({ hasText: 'Sykmelding' }).first()).toContainText(/Mottatt \d{2}\.\d{2}\.\d{4}/, { timeout: 30_000 });
  await signOut(page, gp);

  // The nurse: the answer is in her inbox, and her question shows Besvart.
  await signIn(page, nurse.id);
  const answerRow = inbox(page).getByRole('listitem').filter({ hasText: 'Øk furosemid' });
  await expect(answerRow).toContainText('Svar');
  await expect(answerRow).toContainText('Ulest');
  await inbox(page).getByRole('button', { name: 'Sendte' }).click();
  await expect(inbox(page).getByRole('listitem').filter({ hasText: question })).toContainText(/Besvart \d{2}\.\d{2}\.\d{4}/);
  await inbox(page).getByRole('listitem').filter({ hasText: question }).getByRole('button').click();
  await expect(page.getByRole('dialog')).toContainText('Øk furosemid til 40 mg x 2');
});

test('the hospital sends a discharge-ready notice for a home care patient: the nurse sees it first in the inbox; a public health nurse sends a notice of concern to barnevern and sees the receipt @tablet-only', async ({ cleanPage: page }) => {
  const nurse = await persona(page, 'bergen-homecare-nurse');
  const hsNurse = await persona(page, 'bergen-hs-nurse');
  // The tester makes the hospital act now (the scenario would, a few minutes in).
  const trigger = await page.evaluate(async () => (await fetch('/mock/partners/trigger', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ event: 'utskrivningsklar' }) })).json());
  await signIn(page, nurse.id);
  const notice = await fhir<Communication>(page, (trigger as { created: string }).created);
  const name = notice.subject?.display ?? '';
  const first = inbox(page).getByRole('listitem').first();
  await expect(first).toContainText('Utskrivningsklar pasient', { timeout: 45_000 });
  await expect(first).toContainText('Haster');
  await expect(first).toContainText(name);
  await expectAccessible(page, 'the home care home with a discharge-ready notice');
  const open = first.getByRole('button');
  expect((await open.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await open.click();
  const dialog = page.getByRole('dialog', { name: `Utskrivningsklar pasient: ${name}` });
  await expect(dialog).toContainText('Haukeland universitetssjukehus');
  await dialog.getByRole('button', { name: 'Merk som behandlet' }).click();
  await expect(dialog.getByRole('status')).toContainText('Meldingen er merket som behandlet.');
  await dialog.getByRole('link', { name: `Åpne journalen til ${name}` }).click();
  await expect(page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('heading', { level: 1 })).toContainText(notice.subject?.display?.split(' ').at(-1) ?? '');
  await signOut(page, nurse);

  // The health station: a notice of concern about an enrolled child, with its legal basis.
  await signIn(page, hsNurse.id);
  const children = await fhir<Bundle<EpisodeOfCare>>(page, `EpisodeOfCare?organization=Organization/${hsNurse.organizationId}&status=active&_count=1`);
  const child = children.entry?.[0]?.resource?.patient.reference?.split('/')[1];
  if (!child) throw new Error('No child enrolled at the health station');
  await openPatient(page, child);
  await page.getByRole('link', { name: 'Ny melding om pasienten' }).click();
  await expect(page.getByRole('combobox', { name: /Meldingstype/ })).toHaveText('Bekymringsmelding');
  await expect(page.getByText(/helsepersonelloven § 33/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: /Mottaker/ })).toHaveText(/Barneverntjenesten i Bergen/);
  await page.getByRole('textbox', { name: 'Melding' }).fill('Barnet har gjentatte uforklarte blåmerker; foreldrene avlyser kontroller.');
  await expectAccessible(page, 'the compose page for a notice of concern');
  await page.getByRole('button', { name: 'Send melding' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bekymringsmelding er sendt til Barneverntjenesten i Bergen' })).toBeVisible();
  await inbox(page).getByRole('button', { name: 'Sendte' }).click();
  // Barnevern's receipt arrives (the inbox looks again within 15 s).
  const sent = inbox(page).getByRole('listitem').filter({ hasText: 'Bekymringsmelding' }).first();
  await expect(sent).toContainText(/Mottatt \d{2}\.\d{2}\.\d{4}/, { timeout: 30_000 });
  await sent.getByRole('button').click();
  const sentDialog = page.getByRole('dialog');
  await expect(sentDialog).toContainText('Helsepersonelloven § 33');
  await expect(sentDialog.getByRole('list', { name: 'Status' })).toContainText('Mottatt');
  await expect(sentDialog).toContainText('Barneverntjenesten i Bergen: Mottatt');
});
