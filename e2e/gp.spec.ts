import { test, expect, personas, signIn, expectAccessible } from './fixtures';

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
