import type { Locator, Page } from '@playwright/test';
import type { Patient } from 'fhir/r4';
import { expect, expectAccessible, fhir, openPatient, signIn, test } from './fixtures';

/**
 * The public health nurse (Bergen) on a tablet: opens the 12-month-old booked today, records
 * growth and sees the point on the WHO curve with its z-score, registers the 12-month vaccines,
 * and the programme shows them given; signs the consultation note and sees the family's children.
 * Axe on every screen. Runs at the tablet (touch: taps) and at the desktop (clicks).
 */

async function press(page: Page, target: Locator): Promise<void> {
  // A finger on a touch screen; a click where there is no touch.
  if (test.info().project.use.hasTouch) await target.tap();
  else await target.click();
  void page;
}

function today(): { iso: string; nb: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = parts.split('-');
  return { iso: parts, nb: `${d}.${m}.${y}` };
}

test('a public health nurse sees a 12-month-old: growth on the curve, 12-month vaccines given', async ({ cleanPage: page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'bergen-hs-nurse');
  const child = await fhir<Patient>(page, 'Patient/scn-hs-child');
  const name = `${child.name?.[0]?.given?.[0]} ${child.name?.[0]?.family}`;
  const day = today();

  // Home: today's consultations, the child among them.
  const dayList = page.getByRole('region', { name: 'Dagens konsultasjoner' });
  const childLink = dayList.getByRole('link', { name });
  await expect(childLink).toBeVisible({ timeout: 45_000 });
  await expect(dayList).toContainText('Konsultasjon 12 måneder');
  await expectAccessible(page, 'health station home');

  // The child's page opens on the programme: 12 months is due now, booked today.
  await press(page, childLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Barnets side' })).toBeVisible();
  const next = page.getByRole('status', { name: 'Neste konsultasjon' });
  await expect(next).toContainText('12 måneder (aktuell nå)');
  await expect(next).toContainText(`Booket ${day.nb}`);
  const twelve = page.getByRole('table', { name: 'Helsestasjonsprogrammet' }).getByRole('row').filter({ hasText: '12 måneder' });
  await expect(twelve).toContainText('DTaP-IPV-Hib-HepB dose 3: aktuell nå');
  await expect(page.getByRole('table', { name: 'Helsestasjonsprogrammet' }).getByRole('row').filter({ hasText: '10 måneder' })).toContainText('Gjennomført');
  await expectAccessible(page, 'child programme');

  // Growth: an implausible weight is refused in words, with the values kept.
  await press(page, page.getByRole('tab', { name: 'Vekst' }));
  const weight = page.getByLabel('Vekt (kg)');
  await weight.fill('25');
  await page.getByLabel('Lengde/høyde (cm)').fill('75,5');
  await page.getByLabel('Hodeomkrets (cm)').fill('45,5');
  await press(page, page.getByRole('button', { name: 'Lagre måling' }));
  await expect(page.getByText(/25 kg er ikke trolig for et barn på 12 måneder/).first()).toBeVisible();
  await expect(page.getByLabel('Lengde/høyde (cm)')).toHaveValue('75,5');
  await weight.fill('9,9');
  await press(page, page.getByRole('button', { name: 'Lagre måling' }));
  await expect(page.getByText('Målingen er lagret. Punktet er tegnet inn på kurvene.')).toBeVisible();
  // The point on the curve: the chart's description names it, with its z-score; the table has it too.
  const wfa = page.getByRole('img', { name: 'Vekt for alder' });
  await expect(wfa).toHaveAccessibleDescription(new RegExp(`Siste: ${day.nb.replace(/\./g, '\\.')}: 9,90 kg, z [−-]?\\d,\\d`));
  await expect(wfa.locator(`[data-point="${day.iso}"]`)).toHaveCount(1);
  const rows = page.getByRole('table', { name: 'Målinger med z-skår og persentil' }).getByRole('row').filter({ hasText: day.nb });
  await expect(rows).toHaveCount(4); // weight-, length-, head circumference-for-age and weight-for-length
  await expect(rows.filter({ hasText: 'Vekt for alder' })).toContainText('9,90 kg');
  await expectAccessible(page, 'growth');

  // Vaccines: the two 12-month doses.
  await press(page, page.getByRole('tab', { name: 'Vaksiner' }));
  for (const [vaccine, lot] of [
    ['DTaP-IPV-Hib-HepB', 'A21CE26311A'],
    ['Pneumokokk (PCV)', 'HX26480B'],
  ] as const) {
    await press(page, page.getByRole('button', { name: `Registrer ${vaccine} dose 3` }));
    const dialog = page.getByRole('dialog', { name: 'Registrer gitt dose' });
    await expect(dialog).toContainText(vaccine);
    if (vaccine === 'DTaP-IPV-Hib-HepB') {
      await press(page, dialog.getByRole('button', { name: 'Registrer dose' }));
      await expect(dialog.getByText('Skriv batchnummeret fra pakningen.')).toBeVisible();
      await expectAccessible(page, 'register a dose', { within: '[role="dialog"]' });
    }
    await dialog.getByLabel('Batchnummer').fill(lot);
    await press(page, dialog.getByRole('button', { name: 'Registrer dose' }));
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${vaccine} dose 3 er registrert som gitt.`)).toBeVisible();
  }
  const vaccineRow = page.getByRole('table', { name: 'Barnevaksinasjonsprogrammet' }).getByRole('row').filter({ hasText: 'Pneumokokk (PCV)' }).filter({ hasText: '12 måneder' });
  await expect(vaccineRow).toContainText('Gitt');
  await expect(vaccineRow).toContainText('HX26480B');
  await expectAccessible(page, 'vaccines');

  // The programme shows them given.
  await press(page, page.getByRole('tab', { name: 'Program' }));
  await expect(twelve).toContainText(`DTaP-IPV-Hib-HepB dose 3: gitt ${day.nb}`);
  await expect(twelve).toContainText(`Pneumokokk (PCV) dose 3: gitt ${day.nb}`);

  // The consultation note with the 12-month headings; signing makes the consultation done.
  await press(page, page.getByRole('tab', { name: 'Notat' }));
  await expect(page.getByLabel('Legeundersøkelse')).toBeVisible();
  await page.getByLabel('Språk og kommunikasjon').fill('Sier mamma og pappa, peker på ting hun vil ha.');
  await expectAccessible(page, 'consultation note');
  await press(page, page.getByRole('button', { name: 'Signer notatet' }));
  await expect(page.getByText('Notatet er signert, og konsultasjonen er registrert som gjennomført.')).toBeVisible();
  await press(page, page.getByRole('tab', { name: 'Program' }));
  await expect(twelve).toContainText(`Gjennomført ${day.nb}`);
  // Next is 15 months, not booked yet.
  await expect(next).toContainText('15 måneder (kommer)');
  await expect(next).toContainText('Ikke booket ennå – bør bookes til');

  // The family: both parents, and the older sibling one tap away.
  await press(page, page.getByRole('tab', { name: 'Familie' }));
  await expect(page.getByRole('region', { name: 'Foreldre' }).getByText(/\((Mor|Far)\)/)).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Barna i familien' }).getByRole('link', { name: /^Åpne / }).first()).toBeVisible();
  await expectAccessible(page, 'family');

  // Found by the patient search instead, the child's chart leads to the child's page.
  await openPatient(page, child);
  await press(page, page.getByRole('link', { name: 'Åpne barnets side: program, vekst og vaksiner' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Barnets side' })).toBeVisible();
});
