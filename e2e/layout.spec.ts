import { readFileSync } from 'node:fs';
import type { Basic } from 'fhir/r4';
import type { Page } from '@playwright/test';
import { test, expect, personas, signIn, fhir, expectAccessible, type PersonaInfo } from './fixtures';

/**
 * Layout journeys. They switch screen sizes themselves, so they run in the desktop project only
 * (see playwright.config.ts).
 */
const TABLET = { width: 820, height: 1180 };
const DESKTOP = { width: 1440, height: 900 };

async function moduleTitles(page: Page): Promise<string[]> {
  const grid = page.getByTestId('module-grid');
  await expect(grid).toBeVisible();
  return grid.getByRole('heading', { level: 2 }).allTextContents();
}

async function signOut(page: Page, persona: PersonaInfo) {
  await page.getByRole('banner').getByRole('button', { name: new RegExp(persona.name) }).click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
}

/** Picks a personnel group in the editor; retried, since the editor may re-render while its menu opens. */
async function chooseGroup(page: Page, label: string) {
  const combobox = page.getByRole('combobox', { name: 'Personellgruppe' });
  await expect(async () => {
    if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
    await combobox.click();
    await page.getByRole('option', { name: label }).click({ timeout: 3000 });
    await expect(combobox).toHaveText(label, { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}

async function chooseHomeCareTablet(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidsflater' })).toBeVisible();
  await chooseGroup(page, 'Sykepleier, hjemmetjenesten');
  await page.getByRole('group', { name: 'Enhet' }).getByRole('button', { name: 'Nettbrett' }).click();
  await page.getByRole('group', { name: 'Side' }).getByRole('button', { name: 'Startside' }).click();
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Innboks', 'Pasienter du har åpnet', 'Min enhet', 'Pasienter i enheten']);
}

function find(all: PersonaInfo[], group: string) {
  return all.find((p) => p.personnelGroup === group && p.municipalityName === 'Bergen')!;
}

test('an administrator rearranges the home care tablet layout; a nurse gets it, hides a module for herself, resets, and gets the desktop layout on a desktop', async ({ cleanPage: page }) => {
  test.setTimeout(150_000);
  const all = await personas(page);
  const admin = find(all, 'config-admin');
  const nurse = find(all, 'homecare-nurse');

  await signIn(page, admin.id);
  await chooseHomeCareTablet(page);
  await expectAccessible(page, 'layout editor');
  await page.getByRole('button', { name: 'Fjern Pasienter du har åpnet' }).click();
  await page.getByRole('button', { name: 'Flytt Min enhet tidligere' }).click();
  await page.getByRole('button', { name: 'Legg til Pasienter du har åpnet' }).click();
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Min enhet', 'Innboks', 'Pasienter i enheten', 'Pasienter du har åpnet']);
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByText('Oppsettet er lagret.', { exact: false })).toBeVisible();
  await signOut(page, admin);

  await page.setViewportSize(TABLET);
  await signIn(page, nurse.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Hjemmetjenesten' })).toBeVisible();
  expect(await moduleTitles(page)).toEqual(['Dagens besøk', 'Min enhet', 'Innboks', 'Pasienter i enheten', 'Pasienter du har åpnet']);
  await expectAccessible(page, 'home care tablet home');

  await page.getByRole('button', { name: 'Tilpass siden' }).click();
  await page.getByRole('button', { name: 'Skjul Min enhet' }).click();
  await expect(page.getByText('Endringene dine lagres med en gang', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Ferdig' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hjemmetjenesten' })).toBeVisible();
  expect(await moduleTitles(page)).toEqual(['Dagens besøk', 'Innboks', 'Pasienter i enheten', 'Pasienter du har åpnet']);

  await page.getByRole('button', { name: 'Tilpass siden' }).click();
  await page.getByRole('button', { name: 'Tilbakestill til gruppens oppsett' }).click();
  await expect(page.getByText('Endringene dine lagres med en gang', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Ferdig' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hjemmetjenesten' })).toBeVisible();
  expect(await moduleTitles(page)).toEqual(['Dagens besøk', 'Min enhet', 'Innboks', 'Pasienter i enheten', 'Pasienter du har åpnet']);

  await page.setViewportSize(DESKTOP);
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Innboks', 'Pasienter du har åpnet', 'Min enhet', 'Pasienter i enheten']);
});

test('export a layout, change it, import the export: restored; a broken file is refused and the layout kept', async ({ cleanPage: page }, testInfo) => {
  const admin = find(await personas(page), 'config-admin');
  await signIn(page, admin.id);
  await chooseHomeCareTablet(page);
  const original = ['Dagens besøk', 'Innboks', 'Pasienter du har åpnet', 'Min enhet', 'Pasienter i enheten'];

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter (JSON)' }).click();
  const file = testInfo.outputPath('layout.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: 1, scope: { group: 'homecare-nurse', device: 'tablet', page: 'home' } });

  await page.getByRole('button', { name: 'Fjern Min enhet' }).click();
  await page.getByRole('button', { name: 'Flytt Pasienter du har åpnet tidligere' }).click();
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Pasienter du har åpnet', 'Innboks', 'Pasienter i enheten']);

  await page.getByLabel('Importer layout (JSON)').setInputFiles(file);
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(original);

  await page.getByRole('button', { name: 'Fjern Min enhet' }).click();
  await page.getByLabel('Importer layout (JSON)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "scope": ') });
  await expect(page.getByRole('alert').filter({ hasText: 'Filen ble ikke importert' })).toBeVisible();
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Innboks', 'Pasienter du har åpnet', 'Pasienter i enheten']);
  await expectAccessible(page, 'layout editor after a refused import');
});

test('a nurse cannot save a group layout: the backend refuses it, and the editor is not hers to open', async ({ cleanPage: page }) => {
  const nurse = find(await personas(page), 'homecare-nurse');
  await signIn(page, nurse.id);
  const layout = {
    schemaVersion: 1,
    scope: { municipality: '4601', group: 'homecare-nurse', device: 'tablet', page: 'home' },
    items: [{ module: 'recent-patients', w: 12, h: 3 }],
  };
  const basic: Basic = {
    resourceType: 'Basic',
    identifier: [
      { system: 'urn:akson:identifier:layout-municipality', value: '4601' },
      { system: 'urn:akson:identifier:layout-key', value: '4601|homecare-nurse|tablet|home|*|' },
    ],
    code: { coding: [{ system: 'urn:akson:codesystem:resource-kind', code: 'layout-document' }] },
    extension: [{ url: 'urn:akson:extension:layout-document', valueString: JSON.stringify(layout) }],
  };
  await expect(fhir(page, 'Basic', { method: 'POST', body: basic })).rejects.toThrow(/HTTP 403.*configuration administrator/);
  await page.goto('/configuration');
  await expect(page.getByRole('heading', { level: 1, name: 'Hjemmetjenesten' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Arbeidsflater' })).toHaveCount(0);
});

test('the whole layout editor works from the keyboard', async ({ cleanPage: page }) => {
  const admin = find(await personas(page), 'config-admin');
  await signIn(page, admin.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidsflater' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Personellgruppe' }).focus();
  await page.keyboard.press('Enter');
  const option = page.getByRole('option', { name: 'Sykepleier, hjemmetjenesten' });
  await option.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Personellgruppe' })).toHaveText('Sykepleier, hjemmetjenesten');
  await page.getByRole('group', { name: 'Enhet' }).getByRole('button', { name: 'Nettbrett' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Innboks', 'Pasienter du har åpnet', 'Min enhet', 'Pasienter i enheten']);

  // Move, resize, remove and undo with the keyboard only.
  await page.getByRole('button', { name: 'Flytt Min enhet tidligere' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Innboks', 'Min enhet', 'Pasienter du har åpnet', 'Pasienter i enheten']);
  await page.getByRole('button', { name: 'Gjør Pasienter i enheten smalere' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Fjern Pasienter du har åpnet' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Innboks', 'Min enhet', 'Pasienter i enheten']);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('module-grid').getByRole('heading', { level: 2 })).toHaveText(['Dagens besøk', 'Innboks', 'Min enhet', 'Pasienter du har åpnet', 'Pasienter i enheten']);
  await page.getByRole('button', { name: 'Lagre', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Oppsettet er lagret.', { exact: false })).toBeVisible();
  await expectAccessible(page, 'layout editor (keyboard)');
});
