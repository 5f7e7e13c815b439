import { expect, test as base, type Page } from '@playwright/test';
import axe from 'axe-core';
import type { Bundle, EpisodeOfCare, Patient, Resource } from 'fhir/r4';

/** The persona list the mock backend serves; fetched in the page so the MSW worker answers. */
export interface PersonaInfo {
  id: string;
  name: string;
  personnelGroup: string;
  unitName: string;
  municipalityName: string;
  practitionerRoleId: string;
  organizationId: string;
}

export async function personas(page: Page): Promise<PersonaInfo[]> {
  return page.evaluate(async () => (await fetch('/personas')).json());
}

/** Opens the sign-in page and signs in as the persona with this id, by clicking it. */
export async function signIn(page: Page, personaId: string): Promise<PersonaInfo> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await expect(page.getByRole('list', { name: 'Brukere du kan logge inn som' })).toBeVisible();
  const persona = (await personas(page)).find((p) => p.id === personaId);
  if (!persona) throw new Error(`No persona ${personaId}`);
  await page.getByLabel('Filtrer på navn, rolle eller enhet').fill(persona.name);
  await page.getByRole('button', { name: new RegExp(persona.name) }).first().click();
  // Signed in when the top bar shows who it is.
  await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(persona.name) })).toBeVisible();
  return persona;
}

/** A FHIR request from inside the page, with the signed-in user's token (so MSW answers it). */
export async function fhir<T = Resource>(page: Page, path: string, init?: { method?: string; body?: unknown; ifMatch?: string }): Promise<T> {
  return page.evaluate(
    async ({ path, init }) => {
      const session = JSON.parse(sessionStorage.getItem('akson.session') ?? '{}') as { state?: { token?: string } };
      const headers: Record<string, string> = { Authorization: `Bearer ${session.state?.token ?? ''}`, 'Content-Type': 'application/fhir+json' };
      if (init?.ifMatch) headers['If-Match'] = init.ifMatch;
      const response = await fetch(`/fhir/${path}`, { method: init?.method ?? 'GET', headers, body: init?.body ? JSON.stringify(init.body) : undefined });
      return { ok: response.ok, status: response.status, body: await response.text() };
    },
    { path, init },
  ).then((r) => {
    if (!r.ok) throw new Error(`${init?.method ?? 'GET'} /fhir/${path}: HTTP ${r.status} ${r.body.slice(0, 500)}`);
    return JSON.parse(r.body) as T;
  });
}

/** A home care patient of the unit (a care relation for its nurses, issue #8) who is on the GP's list. */
export async function unitPatientOnGpList(page: Page, unit: { organizationId: string }, gp: { practitionerRoleId: string }): Promise<Patient> {
  const episodes = await fhir<Bundle<EpisodeOfCare>>(page, `EpisodeOfCare?organization=Organization/${unit.organizationId}&status=active&_count=200`);
  for (const e of episodes.entry ?? []) {
    const p = await fhir<Patient>(page, e.resource!.patient.reference!);
    if (p.generalPractitioner?.[0]?.reference === `PractitionerRole/${gp.practitionerRoleId}`) return p;
  }
  throw new Error('No patient of the unit on the GP’s list');
}

export async function firstPatient(page: Page, query: string): Promise<Patient> {
  const bundle = await fhir<Bundle<Patient>>(page, `Patient?${query}`);
  const patient = bundle.entry?.[0]?.resource;
  if (!patient) throw new Error(`No patient for ${query}`);
  return patient;
}

/**
 * Opens a patient's chart the way a clinician does: the fødselsnummer in the top bar's search,
 * then the one result. (In-app navigation: a full page load would restart the mock backend.)
 * A patient the user has no care relation to (issue #8: the search result says a reason is
 * needed) opens behind the reason dialog: the helper states `reason` (default "Pasienten får
 * helsehjelp av meg nå"), as a user would.
 */
export async function openPatient(page: Page, patientOrId: Patient | string, options: { reason?: string } = {}): Promise<Patient> {
  const patient = typeof patientOrId === 'string' ? await searchPatient(page, patientOrId) : patientOrId;
  const id = patient.identifier?.find((i) => i.system === 'urn:oid:2.16.578.1.12.4.1.4.1')?.value;
  if (!id) throw new Error(`Patient ${patient.id} has no fødselsnummer`);
  const search = page.getByRole('combobox', { name: 'Søk pasient' });
  await search.fill(id);
  // The search's own list (a chart has other options, in its filters' selects).
  const results = page.getByRole('listbox').getByRole('option');
  // Right after a page load the mock backend may still be building its data: allow for that.
  await expect(results).toHaveCount(1, { timeout: 45_000 });
  // This search's result, not the previous search's (shown, but not choosable, until it is replaced).
  await expect(results.first()).toContainText(patient.name?.[0]?.family ?? '');
  await expect(results.first()).not.toHaveAttribute('aria-disabled', 'true');
  const needsReason = (await results.first().textContent())?.includes('begrunnelse kreves') ?? false;
  // Chosen with the keyboard, as a GP in a hurry does (a click can land while the list moves).
  await search.press('ArrowDown');
  await search.press('Enter');
  if (needsReason) await stateReason(page, options.reason);
  await expect(page.getByRole('region', { name: 'Pasient', exact: true }).getByRole('heading', { level: 1 })).toContainText(patient.name?.[0]?.family ?? '');
  return patient;
}

/** The patient as the signed-in user may see it in a search (whole, or reduced without a care relation). */
export async function searchPatient(page: Page, patientId: string): Promise<Patient> {
  const bundle = await fhir<Bundle<Patient>>(page, `Patient?_id=${patientId}`);
  const patient = bundle.entry?.[0]?.resource;
  if (!patient) throw new Error(`No patient ${patientId}`);
  return patient;
}

/** In the reason dialog (no care relation): picks a reason from the list and opens the journal. */
export async function stateReason(page: Page, reason = 'Pasienten får helsehjelp av meg nå'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /tjenstlig behov/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: reason }).check();
  await dialog.getByRole('button', { name: 'Åpne journalen' }).click();
  await expect(dialog).toBeHidden();
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Scans the page with axe; fails on serious or critical violations, listing them. With `within`
 * (a CSS selector), only that part: an open modal dialog, when the page behind it (hidden from
 * assistive technology while the dialog is open) has been scanned already.
 *
 * axe-core runs in the page itself, put in once per document. (@axe-core/playwright's builder
 * puts axe's half-megabyte source into the page again and finishes every scan in a new blank
 * page: about 1.5 s a scan, ten times the scan itself. The app has no iframes to reach into.)
 */
export async function expectAccessible(page: Page, context: string, options: { within?: string } = {}): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async ({ within, tags }) => {
      // Transitions (a dialog fading in) end first: half-faded text is not what the user reads.
      const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
      await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
      const engine = (window as unknown as { axe: typeof axe }).axe;
      const results = await engine.run(within ? { include: [within] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return results.violations.map((v) => ({ id: v.id, help: v.help, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
    },
    { within: options.within, tags: AXE_TAGS },
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.targets.slice(0, 3).join(', ')})`),
    `axe violations on ${context}`,
  ).toEqual([]);
}

/**
 * The journeys' data set: the standard scenario with this many patients (E2E_PATIENTS, default
 * 1,500) rather than ten thousand, so each page's mock backend builds its data in a sixth of the
 * time. The first patients are the same whatever the size (the seed is per patient), the five
 * heavy ones included; `npm run bench` measures with the full ten thousand.
 */
const E2E_PATIENTS = Number(process.env.E2E_PATIENTS ?? 1500);

export const test = base.extend<{ cleanPage: Page }>({
  context: async ({ context }, use) => {
    await context.route('**/config.json', async (route) => {
      const response = await route.fetch();
      const config = (await response.json()) as { backend: { kind: string; patients?: number }; exchange?: { pollSeconds?: number } };
      if (config.backend.kind === 'mock' && E2E_PATIENTS > 0) config.backend.patients = E2E_PATIENTS;
      // The inbox looks for news every 2 s rather than 15 (a deployment setting): the journeys wait
      // for partners' receipts and hospital notices as a user would, only not as long.
      config.exchange = { pollSeconds: 2 };
      await route.fulfill({ response, json: config });
    });
    await use(context);
  },
  cleanPage: async ({ page }, use) => {
    await page.goto('/sign-in');
    // The persona list appears once the mock backend (MSW) answers: then /personas works from the page too.
    await expect(page.getByRole('list', { name: /^(Brukere du kan logge inn som|Users you can sign in as)$/ })).toBeVisible();
    await use(page);
  },
});

export { expect };
