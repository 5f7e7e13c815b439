import type { Bundle, Flag, Patient } from 'fhir/r4';
import { test, expect, personas, signIn, fhir, openPatient } from './fixtures';

test('data written to the journal survives a reload, and a scenario reset removes it', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  // The mock backend builds its data set three times here (sign-in, reload, reset and
  // reload): 36–47 s on a quiet 2-core machine, more beside another worker in CI.
  test.setTimeout(150_000);
  const gp = (await personas(page)).find((p) => p.personnelGroup === 'gp')!;
  await signIn(page, gp.id);
  // A patient on the GP's own list (issue #8: writing needs a care relation).
  const { practitionerRoleId } = gp as typeof gp & { practitionerRoleId: string };
  const patients = await fhir<Bundle<Patient>>(page, `Patient?general-practitioner=PractitionerRole/${practitionerRoleId}&_count=1&_offset=42`);
  const patient = patients.entry![0]!.resource!;
  const marker = `Ikke HLR (e2e ${Date.now()})`;
  const flag: Flag = {
    resourceType: 'Flag',
    status: 'active',
    category: [{ coding: [{ system: 'urn:akson:codesystem:critical-info-category', code: 'treatment-routine-change' }] }],
    code: { text: marker },
    subject: { reference: `Patient/${patient.id}` },
  };
  const created = await fhir<Flag>(page, 'Flag', { method: 'POST', body: flag });
  expect(created.id).toBeTruthy();

  await page.reload();
  await openPatient(page, patient);
  await expect(page.getByRole('region', { name: /Kritisk informasjon/ })).toContainText(marker);
  await expect(page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('button', { name: /Kritisk informasjon/ })).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: new RegExp(gp.name) }).click();
  await page.getByRole('menuitem', { name: 'Tilbakestill demodata' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tilbakestill demodata' });
  await dialog.getByRole('radio', { name: /Standard/ }).check();
  await dialog.getByRole('button', { name: 'Tilbakestill' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: /Kritisk informasjon/ })).not.toContainText(marker);
  await page.reload();
  // After a full page load the mock backend rebuilds the scenario's data first: allow for that.
  await expect(page.getByRole('region', { name: /Kritisk informasjon/ })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('region', { name: /Kritisk informasjon/ })).not.toContainText(marker);
});

test('the mock backend answers while the page is busy: its requests do not cross the main thread', { tag: '@desktop-only' }, async ({ cleanPage: page }) => {
  // A request is started, then the page's main thread is held for a second and a half. The
  // service worker sends it straight to the backend's Web Worker (public/akson-mock-sw.js), so
  // the answer has come before the page is free again; through MSW's page-side handler it could
  // only have been answered after.
  const timing = await page.evaluate(async () => {
    const url = new URL(`/personas?probe=${Date.now()}`, location.href).href;
    const request = fetch(url);
    const start = performance.now();
    while (performance.now() - start < 1500) {
      // the page is busy
    }
    const free = performance.now();
    await (await request).json();
    const entry = performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined;
    return { responseEnd: entry?.responseEnd ?? Number.NaN, free };
  });
  expect(timing.responseEnd).toBeLessThan(timing.free);
});
