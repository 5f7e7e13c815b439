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
    // The menu opens with a transition: on a busy machine a click on "Logg ut" while it moves can
    // miss (the menu stays open, nothing happens); the user then taps again, and so does the test.
    await expect(async () => {
      if (!(await page.getByRole('menu').isVisible())) await userButton.click();
      await page.getByRole('menuitem', { name: 'Logg ut' }).click({ timeout: 3000 });
      await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible({ timeout: 5000 });
    }).toPass({ timeout: 30_000 });
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

test('before the JavaScript has loaded, the sign-in page shows its heading and introduction where React renders them', async ({ page }) => {
  // index.html paints these at once (the largest text on the first screen); React must render the
  // same text in the same boxes, or the page jumps and its largest paint waits for the JavaScript.
  const boxes = () =>
    page.evaluate(() => {
      const box = (selector: string) => {
        const element = document.querySelector(`#root main ${selector}`);
        if (!element) return null;
        const range = document.createRange();
        range.selectNodeContents(element);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { text: element.textContent, box: [x, y, width, height].map((v) => Math.round(v * 10) / 10) };
      };
      return { lang: document.documentElement.lang, h1: box('h1'), h2: box('h2'), intro: box('h2 + p') };
    });
  for (const language of ['nb', 'en'] as const) {
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto('/sign-in');
    await page.evaluate((language) => localStorage.setItem('akson.preferences', JSON.stringify({ state: { language, themeMode: 'light', deviceClass: 'auto' }, version: 0 })), language);
    await page.reload();
    await expect(page.locator('#root main h2 + p')).toHaveText(language === 'nb' ? /^Demo med syntetiske data/ : /^Demo with synthetic data/);
    const shell = await boxes();
    await page.unroute(/\/assets\/.*\.js$/);
    await page.reload();
    await expect(page.getByRole('list', { name: language === 'nb' ? 'Brukere du kan logge inn som' : 'Users you can sign in as' })).toBeVisible();
    expect(await boxes(), `the ${language} sign-in page`).toEqual(shell);
  }
});

test("the app's address without a session opens the sign-in page at once, without loading the app's shell", async ({ page }) => {
  // Before any JavaScript: index.html sends the visitor on and draws the sign-in page's heading.
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator('#root main h2')).toHaveText('Logg inn');
  await page.unroute(/\/assets\/.*\.js$/);

  // With it: the persona list, and none of the signed-in pages' code (the shell, MUI's theme) was fetched.
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/?usability-kit');
  await expect(page).toHaveURL(/\/sign-in\?usability-kit$/);
  await expect(page.getByRole('list', { name: 'Brukere du kan logge inn som' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((path) => /AppShell|ThemedOutlet/.test(path))).toEqual([]);
});

test('the first page is usable before React has run, which starts once the page is used', async ({ page }) => {
  // React DOM announces itself to the React developer tools' hook when its module is evaluated:
  // a stand-in hook tells when that happens (the app's chunks may download earlier, as preloads).
  await page.addInitScript(() => {
    const noop = () => undefined;
    Object.assign(window, {
      __reactDomRan: false,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => {
          Object.assign(window, { __reactDomRan: true });
          return 1;
        },
        checkDCE: noop,
        onCommitFiberRoot: noop,
        onCommitFiberUnmount: noop,
        onPostCommitFiberRoot: noop,
        setStrictMode: noop,
      },
    });
  });
  const reactRan = () => page.evaluate(() => (window as unknown as { __reactDomRan: boolean }).__reactDomRan);
  await page.goto('/sign-in');
  const list = page.getByRole('list', { name: 'Brukere du kan logge inn som' });
  await expect(list).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await reactRan()).toBe(false);
  // Using the page (here: the filter field's focus and typing) starts React; the filter works either way.
  await page.getByLabel('Filtrer på navn, rolle eller enhet').fill('fastlege');
  await expect(list.getByRole('button').first()).toContainText('Fastlege');
  await expect.poll(reactRan).toBe(true);
  await list.getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fastlegekontor' })).toBeVisible();
});
