// Home care's budgets (issue #6), measured on the demo build with its embedded mock backend and
// the `home-care-long-route` scenario (the standard data set, ten thousand patients, where the
// Bergen home care nurse has 25 visits today), on a tablet-sized touch screen (820×1180):
//  - route: the sign-in tap → today's visits usable (every one of the 25 visits on the list with
//    its link, and the critical-information markers asked for). Signed out in between, so the
//    query cache is empty; the first run (the mock backend builds its data) is not counted.
//    Budget 1,500 ms.
//  - check-in: the tap on "Sjekk inn" → "Sjekket inn kl. …" on screen, at a new visit each run.
//    Budget 100 ms.
//  - tick: the tap on a task's "Utført" / "Ikke utført" → the button pressed. Budget 100 ms.
// Used by scripts/bench.mjs (BENCH_ONLY=home-care, and in the full run).

export async function benchHomeCare({ base, chromeFlags, runs, results, median }) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || undefined, args: chromeFlags.slice(1) });
  try {
    const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    await context.route('**/config.json', async (route) => {
      const response = await route.fetch();
      const config = await response.json();
      if (config.backend.kind === 'mock') config.backend.scenario = 'home-care-long-route';
      await route.fulfill({ response, json: config });
    });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('list', { name: 'Brukere du kan logge inn som' }).waitFor({ timeout: 120_000 });
    const personas = await page.evaluate(async () => (await fetch('/personas')).json());
    const nurse = personas.find((p) => p.id === 'bergen-homecare-nurse');
    const filter = page.getByLabel('Filtrer på navn, rolle eller enhet');

    const routeTimes = [];
    let visits = 0;
    for (let i = 0; i < runs + 1; i++) {
      if (i > 0) {
        await page.getByRole('banner').getByRole('button', { name: new RegExp(nurse.name) }).click();
        await page.getByRole('menuitem', { name: 'Logg ut' }).click();
      }
      await filter.fill(nurse.name);
      await page.evaluate(() => {
        window.__tapped = 0;
        document.addEventListener('click', () => (window.__tapped = performance.now()), { capture: true, once: true });
      });
      await page.getByRole('button', { name: new RegExp(nurse.name) }).first().tap();
      const { ms, count } = await page
        .waitForFunction(
          () => {
            const list = document.querySelector('#module-home-care-visits ol[aria-label="Dagens besøk"]');
            const items = list?.querySelectorAll(':scope > li') ?? [];
            if (items.length < 25 || [...items].some((li) => !li.querySelector('a[href*="/home-care/visit/"]'))) return false;
            return { ms: performance.now() - window.__tapped, count: items.length };
          },
          null,
          { polling: 'raf', timeout: 180_000 },
        )
        .then((h) => h.jsonValue());
      visits = count;
      if (i > 0) routeTimes.push(ms);
    }
    results.timings.homeCareRouteMs = { persona: nurse.id, visits, runs: routeTimes.map(Math.round), median: Math.round(median(routeTimes)) };
    results.budgets.homeCareRouteMs = { budget: 1500, value: results.timings.homeCareRouteMs.median, ok: results.timings.homeCareRouteMs.median <= 1500 };

    // Check in at a new visit each run; tick that visit's first task back and forth.
    const checkInTimes = [];
    const tickTimes = [];
    const route = page.locator('#module-home-care-visits ol[aria-label="Dagens besøk"] > li');
    const timeTap = async (locator, done, arg) => {
      await page.evaluate(() => {
        window.__tapped = 0;
        document.addEventListener('click', () => (window.__tapped = performance.now()), { capture: true, once: true });
      });
      await locator.tap();
      return page.waitForFunction(done, arg, { polling: 'raf', timeout: 10_000 }).then((h) => h.jsonValue());
    };
    for (let i = 0; i < runs + 1; i++) {
      await route.nth(i + 1).getByRole('link').tap();
      const checkIn = page.getByRole('button', { name: 'Sjekk inn' });
      await checkIn.waitFor({ timeout: 30_000 });
      const ms = await timeTap(checkIn, () => [...document.querySelectorAll('p')].some((p) => p.textContent?.startsWith('Sjekket inn kl.')) && performance.now() - window.__tapped);
      if (i > 0) checkInTimes.push(ms);
      const group = page.getByRole('region', { name: 'Tiltak' }).getByRole('group').first();
      if (await group.count()) {
        for (const name of ['Utført', 'Ikke utført', 'Utført']) {
          const button = group.getByRole('button', { name, exact: true });
          const handle = await button.elementHandle();
          const tick = await timeTap(button, (el) => el.getAttribute('aria-pressed') === 'true' && performance.now() - window.__tapped, handle);
          if (i > 0) tickTimes.push(tick);
        }
      }
      await page.getByRole('link', { name: 'Tilbake til dagens besøk' }).or(page.getByRole('button', { name: 'Tilbake til dagens besøk' })).first().tap();
      await route.first().waitFor();
    }
    results.timings.homeCareCheckInMs = { runs: checkInTimes.map(Math.round), median: Math.round(median(checkInTimes)), max: Math.round(Math.max(...checkInTimes)) };
    results.budgets.homeCareCheckInMs = { budget: 100, value: results.timings.homeCareCheckInMs.median, ok: results.timings.homeCareCheckInMs.median <= 100 };
    results.timings.homeCareTickMs = { runs: tickTimes.map((x) => Math.round(x * 10) / 10), median: Math.round(median(tickTimes) * 10) / 10, max: Math.round(Math.max(...tickTimes) * 10) / 10 };
    results.budgets.homeCareTickMs = { budget: 100, value: results.timings.homeCareTickMs.median, ok: results.timings.homeCareTickMs.median <= 100 };
  } finally {
    await browser.close();
  }
}
