import { test, expect, signIn, expectAccessible } from './fixtures';

// The GP's home waits for the mock backend to build its data: room on a 2-core CI machine.
test.describe.configure({ timeout: 120_000 });

/** The GP's list (fastlegeliste) on the home page: filter it, find a patient, open the chart. */
test('a GP filters the list to patients the office has not seen for a year, finds one and opens the chart', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  await signIn(page, 'bergen-gp');
  const module = page.getByRole('region', { name: 'Mine listepasienter' });
  const table = module.getByRole('table', { name: 'Listepasienter' });
  // Right after sign-in the mock backend may still be building its data.
  await expect(table.getByRole('row').nth(1)).toBeVisible({ timeout: 45_000 });
  const count = module.getByRole('status').filter({ hasText: 'pasient' });
  await expect(count).toHaveText(/^[\d\u00a0 ]+ pasienter$/);
  const total = (await count.textContent())!.replace(/ pasienter$/, '');
  // The whole list, not a first page (a search page is 50): with the journeys' 1,500 patients a
  // Bergen GP has about 80 (hundreds with the full ten thousand).
  expect(Number(total.replace(/\D/g, ''))).toBeGreaterThan(50);
  const noContact = module.getByRole('checkbox', { name: /^Ingen kontakt med kontoret siste 12 mnd/ });
  await expect(noContact).toBeEnabled({ timeout: 30_000 });
  await expectAccessible(page, 'the GP home with the patient list');

  await noContact.check();
  await expect(count).toContainText(` av ${total} pasient`);
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('Ikke siste 12 mnd');
  const name = (await first.getByRole('link').textContent())!;
  const [family, given] = name.split(',').map((s) => s.trim());

  // Found by name: family name and the first given name.
  await module.getByRole('searchbox', { name: 'Søk i listen' }).fill(`${family} ${given!.split(' ')[0]}`);
  await expect(count).toContainText(' av ');
  const found = table.getByRole('link', { name, exact: true });
  await expect(found).toBeVisible();
  await found.click();
  await expect(page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('heading', { level: 1 })).toContainText(family!);

  // Back on the home page the list is as the GP left it.
  await page.goBack();
  await expect(module.getByRole('searchbox', { name: 'Søk i listen' })).toHaveValue(`${family} ${given!.split(' ')[0]}`);
  await expect(noContact).toBeChecked();
});
