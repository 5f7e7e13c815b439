import { test, expect, personas, signIn, expectAccessible } from './fixtures';

const WORKSPACE_HEADING: Record<string, string> = {
  gp: 'Fastlegekontor',
  'gp-nurse': 'Fastlegekontor',
  'ed-doctor': 'Legevakt',
  'ed-nurse': 'Legevakt',
  'homecare-nurse': 'Hjemmetjenesten',
  'homecare-worker': 'Hjemmetjenesten',
  'hs-nurse': 'Helsestasjon',
  'nh-nurse': 'Sykehjem',
  physio: 'Fysioterapi',
  'admin-staff': 'Ekspedisjon',
  'config-admin': 'Arbeidsflater',
};

test('the sign-in page lists personas of every personnel group in three municipalities', async ({ cleanPage: page }) => {
  await expect(page.getByRole('list', { name: 'Brukere du kan logge inn som' })).toBeVisible();
  const all = await personas(page);
  const municipalities = new Set(all.map((p) => p.municipalityName));
  expect(municipalities.size).toBeGreaterThanOrEqual(3);
  for (const group of Object.keys(WORKSPACE_HEADING)) {
    expect(all.some((p) => p.personnelGroup === group), `a persona for ${group}`).toBe(true);
  }
  await expect(page.getByRole('button', { name: /Fastlege ·/ }).first()).toBeVisible();
  await expectAccessible(page, 'sign-in');
});

test('each personnel group signs in to its own workspace and can sign out', async ({ cleanPage: page }) => {
  test.setTimeout(120_000);
  const all = await personas(page);
  const municipality = all[0]!.municipalityName;
  for (const [group, heading] of Object.entries(WORKSPACE_HEADING)) {
    const persona = all.find((p) => p.personnelGroup === group && p.municipalityName === municipality)!;
    await signIn(page, persona.id);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    const userButton = page.getByRole('banner').getByRole('button', { name: new RegExp(persona.name) });
    await expect(userButton).toContainText(persona.unitName);
    await expect(userButton).toContainText(municipality);
    if (group === 'gp' || group === 'config-admin') await expectAccessible(page, `${group} workspace`);
    await userButton.click();
    await page.getByRole('menuitem', { name: 'Logg ut' }).click();
    await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  }
});

test('a signed-in user switches persona from the top bar', async ({ cleanPage: page }) => {
  const all = await personas(page);
  const gp = all.find((p) => p.personnelGroup === 'gp')!;
  const nurse = all.find((p) => p.personnelGroup === 'homecare-nurse')!;
  await signIn(page, gp.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Fastlegekontor' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: new RegExp(gp.name) }).click();
  await page.getByRole('menuitem', { name: 'Bytt bruker' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bytt bruker' });
  await dialog.getByLabel('Filtrer på navn, rolle eller enhet').fill(nurse.name);
  await expectAccessible(page, 'persona switch dialog');
  await dialog.getByRole('button', { name: new RegExp(nurse.name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hjemmetjenesten' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(nurse.name) })).toContainText('Sykepleier, hjemmetjenesten');
});

test('the language switches to English and back', async ({ cleanPage: page }) => {
  const all = await personas(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Filter by name, role or unit').fill(all.find((p) => p.personnelGroup === 'gp')!.name);
  await page.getByRole('button', { name: /GP ·/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'GP office' })).toBeVisible();
  await expect(page.getByLabel('Find patient')).toBeVisible();
  await expectAccessible(page, 'GP workspace in English');
  await page.getByRole('banner').getByRole('button', { name: /GP ·/ }).click();
  await page.getByRole('menuitem', { name: 'Norsk (bokmål)' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Fastlegekontor' })).toBeVisible();
  await expect(page.getByLabel('Søk pasient')).toBeVisible();
});
